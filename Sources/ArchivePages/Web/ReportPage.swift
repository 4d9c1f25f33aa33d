import ArchiveCore

/// The committee's report in the web app (`GET /bao-cao`): the period chosen, the figures the
/// report will print (section I and the comparison a year earlier), and the form where the
/// office writes the rest (number, place and date, ưu điểm, hạn chế, phương hướng, signer,
/// recipients), saved with `POST /bao-cao`; `GET /bao-cao/in` is the A4 page to print.
public struct ReportPage: Sendable {
    /// A choice of a select.
    struct Option: Sendable {
        let value: String
        let text: String
        let selected: Bool
    }

    let pageTitle: String
    let bar: WebAccountBar
    let committeeName: String
    let periodName: String
    let year: Int
    let organizationID: String
    let periodValue: String
    let periodOptions: [Option]
    let otherOrganizations: [WebLink]
    let hasOtherOrganizations: Bool
    /// Section I as the report will print it.
    let figures: ReportFiguresView
    let printHref: String
    let boardHref: String
    let action = WebPath.reportPath
    let number: String
    let place: String
    let date: String
    let strengths: String
    let shortcomings: String
    let directions: String
    let signerName: String
    let recipients: String
    let signerTitles: [Option]
    /// Why the text was not saved, as a sentence.
    let problem: String?
    let notice: String?
    /// "Lưu lần cuối lúc 14:05 ngày 02/12/2026, tài khoản vanphong."
    let saved: String?

    /// The page of `report`, its form filled with what was saved, or with `typed` (and
    /// `problem`) when a save was refused.
    ///
    /// - parameters:
    ///   - typed: what the office typed, re-shown as typed after a refusal.
    ///   - typedDate: the date as typed ("05/01/2025"), when `typed` is given.
    ///   - organizations: the committees the account may switch to.
    public init(
        bar: WebAccountBar, report: CommitteeReport, organizations: [OrganizationName], typed: ReportText? = nil,
        typedDate: String? = nil, problem: String? = nil, notice: String? = nil
    ) {
        self.bar = bar
        let period = report.period
        committeeName = report.committeeName
        periodName = period.vietnameseName
        year = period.year
        organizationID = report.organization.id
        periodValue = ReportPeriodParameter.value(of: period)
        pageTitle = "Báo cáo \(period.vietnameseName) – \(report.committeeName) – Sổ Chi Bộ"
        periodOptions = ReportPeriodParameter.choices.map { value, text in
            Option(value: value, text: text, selected: value == ReportPeriodParameter.value(of: period))
        }
        otherOrganizations = organizations.filter { $0.id != report.organization.id }.map {
            WebLink(href: WebPath.report(organizationID: $0.id, period: period), text: $0.name)
        }
        hasOtherOrganizations = !otherOrganizations.isEmpty
        figures = ReportFiguresView(report)
        printHref = WebPath.report(organizationID: report.organization.id, period: period, print: true)
        boardHref = "/bang-theo-doi?dang-bo=\(WebPath.segment(report.organization.id))&nam=\(period.year)"
        let text = typed ?? report.text
        number = text.number
        place = text.place
        date = typedDate ?? text.date?.vietnameseShort ?? ""
        strengths = text.strengths
        shortcomings = text.shortcomings
        directions = text.directions
        signerName = text.signerName
        recipients = text.recipients.joined(separator: "\n")
        signerTitles = ReportText.SignerTitle.allCases.map {
            Option(value: $0.rawValue, text: $0.vietnameseName, selected: $0 == text.signerTitle)
        }
        self.problem = problem
        self.notice = notice
        saved = report.saved.map { "Lưu lần cuối lúc \(AuditEntry.localTime($0.at)), tài khoản \($0.by)." }
    }
}

/// How the web app names a report's period in its address: `ky=nam`, `ky=quy-3`, `ky=thang-9`,
/// beside `nam=2024`.
public enum ReportPeriodParameter {
    /// Every period of a year, as (value, text) for the chooser.
    static let choices: [(String, String)] =
        [("nam", "Cả năm")] + (1...4).map { ("quy-\($0)", "Quý \(PrintText.roman($0))") }
        + (1...12).map { ("thang-\($0)", "Tháng \($0)") }

    /// The period of `year` that `value` names; the year for an empty value; `nil` when
    /// `value` names none.
    public static func period(year: Int, value: String?) -> SummaryPeriod? {
        guard let value, !value.isEmpty, value != "nam" else { return SummaryPeriod(year: year) }
        if value.hasPrefix("quy-"), let quarter = Int(value.dropFirst(4)) {
            return SummaryPeriod(year: year, quarter: quarter)
        }
        if value.hasPrefix("thang-"), let month = Int(value.dropFirst(6)) {
            return SummaryPeriod(year: year, month: month)
        }
        return nil
    }

    /// The value that names `period`.
    public static func value(of period: SummaryPeriod) -> String {
        switch period.span {
        case .year: "nam"
        case .quarter: "quy-\(period.index ?? 1)"
        case .month: "thang-\(period.index ?? 1)"
        }
    }

    /// "Năm 2023", "Quý III/2023", "Tháng 9/2023": a column's header.
    static func label(_ period: SummaryPeriod) -> String {
        switch period.span {
        case .year: "Năm \(period.year)"
        case .quarter: "Quý \(PrintText.roman(period.index ?? 1))/\(period.year)"
        case .month: "Tháng \(period.index ?? 1)/\(period.year)"
        }
    }
}

extension WebPath {
    /// `/bao-cao`: where the report's form is sent.
    public static let reportPath = "/bao-cao"

    /// `/bao-cao?dang-bo=ID&nam=2024&ky=quy-3`, or `/bao-cao/in?…` for the page to print.
    public static func report(organizationID: String, period: SummaryPeriod, print: Bool = false) -> String {
        (print ? "/bao-cao/in" : reportPath)
            + "?dang-bo=\(segment(organizationID))&nam=\(period.year)&ky=\(ReportPeriodParameter.value(of: period))"
    }
}
