import Crypto
import Foundation
import LibXML

/// The canonical content of a record: its format-v1 element as the encoder writes it, without
/// what moves on through the lifecycle (a document's status, its derived symbol, a meeting's
/// rating, the `<lifecycle>` element). Its SHA-256 is what locked records carry, the audit log records,
/// and `check` verifies: the same content always gives the same bytes and the same hash.
///
/// ```swift
/// let hash = try CanonicalContent.sha256(.meeting(meeting))   // 64 lowercase hex digits
/// ```
public enum CanonicalContent {
    /// The canonical XML of `record`.
    public static func xml(_ record: LockableRecord) throws -> String {
        try XMLStreamWriter.document { writer in
            let encoder = ArchiveEncoder(writer: writer)
            switch record {
            case .meeting(let meeting): try encoder.write(meeting, canonical: true)
            case .document(let document): try encoder.write(document, issuerCode: "", canonical: true)
            }
        }
    }

    /// The lowercase hex SHA-256 of the canonical XML's UTF-8 bytes, hashed as they are
    /// written: a record with a 100 MB attachment is never held as one string.
    public static func sha256(_ record: LockableRecord) throws -> String {
        var hasher = SHA256()
        try XMLStreamWriter.stream(to: { hasher.update(bufferPointer: $0) }) { writer in
            let encoder = ArchiveEncoder(writer: writer)
            switch record {
            case .meeting(let meeting): try encoder.write(meeting, canonical: true)
            case .document(let document): try encoder.write(document, issuerCode: "", canonical: true)
            }
        }
        return Attachment.hex(hasher.finalize())
    }

    /// The canonical XML of a committee or a cell (with its members), for the audit log.
    static func xml(_ organization: Organization) throws -> String {
        try XMLStreamWriter.document { writer in try ArchiveEncoder(writer: writer).write(organization) }
    }

    /// The canonical XML of a cell with its members, for the audit log.
    static func xml(_ cell: Cell) throws -> String {
        try XMLStreamWriter.document { writer in try ArchiveEncoder(writer: writer).write(cell) }
    }

    /// The SHA-256 of a committee's canonical XML.
    package static func sha256(_ organization: Organization) throws -> String {
        Attachment.digest(of: Data(try xml(organization).utf8))
    }

    /// The SHA-256 of a cell's canonical XML.
    package static func sha256(_ cell: Cell) throws -> String {
        Attachment.digest(of: Data(try xml(cell).utf8))
    }
}
