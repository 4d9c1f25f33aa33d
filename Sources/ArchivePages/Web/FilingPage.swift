import ArchiveCore

/// The page that files a month's minutes (`GET/POST /chi-bo/{cellID}/lap-bien-ban`), edits a
/// draft (`/ban-ghi/{id}/sua`) or corrects approved minutes (`/ban-ghi/{id}/dinh-chinh`, with
/// a reason): one form, every field re-shown as typed with its problem beside it.
public struct FilingPage: Sendable {
    /// What the page does.
    public enum Mode: Sendable {
        case new, edit, correct
    }

    struct Option: Sendable {
        let value: String
        let text: String
        let selected: Bool
    }

    struct AttendanceRow: Sendable {
        let id: String
        let name: String
        let mark: String?
        let present: Bool
        let excused: Bool
        let unexcused: Bool
        let reason: String
        let problem: String?
    }

    struct VoteRow: Sendable {
        let index: Int
        let subject: String
        let votesFor: String
        let votesAgainst: String
        let abstentions: String
    }

    struct TaskRow: Sendable {
        let id: String
        let text: String
        let source: String
        let statuses: [Option]
        let note: String
    }

    let pageTitle: String
    let bar: WebAccountBar
    let heading: String
    let cellLink: WebLink
    let action: String
    let dateAction: String
    let isNew: Bool
    let isCorrection: Bool
    let correctionReason: String
    /// The warnings the corrected minutes raise, worded, to confirm before the version is
    /// written (empty until a correction was refused for them).
    let correctionWarnings: [String]
    let hasCorrectionWarnings: Bool
    /// The record's revision when the page was drawn (its last audit entry), sent back with
    /// the form so that a save made over someone else's is noticed; empty for a new record.
    public var revision = ""
    let meetingID: String
    let generalProblems: [String]
    let problemCount: Int
    let hasProblems: Bool
    let hasTasks: Bool
    let kinds: [Option]
    let date: String
    /// `date`, or `text` when what was typed is not `YYYY-MM-DD` (a date input would show it
    /// empty and send nothing: the typed text must stay).
    let dateInputType: String
    let start: String
    let end: String
    let place: String
    let topic: String
    let chairs: [Option]
    let recorders: [Option]
    let guests: String
    let rows: [AttendanceRow]
    let rowsDate: String
    let agenda: String
    let proceedings: String
    let conclusion: String
    let votes: [VoteRow]
    let entitledText: String
    let tasks: [TaskRow]
    let levels: [Option]
    let ratingScore: String
    let ratingNote: String
    let rubricText: String
    let submitText: String
    let problems: [String: String]

    /// The page.
    ///
    /// - parameters:
    ///   - fields: what is shown in the fields (typed, or from the draft).
    ///   - rowsDate: the day the attendance rows are for (members of the cell that day).
    ///   - problems: the problems by `MeetingFormFields.Field` key, each a sentence.
    ///   - openTasks: the cell's open tasks on that day, for their reports.
    ///   - rubric: the archive's rubric, shown beside the self-rating.
    public init(
        bar: WebAccountBar, cell: Cell, mode: Mode, fields: MeetingFormFields, rowsDate: LocalDate,
        problems: [String: [String]] = [:], openTasks: [MeetingForm.OpenTask], rubric: RatingRubric?,
        correctionReason: String = "", correctionWarnings: [String] = []
    ) {
        self.bar = bar
        switch mode {
        case .new:
            heading = "Lập biên bản sinh hoạt"
            action = WebPath.cell(cell.id) + "/lap-bien-ban"
            submitText = "Lưu dự thảo"
        case .edit:
            heading = "Sửa dự thảo biên bản"
            action = WebPath.record(fields.meetingID) + "/sua"
            submitText = "Lưu dự thảo"
        case .correct:
            heading = "Đính chính biên bản đã thông qua"
            action = WebPath.record(fields.meetingID) + "/dinh-chinh"
            submitText = "Ghi đính chính (phiên bản mới)"
        }
        pageTitle = "\(heading) – \(cell.name)"
        dateAction = action
        isNew = mode == .new
        isCorrection = mode == .correct
        self.correctionReason = correctionReason
        self.correctionWarnings = correctionWarnings
        hasCorrectionWarnings = mode == .correct && !correctionWarnings.isEmpty
        meetingID = fields.meetingID
        cellLink = WebLink(href: WebPath.cell(cell.id, year: rowsDate.year), text: cell.name)
        self.problems = problems.mapValues { $0.joined(separator: " ") }
        generalProblems = problems[MeetingFormFields.Field.general] ?? []
        problemCount = problems.values.reduce(0) { $0 + $1.count }
        hasProblems = problemCount > 0
        kinds = Meeting.Kind.allCases.map {
            Option(value: $0.rawValue, text: $0.vietnameseName.capitalizedFirst, selected: $0.rawValue == fields.kind)
        }
        date = fields.date
        dateInputType = fields.date.isEmpty || LocalDate(fields.date) != nil ? "date" : "text"
        start = fields.start
        end = fields.end
        place = fields.place
        topic = fields.topic
        let members = cell.members.filter { $0.belongsToCell(on: rowsDate) }
            .sorted { VietnameseCollation.precedesByGivenName($0.fullName, $1.fullName) }
        func options(_ selected: String) -> [Option] {
            [Option(value: "", text: "— chọn —", selected: selected.isEmpty)]
                + members.map { Option(value: $0.id, text: $0.fullName, selected: $0.id == selected) }
        }
        chairs = options(fields.chairID)
        recorders = options(fields.recorderID)
        guests = fields.guests
        rows = members.map { member in
            let row = fields.attendance[member.id] ?? MeetingFormFields.Presence()
            let status = member.status(on: rowsDate)
            let mark: String? =
                switch status {
                case .exempt: "miễn sinh hoạt: không tính vắng; chỉ chọn “có mặt” nếu có dự"
                case .probationary: "dự bị: dự họp, không biểu quyết"
                default: nil
                }
            return AttendanceRow(
                id: member.id, name: member.fullName, mark: mark, present: row.mark == "present",
                excused: row.mark == "excused", unexcused: row.mark == "unexcused", reason: row.reason,
                problem: problems[MeetingFormFields.Field.member(member.id)]?.joined(separator: " "))
        }
        self.rowsDate = rowsDate.vietnameseShort
        agenda = fields.agenda
        proceedings = fields.proceedings
        conclusion = fields.conclusion
        var voteRows = fields.votes.filter { !$0.isEmpty }
        // No script may add rows (the CSP forbids scripts): always two empty ones to spare.
        let shownVotes = min(MeetingFormFields.maximumRows, max(3, voteRows.count + 2))
        while voteRows.count < shownVotes {
            voteRows.append(MeetingFormFields.VoteRow())
        }
        votes = voteRows.enumerated().map {
            VoteRow(
                index: $0.offset, subject: $0.element.subject, votesFor: $0.element.votesFor,
                votesAgainst: $0.element.votesAgainst, abstentions: $0.element.abstentions)
        }
        let entitled = members.filter { $0.isOfficial(on: rowsDate) && !$0.temporary && !$0.isExempt(on: rowsDate) }
        entitledText =
            "Ngày \(rowsDate.vietnameseShort) chi bộ có \(entitled.count) đảng viên có quyền biểu quyết (chính thức, không kể người miễn sinh hoạt vắng mặt); số phiếu không được nhiều hơn số người có quyền biểu quyết có mặt."
        let statusWords: [(String, String)] = [
            ("", "— không báo cáo —"), (TaskReport.Status.done.rawValue, "Đã xong"),
            (TaskReport.Status.inProgress.rawValue, "Đang làm"), (TaskReport.Status.notStarted.rawValue, "Chưa làm"),
            (TaskReport.Status.cancelled.rawValue, "Hủy"),
        ]
        tasks = openTasks.map { open in
            let report = fields.reports[open.task.id] ?? MeetingFormFields.Report()
            return TaskRow(
                id: open.task.id, text: open.task.text, source: open.source,
                statuses: statusWords.map { Option(value: $0.0, text: $0.1, selected: $0.0 == report.status) },
                note: report.note)
        }
        hasTasks = !tasks.isEmpty
        levels =
            [Option(value: "", text: "— chưa tự xếp loại —", selected: fields.ratingLevel.isEmpty)]
            + Rating.Level.allCases.map {
                Option(value: $0.rawValue, text: $0.vietnameseName, selected: $0.rawValue == fields.ratingLevel)
            }
        ratingScore = fields.ratingScore
        ratingNote = fields.ratingNote
        rubricText =
            rubric.map { rubric in
                "Thang điểm của kho: " + rubric.criteria.map { "\($0.name) \($0.points)" }.joined(separator: "; ")
                    + ". Tốt từ \(rubric.thresholds.good), khá từ \(rubric.thresholds.fair), trung bình từ \(rubric.thresholds.average) điểm."
            } ?? ""
    }
}
