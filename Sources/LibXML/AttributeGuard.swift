#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a document's bytes for libxml2 and stops at a start tag with more attributes than
/// any format needs, before libxml2 sees it: libxml2 2.9 looks for duplicate attributes in
/// quadratic time (100,000 attributes on one element take 20 s to refuse, 200,000 minutes).
///
/// A small state machine over the bytes: it knows start tags, quoted attribute values,
/// comments, CDATA sections, processing instructions and declarations, so that an `=` in text
/// or inside a value is not counted.
final class AttributeGuard {
    /// The most attributes one start tag may carry (namespace declarations included).
    static let maximumAttributes = 256

    /// Where the refused start tag begins, once one was found.
    private(set) var refusedAt: (line: Int, column: Int)?

    private let descriptor: Int32
    private enum State {
        case text, open, bang, comment, cdata, instruction, declaration, endTag, tag, quoted(UInt8)
    }
    private var state = State.text
    private var attributes = 0
    private var line = 1, column = 0
    private var tagLine = 0, tagColumn = 0
    /// The two bytes before the current one, for `-->`, `]]>` and `?>`.
    private var previous: (UInt8, UInt8) = (0, 0)

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Reads up to `count` bytes into `buffer`; -1 on a read error or a refused tag.
    func read(_ buffer: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        guard refusedAt == nil else { return -1 }
        var result: Int
        repeat { result = systemRead(descriptor, buffer, count) } while result < 0 && errno == EINTR
        guard result > 0 else { return result }
        let bytes = UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
        for index in 0..<result where !scan(bytes[index]) { return -1 }
        return result
    }

    /// Takes one byte; `false` when it makes a start tag carry too many attributes.
    private func scan(_ byte: UInt8) -> Bool {
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 0
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        defer { previous = (previous.1, byte) }
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") {
                state = .open
                (tagLine, tagColumn) = (line, column)
            }
        case .open:
            switch byte {
            case UInt8(ascii: "!"): state = .bang
            case UInt8(ascii: "?"): state = .instruction
            case UInt8(ascii: "/"): state = .endTag
            default:
                state = .tag
                attributes = 0
            }
        case .bang:
            state =
                byte == UInt8(ascii: "-") ? .comment : byte == UInt8(ascii: "[") ? .cdata : .declaration
        case .comment:
            if byte == UInt8(ascii: ">") && previous == (UInt8(ascii: "-"), UInt8(ascii: "-")) { state = .text }
        case .cdata:
            if byte == UInt8(ascii: ">") && previous == (UInt8(ascii: "]"), UInt8(ascii: "]")) { state = .text }
        case .instruction:
            if byte == UInt8(ascii: ">") && previous.1 == UInt8(ascii: "?") { state = .text }
        case .declaration, .endTag:
            if byte == UInt8(ascii: ">") { state = .text }
        case .tag:
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): state = .quoted(byte)
            case UInt8(ascii: ">"): state = .text
            case UInt8(ascii: "="):
                attributes += 1
                if attributes > Self.maximumAttributes {
                    refusedAt = (tagLine, tagColumn)
                    return false
                }
            default: break
            }
        case .quoted(let quote):
            if byte == quote { state = .tag }
        }
        return true
    }
}

/// The system's `read`, which the method of the same name hides inside the class.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
