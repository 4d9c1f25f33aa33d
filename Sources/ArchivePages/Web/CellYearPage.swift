import ArchiveCore

/// A cell's year at a glance (`GET /chi-bo/{cellID}`): the twelve months with the regular
/// meeting's state (none, draft, approved, rated with its level), the thematic meeting each
/// quarter owes, extraordinary meetings, and the cell's recent documents.
public struct CellYearPage: Sendable {
    /// A month or a quarter as a row: its name, what happened, and links to its meetings.
    struct Row: Sendable {
        let period: String
        let state: String
        /// `none`, `future`, `draft`, `approved`, `rated`: the row's colour in the stylesheet.
        let stateClass: String
        let meetings: [WebLink]
    }

    /// A document as listed.
    struct DocumentRow: Sendable {
        let href: String
        let label: String
        let documentTitle: String
        let dated: String
        let marking: String?
    }

    let pageTitle: String
    let bar: WebAccountBar
    let cellName: String
    let organizationName: String
    let year: Int
    let overview: String
    let months: [Row]
    let quarters: [Row]
    let documents: [DocumentRow]
    let hasNoDocuments: Bool
    let previousYear: WebLink
    let nextYear: WebLink?
    /// The other years that hold minutes, newest first, to jump to.
    let otherYears: [WebLink]
    let hasOtherYears: Bool
    let searchHref: String
    /// The link to file minutes, for an account that writes in this cell; nil otherwise.
    public var fileHref: String?

    /// The page of `cell`'s `year`.
    ///
    /// - parameters:
    ///   - meetings: the cell's meetings of `year`, whole (their status is shown).
    ///   - documents: the cell's recent documents the account may see, newest first.
    ///   - today: months after it are "not yet".
    ///   - yearsWithMeetings: every year the cell has minutes for.
    public init(
        bar: WebAccountBar, cell: Cell, organizationName: String, year: Int, today: LocalDate, meetings: [Meeting],
        documents: [DocumentOverview], yearsWithMeetings: [Int] = []
    ) {
        self.bar = bar
        cellName = cell.name
        self.organizationName = organizationName
        self.year = year
        pageTitle = "\(cell.name) – năm \(year) – Sổ Chi Bộ"
        let sorted = meetings.sorted { ($0.date, $0.start) < ($1.date, $1.start) }
        let currentMonth = today.year * 12 + today.month
        // Months before the cell's first term began owe nothing.
        let founded = cell.terms.map(\.start).min().map { $0.year * 12 + $0.month } ?? 0

        var regularMonths = 0
        months = (1...12).map { month in
            let inMonth = sorted.filter { $0.date.month == month }
            let regular = inMonth.first { $0.kind == .regular || $0.kind == .combined }
            let links = inMonth.map { WebLink(href: WebPath.record($0.id), text: Self.linkText($0)) }
            let period = "Tháng \(month)"
            guard let regular else {
                let position = year * 12 + month
                let state =
                    if position > currentMonth {
                        "Chưa đến"
                    } else if position == currentMonth {
                        "Tháng này chưa có kỳ sinh hoạt"
                    } else if position < founded {
                        "Chi bộ chưa thành lập"
                    } else {
                        "Chưa có kỳ sinh hoạt thường kỳ"
                    }
                let owed = position < currentMonth && position >= founded
                return Row(period: period, state: state, stateClass: owed ? "none" : "future", meetings: links)
            }
            regularMonths += 1
            let (state, stateClass) = Self.state(of: regular)
            return Row(period: period, state: state, stateClass: stateClass, meetings: links)
        }
        let romans = ["I", "II", "III", "IV"]
        quarters = (1...4).map { quarter in
            let thematic = sorted.filter {
                $0.date.quarter == quarter && ($0.kind == .thematic || $0.kind == .combined)
            }
            let links = thematic.map { WebLink(href: WebPath.record($0.id), text: Self.linkText($0)) }
            let period = "Quý \(romans[quarter - 1])"
            if let first = thematic.first {
                return Row(
                    period: period, state: "Đã sinh hoạt chuyên đề ngày \(first.date.vietnameseShort)",
                    stateClass: Self.state(of: first).1, meetings: links)
            }
            // A quarter owes its thematic meeting only once it is over.
            let future = year * 12 + quarter * 3 >= currentMonth || year * 12 + quarter * 3 < founded
            return Row(
                period: period, state: future ? "Quý chưa hết" : "Chưa có kỳ sinh hoạt chuyên đề",
                stateClass: future ? "future" : "none", meetings: links)
        }
        let extraordinary = sorted.filter { $0.kind == .extraordinary }.count
        overview =
            "Sinh hoạt thường kỳ \(regularMonths)/12 tháng · chuyên đề \(quarters.filter { !$0.meetings.isEmpty }.count)/4 quý"
            + (extraordinary > 0 ? " · \(extraordinary) kỳ bất thường" : "")
        self.documents = documents.map { document in
            DocumentRow(
                href: WebPath.record(document.id),
                label: document.symbol.map { "\(document.type.vietnameseName) số \($0)" }
                    ?? "\(document.type.vietnameseName) (\(document.status.vietnameseName))",
                documentTitle: document.title, dated: document.date.vietnameseShort,
                marking: document.classification == .none ? nil : document.classification.vietnameseName)
        }
        hasNoDocuments = documents.isEmpty
        previousYear = WebLink(href: WebPath.cell(cell.id, year: year - 1), text: "← Năm \(year - 1)")
        nextYear =
            year < today.year ? WebLink(href: WebPath.cell(cell.id, year: year + 1), text: "Năm \(year + 1) →") : nil
        otherYears = Set(yearsWithMeetings).subtracting([year]).sorted(by: >).map {
            WebLink(href: WebPath.cell(cell.id, year: $0), text: "Năm \($0)")
        }
        hasOtherYears = !otherYears.isEmpty
        searchHref = "/tim-kiem?chi-bo=\(WebPath.segment(cell.id))"
    }

    /// "Đã xếp loại: Tốt", "Đã thông qua", "Dự thảo" and the row's class.
    static func state(of meeting: Meeting) -> (String, String) {
        if let rating = meeting.rating { return ("Đã xếp loại: \(rating.level.vietnameseName)", "rated") }
        return meeting.status == .approved ? ("Đã thông qua biên bản", "approved") : ("Biên bản dự thảo", "draft")
    }

    /// "Ngày 08/08/2023, thường kỳ".
    static func linkText(_ meeting: Meeting) -> String {
        "Ngày \(meeting.date.vietnameseShort), \(meeting.kind.vietnameseName)"
    }
}
