import ArchiveCore

/// What `summary.mustache` shows of a yearly summary: for a committee, one report with the
/// totals, the cells ranked by their share of Tốt and each cell in an annex; else one report
/// per cell with its figures, its month chart and its findings.
struct SummaryView {
    /// One report with its own heading and signature.
    struct Report {
        var heading: PartyHeadingView
        var committee: Committee?
        var cellAlone: CellReport?
        /// "T/M CHI BỘ" or "T/M ĐẢNG ỦY".
        var authority: String
    }

    /// What a committee's report adds.
    struct Committee {
        struct Rank {
            var rank: Int
            var name: String
            /// The columns after the name, in the order of the table's header.
            var numbers: [String]
        }

        /// The paragraphs of the totals.
        var totals: [String]
        var ranking: [Rank]
        var cells: [CellReport]
    }

    /// A cell's year: its figures, its chart and its findings.
    struct CellReport {
        struct Figure {
            var label: String
            var value: String
        }

        struct FindingLine {
            var message: String
            var code: String
        }

        var name: String
        var figures: [Figure]
        var chart: MonthChartView
        var hasFindings: Bool
        var findings: [FindingLine]
    }

    let pageTitle: String
    let mainClass = "report"
    /// The audit log's head for the page's footer ("Sổ nhật ký: 1.234 mục, mã cuối …"), or nil.
    var logHeadLine: String?
    let year: Int
    /// "năm 2024", "quý III năm 2024", "tháng 9 năm 2024".
    let periodName: String
    /// "ngày 31 tháng 12 năm 2024".
    let asOf: String
    let ratingBasis: String
    let reports: [Report]

    init(_ summary: YearSummary, issued: LocalDate) {
        year = summary.year
        periodName = summary.period.vietnameseName
        asOf = summary.asOf.vietnameseLong
        ratingBasis = summary.ratingBasis.vietnameseSentence
        let subject = summary.organization?.name ?? summary.cells.first?.name ?? ""
        pageTitle = "Tổng hợp sinh hoạt chi bộ \(summary.period.vietnameseName) – \(subject)"
        let date = issued.vietnameseLong.capitalizedFirst
        if let organization = summary.organization, let totals = summary.totals {
            let committee = Committee(
                totals: Self.totals(totals, period: summary.period), ranking: Self.ranking(summary.cells),
                cells: summary.cells.map { CellReport($0, year: summary.year) })
            reports = [
                Report(
                    heading: PartyHeadingView(parent: nil, issuer: organization.name, placeAndDate: date),
                    committee: committee, authority: "T/M ĐẢNG ỦY")
            ]
        } else {
            reports = summary.cells.map { cell in
                Report(
                    heading: PartyHeadingView(parent: cell.organizationName, issuer: cell.name, placeAndDate: date),
                    cellAlone: CellReport(cell, year: summary.year), authority: "T/M CHI BỘ")
            }
        }
    }

    static func share(_ value: Double?) -> String { value.map(Percent.text) ?? "–" }

    static func totals(_ totals: CommitteeTotals, period: SummaryPeriod) -> [String] {
        let ratings = totals.ratings
        return [
            "\(totals.cellsWithRegularSessions)/\(totals.cells) chi bộ \(period.regularSessionsPhrase); \(totals.cellsWithFewerSessions) chi bộ sinh hoạt ít hơn.",
            "Tổng số \(totals.meetingsHeld) buổi sinh hoạt (\(totals.regularHeld) thường kỳ, \(totals.thematicHeld) chuyên đề, \(totals.extraordinaryHeld) bất thường). Xếp loại: Tốt \(ratings.good) buổi (\(share(totals.goodShare))); Khá \(ratings.fair); Trung bình \(ratings.average); Kém \(ratings.weak); chưa xếp loại \(ratings.unrated). Khá trở lên: \(share(totals.fairOrBetterShare)).",
            "Tỷ lệ đảng viên dự sinh hoạt bình quân: \(share(totals.attendanceRate)). Ban hành \(totals.resolutionsIssued) nghị quyết; phân công \(totals.tasks.assigned) nhiệm vụ, hoàn thành \(totals.tasks.done), chưa xong \(totals.tasks.open). Có \(totals.findings) vi phạm và lưu ý.",
        ]
    }

    static func ranking(_ cells: [CellYearSummary]) -> [Committee.Rank] {
        cells.enumerated().map { index, cell in
            Committee.Rank(
                rank: index + 1, name: cell.name,
                numbers: [
                    "\(cell.regularHeld)/\(cell.monthsCounted)", "\(cell.thematicHeld)", "\(cell.ratings.good)",
                    "\(cell.ratings.fair)", "\(cell.ratings.average)", "\(cell.ratings.weak)", share(cell.goodShare),
                    share(cell.attendanceRate), "\(cell.findings.count)",
                ])
        }
    }
}

extension SummaryView.CellReport {
    init(_ cell: CellYearSummary, year: Int) {
        name = cell.name
        figures = Self.figures(cell)
        chart = MonthChartView(cell, year: year)
        hasFindings = !cell.findings.isEmpty
        findings = cell.findings.map { FindingLine(message: $0.message, code: $0.code.rawValue) }
    }

    static func figures(_ cell: CellYearSummary) -> [Figure] {
        let share = SummaryView.share
        func months(_ values: [Int]) -> String {
            values.isEmpty ? "Không có" : "Tháng " + values.map(String.init).joined(separator: ", ")
        }
        func quarters(_ values: [Int]) -> String {
            values.isEmpty ? "Không có" : "Quý " + values.map { PrintText.roman($0) }.joined(separator: ", ")
        }
        let ratings = cell.ratings
        var rows: [(String, String)] = [
            ("Sinh hoạt thường kỳ", "\(cell.regularHeld) kỳ / \(cell.monthsCounted) tháng tính"),
            ("Tháng không sinh hoạt thường kỳ", months(cell.missingMonths)),
            ("Sinh hoạt chuyên đề", "\(cell.thematicHeld) kỳ"),
            ("Quý không sinh hoạt chuyên đề", quarters(cell.quartersWithoutThematic)),
            ("Sinh hoạt bất thường", "\(cell.extraordinaryHeld) kỳ"),
            (
                "Xếp loại \(cell.meetingsHeld) buổi sinh hoạt",
                "Tốt \(ratings.good); Khá \(ratings.fair); Trung bình \(ratings.average); Kém \(ratings.weak); chưa xếp loại \(ratings.unrated)"
            ),
            ("Tỷ lệ buổi xếp loại Tốt", share(cell.goodShare)),
            ("Tỷ lệ buổi xếp loại Khá trở lên", share(cell.fairOrBetterShare)),
            ("Tỷ lệ đảng viên dự sinh hoạt bình quân", share(cell.attendanceRate)),
        ]
        if !cell.unapprovedMinutes.isEmpty {
            rows.insert(
                ("Biên bản chưa thông qua (chưa tính)", "\(cell.unapprovedMinutes.count) biên bản chưa thông qua"),
                at: 5)
        }
        if let lowest = cell.lowestAttendance {
            rows.append(
                (
                    "Buổi có tỷ lệ dự thấp nhất",
                    "\(Percent.text(lowest.rate)) (\(lowest.present)/\(lowest.expected) đảng viên), ngày \(lowest.date.vietnameseShort)"
                ))
        }
        rows += [
            (
                "Đảng viên vắng không lý do từ 3 lần",
                cell.unexcusedAbsences.isEmpty
                    ? "Không có"
                    : cell.unexcusedAbsences.map {
                        "\($0.name) (\($0.count) lần, tháng \($0.months.map(String.init).joined(separator: ", ")))"
                    }.joined(separator: "; ")
            ),
            (
                "Đảng viên vắng có lý do từ 3 kỳ liên tiếp",
                cell.excusedAbsencesInARow.isEmpty
                    ? "Không có"
                    : cell.excusedAbsencesInARow.map { "\($0.name) (\($0.count) kỳ)" }.joined(separator: "; ")
            ),
            (
                "Buổi dưới thời lượng tối thiểu",
                cell.shortMeetings.isEmpty
                    ? "Không có"
                    : cell.shortMeetings.map { "\($0.date.vietnameseShort): \($0.minutes)/\($0.minimum) phút" }
                        .joined(separator: "; ")
            ),
            ("Biên bản không có kết luận", "\(cell.meetingsWithoutConclusion.count)"),
            ("Biểu quyết không đạt quá nửa số có quyền biểu quyết", "\(cell.failedVotes.count)"),
            ("Nghị quyết đã ban hành", "\(cell.resolutionsIssued)"),
            (
                "Nhiệm vụ được phân công",
                "\(cell.tasks.assigned): hoàn thành \(cell.tasks.done); hủy \(cell.tasks.cancelled); chưa xong \(cell.tasks.open)"
            ),
        ]
        return rows.map { Figure(label: $0.0, value: $0.1) }
    }
}
