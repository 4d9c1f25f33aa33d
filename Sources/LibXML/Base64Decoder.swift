import Foundation

/// Decodes base64 text as it arrives, in pieces of any size, into bytes: the standard
/// alphabet, `=` padding at the end only, XML white space anywhere (the line breaks of other
/// tools). Past `limit` decoded bytes it stops keeping them but goes on counting.
///
/// ```swift
/// var decoder = Base64Decoder(limit: 1 << 20)
/// decoder.feed("aGVs\n")
/// decoder.feed("bG8=")
/// decoder.finish()   // Data("hello".utf8)
/// ```
public struct Base64Decoder: Sendable, Hashable {
    /// The bytes decoded and kept, but the last few still in `pending`.
    private var kept = Data()
    /// Decoded bytes not yet moved into `kept`: appending to `Data` a byte at a time is slow.
    private var pending: [UInt8] = []
    /// Bytes decoded before those in `pending`, kept or not.
    private var counted = 0
    /// Every byte decoded, kept or not.
    public var count: Int { counted + pending.count }
    /// The most bytes kept.
    public let limit: Int
    /// `false` once a character outside the alphabet and white space, or one after padding,
    /// was fed.
    public private(set) var isValid = true
    /// How many bytes of text were fed, white space included.
    public private(set) var fed = 0
    /// Where among the bytes fed (from 0) the first one that made the text invalid is.
    public private(set) var invalidOffset: Int?
    /// The line and column (1-based) of that byte in its file, when the reader that fed it
    /// knows them (`InputGuard`); 0 when not.
    public var invalidLine = 0, invalidColumn = 0
    private var group: UInt32 = 0
    private var inGroup = 0
    private var padding = 0

    /// A decoder that keeps up to `limit` bytes.
    public init(limit: Int = .max) { self.limit = limit }

    /// Whether more bytes were decoded than `limit`.
    public var isOverLimit: Bool { count > limit }

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        for space in [0x20, 0x09, 0x0A, 0x0D] { table[space] = 0xFE }
        table[Int(UInt8(ascii: "="))] = 0xFD
        return table
    }()

    /// Takes the UTF-8 bytes of `text`.
    public mutating func feed(_ text: String) {
        var text = text
        text.withUTF8 { feed($0) }
    }

    /// Takes a piece of base64 text.
    public mutating func feed(_ text: UnsafeBufferPointer<UInt8>) {
        let start = fed
        fed += text.count
        guard isValid else { return }
        if pending.capacity < 1 << 16 { pending.reserveCapacity(1 << 16) }
        Self.values.withUnsafeBufferPointer { values in
            for (offset, byte) in text.enumerated() {
                let value = values[Int(byte)]
                if value == 0xFE { continue }
                if value == 0xFD {
                    padding += 1
                    if padding > 2 || inGroup < 2 {
                        isValid = false
                        invalidOffset = start + offset
                        return
                    }
                    group <<= 6
                } else if value == 0xFF || padding > 0 {
                    // Not in the alphabet, or after padding.
                    isValid = false
                    invalidOffset = start + offset
                    return
                } else {
                    group = group << 6 | UInt32(value)
                }
                inGroup += 1
                if inGroup == 4 {
                    let decoded = 3 - padding
                    pending.append(UInt8(truncatingIfNeeded: group >> 16))
                    if decoded > 1 { pending.append(UInt8(truncatingIfNeeded: group >> 8)) }
                    if decoded > 2 { pending.append(UInt8(truncatingIfNeeded: group)) }
                    group = 0
                    inGroup = 0
                    if pending.count >= (1 << 16) - 3 { keepPending() }
                }
            }
        }
    }

    /// Moves `pending` into `kept` as far as the limit allows, and counts it all.
    private mutating func keepPending() {
        let room = max(0, limit - kept.count)
        if room > 0 { kept.append(contentsOf: pending.prefix(room)) }
        counted += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// The decoded bytes; `nil` when the text was not base64, ended inside a group of four
    /// characters, or went past the limit.
    public mutating func finish() -> Data? {
        keepPending()
        guard isValid, inGroup == 0, !isOverLimit else { return nil }
        return kept
    }
}
