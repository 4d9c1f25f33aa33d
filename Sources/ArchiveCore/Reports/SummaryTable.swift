/// The summary as tables for spreadsheets: one row per cell, in Vietnamese order of names,
/// and one row per finding. The CSV and the .xlsx workbook write these same columns, so that
/// the two never disagree; each column has its key (the JSON name) and its Vietnamese header.
public enum SummaryTable {
    /// What a column holds, which decides how a spreadsheet shows it.
    public enum Kind: Sendable {
        case text, integer
        /// A share or rate, 0...1, shown as a percentage.
        case share
    }

    /// One value of a row.
    public enum Value: Sendable, Hashable {
        case text(String)
        case integer(Int)
        /// A share or rate, 0...1; `nil` when unknown (nothing to divide).
        case share(Double?)
    }

    /// A column: its key, its header in Vietnamese, and its kind.
    public struct Column: Sendable {
        public let key: String
        public let header: String
        public let kind: Kind
    }

    /// The columns of the cells' table, in order.
    public static let cellColumns: [Column] = [
        Column(key: "year", header: "Năm", kind: .integer),
        Column(key: "cell", header: "Mã chi bộ", kind: .text),
        Column(key: "name", header: "Chi bộ", kind: .text),
        Column(key: "organization", header: "Đảng bộ", kind: .text),
        Column(key: "meetingsHeld", header: "Số buổi sinh hoạt", kind: .integer),
        Column(key: "regularHeld", header: "Số buổi thường kỳ", kind: .integer),
        Column(key: "regularMonthsHeld", header: "Số tháng có sinh hoạt thường kỳ", kind: .integer),
        Column(key: "monthsCounted", header: "Số tháng tính", kind: .integer),
        Column(key: "missingMonths", header: "Tháng không sinh hoạt thường kỳ", kind: .text),
        Column(key: "thematicHeld", header: "Chuyên đề", kind: .integer),
        Column(key: "quartersWithoutThematic", header: "Quý không có chuyên đề", kind: .text),
        Column(key: "extraordinaryHeld", header: "Bất thường", kind: .integer),
        Column(key: "good", header: "Tốt", kind: .integer),
        Column(key: "fair", header: "Khá", kind: .integer),
        Column(key: "average", header: "Trung bình", kind: .integer),
        Column(key: "weak", header: "Kém", kind: .integer),
        Column(key: "unrated", header: "Chưa xếp loại", kind: .integer),
        Column(key: "goodShare", header: "Tỷ lệ Tốt", kind: .share),
        Column(key: "fairOrBetterShare", header: "Tỷ lệ Khá trở lên", kind: .share),
        Column(key: "attendanceRate", header: "Tỷ lệ dự sinh hoạt", kind: .share),
        Column(key: "lowestAttendanceMeeting", header: "Buổi dự thấp nhất", kind: .text),
        Column(key: "lowestAttendanceRate", header: "Tỷ lệ dự thấp nhất", kind: .share),
        Column(key: "unexcusedAbsences", header: "Đảng viên vắng không lý do ≥ 3 lần", kind: .integer),
        Column(key: "excusedAbsencesInARow", header: "Đảng viên vắng có lý do 3 kỳ liền", kind: .integer),
        Column(key: "shortMeetings", header: "Buổi không đủ thời gian", kind: .integer),
        Column(key: "meetingsWithoutConclusion", header: "Biên bản không có kết luận", kind: .integer),
        Column(key: "failedVotes", header: "Biểu quyết không đạt", kind: .integer),
        Column(key: "unapprovedMinutes", header: "Biên bản chưa thông qua", kind: .integer),
        Column(key: "resolutionsIssued", header: "Nghị quyết ban hành", kind: .integer),
        Column(key: "tasksAssigned", header: "Nhiệm vụ giao", kind: .integer),
        Column(key: "tasksDone", header: "Nhiệm vụ hoàn thành", kind: .integer),
        Column(key: "tasksCancelled", header: "Nhiệm vụ hủy", kind: .integer),
        Column(key: "tasksOpen", header: "Nhiệm vụ còn mở", kind: .integer),
        Column(key: "findings", header: "Số vi phạm và lưu ý", kind: .integer),
    ]

    /// One row per cell, in the order of `cellColumns`, cells in Vietnamese order of names
    /// (Ân Thi, Ba Vì, Bắc Sơn, Dương Xá, Đồng Tâm).
    public static func cellRows(_ summary: YearSummary) -> [[Value]] {
        sortedCells(summary).map { cell in
            // Months and quarters as such ("T2, T11", "Quý I, III"), never bare numbers that
            // read as counts in a spreadsheet.
            [
                .integer(summary.year), .text(cell.cell), .text(cell.name), .text(cell.organizationName),
                .integer(cell.meetingsHeld), .integer(cell.regularHeld), .integer(cell.regularMonthsHeld),
                .integer(cell.monthsCounted), .text(MonthWording.short(cell.missingMonths)),
                .integer(cell.thematicHeld), .text(MonthWording.quarters(cell.quartersWithoutThematic)),
                .integer(cell.extraordinaryHeld), .integer(cell.ratings.good), .integer(cell.ratings.fair),
                .integer(cell.ratings.average), .integer(cell.ratings.weak), .integer(cell.ratings.unrated),
                .share(cell.goodShare), .share(cell.fairOrBetterShare), .share(cell.attendanceRate),
                .text(cell.lowestAttendance?.meeting ?? ""), .share(cell.lowestAttendance?.rate),
                .integer(cell.unexcusedAbsences.count), .integer(cell.excusedAbsencesInARow.count),
                .integer(cell.shortMeetings.count), .integer(cell.meetingsWithoutConclusion.count),
                .integer(cell.failedVotes.count), .integer(cell.unapprovedMinutes.count),
                .integer(cell.resolutionsIssued), .integer(cell.tasks.assigned), .integer(cell.tasks.done),
                .integer(cell.tasks.cancelled), .integer(cell.tasks.open), .integer(cell.findings.count),
            ]
        }
    }

    /// The columns of the findings' table: the cell, what the finding is about, the sentence.
    public static let findingColumns: [Column] = [
        Column(key: "name", header: "Chi bộ", kind: .text),
        Column(key: "subject", header: "Đối tượng", kind: .text),
        Column(key: "message", header: "Nội dung", kind: .text),
    ]

    /// One row per finding, cells in Vietnamese order.
    public static func findingRows(_ summary: YearSummary) -> [[Value]] {
        sortedCells(summary).flatMap { cell in
            cell.findings.map { [.text(cell.name), .text($0.subject), .text($0.message)] }
        }
    }

    private static func sortedCells(_ summary: YearSummary) -> [CellYearSummary] {
        summary.cells.sorted { a, b in
            let (left, right) = (VietnameseCollation.key(a.name), VietnameseCollation.key(b.name))
            return left != right ? left < right : a.cell < b.cell
        }
    }
}
