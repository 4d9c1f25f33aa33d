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

    /// Creates the value from each of its stored properties.
    public init(
        id: String, name: String, organization: String, issuerCode: String, members: Int, meetings: Int, documents: Int
    ) {
        self.id = id
        self.name = name
        self.organization = organization
        self.issuerCode = issuerCode
        self.members = members
        self.meetings = meetings
        self.documents = documents
    }
}

/// A cell named in a list to choose from (the search page's cell filter): no counts.
public struct CellName: Sendable, Hashable, Codable {
    public var id: String
    public var name: String

    /// Creates the value from each of its stored properties.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
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
    /// The day the member left the cell, when on or before `statusOn`, and why (nil when the
    /// reason was not recorded).
    public var leftCell: LocalDate?
    public var leaveReason: Member.LeaveReason?

    /// Creates the value from each of its stored properties.
    public init(
        id: String, cell: String, fullName: String, status: MemberStatus, statusOn: LocalDate, roles: [Role.Title],
        concurrentPosts: [String], leftCell: LocalDate? = nil, leaveReason: Member.LeaveReason? = nil
    ) {
        self.leftCell = leftCell
        self.leaveReason = leaveReason
        self.id = id
        self.cell = cell
        self.fullName = fullName
        self.status = status
        self.statusOn = statusOn
        self.roles = roles
        self.concurrentPosts = concurrentPosts
    }
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
    /// The cell's own rating (self-assessment) and its score.
    public var rating: Rating.Level?
    public var score: Int?
    /// The committee's rating and its score, kept apart from the cell's.
    public var committeeRating: Rating.Level?
    public var committeeScore: Int?
    /// Whether the minutes are approved or still a draft.
    public var status: Meeting.Status

    /// Creates the value from each of its stored properties.
    public init(
        id: String, cell: String, kind: Meeting.Kind, date: LocalDate, start: TimeOfDay, end: TimeOfDay,
        durationMinutes: Int, minimumMinutes: Int, topic: String? = nil, present: Int, expected: Int,
        attendanceRate: Double, rating: Rating.Level? = nil, score: Int? = nil, committeeRating: Rating.Level? = nil,
        committeeScore: Int? = nil, status: Meeting.Status
    ) {
        self.id = id
        self.cell = cell
        self.kind = kind
        self.date = date
        self.start = start
        self.end = end
        self.durationMinutes = durationMinutes
        self.minimumMinutes = minimumMinutes
        self.topic = topic
        self.present = present
        self.expected = expected
        self.attendanceRate = attendanceRate
        self.rating = rating
        self.score = score
        self.committeeRating = committeeRating
        self.committeeScore = committeeScore
        self.status = status
    }
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

    /// Creates the value from each of its stored properties.
    public init(
        id: String, cell: String, type: Document.Kind, number: Int? = nil, symbol: String? = nil, term: String? = nil,
        date: LocalDate, status: Document.Status, classification: Document.Classification, title: String
    ) {
        self.id = id
        self.cell = cell
        self.type = type
        self.number = number
        self.symbol = symbol
        self.term = term
        self.date = date
        self.status = status
        self.classification = classification
        self.title = title
    }
}

/// Any one record, as `show` finds it by identifier.
public enum ArchiveRecord: Sendable, Hashable {
    case organization(Organization)
    case cell(Cell)
    case member(Member, cell: Cell)
    case meeting(Meeting, cell: Cell)
    case document(Document, cell: Cell)
}

extension ArchiveRecord {
    /// The record's identifier.
    public var id: String {
        switch self {
        case .organization(let organization): organization.id
        case .cell(let cell): cell.id
        case .member(let member, _): member.id
        case .meeting(let meeting, _): meeting.id
        case .document(let document, _): document.id
        }
    }
}
