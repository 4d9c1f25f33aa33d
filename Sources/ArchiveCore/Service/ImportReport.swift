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
    /// Every record added or changed, in the file's order: what a preview lists.
    public var changes: [Change] = []
    /// What else the import did or did not do, in Vietnamese (a restored audit log…).
    public var notes: [String] = []

    /// Creates an empty report.
    public init() {}

    /// One record the import adds or changes.
    public struct Change: Sendable, Hashable, Codable {
        public var kind: RecordKind
        public var id: String
        /// Whether the archive held the record before (an update) or not (new).
        public var isNew: Bool
        /// The cell the record belongs to (a cell's own identifier for a cell); `nil` for a
        /// committee.
        public var cell: String?
        /// A short description for people: a name, a date and kind, a title.
        public var label: String

        /// Creates the value from each of its stored properties.
        public init(kind: RecordKind, id: String, isNew: Bool, cell: String?, label: String) {
            self.kind = kind
            self.id = id
            self.isNew = isNew
            self.cell = cell
            self.label = label
        }
    }

    /// The cells whose records the import adds or changes, and whether it adds or changes a
    /// committee: what a secretary's upload may touch is checked against these.
    public var changedCells: Set<String> { Set(changes.compactMap(\.cell)) }
    public var changesCommittees: Bool { changes.contains { $0.kind == .organization } }

    package mutating func count(
        _ kind: RecordKind, id: String, old: Bool, changed: Bool, cell: String? = nil, label: String = ""
    ) {
        if !old {
            added[kind, default: 0] += 1
            changes.append(Change(kind: kind, id: id, isNew: true, cell: cell, label: label))
        } else if changed {
            updated[kind, default: 0] += 1
            if updatedIDs.count < 10 { updatedIDs.append(id) }
            changes.append(Change(kind: kind, id: id, isNew: false, cell: cell, label: label))
        } else {
            unchanged[kind, default: 0] += 1
        }
    }
}
