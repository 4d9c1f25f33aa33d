/// The resolution form as separate fields, as a web page sends them, written into the text
/// document form so that one reader (`DocumentForm.read`, through `ArchiveService.file(form:)`)
/// checks both; each problem's line maps back to its field. A new resolution starts from its
/// meeting; a draft document of any type, or an issued one to correct, starts from itself.
public struct ResolutionFormFields: Sendable, Hashable {
    /// One task: its identifier once filed (empty for a new one), its text, the member in
    /// charge (identifier, or empty) and the due date as typed.
    public struct TaskRow: Sendable, Hashable {
        public var id: String
        public var text: String
        public var assigneeID: String
        public var due: String

        /// Creates a row.
        public init(id: String = "", text: String = "", assigneeID: String = "", due: String = "") {
            self.id = id
            self.text = text
            self.assigneeID = assigneeID
            self.due = due
        }
    }

    public var cellID: String
    /// The meeting that adopted the document; empty when none did.
    public var meetingID: String
    /// The document these fields edit once filed; empty for a new one.
    public var documentID = ""
    public var kind = Document.Kind.resolution
    public var classification = Document.Classification.none
    /// The signature's authority and title as printed above the name.
    public var signingAuthority = "T/M CHI BỘ"
    public var signerTitle = "BÍ THƯ"
    /// As typed: `YYYY-MM-DD` or `dd/mm/yyyy`.
    public var date: String = ""
    public var place: String = ""
    /// The summary (trích yếu).
    public var title: String = ""
    /// Paragraphs separated by a blank line.
    public var body: String = ""
    public var tasks: [TaskRow] = []
    /// The signer's member identifier.
    public var signerID: String = ""
    /// One recipient a line.
    public var recipients: String = ""

    /// Empty fields.
    public init(cellID: String, meetingID: String) {
        self.cellID = cellID
        self.meetingID = meetingID
    }

    /// The fields a resolution of `meeting` starts with: its date, the place name of its date
    /// line (`locality`, e.g. "Nà Pàn": a place, not the hall the meeting was held in), a
    /// title, the grounds (the meeting and its attendance figures, `domain.md` "Documents")
    /// and the conclusion as the body, the secretary of the day as signer. Tasks are entered
    /// once, here.
    ///
    /// The title is the summary printed under "NGHỊ QUYẾT", so it does not start with the
    /// word again: "Lãnh đạo thực hiện nhiệm vụ tháng 12 năm 2026".
    public init(meeting: Meeting, cell: Cell, locality: String) {
        cellID = cell.id
        meetingID = meeting.id
        date = meeting.date.description
        place = locality
        title =
            meeting.kind == .thematic && !(meeting.topic ?? "").isEmpty
            ? "Về \(meeting.topic ?? "")"
            : "Lãnh đạo thực hiện nhiệm vụ tháng \(meeting.date.month) năm \(meeting.date.year)"
        let count = meeting.attendanceCount(members: cell.members)
        let base = meeting.votingBase(members: cell.members)
        var paragraphs = [
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
            "Căn cứ biên bản kỳ sinh hoạt \(meeting.kind.vietnameseName) của \(cell.name) ngày \(meeting.date.vietnameseShort): có mặt \(count.present)/\(count.expected) đảng viên, vắng có lý do \(count.excused), vắng không lý do \(count.unexcused); \(base.entitled) đảng viên có quyền biểu quyết.",
        ]
        if let vote = meeting.votes.first {
            paragraphs.append(
                "Chi bộ biểu quyết “\(vote.subject)”: \(vote.votesFor) tán thành, \(vote.votesAgainst) không tán thành, \(vote.abstentions) không biểu quyết."
            )
        }
        paragraphs.append("CHI BỘ QUYẾT NGHỊ:")
        paragraphs += meeting.conclusion
        body = paragraphs.joined(separator: "\n\n")
        let secretary = cell.members.first { member in
            member.belongsToCell(on: meeting.date) && member.roles(on: meeting.date).contains { $0.title == .secretary }
        }
        signerID = secretary?.id ?? meeting.chairID
        recipients = "Đảng ủy xã\nĐảng viên trong chi bộ\nLưu Chi bộ"
    }

    /// The fields of `document` of `cell` as filed: to edit its draft, or to correct it once
    /// issued. Its type, classification, meeting and signing authority come with it; the page
    /// does not change them.
    public init(document: Document) {
        cellID = document.cellID
        meetingID = document.meetingID ?? ""
        documentID = document.id
        kind = document.kind
        classification = document.classification
        date = document.date.description
        place = document.place
        title = document.title
        body = document.body.joined(separator: "\n\n")
        tasks = document.tasks.map {
            TaskRow(id: $0.id, text: $0.text, assigneeID: $0.assigneeID ?? "", due: $0.due?.description ?? "")
        }
        signerID = document.signature?.memberID ?? ""
        signingAuthority = document.signature?.authority ?? ""
        signerTitle = document.signature?.title ?? ""
        recipients = document.recipients.joined(separator: "\n")
    }

    /// Control characters in the page's inputs, by `Field` key, in the page's sentence: the
    /// text form would drop them while cleaning, and a form refuses them, never stores or drops
    /// them silently. Also a task row with someone in charge or a due date but no text.
    public func pageProblems() -> [String: [String]] {
        var texts: [(String, String)] = [
            (Field.date, date), (Field.place, place), (Field.title, title), (Field.body, body),
            (Field.signer, signerID), (Field.recipients, recipients),
        ]
        for row in tasks { texts += [row.text, row.assigneeID, row.due].map { (Field.tasks, $0) } }
        var problems: [String: [String]] = [:]
        for (field, text) in texts {
            guard let control = TextNormalization.firstControl(text), problems[field] == nil else { continue }
            problems[field] = [MeetingFormFields.controlSentence(control)]
        }
        // A row with someone in charge or a due date but no task: said in the page's words,
        // not in the text form's ("nội dung | người phụ trách | hạn"), and never dropped.
        let blank = { (text: String) in TextNormalization.collapsed(text).isEmpty }
        if problems[Field.tasks] == nil,
            tasks.contains(where: { blank($0.text) && !(blank($0.assigneeID) && blank($0.due)) })
        {
            problems[Field.tasks] = [
                "Một dòng nhiệm vụ có người phụ trách hoặc hạn nhưng chưa ghi nội dung nhiệm vụ: hãy ghi nội dung, "
                    + "hoặc bỏ người phụ trách và hạn của dòng đó."
            ]
        }
        return problems
    }

    /// Field keys of `fieldAtLine`.
    public enum Field {
        public static let general = "general", date = "date", place = "place", title = "title", body = "body"
        public static let tasks = "tasks", signer = "signer", recipients = "recipients"
    }

    /// The text form these fields fill (`DocumentForm`), the field of each line, and text-box
    /// lines the form would read as guidance or as a section (to be refused), by field.
    public func formText(
        cellName: String, memberNames: [String: String]
    ) -> (
        text: String, fieldAtLine: [Int: String], unwritable: [String: String]
    ) {
        var lines: [String] = []
        var fieldAtLine: [Int: String] = [:]
        var unwritable: [String: String] = [:]
        func add(_ line: String, _ field: String) {
            lines.append(line)
            fieldAtLine[lines.count] = field
        }
        func single(_ text: String) -> String {
            TextNormalization.collapsed(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        func person(_ id: String) -> String {
            let id = single(id)
            return id.isEmpty ? "" : "\(memberNames[id] ?? id) [\(id)]"
        }
        func textLines(_ text: String, _ field: String) -> [String] {
            let result = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
                TextNormalization.trimmed(String($0))
            }
            for line in result where line.hasPrefix("#") || (line.hasPrefix("[") && line.hasSuffix("]")) {
                unwritable[field] = line
            }
            return result
        }
        add("Chi bộ: \(cellName) [\(cellID)]", Field.general)
        add("Mã văn bản: \(documentID)", Field.general)
        add("Loại: \(kind.rawValue)", Field.general)
        add("Ngày: \(single(date))", Field.date)
        add("Nơi ban hành: \(single(place))", Field.place)
        add("Độ mật: \(DocumentForm.classificationWord(classification))", Field.general)
        add("Thông qua tại kỳ sinh hoạt: \(single(meetingID))", Field.general)
        add("Trích yếu: \(single(title))", Field.title)
        add("", Field.general)
        add("[Nội dung]", Field.body)
        for line in textLines(body, Field.body) { add(line, Field.body) }
        add("", Field.general)
        add("[Nhiệm vụ]", Field.tasks)
        for task in tasks where !single(task.text).isEmpty || !single(task.due).isEmpty {
            let id = single(task.id)
            add(
                (id.isEmpty ? "" : "[\(id)] ")
                    + "\(String(single(task.text).map { $0 == "|" ? "/" : $0 })) | \(person(task.assigneeID)) | \(single(task.due))",
                Field.tasks)
        }
        add("", Field.general)
        add("[Ký]", Field.signer)
        add("Thẩm quyền: \(single(signingAuthority))", Field.signer)
        add("Chức vụ: \(single(signerTitle))", Field.signer)
        add("Người ký: \(person(signerID))", Field.signer)
        add("", Field.general)
        add("[Nơi nhận]", Field.recipients)
        for line in textLines(recipients, Field.recipients) where !line.isEmpty { add("- \(line)", Field.recipients) }
        return (lines.joined(separator: "\n") + "\n", fieldAtLine, unwritable)
    }
}
