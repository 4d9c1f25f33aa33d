/// Constants of the archive XML format, version 1 (`../shared/archive-format.md`).
public enum ArchiveFormat {
    /// The namespace of every element.
    public static let namespace = "urn:sochibo:archive:1"
    /// The only format version this program reads and writes.
    public static let version = "1"
}

/// A reference from one record to another, kept with where it was written so that an
/// unresolved one can be reported at its line and column.
struct SourceReference: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case organization, cell, member, meeting, document, task, term
    }

    var kind: Kind
    var id: String
    /// The 1-based line of the element that holds the reference.
    var line: Int
    /// The attribute that holds it, to find the column.
    var attribute: String
}

/// A problem found in one record, before its file and column are known.
struct SourceProblem: Sendable, Hashable {
    var line: Int
    /// Text to look for on the line (e.g. `symbol="06-NQ/CB"`) to give the column.
    var needle: String?
    var message: String
    /// For an unresolved reference, the record it names (`kind:id`), so that a reference to a
    /// record refused for another reason is not reported a second time.
    var target: String? = nil
}

extension SourceReference {
    /// `kind:id`, the key of the record referred to.
    var key: String { "\(kind.rawValue):\(id)" }
}
