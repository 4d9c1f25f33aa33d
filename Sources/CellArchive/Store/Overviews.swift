/// A cell as listed: its identity and how much it holds.
public struct CellOverview: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var organization: String
    public var issuerCode: String
    /// Members in the cell on the reference date.
    public var members: Int
    public var meetings: Int
    public var documents: Int
}

/// A member as listed, with the status on the reference date.
public struct MemberOverview: Sendable, Hashable, Codable {
    public var id: String
    public var cell: String
    public var fullName: String
    public var status: MemberStatus
    /// The date the status is for.
    public var statusOn: LocalDate
    public var roles: [Role.Title]
    public var concurrentPosts: [String]
}

/// A meeting as listed, with the figures the rules compute.
public struct MeetingOverview: Sendable, Hashable, Codable {
    public var id: String
    public var cell: String
    public var kind: Meeting.Kind
    public var date: LocalDate
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var durationMinutes: Int
    public var minimumMinutes: Int
    public var topic: String?
    public var present: Int
    public var expected: Int
    /// Present over expected, exempt members left out of both.
    public var attendanceRate: Double
    public var rating: Rating.Level?
    public var score: Int?
}

/// A document as listed.
public struct DocumentOverview: Sendable, Hashable, Codable {
    public var id: String
    public var cell: String
    public var type: Document.Kind
    public var number: Int?
    public var symbol: String?
    public var term: String?
    public var date: LocalDate
    public var status: Document.Status
    public var classification: Document.Classification
    public var title: String
}

/// Any one record, as `show` finds it by identifier.
public enum ArchiveRecord: Sendable, Hashable {
    case organization(Organization)
    case cell(Cell)
    case member(Member, cell: Cell)
    case meeting(Meeting, cell: Cell)
    case document(Document, cell: Cell)
}
