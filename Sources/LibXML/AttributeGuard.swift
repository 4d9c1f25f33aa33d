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
///
/// It also ends every line with LF, as XML 1.0 (§2.11) tells a parser to read CR LF and a CR
/// alone: libxml2 does read them so, but counts only LF as a new line, so that every problem
/// of a file with CR line ends (old Mac editors) was reported at line 1. UTF-16 input, where a
/// 0x0D byte may be half of another character, is passed through as it is.
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

    /// Whether line ends are rewritten: decided on the first bytes (not for UTF-16).
    private var normalizesLineEnds: Bool?
    /// Whether the last byte read was a CR, so that an LF right after it (perhaps at the start
    /// of the next read) is the same line end.
    private var afterCarriageReturn = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Reads up to `count` bytes into `buffer`; -1 on a read error or a refused tag, 0 at the end.
    func read(_ buffer: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        guard refusedAt == nil else { return -1 }
        while true {
            var result: Int
            repeat { result = systemRead(descriptor, buffer, count) } while result < 0 && errno == EINTR
            guard result > 0 else { return result }
            let bytes = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
            if normalizesLineEnds == nil {
                // A byte-order mark or a zero byte in the first two: UTF-16 (or UTF-32).
                let utf16 =
                    result >= 2
                    && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
                        || bytes[0] == 0 || bytes[1] == 0)
                normalizesLineEnds = !utf16
            }
            let kept = normalizesLineEnds == true ? normalizeLineEnds(bytes, result) : result
            for index in 0..<kept where !scan(bytes[index]) { return -1 }
            // A read that was one LF after a CR leaves nothing: read on rather than return 0,
            // which libxml2 takes for the end of the file.
            if kept > 0 { return kept }
        }
    }

    /// Rewrites CR LF and a lone CR as LF in place; returns how many bytes are left.
    private func normalizeLineEnds(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")
        var kept = 0
        for index in 0..<count {
            let byte = bytes[index]
            if afterCarriageReturn && byte == lineFeed {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = byte == carriageReturn
            bytes[kept] = afterCarriageReturn ? lineFeed : byte
            kept += 1
        }
        return kept
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
