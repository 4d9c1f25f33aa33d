/// A member's standing in the cell on a given day.
public enum MemberStatus: String, Sendable, Hashable, Codable {
    /// Chính thức: confirmed on or before the day.
    case official
    /// Dự bị: admitted, not yet confirmed. Takes part, does not vote.
    case probationary
    /// Miễn sinh hoạt: an exemption covers the day. Not counted as absent.
    case exempt
    /// Not a member of the cell that day (not yet joined, already left, or not yet admitted).
    case notMember = "not-member"

    /// The Vietnamese word for the status.
    public var vietnameseName: String {
        switch self {
        case .official: "chính thức"
        case .probationary: "dự bị"
        case .exempt: "miễn sinh hoạt"
        case .notMember: "không thuộc chi bộ"
        }
    }
}

extension Member {
    /// Whether the member belongs to the cell on `date`: admitted, joined, and not yet left.
    public func belongsToCell(on date: LocalDate) -> Bool {
        if date < admitted { return false }
        if let joinedCell, date < joinedCell { return false }
        if let leftCell, date >= leftCell { return false }
        return true
    }

    /// Whether the member is official (confirmed) on `date`, exemption aside.
    public func isOfficial(on date: LocalDate) -> Bool {
        guard let confirmed else { return false }
        return confirmed <= date
    }

    /// Whether an exemption covers `date`.
    public func isExempt(on date: LocalDate) -> Bool {
        exemptions.contains { $0.covers(date) }
    }

    /// The member's status on `date`, by the rules of `domain.md`.
    ///
    /// Not a member before `joinedCell` or the admission, nor from `leftCell` on; otherwise
    /// exempt when an exemption covers the day; otherwise official from `confirmed` on, and
    /// probationary before.
    ///
    /// ```swift
    /// member.status(on: LocalDate("2023-01-05")!)   // .official
    /// ```
    public func status(on date: LocalDate) -> MemberStatus {
        if !belongsToCell(on: date) { return .notMember }
        if isExempt(on: date) { return .exempt }
        return isOfficial(on: date) ? .official : .probationary
    }

    /// The roles held on `date`.
    public func roles(on date: LocalDate) -> [Role] {
        roles.filter { $0.from <= date && ($0.to.map { date <= $0 } ?? true) }
    }
}
