import ArchiveCore

/// The yearly summary as Vietnamese text for the terminal: a block of figures per cell, a
/// table over the cells and the totals for a committee, and the findings grouped by cell.
public enum SummaryText {
    /// The whole summary.
    public static func render(_ summary: YearSummary) -> String {
        var blocks: [String] = []
        let asOf = "số liệu đến ngày \(summary.asOf.vietnameseShort). \(summary.ratingBasis.vietnameseSentence)"
        if let organization = summary.organization, let totals = summary.totals {
            blocks.append(
                "TỔNG HỢP SINH HOẠT CHI BỘ \(summary.period.vietnameseName.uppercased())\n\(organization.name) (\(organization.id)), \(asOf)"
            )
            blocks.append(totalsText(totals, period: summary.period))
            blocks.append(table(summary.cells))
            let withFindings = summary.cells.filter { !$0.findings.isEmpty }
            if !withFindings.isEmpty {
                blocks.append(
                    "Vi phạm và lưu ý theo chi bộ:\n"
                        + withFindings.map { cell in
                            "\(cell.name) (\(cell.cell)):\n" + findingLines(cell.findings)
                        }.joined(separator: "\n"))
            }
        } else {
            for cell in summary.cells {
                blocks.append(
                    "TỔNG HỢP SINH HOẠT CHI BỘ \(summary.period.vietnameseName.uppercased())\n\(cell.name) (\(cell.cell)), \(asOf)"
                )
                blocks.append(figures(cell))
                blocks.append(
                    cell.findings.isEmpty
                        ? "Không có vi phạm hay lưu ý nào."
                        : "Vi phạm và lưu ý (\(cell.findings.count)):\n" + findingLines(cell.findings))
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    private static func share(_ value: Double?) -> String { value.map(Percent.text) ?? "—" }

    private static func ratingsText(_ ratings: RatingCounts) -> String {
        "Tốt \(ratings.good), Khá \(ratings.fair), Trung bình \(ratings.average), Kém \(ratings.weak), chưa xếp loại \(ratings.unrated)"
    }

    private static func list(_ numbers: [Int], _ word: String) -> String {
        numbers.isEmpty
            ? "không thiếu \(word) nào" : "thiếu \(word) " + numbers.map(String.init).joined(separator: ", ")
    }

    /// The figures of one cell, one line each.
    static func figures(_ cell: CellYearSummary) -> String {
        var rows: [(String, String)] = [
            // Months with a regular session out of the months counted: two sessions in May
            // fill May only, and are said so.
            ("Sinh hoạt thường kỳ", cell.regularMonthsPhrase),
            (
                "Sinh hoạt chuyên đề",
                "\(cell.thematicHeld) kỳ (\(list(cell.quartersWithoutThematic, "quý")))"
            ),
            ("Sinh hoạt bất thường", "\(cell.extraordinaryHeld) kỳ"),
            ("Xếp loại \(cell.meetingsHeld) kỳ", ratingsText(cell.ratings)),

            ("Tỷ lệ xếp loại", "Tốt \(share(cell.goodShare)); Khá trở lên \(share(cell.fairOrBetterShare))"),
        ]
        // Drafts are not meetings held, nor is a second record of one sitting: shown apart, so
        // that the counts above stay true.
        var notCounted: [String] = []
        if !cell.unapprovedMinutes.isEmpty {
            notCounted.append(
                "\(cell.unapprovedMinutes.count) biên bản chưa thông qua ("
                    + cell.unapprovedMinutes.joined(separator: ", ") + ")")
        }
        if !cell.repeatedSittings.isEmpty {
            notCounted.append(
                "\(cell.repeatedSittings.count) biên bản ghi trùng một kỳ đã tính ("
                    + cell.repeatedSittings.joined(separator: ", ") + ")")
        }
        if !notCounted.isEmpty { rows.append(("Chưa tính", notCounted.joined(separator: "; "))) }
        var attendance = "bình quân \(share(cell.attendanceRate))"
        if let lowest = cell.lowestAttendance {
            attendance +=
                "; thấp nhất \(Percent.text(lowest.rate)) (\(lowest.present)/\(lowest.expected), ngày \(lowest.date.vietnameseShort))"
        }
        rows.append(("Đảng viên dự sinh hoạt", attendance))
        rows.append(
            (
                "Dưới thời lượng tối thiểu",
                cell.shortMeetings.isEmpty
                    ? "không có"
                    : cell.shortMeetings.map { "\($0.date.vietnameseShort) (\($0.minutes)/\($0.minimum) phút)" }
                        .joined(separator: ", ")
            ))
        rows.append(("Biên bản không có kết luận", "\(cell.meetingsWithoutConclusion.count)"))
        rows.append(("Biểu quyết không đạt quá nửa", "\(cell.failedVotes.count)"))
        rows.append(("Nghị quyết đã ban hành", "\(cell.resolutionsIssued)"))
        rows.append(
            (
                "Nhiệm vụ được giao",
                "\(cell.tasks.assigned): hoàn thành \(cell.tasks.done), hủy \(cell.tasks.cancelled), chưa xong \(cell.tasks.open)"
            ))
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            label + ":" + String(repeating: " ", count: width - label.count + 1) + value
        }.joined(separator: "\n")
    }

    private static func totalsText(_ totals: CommitteeTotals, period: SummaryPeriod) -> String {
        """
        \(totals.cellsWithRegularSessions)/\(totals.cells) chi bộ \(period.regularSessionsPhrase); \(totals.cellsWithFewerSessions) chi bộ sinh hoạt ít hơn.
        \(totals.meetingsHeld) buổi sinh hoạt (\(totals.regularHeld) thường kỳ, \(totals.thematicHeld) chuyên đề, \(totals.extraordinaryHeld) bất thường; buổi kết hợp tính cả thường kỳ và chuyên đề)\(totals.unapprovedMinutes == 0 ? "" : "; \(totals.unapprovedMinutes) biên bản chưa thông qua, chưa tính").
        Xếp loại: \(ratingsText(totals.ratings)).
        Tốt \(share(totals.goodShare)); Khá trở lên \(share(totals.fairOrBetterShare)); đảng viên dự sinh hoạt bình quân \(share(totals.attendanceRate)).
        \(totals.resolutionsIssued) nghị quyết; \(totals.tasks.assigned) nhiệm vụ được giao, \(totals.tasks.done) hoàn thành, \(totals.tasks.open) chưa xong; \(totals.findings) vi phạm và lưu ý.
        """
    }

    private static func table(_ cells: [CellYearSummary]) -> String {
        TextTable.render(
            headers: [
                "Chi bộ", "Thường kỳ (tháng)", "Tháng thiếu", "Chuyên đề", "Bất thường", "Tốt", "Khá", "TB", "Kém",
                "Chưa XL",
                "% Tốt", "Dự họp", "Lưu ý",
            ],
            rows: cells.map { cell in
                [
                    // Months held over months counted, and the missing months as months ("T2,
                    // T11"), never bare numbers that read as counts.
                    cell.name, "\(cell.regularMonthsHeld)/\(cell.monthsCounted)",
                    cell.missingMonths.isEmpty ? "—" : MonthWording.short(cell.missingMonths),
                    "\(cell.thematicHeld)", "\(cell.extraordinaryHeld)", "\(cell.ratings.good)", "\(cell.ratings.fair)",
                    "\(cell.ratings.average)", "\(cell.ratings.weak)", "\(cell.ratings.unrated)", share(cell.goodShare),
                    share(cell.attendanceRate), "\(cell.findings.count)",
                ]
            })
    }

    private static func findingLines(_ findings: [Finding]) -> String {
        findings.map { "  [\($0.code.rawValue)] \($0.subject): \($0.message)" }.joined(separator: "\n")
    }
}
