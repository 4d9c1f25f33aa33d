import ArchiveCore

/// What `summary.mustache` shows of a summary: one report per cell, each with the heading
/// of a cell's report (the committee over the cell, the number line to fill in, the place and
/// date), its figures, its month chart, its findings in words, the secretary's signature and
/// the recipients. A committee's own report is a `CommitteeReportView`.
struct SummaryView {
    /// One cell's report with its own heading and signature.
    struct Report {
        var heading: PartyHeadingView
        var cell: CellReport
        /// The secretary on the summary's last day, under the signature.
        var signerName: String?
        /// "Đảng ủy xã Hợp Thành (để báo cáo)", "Lưu Chi bộ".
        var recipients: [RecipientLine]
    }

    /// A cell's year: its figures, its chart and its findings.
    struct CellReport {
        struct Figure {
            var label: String
            var value: String
        }

        var name: String
        var figures: [Figure]
        var chart: MonthChartView
        var hasFindings: Bool
        /// The findings' messages; their codes are for scripts, not paper.
        var findings: [String]
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
        pageTitle = "Báo cáo kết quả sinh hoạt chi bộ \(summary.period.vietnameseName) – \(subject)"
        reports = summary.cells.map { cell in
            Report(
                heading: PartyHeadingView(
                    parent: cell.organizationName, issuer: cell.name,
                    number: PartyHeadingView.Number(blankKind: "BC/CB"),
                    placeAndDate: "\(PartyNames.placeName(cell.name)), \(issued.vietnameseLong)"),
                cell: CellReport(cell, year: summary.year), signerName: cell.secretaryName,
                recipients: RecipientLine.lines([
                    "\(PartyNames.committeeName(cell.organizationName)) (để báo cáo)", "Lưu Chi bộ",
                ]))
        }
    }

    static func share(_ value: Double?) -> String { value.map(Percent.text) ?? "–" }
}

extension SummaryView.CellReport {
    init(_ cell: CellYearSummary, year: Int) {
        name = cell.name
        figures = Self.figures(cell)
        chart = MonthChartView(cell, year: year)
        hasFindings = !cell.findings.isEmpty
        findings = cell.findings.map(\.message)
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
            // Months with a regular session out of the months counted, never sessions over
            // months: two sessions in May fill May only, and are said so.
            (
                "Sinh hoạt thường kỳ",
                "\(cell.regularMonthsFigure) có sinh hoạt thường kỳ"
                    + (cell.severalRegularSessionsPhrase.map { " (\($0))" } ?? "")
            ),
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
        if !cell.repeatedSittings.isEmpty {
            rows.insert(
                (
                    "Biên bản ghi trùng một kỳ (chưa tính)",
                    "\(cell.repeatedSittings.count) biên bản: " + cell.repeatedSittings.joined(separator: ", ")
                ), at: 5)
        }
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
