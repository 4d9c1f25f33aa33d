/// What an export wrote.
public struct ExportSummary: Sendable, Hashable, Codable {
    /// Records written, by kind.
    public var counts: [RecordKind: Int] = [:]
    /// Documents written that are marked Mật or higher: a front end that serves the file
    /// checks the reader may take them.
    public var confidentialDocuments = 0

    /// Creates the value from each of its stored properties.
    public init(counts: [RecordKind: Int] = [:]) {
        self.counts = counts
    }
}
