/// What an export wrote.
public struct ExportSummary: Sendable, Hashable, Codable {
    /// Records written, by kind.
    public var counts: [RecordKind: Int] = [:]

    /// Creates the value from each of its stored properties.
    public init(counts: [RecordKind: Int] = [:]) {
        self.counts = counts
    }
}
