/// What an export wrote.
public struct ExportSummary: Sendable, Hashable, Codable {
    /// Records written, by kind.
    public var counts: [RecordKind: Int] = [:]
    /// Documents written that are marked Mật or higher: a front end that serves the file
    /// checks the reader may take them.
    public var confidentialDocuments = 0
    /// Documents marked Mật or higher that a partial export left out
    /// (`ExportSelection.includeConfidential` not given).
    public var withheldConfidentialDocuments = 0
    /// Other records left out with them because they refer to one (minutes reporting on a
    /// withheld document's tasks, a document adopted at such minutes or superseding a withheld
    /// one), by kind: without them the file would not import on its own.
    public var withheldReferring: [RecordKind: Int] = [:]

    /// Creates the value from each of its stored properties.
    public init(counts: [RecordKind: Int] = [:]) {
        self.counts = counts
    }
}
