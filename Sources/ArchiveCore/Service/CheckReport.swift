/// What `check` found: broken invariants (the archive is damaged) and rule findings (the
/// records are whole, but show breaches of the rules).
public struct CheckReport: Sendable, Hashable, Codable {
    /// Damage: SQLite's integrity check, references, duplicate numbers, attachment hashes.
    public var problems: [String]
    /// Breaches of the rules recorded in the minutes.
    public var findings: [Finding]
    /// How many records were checked, by kind.
    public var checked: [RecordKind: Int]
    /// What could not be checked this time, and why.
    public var notes: [String] = []
    /// Whether the search index no longer matches the records (it can be rebuilt from them).
    public var searchIndexStale = false
    /// The head of the audit log's hash chain as `check` read it (`nil` for an empty log): to
    /// be compared with one kept from an earlier report.
    public var logHead: AuditLogHead?

    /// Whether the archive itself is sound.
    public var isSound: Bool { problems.isEmpty }

    /// Creates the value from each of its stored properties.
    public init(problems: [String], findings: [Finding], checked: [RecordKind: Int], notes: [String] = []) {
        self.problems = problems
        self.findings = findings
        self.checked = checked
        self.notes = notes
    }
}
