import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming, validating XML reader that refuses what a hostile file could abuse.
///
/// It reads the root element's start tag, then hands out each child of the root as one small
/// `XMLElement` tree, so memory stays bounded by the largest record, not the file. Problems go
/// to `diagnostics` (with line and, where libxml2 knows it, column); reading goes on after
/// validity errors, to report several in one run, and stops at the first fatal one.
///
/// Hardening: `XML_PARSE_NONET`, no entity substitution, no DTD loading, no XInclude, and any
/// `<!DOCTYPE` is refused outright, which also closes entity-expansion attacks.
/// The text of the elements in `XMLInputLimits.base64Elements` (attachments) is decoded from
/// the bytes by the reader, not gathered by libxml2, whose 10 MB limit on a text node stays.
///
/// ```swift
/// let reader = try XMLPullReader(path: "archive.xml", schema: schema)
/// let root = try reader.readRoot()
/// while let record = try reader.nextChild() { handle(record) }
/// if reader.diagnostics.isEmpty { commit() }
/// ```
public final class XMLPullReader {
    private let reader: OpaquePointer
    private let descriptor: Int32
    /// The bytes go through it, so that a start tag with too many attributes or a DOCTYPE is
    /// refused before libxml2 reads it, and attachments are decoded beside libxml2.
    private let input: InputGuard
    private let schema: XMLSchema?
    private let collector = DiagnosticCollector()
    private var finished = false
    /// The path the reader was opened on.
    public let path: String

    /// The parser options every document is read with.
    static let options: Int32 = {
        // Not XML_PARSE_NOCDATA: with the reader it merges a CDATA section into a text node
        // already handed out, and the section's text is lost. CDATA nodes are read as text.
        // Not XML_PARSE_HUGE: it lifts every limit at once (nesting, names, entity expansion),
        // and libxml2 2.9 gathers a long text node in quadratic time. Attachments are read by
        // `InputGuard` instead.
        let flags: [xmlParserOption] = [XML_PARSE_NONET, XML_PARSE_BIG_LINES]
        return Int32(bitPattern: flags.reduce(0) { $0 | $1.rawValue })
    }()

    /// Opens `path` for reading, validating against `schema` when one is given, and stops
    /// the document where it goes past `limits` (`diagnostics` then says why, with the
    /// refusal).
    ///
    /// - throws: `XMLError.cannotOpen` when the file cannot be opened.
    public init(path: String, schema: XMLSchema?, limits: XMLInputLimits = .standard) throws {
        _ = XMLLibrary.initialized
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw XMLError.cannotOpen(path: path, reason: FileBytes.errorText()) }
        let input = InputGuard(descriptor: descriptor, limits: limits)
        // libxml2 holds the context unretained; `self.input` keeps it alive as long as the reader.
        guard
            let reader = xmlReaderForIO(
                { context, buffer, count in
                    guard let context, let buffer else { return -1 }
                    let input = Unmanaged<InputGuard>.fromOpaque(context).takeUnretainedValue()
                    return Int32(input.read(buffer, Int(count)))
                }, nil, Unmanaged.passUnretained(input).toOpaque(), path, nil, Self.options)
        else {
            close(descriptor)
            throw XMLError.cannotOpen(path: path, reason: "libxml2 could not create a reader")
        }
        self.reader = reader
        self.descriptor = descriptor
        self.input = input
        self.schema = schema
        self.path = path
        // Refuse a DOCTYPE before libxml2 parses its internal subset (entity declarations,
        // parameter entities) at all.
        if let declared = Self.foreignEncoding(path: path) {
            // Format v1 is UTF-8 (UTF-16 with its byte-order mark is read too): a file that says
            // otherwise is either mislabelled or not ours, and reading it would store mojibake.
            collector.append(
                XMLDiagnostic(severity: .fatal, line: 1, column: 1, message: Self.encodingRefusal + declared))
            finished = true
        } else if let position = Self.doctypePosition(path: path) {
            collector.append(
                XMLDiagnostic(
                    severity: .fatal, line: position.line, column: position.column,
                    message: Self.doctypeRefusal, refusal: .doctype))
            finished = true
        }
        // Order matters on libxml2 2.9: the error handler first, then the schema.
        xmlTextReaderSetStructuredErrorHandler(reader, DiagnosticCollector.handler, contextPointer)
        if let schema, xmlTextReaderSetSchema(reader, schema.pointer) != 0 {
            collector.append(
                XMLDiagnostic(severity: .fatal, line: 0, column: 0, message: "cannot attach the schema"))
        }
    }

    /// The most attributes a start tag may carry before the document is refused.
    public static let maximumAttributes = XMLInputLimits.standard.maximumAttributes

    /// The message for a start tag with more than `maximumAttributes` attributes.
    public static let attributesRefusal = "an element with more than \(maximumAttributes) attributes is not read"

    /// The message of a diagnostic for a refusal by the input guard, in English like libxml2's
    /// (the refusal itself carries the values).
    static func message(for refusal: XMLInputRefusal) -> String {
        switch refusal {
        case .tooManyAttributes: attributesRefusal
        case .doctype: doctypeRefusal
        case .base64TooLarge(let element, _, let bytes, let limit):
            "the base64 text of <\(element)> decodes to \(bytes) bytes, more than \(limit)"
        }
    }

    /// The message for a refused DOCTYPE.
    public static let doctypeRefusal =
        "a DOCTYPE declaration is not allowed: the archive format has no DTD, and entities and external references are refused"

    /// The start of the message for a refused encoding declaration; the declared name follows.
    public static let encodingRefusal = "the document declares an encoding other than UTF-8: "

    /// The encoding the XML declaration names, when it is not UTF-8 and the file does not start
    /// with a UTF-16 byte-order mark (libxml2 reads UTF-16 with one); `nil` when the file is
    /// fine or has no declaration (UTF-8 by default).
    static func foreignEncoding(path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = fread(&bytes, 1, bytes.count, file)
        var head = Array(bytes[0..<count])
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { return nil }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else {
            return nil
        }
        let declaration = Array(head[..<end])
        let word = Array("encoding".utf8)
        guard let at = declaration.indices.first(where: { declaration[$0...].starts(with: word) }) else { return nil }
        let rest = String(decoding: declaration[(at + word.count)...], as: UTF8.self).drop {
            $0 == " " || $0 == "=" || $0 == "\t"
        }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = String(rest.dropFirst().prefix { $0 != quote })
        return ["utf-8", "utf8"].contains(name.lowercased()) ? nil : name
    }

    /// Where `<!DOCTYPE` stands in the prolog (before the first start tag), if it does.
    ///
    /// Reads at most the first 64 KiB: a prolog longer than that is itself suspicious and is
    /// left to the reader, which refuses a DOCTYPE node as well.
    static func doctypePosition(path: String) -> (line: Int, column: Int)? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: 65536)
        let count = fread(&bytes, 1, bytes.count, file)
        let prolog = bytes[0..<count]
        var line = 1, column = 1, index = prolog.startIndex
        let marker = Array("<!DOCTYPE".utf8)
        // Comments and processing instructions are skipped whole: "<!DOCTYPE" written inside
        // one is text, not a declaration.
        var closing: [UInt8]?
        while index < prolog.endIndex {
            let byte = prolog[index]
            if let end = closing {
                if prolog[index...].starts(with: end) {
                    closing = nil
                    index += end.count - 1
                    column += end.count - 1
                }
            } else if byte == UInt8(ascii: "<"), index + 1 < prolog.endIndex {
                let next = prolog[index + 1]
                if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return nil }  // the root element
                if prolog[index...].starts(with: marker) { return (line, column) }
                if prolog[index...].starts(with: Array("<!--".utf8)) {
                    closing = Array("-->".utf8)
                    index += 3
                    column += 3
                } else if next == UInt8(ascii: "?") {
                    closing = Array("?>".utf8)
                    index += 1
                    column += 1
                }
            }
            // A line ends with LF, CR LF or a CR alone (XML 1.0, §2.11).
            let lineFeedAfterCarriageReturn =
                byte == UInt8(ascii: "\n") && index > prolog.startIndex && prolog[index - 1] == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && !lineFeedAfterCarriageReturn) {
                line += 1
                column = 1
            } else if lineFeedAfterCarriageReturn {
                // The same line end as the CR before it.
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return nil
    }

    deinit {
        xmlFreeTextReader(reader)
        close(descriptor)
    }

    /// Everything found wrong so far, in the order found.
    public var diagnostics: [XMLDiagnostic] { collector.diagnostics }

    /// Whether reading had to stop early (a fatal error or a refusal).
    public var stoppedEarly: Bool { collector.sawFatal }

    private var contextPointer: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(collector).toOpaque()
    }

    /// One step of the reader; `false` at the end of the document or after a fatal error.
    private func advance() -> Bool {
        guard !finished, !collector.sawFatal else { return false }
        // The thread-local handler catches errors raised before the reader's own is consulted;
        // it is set and cleared around this synchronous call only.
        let known = collector.diagnostics.count
        xmlSetStructuredErrorFunc(contextPointer, DiagnosticCollector.handler)
        let status = xmlTextReaderRead(reader)
        xmlSetStructuredErrorFunc(nil, nil)
        if let refused = input.refusal {
            // What libxml2 said about the input cut short is only the consequence.
            collector.close(
                keeping: known,
                with: XMLDiagnostic(
                    severity: .fatal, line: refused.line, column: refused.column,
                    message: Self.message(for: refused.reason), refusal: refused.reason))
            finished = true
            return false
        }
        if status == 1 {
            if nodeType == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                elementStart = input.knowsPositions ? input.nextStart() : nil
            }
            return true
        }
        finished = true
        if status < 0 && !collector.sawFatal {
            refuse("the document is not well-formed and cannot be read further")
        }
        return false
    }

    private func refuse(_ message: String, line: Int? = nil, refusal: XMLInputRefusal? = nil) {
        let line = line ?? Int(xmlTextReaderGetParserLineNumber(reader))
        let column = Int(xmlTextReaderGetParserColumnNumber(reader))
        collector.append(
            XMLDiagnostic(severity: .fatal, line: line, column: column, message: message, refusal: refusal))
        finished = true
    }

    private var nodeType: Int32 { xmlTextReaderNodeType(reader) }

    /// Where the element the reader stands on begins, as the input guard saw it (exact at any
    /// length, where libxml2 keeps 16 bits and guesses past line 65,535), with the element's
    /// base64 text when the guard takes it out of the stream.
    private var elementStart: (line: Int, column: Int, spool: Base64Spool?)?

    private var currentLine: Int {
        if nodeType == Int32(XML_READER_TYPE_ELEMENT.rawValue), let elementStart { return elementStart.line }
        guard let node = xmlTextReaderCurrentNode(reader) else {
            return Int(xmlTextReaderGetParserLineNumber(reader))
        }
        return Int(xmlGetLineNo(node))
    }

    /// Moves to the root element and returns its start tag (no children).
    ///
    /// - returns: `nil` when the document is refused or unreadable; `diagnostics` says why.
    public func readRoot() -> XMLElement? {
        while advance() {
            switch xmlReaderTypes(UInt32(nodeType)) {
            case XML_READER_TYPE_DOCUMENT_TYPE:
                refuse(
                    Self.doctypeRefusal, line: max(1, Int(xmlTextReaderGetParserLineNumber(reader))), refusal: .doctype)
                return nil
            case XML_READER_TYPE_ELEMENT:
                let root = startTag()
                if xmlTextReaderIsEmptyElement(reader) == 1 { finished = !advance() }
                return root
            default:
                continue
            }
        }
        return nil
    }

    /// Reads the next child element of the root as a whole tree.
    ///
    /// - returns: `nil` at the end of the root, or when reading stopped; see `stoppedEarly`.
    public func nextChild() -> XMLElement? {
        while advance() {
            let type = xmlReaderTypes(UInt32(nodeType))
            if type == XML_READER_TYPE_ELEMENT { return readSubtree() }
            if type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader) == 0 { return nil }
            if type == XML_READER_TYPE_ENTITY_REFERENCE {
                refuse("entity references are not allowed", line: currentLine)
                return nil
            }
        }
        return nil
    }

    /// Reads to the end of the document, so that errors after the last record (a broken end
    /// tag, trailing garbage) are reported too.
    public func finish() {
        while advance() {}
    }

    private func startTag() -> XMLElement {
        let name = XMLLibrary.string(xmlTextReaderConstLocalName(reader)) ?? ""
        let namespace = XMLLibrary.string(xmlTextReaderConstNamespaceUri(reader))
        var element = XMLElement(name: name, namespace: namespace, line: currentLine)
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                // Namespace declarations are not attributes of the format.
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                let attributeName = XMLLibrary.string(xmlTextReaderConstLocalName(reader)) ?? ""
                let value = XMLLibrary.string(xmlTextReaderConstValue(reader)) ?? ""
                element.attributes.append((attributeName, value))
            }
            xmlTextReaderMoveToElement(reader)
        }
        return element
    }

    /// Builds the tree of the element the reader stands on, leaving the reader on its end.
    private func readSubtree() -> XMLElement? {
        var stack = [startTag()]
        // The base64 text the guard takes out of each open element, complete at its end tag.
        var spools = [elementStart?.spool]
        if xmlTextReaderIsEmptyElement(reader) == 1 { return stack[0] }
        while advance() {
            switch xmlReaderTypes(UInt32(nodeType)) {
            case XML_READER_TYPE_ELEMENT:
                let element = startTag()
                if xmlTextReaderIsEmptyElement(reader) == 1 {
                    stack[stack.count - 1].children.append(element)
                } else {
                    stack.append(element)
                    spools.append(elementStart?.spool)
                }
            case XML_READER_TYPE_END_ELEMENT:
                var element = stack.removeLast()
                if let spool = spools.removeLast() {
                    element.base64 = spool.decoder
                    // Handed over whole: the spool keeps no second reference to the bytes.
                    spool.decoder = Base64Decoder()
                }
                if stack.isEmpty { return element }
                stack[stack.count - 1].children.append(element)
            case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA, XML_READER_TYPE_SIGNIFICANT_WHITESPACE,
                XML_READER_TYPE_WHITESPACE:
                if let value = XMLLibrary.string(xmlTextReaderConstValue(reader)) {
                    stack[stack.count - 1].text += value
                }
            case XML_READER_TYPE_ENTITY_REFERENCE:
                refuse("entity references are not allowed", line: currentLine)
                return nil
            default:
                continue
            }
        }
        return nil
    }
}
