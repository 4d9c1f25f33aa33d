import Crypto
import Foundation

extension Attachment {
    /// The lowercase hex SHA-256 of `content`, the form the archive format writes.
    ///
    /// ```swift
    /// Attachment.digest(of: Data("hello".utf8))   // "2cf24dba…9824"
    /// ```
    public static func digest(of content: Data) -> String {
        hex(SHA256.hash(data: content))
    }

    /// A digest in lowercase hex, 64 digits.
    static func hex(_ digest: SHA256.Digest) -> String {
        // Written digit by digit: `String(format:)` per byte was an eighth of an import's time.
        let digits = hexDigits
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * SHA256.byteCount)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
