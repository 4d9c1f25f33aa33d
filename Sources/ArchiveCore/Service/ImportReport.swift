/// What an import added, updated and left unchanged, by kind of record.
public struct ImportReport: Sendable, Hashable, Codable {
    /// The files imported.
    public var files: Int = 0
    /// New records by kind.
    public var added: [RecordKind: Int] = [:]
    /// Records whose content changed, by kind.
    public var updated: [RecordKind: Int] = [:]
    /// Records given again with the same content, by kind.
    public var unchanged: [RecordKind: Int] = [:]
    /// The first identifiers of updated records, to say what changed.
    public var updatedIDs: [String] = []
    /// What else the import did or did not do, in Vietnamese (a restored audit log…).
    public var notes: [String] = []

    /// Creates an empty report.
    public init() {}

    package mutating func count(_ kind: RecordKind, id: String, old: Bool, changed: Bool) {
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
