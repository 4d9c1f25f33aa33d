/// A Party document (văn bản) issued by a cell: a resolution, a report, a plan…
public struct Document: Sendable, Hashable, Codable, Identifiable {
    /// The document type and its code in symbols.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case resolution = "NQ"
        case conclusion = "KL"
        case decision = "QĐ"
        case directive = "CT"
        case guidance = "HD"
        case notice = "TB"
        case report = "BC"
        case plan = "KH"
        case programme = "CTr"
        case submission = "TTr"
        case project = "ĐA"
        case minutes = "BB"
        case letter = "CV"

        /// The Vietnamese name, e.g. "Nghị quyết".
        public var vietnameseName: String {
            switch self {
            case .resolution: "Nghị quyết"
            case .conclusion: "Kết luận"
            case .decision: "Quyết định"
            case .directive: "Chỉ thị"
            case .guidance: "Hướng dẫn"
            case .notice: "Thông báo"
            case .report: "Báo cáo"
            case .plan: "Kế hoạch"
            case .programme: "Chương trình"
            case .submission: "Tờ trình"
            case .project: "Đề án"
            case .minutes: "Biên bản"
            case .letter: "Công văn"
            }
        }
    }

    /// The document's place in its lifecycle.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case draft, issued, superseded, revoked
    }

    /// Security marking (độ mật).
    public enum Classification: String, Sendable, Hashable, Codable, CaseIterable {
        case none
        /// Mật.
        case confidential
        /// Tối mật.
        case secret
        /// Tuyệt mật.
        case topSecret = "top-secret"
    }

    /// The writer's stable identifier, e.g. `pl-nq-12`.
    public var id: String
    /// The issuing cell.
    public var cellID: String
    /// The type (NQ, BC…).
    public var kind: Kind
    /// The sequence number within (cell, type, term); a draft may have none.
    public var number: Int?
    /// The committee term the number belongs to.
    public var termID: String?
    /// The date of issue.
    public var date: LocalDate
    /// The lifecycle state.
    public var status: Status
    /// The security marking.
    public var classification: Classification
    /// The meeting that adopted it, if any.
    public var meetingID: String?
    /// The place in the place-and-date line, e.g. "Phai Luông".
    public var place: String
    /// The summary line (trích yếu).
    public var title: String
    /// The body, one string per paragraph.
    public var body: [String]
    /// Tasks assigned by the document.
    public var tasks: [DocumentTask]
    /// Who signed, and in what capacity.
    public var signature: Signature?
    /// Recipients (nơi nhận), in order.
    public var recipients: [String]
    /// The document this one replaces.
    public var supersedesID: String?
    /// Attached files.
    public var attachments: [Attachment]

    /// Creates a document.
    public init(
        id: String, cellID: String, kind: Kind, number: Int? = nil, termID: String? = nil, date: LocalDate,
        status: Status, classification: Classification = .none, meetingID: String? = nil, place: String,
        title: String, body: [String], tasks: [DocumentTask] = [], signature: Signature? = nil,
        recipients: [String] = [], supersedesID: String? = nil, attachments: [Attachment] = []
    ) {
        self.id = id
        self.cellID = cellID
        self.kind = kind
        self.number = number
        self.termID = termID
        self.date = date
        self.status = status
        self.classification = classification
        self.meetingID = meetingID
        self.place = place
        self.title = title
        self.body = body
        self.tasks = tasks
        self.signature = signature
        self.recipients = recipients
        self.supersedesID = supersedesID
        self.attachments = attachments
    }
}

/// A task assigned by a document (phân công), reviewed at later meetings.
public struct DocumentTask: Sendable, Hashable, Codable, Identifiable {
    /// The writer's stable identifier, unique in the archive.
    public var id: String
    /// The member responsible, if named.
    public var assigneeID: String?
    /// The due date, if set.
    public var due: LocalDate?
    /// What is to be done.
    public var text: String

    /// Creates a task.
    public init(id: String, assigneeID: String? = nil, due: LocalDate? = nil, text: String) {
        self.id = id
        self.assigneeID = assigneeID
        self.due = due
        self.text = text
    }
}

/// The signature block of a document.
public struct Signature: Sendable, Hashable, Codable {
    /// The member who signs.
    public var memberID: String
    /// The capacity line, e.g. "T/M CHI BỘ".
    public var authority: String?
    /// The office line, e.g. "BÍ THƯ".
    public var title: String?

    /// Creates a signature.
    public init(memberID: String, authority: String? = nil, title: String? = nil) {
        self.memberID = memberID
        self.authority = authority
        self.title = title
    }
}
