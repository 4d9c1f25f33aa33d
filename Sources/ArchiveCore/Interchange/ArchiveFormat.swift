import LibXML

/// Constants of the archive XML format, version 1 (`../shared/archive-format.md`).
public enum ArchiveFormat {
    /// The namespace of every element.
    public static let namespace = "urn:sochibo:archive:1"
    /// The only format version this program reads and writes.
    public static let version = "1"
}

/// A reference from one record to another, kept with where it was written so that an
/// unresolved one can be reported at its line and column.
package struct SourceReference: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case organization, cell, member, meeting, document, task, term
    }

    package var kind: Kind
    package var id: String
    /// The 1-based line of the element that holds the reference.
    package var line: Int
    /// The attribute that holds it, to find the column.
    package var attribute: String
}

/// A problem found in one record, before its file and column are known.
package struct SourceProblem: Sendable, Hashable {
    package var line: Int
    /// Text to look for on the line (e.g. `symbol="06-NQ/CB"`) to give the column.
    package var needle: String?
    package var message: String
    /// For an unresolved reference, the record it names (`kind:id`), so that a reference to a
    /// record refused for another reason is not reported a second time.
    package var target: String? = nil
    /// The column, when the problem was found at a known one (a character the reader saw
    /// itself); the needle is then not looked for.
    package var column: Int? = nil

    /// Creates the value from each of its stored properties.
    package init(line: Int, needle: String? = nil, message: String, target: String? = nil, column: Int? = nil) {
        self.line = line
        self.needle = needle
        self.message = message
        self.target = target
        self.column = column
    }
}

extension SourceReference {
    /// `kind:id`, the key of the record referred to.
    package var key: String { "\(kind.rawValue):\(id)" }
}

extension ArchiveFormat {
    /// The largest attachment a file may carry, decoded: 100 MB (104,857,600 bytes), the
    /// "size the implementation documents" of `archive-format.md` (Limits). A scanned minutes
    /// book of a few hundred pages fits; past it the import is refused, naming the attachment.
    public static let maximumAttachmentBytes = 100 * 1024 * 1024

    /// The reader's limits for format v1: the text of `<attachment>` is decoded by the reader
    /// as it streams (libxml2 would refuse it past 10 MB), up to `maximumAttachmentBytes`.
    ///
    /// - parameter maximumAttachmentBytes: decoded bytes, at most `maximumAttachmentBytes`
    ///   (a smaller one only lowers it, as a test or an office may).
    public static func inputLimits(maximumAttachmentBytes: Int = maximumAttachmentBytes) -> XMLInputLimits {
        XMLInputLimits(
            base64Elements: ["attachment"],
            maximumBase64Bytes: min(maximumAttachmentBytes, Self.maximumAttachmentBytes))
    }
}
