import Crypto
import Foundation

extension Attachment {
    /// The lowercase hex SHA-256 of `content`, the form the archive format writes.
    ///
    /// ```swift
    /// Attachment.digest(of: Data("hello".utf8))   // "2cf24dba…9824"
    /// ```
    public static func digest(of content: Data) -> String {
        SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
    }
}
