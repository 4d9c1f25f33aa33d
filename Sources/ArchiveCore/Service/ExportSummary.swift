/// What an export wrote.
public struct ExportSummary: Sendable, Hashable, Codable {
    /// Records written, by kind.
    public var counts: [ImportReport.Kind: Int] = [:]

    /// Creates the value from each of its stored properties.
    public init(counts: [ImportReport.Kind: Int] = [:]) {
        self.counts = counts
    }
}
