import ArchiveCore

/// What `committee-report.mustache` shows of a `CommitteeReport`: the heading, the sentences
/// of section I, the comparison, the office's sections (blank lines where it wrote nothing),
/// the signature and recipients, and the annex of every cell in Vietnamese order.
struct CommitteeReportView {
    /// A numbered part with its paragraphs.
    struct Part {
        var number: Int
        var heading: String
        var paragraphs: [String]
        /// Nothing written yet: dotted lines to write on by hand.
        var blank: Bool
        /// All paragraphs but the last, and the last, which is kept on the page of the
        /// signature so that no page holds the signature alone (stored: templates see only
        /// stored properties).
        var leading: [String] = []
        var last: String?

        init(number: Int, heading: String, paragraphs: [String], blank: Bool) {
            self.number = number
            self.heading = heading
            self.paragraphs = paragraphs
            self.blank = blank
            leading = Array(paragraphs.dropLast())
            last = paragraphs.last
        }
    }

    /// One cell of an annex row, with the class that aligns it.
    struct Column {
        var text: String
        var className: String
    }

    /// One row of the annex.
    struct AnnexRow {
        var order: Int
        var name: String
        /// "2 biên bản chưa thông qua", "tháng 5 họp 2 lần", under the name.
        var note: String?
        /// Cells with a month missed are shaded.
        var late: Bool
        var columns: [Column]
    }

    let pageTitle: String
    let mainClass = "report committee"
    let heading: PartyHeadingView
    let title: String
    /// Section I: the figures as sentences and the comparison with a year earlier.
    let figures: ReportFiguresView
    let judgement: [Part]
    let directions: Part
    let recipients: [RecipientLine]
    let signatureLines: [String]
    let signerName: String?
    let periodName: String
    let annexReference: String
    let annexRows: [AnnexRow]
    let annexTotal: AnnexRow
    /// The audit log's head, printed small at the end ("Sổ nhật ký: … mục, mã cuối …").
    var logHeadLine: String?

    init(_ report: CommitteeReport) {
        pageTitle = "Báo cáo kết quả sinh hoạt chi bộ \(report.period.vietnameseName) – \(report.committeeName)"
        heading = PartyHeadingView(
            parent: report.parentName, issuer: report.committeeName,
            number: PartyHeadingView.Number(
                symbol: report.text.number.isEmpty ? nil : "\(report.text.number)-BC/ĐU",
                blankKind: report.text.number.isEmpty ? "BC/ĐU" : nil),
            placeAndDate: report.placeAndDate)
        title = report.title
        figures = ReportFiguresView(report)
        judgement = [
            Self.written(1, "Ưu điểm", report.text.strengths), Self.written(2, "Hạn chế", report.text.shortcomings),
        ]
        directions = Self.written(0, "", report.text.directions)
        recipients = RecipientLine.lines(report.text.recipients)
        signatureLines = report.text.signerTitle.signatureLines
        signerName = report.text.signerName.isEmpty ? nil : report.text.signerName
        periodName = report.period.vietnameseName
        annexReference = report.annexReference
        annexRows = report.cellsInOrder.enumerated().map { index, cell in
            Self.row(order: index + 1, cell: cell)
        }
        annexTotal = Self.total(report.totals, late: report.summary.cells.filter { !$0.missingMonths.isEmpty }.count)
    }

    /// A section of the office's own text, one paragraph per line.
    static func written(_ number: Int, _ heading: String, _ text: String) -> Part {
        let paragraphs = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return Part(number: number, heading: heading, paragraphs: paragraphs, blank: paragraphs.isEmpty)
    }

    static func row(order: Int, cell: CellYearSummary) -> AnnexRow {
        let ratings = cell.ratings
        // Months as months ("T2, T11"), not bare numbers that read as counts.
        let missing = MonthWording.short(cell.missingMonths)
        let drafts = cell.unapprovedMinutes.count
        var notes: [String] = []
        if drafts > 0 { notes.append("\(drafts) biên bản chưa thông qua") }
        if !cell.repeatedSittings.isEmpty {
            notes.append("\(cell.repeatedSittings.count) biên bản ghi trùng một kỳ, chưa tính")
        }
        if let several = cell.severalRegularSessionsPhrase { notes.append(several) }
        // Months with a regular session over months counted: two sessions in May fill May only.
        return AnnexRow(
            order: order, name: cell.name, note: notes.isEmpty ? nil : notes.joined(separator: "; "),
            late: !cell.missingMonths.isEmpty,
            columns: numbers(["\(cell.members.total)", "\(cell.regularMonthsHeld)/\(cell.monthsCounted)"])
                + [Column(text: missing, className: "months")]
                + numbers([
                    "\(cell.thematicHeld)", "\(ratings.good)", "\(ratings.fair)", "\(ratings.average)",
                    "\(ratings.weak)",
                    "\(ratings.unrated)", cell.attendanceRate.map(Percent.text) ?? "–",
                ]))
    }

    /// The annex's last row; `late` cells had a month without a regular session.
    static func total(_ totals: CommitteeTotals, late: Int) -> AnnexRow {
        let ratings = totals.ratings
        return AnnexRow(
            order: 0, name: "Cộng \(totals.cells) chi bộ", note: nil, late: false,
            columns: numbers(["\(totals.members.total)", "\(totals.regularMonthsHeld)/\(totals.monthsCounted)"])
                + [Column(text: late == 0 ? "" : "\(late) chi bộ", className: "months")]
                + numbers([
                    "\(totals.thematicHeld)", "\(ratings.good)", "\(ratings.fair)", "\(ratings.average)",
                    "\(ratings.weak)", "\(ratings.unrated)", totals.attendanceRate.map(Percent.text) ?? "–",
                ]))
    }

    private static func numbers(_ texts: [String]) -> [Column] {
        texts.map { Column(text: $0, className: "number") }
    }
}
