/// What a cell's home page shows of its year (`domain.md`, "Meetings" and "Members"): the
/// twelve months and four quarters as the board draws them, the minutes of the year, and for
/// the year under way what needs doing: the month's regular meeting still to hold, the
/// quarter's thematic meeting still owed, past months without approved minutes, tasks past
/// their due date, and members absent without reason twice this year (three times is grounds
/// for removal).
public struct CellAgenda: Sendable, Hashable {
    /// The year's months and quarters, by the board's rules.
    public var row: BoardRow
    /// The year's minutes, oldest first (by date, start, then identifier): what the month
    /// grid links to, as the board reads them (kind, date, start, status, level), not whole
    /// minutes.
    public var meetings: [BoardMeeting]
    /// What needs doing, most urgent first; empty for a past year.
    public var toDo: [ToDo]
    /// Every year the cell has minutes for, oldest first (to move between years).
    public var yearsWithMeetings: [Int]

    /// Creates the value from each of its stored properties.
    public init(row: BoardRow, meetings: [BoardMeeting], toDo: [ToDo], yearsWithMeetings: [Int] = []) {
        self.row = row
        self.meetings = meetings
        self.toDo = toDo
        self.yearsWithMeetings = yearsWithMeetings
    }

    /// One thing to do, as a sentence, with the record it concerns if any.
    public struct ToDo: Sendable, Hashable {
        /// What it is about, for the page's colour and order.
        public enum Kind: String, Sendable, Hashable {
            case monthlyMeeting, thematicMeeting, lateMonth, unapprovedMinutes, overdueTask, repeatedAbsence
        }

        public var kind: Kind
        /// The sentence, in Vietnamese.
        public var sentence: String
        /// The minutes or document it concerns, to link to.
        public var record: String?

        /// Creates the value from each of its stored properties.
        public init(kind: Kind, sentence: String, record: String? = nil) {
            self.kind = kind
            self.sentence = sentence
            self.record = record
        }
    }

    /// A task of an issued document, not reported done or cancelled, with its due date.
    public struct OpenTask: Sendable, Hashable {
        public var task: DocumentTask
        /// The document that assigned it (its identifier) and its symbol or title.
        public var document: String
        public var source: String
        /// The assignee's full name, if any.
        public var assignee: String?

        /// Creates the value from each of its stored properties.
        public init(task: DocumentTask, document: String, source: String, assignee: String?) {
            self.task = task
            self.document = document
            self.source = source
            self.assignee = assignee
        }
    }

    /// In how many months of the year a member was absent without reason (approved minutes).
    public struct Absences: Sendable, Hashable {
        public var member: String
        public var fullName: String
        public var months: Int

        /// Creates the value from each of its stored properties.
        public init(member: String, fullName: String, months: Int) {
            self.member = member
            self.fullName = fullName
            self.months = months
        }
    }

    /// Overdue tasks named one by one; more are counted in one sentence.
    public static let overdueTasksListed = 5

    /// What needs doing on `today` for `row` (the year under way; nothing for another year).
    ///
    /// - parameters:
    ///   - openTasks: the cell's open tasks; those due before `today` are listed.
    ///   - absences: months with an unexcused absence per member this year; two or more are
    ///     listed, three being grounds for removal.
    public static func toDo(
        row: BoardRow, year: Int, today: LocalDate, openTasks: [OpenTask], absences: [Absences]
    ) -> [ToDo] {
        guard year == today.year else { return [] }
        var items: [ToDo] = []
        let month = row.months[today.month - 1]
        let monthEnd = LocalDate(year: year, month: today.month, day: LocalDate.daysIn(month: today.month, year: year))!
        switch month.state {
        case .notDue:
            items.append(
                ToDo(
                    kind: .monthlyMeeting,
                    sentence:
                        "Tháng \(today.month) chưa có kỳ sinh hoạt thường kỳ: cần họp và lập biên bản trước ngày \(monthEnd.vietnameseShort)."
                ))
        case .draft:
            items.append(
                ToDo(
                    kind: .unapprovedMinutes,
                    sentence:
                        "Biên bản sinh hoạt tháng \(today.month) chưa được thông qua: đọc lại, sửa nếu cần rồi thông qua.",
                    record: month.meeting))
        default: break
        }
        let quarter = row.quarters[today.quarter - 1]
        if quarter.state == .notDue || quarter.state == .draft {
            let last = today.quarter * 3
            let quarterEnd = LocalDate(year: year, month: last, day: LocalDate.daysIn(month: last, year: year))!
            let romans = ["I", "II", "III", "IV"]
            items.append(
                ToDo(
                    kind: .thematicMeeting,
                    sentence: quarter.state == .draft
                        ? "Biên bản sinh hoạt chuyên đề quý \(romans[today.quarter - 1]) chưa được thông qua."
                        : "Quý \(romans[today.quarter - 1]) chưa sinh hoạt chuyên đề: cần tổ chức trước ngày \(quarterEnd.vietnameseShort).",
                    record: quarter.meeting))
        }
        // Months without any minutes in one sentence; each draft on its own, to open it.
        let missing = row.months.filter { $0.late && $0.state == .missing }.map(\.month)
        if !missing.isEmpty {
            let months = missing.map(String.init).joined(separator: ", ")
            items.append(
                ToDo(
                    kind: .lateMonth,
                    sentence: (missing.count == 1 ? "Tháng \(months)" : "Các tháng \(months)")
                        + " đã qua mà không có biên bản sinh hoạt thường kỳ."))
        }
        for square in row.months where square.late && square.state == .draft {
            items.append(
                ToDo(
                    kind: .unapprovedMinutes,
                    sentence: "Tháng \(square.month) đã qua nhưng biên bản sinh hoạt chưa được thông qua.",
                    record: square.meeting))
        }
        // The five oldest overdue tasks by name; the rest counted.
        let overdue = openTasks.filter { open in open.task.due.map { $0 < today } ?? false }
        for open in overdue.prefix(Self.overdueTasksListed) {
            guard let due = open.task.due else { continue }
            items.append(
                ToDo(
                    kind: .overdueTask,
                    sentence: "Nhiệm vụ “\(open.task.text)” (\(open.source)"
                        + (open.assignee.map { ", giao đồng chí \($0)" } ?? "")
                        + ") quá hạn từ \(due.vietnameseShort), chưa báo cáo hoàn thành.",
                    record: open.document))
        }
        if overdue.count > Self.overdueTasksListed {
            items.append(
                ToDo(
                    kind: .overdueTask,
                    sentence:
                        "Và \(overdue.count - Self.overdueTasksListed) nhiệm vụ quá hạn khác chưa báo cáo hoàn thành: báo cáo ở kỳ sinh hoạt tới."
                ))
        }
        for absence in absences where absence.months >= 2 {
            // domain.md: absence without good reason for 3 months in a year is grounds for removal.
            items.append(
                ToDo(
                    kind: .repeatedAbsence,
                    sentence:
                        "Đồng chí \(absence.fullName) đã vắng sinh hoạt không có lý do trong \(absence.months) tháng năm nay: cần gặp gỡ, nhắc nhở (3 tháng trong năm thuộc diện xem xét xóa tên)."
                ))
        }
        return items
    }
}
