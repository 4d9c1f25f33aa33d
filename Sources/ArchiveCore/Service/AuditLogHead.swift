/// The head of the audit log's hash chain: how many entries it holds and the chain hash of
/// the last one. The chain has no key, so whoever owns the file can rewrite the whole log
/// consistently with the `sqlite3` shell; a committee that keeps the head printed on an
/// earlier report can tell a rewritten history, since any change to an entry at or before
/// that one changes every chain hash after it (`domain.md`, the record book kept whole).
///
/// ```swift
/// let head = AuditLogHead(entries: 1234, chain: "a1b2c3d4e5f6a7b8…")
/// head.vietnameseLine  // "Sổ nhật ký: 1.234 mục, mã cuối a1b2c3d4e5f6a7b8"
/// ```
public struct AuditLogHead: Sendable, Hashable, Codable {
    /// The last entry's sequence number: the number of entries of an intact log.
    public var entries: Int
    /// The last entry's chain hash: 64 lowercase hexadecimal digits (SHA-256).
    public var chain: String
    /// The first 16 hexadecimal digits of `chain` (64 bits): short enough to copy by hand,
    /// long enough that no rewritten log can be made to match it by trying.
    public var mark: String

    /// The head of a log whose last entry is number `entries` with chain hash `chain`.
    public init(entries: Int, chain: String) {
        self.entries = entries
        self.chain = chain
        self.mark = String(chain.prefix(Self.markLength))
    }

    /// How many hexadecimal digits of the chain hash `mark` keeps.
    public static let markLength = 16
}
