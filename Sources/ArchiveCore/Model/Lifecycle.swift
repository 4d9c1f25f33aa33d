/// Lifecycle rules: which records are locked, and which status changes are allowed.
///
/// Minutes go `draft` → `approved`; documents `draft` → `issued` → `superseded` or `revoked`.
/// Approved minutes and documents past draft are locked: their content never changes in
/// place, only through a recorded correction that keeps every earlier version.
extension Meeting {
    /// Whether the minutes are locked (approved).
    public var isLocked: Bool { status == .approved }
}

extension Meeting.Status {
    /// Whether minutes may go from this status to `next` (staying put is allowed).
    public func allows(_ next: Meeting.Status) -> Bool {
        self == next || (self == .draft && next == .approved)
    }

    /// The Vietnamese name, e.g. "đã thông qua".
    public var vietnameseName: String {
        switch self {
        case .draft: "dự thảo"
        case .approved: "đã thông qua"
        }
    }
}

extension Document {
    /// Whether the document is locked (issued, superseded or revoked).
    public var isLocked: Bool { status != .draft }
}

extension Document.Status {
    /// Whether a document may go from this status to `next` (staying put is allowed).
    public func allows(_ next: Document.Status) -> Bool {
        switch (self, next) {
        case _ where self == next: true
        case (.draft, .issued), (.issued, .superseded), (.issued, .revoked): true
        default: false
        }
    }
}

/// A meeting or a document: the records that have a lifecycle, versions and a content hash.
public enum LockableRecord: Sendable, Hashable, Codable {
    /// Minutes.
    case meeting(Meeting)
    /// A document.
    case document(Document)

    /// `.meeting` or `.document`.
    public var kind: RecordKind {
        switch self {
        case .meeting: .meeting
        case .document: .document
        }
    }

    /// The record's identifier.
    public var id: String {
        switch self {
        case .meeting(let meeting): meeting.id
        case .document(let document): document.id
        }
    }

    /// Whether it is locked.
    public var isLocked: Bool {
        switch self {
        case .meeting(let meeting): meeting.isLocked
        case .document(let document): document.isLocked
        }
    }
}

/// An earlier version of a corrected record, kept readable for ever.
public struct RecordVersion: Sendable, Hashable {
    /// 1 for the first version, counting up with each correction.
    public var version: Int
    /// The SHA-256 of the version's canonical content (lowercase hex).
    public var sha256: String
    /// When the next version replaced it (ISO 8601, UTC).
    public var replaced: String
    /// The record as it was.
    public var content: LockableRecord
    /// Why the next version replaced it, when the person correcting said (not in format v1).
    public var replacedBecause: String?

    /// Creates a version.
    public init(
        version: Int, sha256: String, replaced: String, content: LockableRecord, replacedBecause: String? = nil
    ) {
        self.replacedBecause = replacedBecause
        self.version = version
        self.sha256 = sha256
        self.replaced = replaced
        self.content = content
    }
}

/// Where a record stands beyond its content: its version number, the hash of its canonical
/// content when locked, and its earlier versions.
public struct RecordLifecycle: Sendable, Hashable {
    /// The current version, from 1.
    public var version: Int
    /// The SHA-256 of the current canonical content, for locked records.
    public var sha256: String?
    /// Earlier versions, oldest first.
    public var previous: [RecordVersion]

    /// Creates lifecycle information.
    public init(version: Int = 1, sha256: String? = nil, previous: [RecordVersion] = []) {
        self.version = version
        self.sha256 = sha256
        self.previous = previous
    }
}
