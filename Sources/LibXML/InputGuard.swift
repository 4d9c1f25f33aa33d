#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the reader takes out of libxml2's hands.
///
/// libxml2 2.9 refuses a text node over 10 MB, and with `XML_PARSE_HUGE` (which would also
/// lift its limits on nesting, names and entity expansion) it gathers a long text by copying
/// it again for every few hundred bytes, in quadratic time: a 20 MB attachment took 20 s, a
/// 100 MB one would take the better part of an hour. So the text of the elements named in
/// `base64Elements` never reaches libxml2: the reader decodes it from the bytes as they stream
/// and hands it with the element (`XMLElement.base64`), keeping at most
/// `maximumBase64Bytes`.
///
/// ```swift
/// let limits = XMLInputLimits(base64Elements: ["attachment"], maximumBase64Bytes: 100 << 20)
/// let reader = try XMLPullReader(path: "archive.xml", schema: schema, limits: limits)
/// ```
public struct XMLInputLimits: Sendable, Hashable {
    /// The most attributes one start tag may carry (namespace declarations included): libxml2
    /// 2.9 looks for duplicate attributes in quadratic time.
    public var maximumAttributes = 256
    /// Local names of the elements whose text is base64, decoded by the reader itself.
    public var base64Elements: Set<String> = []
    /// The most bytes one such element may decode to.
    public var maximumBase64Bytes = 10_000_000

    /// No element decoded by the reader; libxml2's own limits.
    public static let standard = XMLInputLimits()

    /// Limits with the text of `base64Elements` decoded by the reader, up to `maximumBase64Bytes`.
    public init(base64Elements: Set<String> = [], maximumBase64Bytes: Int = 10_000_000) {
        self.base64Elements = base64Elements
        self.maximumBase64Bytes = maximumBase64Bytes
    }
}

/// Why a document was stopped before libxml2 read the bytes in question.
public enum XMLInputRefusal: Sendable, Hashable {
    /// A start tag with more than `limit` attributes.
    case tooManyAttributes(limit: Int)
    /// A `<!DOCTYPE` anywhere: the formats read here have no DTD.
    case doctype
    /// The base64 text of an element decodes to more than `limit` bytes. `bytes` counts it
    /// whole, read to its end without keeping it; `element` is the local name of the element and
    /// `nameAttribute` its `name` attribute.
    case base64TooLarge(element: String, nameAttribute: String?, bytes: Int, limit: Int)
}

/// The base64 text of one element, decoded while its bytes stream past libxml2.
final class Base64Spool {
    let element: String
    let nameAttribute: String?
    var decoder: Base64Decoder

    init(element: String, nameAttribute: String?, limit: Int) {
        self.element = element
        self.nameAttribute = nameAttribute
        decoder = Base64Decoder(limit: limit)
    }
}

/// Reads a document's bytes for libxml2 and stops it before libxml2 spends time on what a
/// hostile file could abuse: a start tag with more attributes than any format needs (libxml2
/// 2.9 looks for duplicates in quadratic time: 100,000 attributes take 20 s to refuse), a
/// DOCTYPE anywhere (entity expansion, external references). It takes the text of the
/// elements in `XMLInputLimits.base64Elements` out of the stream and decodes it itself.
///
/// A small state machine over the bytes: it knows start tags, quoted attribute values,
/// comments, CDATA sections, processing instructions and declarations, so that an `=` in text
/// or inside a value is not counted. It also notes where each start tag begins: libxml2 keeps
/// an element's line in 16 bits, and past line 65,535 guesses it from the text that follows.
///
/// It also ends every line with LF, as XML 1.0 (§2.11) tells a parser to read CR LF and a CR
/// alone: libxml2 does read them so, but counts only LF as a new line, so that every problem
/// of a file with CR line ends (old Mac editors) was reported at line 1. UTF-16 input, where a
/// 0x0D byte may be half of another character, is passed through as it is, its positions are
/// left to libxml2 and its base64 text too.
final class InputGuard {
    let limits: XMLInputLimits

    /// Why and where (the start of the tag or element in question) the document was stopped.
    private(set) var refusal: (line: Int, column: Int, reason: XMLInputRefusal)?

    private let descriptor: Int32
    private enum State {
        case text, open, bang, comment, cdata, instruction, declaration, endTag, tag, quoted(UInt8)
    }
    private var state = State.text
    private var attributes = 0
    private var line = 1, column = 0
    private var tagLine = 0, tagColumn = 0
    /// The two bytes before the current one, for `-->`, `]]>`, `?>` and `/>`.
    private var previous: (UInt8, UInt8) = (0, 0)
    /// The first bytes of the start tag being read, from its name on.
    private var tagBytes: [UInt8] = []
    /// The most bytes of a start tag kept to name its element.
    private static let keptTagBytes = 4096
    /// The element whose base64 text is being taken out of the stream, and a character
    /// reference in it being read (`&#10;` is white space).
    private var spool: Base64Spool?
    private var spoolLine = 0, spoolColumn = 0
    private var reference: [UInt8]?
    /// Where that reference begins (its `&`).
    private var referenceStart = (line: 0, column: 0)

    /// Where each start tag begins, in document order, not yet taken; with the element's
    /// base64 text when the guard takes it out.
    private var starts: [(line: Int, column: Int, spool: Base64Spool?)] = []
    private var startsTaken = 0

    /// Whether line ends are rewritten and base64 text taken out: decided on the first bytes
    /// (not for UTF-16).
    private var readsBytes: Bool?
    /// Whether the last byte read was a CR, so that an LF right after it (perhaps at the start
    /// of the next read) is the same line end.
    private var afterCarriageReturn = false

    init(descriptor: Int32, limits: XMLInputLimits) {
        self.descriptor = descriptor
        self.limits = limits
    }

    /// Whether `nextStart()` knows positions (the input is not UTF-16).
    var knowsPositions: Bool { readsBytes == true }

    /// Where the next start tag that libxml2 reports as an element begins, and its base64
    /// text when the guard takes it (complete once libxml2 reports the element's end); each
    /// call takes one.
    func nextStart() -> (line: Int, column: Int, spool: Base64Spool?)? {
        guard startsTaken < starts.count else { return nil }
        let start = starts[startsTaken]
        starts[startsTaken].spool = nil
        startsTaken += 1
        if startsTaken >= 4096 {
            starts.removeFirst(startsTaken)
            startsTaken = 0
        }
        return start
    }

    /// Reads up to `count` bytes into `buffer`; -1 on a read error or a refusal, 0 at the end.
    func read(_ buffer: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        guard refusal == nil else { return -1 }
        while true {
            var result: Int
            repeat { result = systemRead(descriptor, buffer, count) } while result < 0 && errno == EINTR
            guard result > 0 else { return result }
            let bytes = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
            if readsBytes == nil {
                // A byte-order mark or a zero byte in the first two: UTF-16 (or UTF-32).
                let utf16 =
                    result >= 2
                    && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
                        || bytes[0] == 0 || bytes[1] == 0)
                readsBytes = !utf16
            }
            var kept = 0
            if readsBytes == true {
                kept = passUTF8(bytes, result)
            } else {
                for index in 0..<result where !scan(bytes[index]) { return -1 }
                kept = result
            }
            if refusal != nil { return -1 }
            // A read that was one LF after a CR, or base64 text, leaves nothing: read on rather
            // than return 0, which libxml2 takes for the end of the file.
            if kept > 0 { return kept }
        }
    }

    /// Rewrites CR LF and a lone CR as LF, takes base64 text out (keeping its line ends) and
    /// scans the rest, in place; returns how many bytes are left for libxml2.
    private func passUTF8(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")
        let lessThan = UInt8(ascii: "<"), ampersand = UInt8(ascii: "&")
        var kept = 0
        var index = 0
        while index < count {
            var byte = bytes[index]
            index += 1
            if afterCarriageReturn && byte == lineFeed {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = byte == carriageReturn
            if afterCarriageReturn { byte = lineFeed }
            if let spool, byte != lessThan {
                if byte == lineFeed {
                    // Line ends stay, so that libxml2 counts lines as they are in the file.
                    line += 1
                    column = 0
                    bytes[kept] = lineFeed
                    kept += 1
                } else if reference != nil || byte == ampersand {
                    column += 1
                    if reference == nil { referenceStart = (line, column) }
                    takeReference(byte, into: spool)
                } else {
                    // The run of base64 text, up to the next byte that is not part of it.
                    let start = index - 1
                    var end = index
                    while end < count {
                        let next = bytes[end]
                        if next == lessThan || next == carriageReturn || next == lineFeed || next == ampersand { break }
                        end += 1
                    }
                    let before = spool.decoder.fed
                    spool.decoder.feed(UnsafeBufferPointer(start: bytes + start, count: end - start))
                    // The first character that is not base64, where it is: the bytes before it
                    // in the run are base64, one byte a character.
                    if let bad = spool.decoder.invalidOffset, bad >= before, spool.decoder.invalidLine == 0 {
                        spool.decoder.invalidLine = line
                        spool.decoder.invalidColumn = column + bad - before + 1
                    }
                    column += end - start
                    index = end
                    if spool.decoder.isOverLimit { return refuseSpool(spool, rest: bytes + end, count: count - end) }
                }
                continue
            }
            guard scan(byte) else { return kept }
            bytes[kept] = byte
            kept += 1
        }
        return kept
    }

    /// Takes one byte of a character reference in base64 text: white space written as one
    /// (`&#13;`, `&#xA;`) is white space; anything else is not base64, and the decoder is told.
    private func takeReference(_ byte: UInt8, into spool: Base64Spool) {
        guard var characters = reference else {
            reference = []
            return
        }
        if byte == UInt8(ascii: ";") || characters.count > 8 {
            reference = nil
            let spaces: Set<String> = ["#9", "#x9", "#10", "#xA", "#xa", "#13", "#xD", "#xd", "#32", "#x20"]
            if byte != UInt8(ascii: ";") || !spaces.contains(String(decoding: characters, as: UTF8.self)) {
                feedAmpersand(into: spool)
            }
            return
        }
        characters.append(byte)
        reference = characters
    }

    /// Tells the decoder of `spool` that a character reference (begun at `referenceStart`) was
    /// not white space: not base64, placed where it begins.
    private func feedAmpersand(into spool: Base64Spool) {
        spool.decoder.feed("&")
        if spool.decoder.invalidLine == 0, !spool.decoder.isValid {
            (spool.decoder.invalidLine, spool.decoder.invalidColumn) = referenceStart
        }
    }

    /// Refuses the element of `spool`, after counting the rest of its text (in `rest` and on
    /// in the file) without keeping it, so that the refusal says its whole size.
    private func refuseSpool(_ spool: Base64Spool, rest: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var decoder = spool.decoder
        var ended = false
        func take(_ chunk: UnsafeBufferPointer<UInt8>) {
            let end = chunk.firstIndex(of: UInt8(ascii: "<")) ?? chunk.endIndex
            ended = end < chunk.endIndex
            decoder.feed(UnsafeBufferPointer(rebasing: chunk[..<end]))
        }
        take(UnsafeBufferPointer(start: rest, count: count))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !ended && decoder.isValid {
            let result = chunk.withUnsafeMutableBytes {
                systemRead(descriptor, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { break }
            chunk.withUnsafeBufferPointer { take(UnsafeBufferPointer(rebasing: $0[0..<result])) }
        }
        refusal = (
            spoolLine, spoolColumn,
            .base64TooLarge(
                element: spool.element, nameAttribute: spool.nameAttribute, bytes: decoder.count,
                limit: limits.maximumBase64Bytes)
        )
        self.spool = nil
        return 0
    }

    private func refuse(_ reason: XMLInputRefusal) -> Bool {
        refusal = (tagLine, tagColumn, reason)
        return false
    }

    /// Takes one byte of markup or text; `false` when the document is refused.
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
                // The end of an element's base64 text; a reference cut short is not base64.
                if reference != nil, let spool { feedAmpersand(into: spool) }
                spool = nil
                reference = nil
            }
        case .open:
            switch byte {
            case UInt8(ascii: "!"): state = .bang
            case UInt8(ascii: "?"): state = .instruction
            case UInt8(ascii: "/"): state = .endTag
            default:
                state = .tag
                attributes = 0
                starts.append((tagLine, tagColumn, nil))
                tagBytes.removeAll(keepingCapacity: true)
                tagBytes.append(byte)
            }
        case .bang:
            switch byte {
            case UInt8(ascii: "-"): state = .comment
            case UInt8(ascii: "["): state = .cdata
            case UInt8(ascii: "D"): return refuse(.doctype)
            default: state = .declaration
            }
        case .comment:
            if byte == UInt8(ascii: ">") && previous == (UInt8(ascii: "-"), UInt8(ascii: "-")) { state = .text }
        case .cdata:
            if byte == UInt8(ascii: ">") && previous == (UInt8(ascii: "]"), UInt8(ascii: "]")) { state = .text }
        case .instruction:
            if byte == UInt8(ascii: ">") && previous.1 == UInt8(ascii: "?") { state = .text }
        case .declaration, .endTag:
            if byte == UInt8(ascii: ">") { state = .text }
        case .tag:
            if tagBytes.count < Self.keptTagBytes { tagBytes.append(byte) }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): state = .quoted(byte)
            case UInt8(ascii: ">"):
                state = .text
                if previous.1 != UInt8(ascii: "/") && readsBytes == true && !limits.base64Elements.isEmpty {
                    startSpool()
                }
            case UInt8(ascii: "="):
                attributes += 1
                if attributes > limits.maximumAttributes {
                    return refuse(.tooManyAttributes(limit: limits.maximumAttributes))
                }
            default: break
            }
        case .quoted(let quote):
            if tagBytes.count < Self.keptTagBytes { tagBytes.append(byte) }
            if byte == quote { state = .tag }
        }
        return true
    }

    /// The UTF-8 bytes of each name in `limits.base64Elements`.
    private lazy var base64Names: [[UInt8]] = limits.base64Elements.map { Array($0.utf8) }

    /// After a start tag: takes the element's text out of the stream when it is base64.
    private func startSpool() {
        // The local name compared as bytes first: this runs for every element of the file.
        let nameEnd = tagBytes.firstIndex { [0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E].contains($0) } ?? tagBytes.endIndex
        let localStart = tagBytes[..<nameEnd].lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? 0
        let local = tagBytes[localStart..<nameEnd]
        guard base64Names.contains(where: { $0.elementsEqual(local) }), !starts.isEmpty else { return }
        let (element, name) = Self.elementAndName(tagBytes)
        guard let element else { return }
        let spool = Base64Spool(element: element, nameAttribute: name, limit: limits.maximumBase64Bytes)
        starts[starts.count - 1].spool = spool
        self.spool = spool
        (spoolLine, spoolColumn) = (tagLine, tagColumn)
    }

    /// The local name of the element whose start tag is `tag` (from its name to `>`), and the
    /// value of its `name` attribute.
    static func elementAndName(_ tag: [UInt8]) -> (element: String?, name: String?) {
        let text = String(decoding: tag, as: UTF8.self)
        let qualified = text.prefix { !" \t\n\r/>".contains($0) }
        let element = qualified.split(separator: ":").last.map(String.init)
        var name: String?
        var rest = text.dropFirst(qualified.count)
        while let equals = rest.firstIndex(of: "=") {
            let attribute = rest[..<equals].split { " \t\n\r".contains($0) }.last ?? ""
            let afterEquals = rest[rest.index(after: equals)...].drop { " \t\n\r".contains($0) }
            guard let quote = afterEquals.first, quote == "\"" || quote == "'" else { break }
            let value = afterEquals.dropFirst().prefix { $0 != quote }
            if attribute == "name" {
                name = String(value)
                break
            }
            rest = afterEquals.dropFirst(value.count + 2)
        }
        return (element, name)
    }
}

/// The system's `read`, which the method of the same name hides inside the class.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
