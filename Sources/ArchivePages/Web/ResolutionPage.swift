import ArchiveCore

/// The page that writes a resolution from approved minutes (`GET/POST
/// /ban-ghi/{meetingID}/soan-nghi-quyet`): the form starts filled from the meeting; every field
/// is re-shown as typed with its problem beside it.
public struct ResolutionPage: Sendable {
    struct Option: Sendable {
        let value: String
        let text: String
        let selected: Bool
    }

    struct TaskRow: Sendable {
        let index: Int
        let text: String
        let assignees: [Option]
        let due: String
        let dueInputType: String
    }

    let pageTitle: String
    let bar: WebAccountBar
    let meetingLink: WebLink
    let action: String
    let hasProblems: Bool
    let generalProblems: [String]
    let problems: [String: String]
    let date: String
    /// `date`, or `text` when what was typed is not `YYYY-MM-DD` (kept as typed).
    let dateInputType: String
    let place: String
    let title: String
    let body: String
    let tasks: [TaskRow]
    let signers: [Option]
    let recipients: String

    /// The page for the minutes `meeting` of `cell`, showing `fields`.
    public init(
        bar: WebAccountBar, cell: Cell, meeting: Meeting, fields: ResolutionFormFields,
        problems: [String: [String]] = [:]
    ) {
        self.bar = bar
        pageTitle = "Soạn nghị quyết – \(cell.name)"
        meetingLink = WebLink(
            href: WebPath.record(meeting.id), text: "Biên bản ngày \(meeting.date.vietnameseShort)")
        action = WebPath.record(meeting.id) + "/soan-nghi-quyet"
        hasProblems = !problems.isEmpty
        generalProblems = problems[ResolutionFormFields.Field.general] ?? []
        self.problems = problems.mapValues { $0.joined(separator: " ") }
        date = fields.date
        dateInputType = Self.inputType(fields.date)
        place = fields.place
        title = fields.title
        body = fields.body
        let members = cell.members.filter { $0.belongsToCell(on: meeting.date) }
            .sorted { VietnameseCollation.precedesByGivenName($0.fullName, $1.fullName) }
        func options(_ selected: String, none: String) -> [Option] {
            [Option(value: "", text: none, selected: selected.isEmpty)]
                + members.map { Option(value: $0.id, text: $0.fullName, selected: $0.id == selected) }
        }
        var rows = fields.tasks.filter { !($0.text.isEmpty && $0.due.isEmpty && $0.assigneeID.isEmpty) }
        // No script may add rows (the CSP forbids scripts): always two empty ones to spare.
        let shown = min(MeetingFormFields.maximumRows, max(5, rows.count + 2))
        while rows.count < shown { rows.append(ResolutionFormFields.TaskRow()) }
        tasks = rows.enumerated().map {
            TaskRow(
                index: $0.offset, text: $0.element.text,
                assignees: options($0.element.assigneeID, none: "— không ghi —"), due: $0.element.due,
                dueInputType: Self.inputType($0.element.due))
        }
        signers = options(fields.signerID, none: "— chọn —")
        recipients = fields.recipients
    }

    /// A date input for an empty or ISO date; a text input for anything else typed.
    static func inputType(_ typed: String) -> String {
        typed.isEmpty || LocalDate(typed) != nil ? "date" : "text"
    }
}
