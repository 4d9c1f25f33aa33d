/// What an import added, updated and left unchanged, by kind of record.
public struct ImportReport: Sendable, Hashable, Codable {
    /// The kinds of record an import counts.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case organization, cell, member, meeting, document

        /// The Vietnamese noun, e.g. "chi bộ".
        public var vietnameseName: String {
            switch self {
            case .organization: "đảng bộ"
            case .cell: "chi bộ"
            case .member: "đảng viên"
            case .meeting: "kỳ sinh hoạt"
            case .document: "văn bản"
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The files imported.
    public var files: Int = 0
    /// New records by kind.
    public var added: [Kind: Int] = [:]
    /// Records whose content changed, by kind.
    public var updated: [Kind: Int] = [:]
    /// Records given again with the same content, by kind.
    public var unchanged: [Kind: Int] = [:]
    /// The first identifiers of updated records, to say what changed.
    public var updatedIDs: [String] = []
    /// What else the import did or did not do, in Vietnamese (a restored audit log…).
    public var notes: [String] = []

    /// Creates an empty report.
    public init() {}

    package mutating func count(_ kind: Kind, id: String, old: Bool, changed: Bool) {
        if !old {
            added[kind, default: 0] += 1
        } else if changed {
            updated[kind, default: 0] += 1
            if updatedIDs.count < 10 { updatedIDs.append(id) }
        } else {
            unchanged[kind, default: 0] += 1
        }
    }
}
