import ArchiveCore

/// The page that writes a cell's document (`ResolutionFormFields`), in one of three ways:
/// a resolution from approved minutes (`GET/POST /ban-ghi/{meetingID}/soan-nghi-quyet`, the
/// form filled from the meeting), a draft document edited (`/ban-ghi/{documentID}/sua`), or an
/// issued one corrected with a reason (`/ban-ghi/{documentID}/dinh-chinh`). Every field is
/// re-shown as typed with its problem beside it.
public struct ResolutionPage: Sendable {
    /// What the page writes.
    public enum Mode: Sendable {
        /// A new resolution of these approved minutes.
        case fromMeeting(Meeting)
        /// This draft document, edited.
        case editDraft(Document)
        /// This issued document, corrected (a new version; the old one is kept).
        case correct(Document)
    }

    struct Option: Sendable {
        let value: String
        let text: String
        let selected: Bool
    }

    struct TaskRow: Sendable {
        let index: Int
        let id: String
        let text: String
        let assignees: [Option]
        let due: String
        let dueInputType: String
    }

    let pageTitle: String
    let bar: WebAccountBar
    let backLink: WebLink
    let heading: String
    let lead: String
    /// What the page keeps as it is ("Loại: Báo cáo", "Độ mật: Mật"…), read-only.
    let fixed: [String]
    let hasFixed: Bool
    let action: String
    let isCorrection: Bool
    let correctionReason: String
    let button: String
    let signerLabel: String
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
    /// The document's revision when the page was drawn (its last audit entry), sent back with
    /// the form so that a save made over someone else's is noticed; empty for a new one.
    public var revision = ""

    /// The page of `mode` for `cell`, showing `fields`; `correctionReason` as typed when
    /// correcting.
    public init(
        bar: WebAccountBar, cell: Cell, mode: Mode, fields: ResolutionFormFields,
        problems: [String: [String]] = [:], correctionReason: String = ""
    ) {
        self.bar = bar
        let membersDay: LocalDate
        var fixed: [String] = []
        switch mode {
        case .fromMeeting(let meeting):
            pageTitle = "Soạn nghị quyết – \(cell.name)"
            heading = "Soạn nghị quyết"
            lead =
                "Mẫu đã điền sẵn từ biên bản: căn cứ, số người dự và kết luận. Sửa cho đúng, ghi các nhiệm vụ, "
                + "rồi lưu dự thảo; số nghị quyết được cấp khi ban hành."
            backLink = WebLink(
                href: WebPath.record(meeting.id), text: "Biên bản ngày \(meeting.date.vietnameseShort)")
            action = WebPath.record(meeting.id) + "/soan-nghi-quyet"
            button = "Lưu dự thảo nghị quyết"
            membersDay = meeting.date
        case .editDraft(let document), .correct(let document):
            let kind = document.kind.vietnameseName.lowercased()
            let correcting: Bool
            if case .correct = mode { correcting = true } else { correcting = false }
            pageTitle = (correcting ? "Đính chính " : "Sửa dự thảo ") + "\(kind) – \(cell.name)"
            heading = correcting ? "Đính chính \(kind) đã ban hành" : "Sửa dự thảo \(kind)"
            lead =
                correcting
                ? "Sửa chỗ sai rồi ghi lý do. Bản đính chính là phiên bản mới, giữ số đã cấp; bản cũ vẫn được "
                    + "lưu cùng lý do để người đọc sau biết vì sao đã sửa."
                : "Sửa rồi lưu: văn bản vẫn là dự thảo cho đến khi bấm “Ban hành”, lúc đó mới được cấp số."
            backLink = WebLink(href: WebPath.record(document.id), text: document.title)
            action = WebPath.record(document.id) + (correcting ? "/dinh-chinh" : "/sua")
            button = correcting ? "Ghi đính chính" : "Lưu dự thảo"
            membersDay = document.date
            fixed.append("Loại văn bản: \(document.kind.vietnameseName)")
            if document.classification != .none {
                fixed.append("Độ mật: \(document.classification.vietnameseName)")
            }
            if let symbol = document.symbol(issuerCode: cell.issuerCode) { fixed.append("Số: \(symbol)") }
        }
        self.fixed = fixed
        hasFixed = !fixed.isEmpty
        if case .correct = mode { isCorrection = true } else { isCorrection = false }
        self.correctionReason = correctionReason
        let authority = [fields.signingAuthority, fields.signerTitle.lowercased()].filter { !$0.isEmpty }
        signerLabel = "Người ký" + (authority.isEmpty ? "" : " (\(authority.joined(separator: ", ")))")
        hasProblems = !problems.isEmpty
        generalProblems = problems[ResolutionFormFields.Field.general] ?? []
        self.problems = problems.mapValues { $0.joined(separator: " ") }
        date = fields.date
        dateInputType = Self.inputType(fields.date)
        place = fields.place
        title = fields.title
        body = fields.body
        let members = cell.members.filter { $0.belongsToCell(on: membersDay) }
            .sorted { VietnameseCollation.precedesByGivenName($0.fullName, $1.fullName) }
        func options(_ selected: String, none: String) -> [Option] {
            var options =
                [Option(value: "", text: none, selected: selected.isEmpty)]
                + members.map { Option(value: $0.id, text: $0.fullName, selected: $0.id == selected) }
            // A member named by the record who has left the cell since is still shown, chosen.
            if !selected.isEmpty, !members.contains(where: { $0.id == selected }) {
                let name = cell.members.first { $0.id == selected }?.fullName ?? selected
                options.append(Option(value: selected, text: name, selected: true))
            }
            return options
        }
        var rows = fields.tasks.filter { !($0.text.isEmpty && $0.due.isEmpty && $0.assigneeID.isEmpty) }
        // No script may add rows (the CSP forbids scripts): always two empty ones to spare.
        let shown = min(MeetingFormFields.maximumRows, max(5, rows.count + 2))
        while rows.count < shown { rows.append(ResolutionFormFields.TaskRow()) }
        tasks = rows.enumerated().map {
            TaskRow(
                index: $0.offset, id: $0.element.id, text: $0.element.text,
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
