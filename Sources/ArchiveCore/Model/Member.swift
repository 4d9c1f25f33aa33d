/// A Party member (đảng viên) of one cell.
public struct Member: Sendable, Hashable, Codable, Identifiable {
    /// Why a member left the cell.
    public enum LeaveReason: String, Sendable, Hashable, Codable, CaseIterable {
        case transferred, deceased, removed, other
    }

    /// The writer's stable identifier, unique in the archive, e.g. `pl-01`.
    public var id: String
    /// The full name, e.g. "Hoàng Văn Sáng".
    public var fullName: String
    /// The year of birth, if known.
    public var birthYear: Int?
    /// The day the member was admitted to the Party.
    public var admitted: LocalDate
    /// The day the member became official; `nil` while probationary.
    public var confirmed: LocalDate?
    /// The day the member joined this cell, if recorded.
    public var joinedCell: LocalDate?
    /// The day the member left this cell; not a member from that day on.
    public var leftCell: LocalDate?
    /// Why the member left, when `leftCell` is set.
    public var leaveReason: LeaveReason?
    /// Whether the member is on temporary attachment (sinh hoạt tạm thời).
    public var temporary: Bool
    /// Periods of exemption from activity (miễn công tác và sinh hoạt đảng).
    public var exemptions: [Exemption]
    /// Offices held in the cell.
    public var roles: [Role]
    /// Concurrent posts (kiêm nhiệm), e.g. "Trưởng thôn".
    public var concurrentPosts: [ConcurrentPost]

    /// Creates a member.
    public init(
        id: String, fullName: String, birthYear: Int? = nil, admitted: LocalDate, confirmed: LocalDate? = nil,
        joinedCell: LocalDate? = nil, leftCell: LocalDate? = nil, leaveReason: LeaveReason? = nil,
        temporary: Bool = false, exemptions: [Exemption] = [], roles: [Role] = [],
        concurrentPosts: [ConcurrentPost] = []
    ) {
        self.id = id
        self.fullName = fullName
        self.birthYear = birthYear
        self.admitted = admitted
        self.confirmed = confirmed
        self.joinedCell = joinedCell
        self.leftCell = leftCell
        self.leaveReason = leaveReason
        self.temporary = temporary
        self.exemptions = exemptions
        self.roles = roles
        self.concurrentPosts = concurrentPosts
    }
}

/// A period during which a member is exempt from activity.
public struct Exemption: Sendable, Hashable, Codable {
    /// The first exempt day.
    public var from: LocalDate
    /// The last exempt day; `nil` for open-ended.
    public var to: LocalDate?
    /// The reason, e.g. "Tuổi cao, sức yếu".
    public var reason: String

    /// Creates an exemption.
    public init(from: LocalDate, to: LocalDate? = nil, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Whether the exemption covers `date`.
    public func covers(_ date: LocalDate) -> Bool { from <= date && (to.map { date <= $0 } ?? true) }
}

/// An office in the cell: secretary, deputy secretary, or cell-committee member.
public struct Role: Sendable, Hashable, Codable {
    /// The office.
    public enum Title: String, Sendable, Hashable, Codable, CaseIterable {
        case secretary
        case deputySecretary = "deputy-secretary"
        case committeeMember = "committee-member"
    }

    /// The office held.
    public var title: Title
    /// The first day in office.
    public var from: LocalDate
    /// The last day in office; `nil` while held.
    public var to: LocalDate?

    /// Creates a role.
    public init(title: Title, from: LocalDate, to: LocalDate? = nil) {
        self.title = title
        self.from = from
        self.to = to
    }
}

/// A post held at the same time as Party office, e.g. village head.
public struct ConcurrentPost: Sendable, Hashable, Codable {
    /// The post, e.g. "Trưởng thôn".
    public var title: String
    /// The first day in the post.
    public var from: LocalDate
    /// The last day in the post; `nil` while held.
    public var to: LocalDate?

    /// Creates a concurrent post.
    public init(title: String, from: LocalDate, to: LocalDate? = nil) {
        self.title = title
        self.from = from
        self.to = to
    }
}
