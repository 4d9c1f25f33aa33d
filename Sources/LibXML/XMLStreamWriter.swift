import CLibXML2
import Foundation

/// Writes an indented XML document straight to a file descriptor, element by element.
///
/// Text is checked before it reaches libxml2, whose writer would otherwise emit control
/// characters raw and produce a file that no parser accepts.
///
/// ```swift
/// let writer = try XMLStreamWriter(fileDescriptor: 1)
/// try writer.startDocument()
/// try writer.startElement("archive", namespace: "urn:sochibo:archive:1")
/// try writer.attribute("formatVersion", "1")
/// try writer.endElement()
/// try writer.endDocument()
/// ```
public final class XMLStreamWriter {
    private let writer: OpaquePointer
    /// The memory buffer written to, for `document(_:)`; `nil` when writing to a descriptor.
    private let buffer: UnsafeMutablePointer<xmlBuffer>?
    /// The descriptor written to and the first system error a write met, for `init(fileDescriptor:)`.
    private let output: DescriptorOutput?
    /// The receiver of every block written, for `stream(to:_:)`.
    private let sink: SinkOutput?

    /// Hands each block libxml2 writes out to a closure, in order.
    final class SinkOutput {
        let receive: (UnsafeRawBufferPointer) -> Void

        init(_ receive: @escaping (UnsafeRawBufferPointer) -> Void) { self.receive = receive }
    }

    /// The descriptor behind libxml2's output buffer: it writes every byte or records why not
    /// (`ENOSPC` on a full device), so that the failure can be said instead of lost.
    final class DescriptorOutput {
        let descriptor: Int32
        var errorNumber: Int32 = 0

        init(descriptor: Int32) { self.descriptor = descriptor }

        func write(_ bytes: UnsafePointer<CChar>, _ count: Int) -> Bool {
            guard errorNumber == 0 else { return false }
            var written = 0
            while written < count {
                let result = Foundation.write(descriptor, bytes + written, count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    errorNumber = errno
                    return false
                }
                written += result
            }
            return true
        }
    }

    /// Creates a writer on an open descriptor, which the caller keeps and closes.
    ///
    /// - throws: `XMLError.writeFailed` when libxml2 cannot set up the output. Every method
    ///   that writes throws `XMLError.cannotWrite` with the system's error number when the
    ///   descriptor refuses bytes (a full disk or device).
    public init(fileDescriptor: Int32) throws {
        _ = XMLLibrary.initialized
        let output = DescriptorOutput(descriptor: fileDescriptor)
        // libxml2 holds the context unretained; `self.output` keeps it alive as long as the writer.
        let context = Unmanaged.passUnretained(output).toOpaque()
        guard
            let buffer = xmlOutputBufferCreateIO(
                { context, bytes, count in
                    guard let context, let bytes else { return -1 }
                    let output = Unmanaged<DescriptorOutput>.fromOpaque(context).takeUnretainedValue()
                    // A failure is recorded and said by the next `check`, in the caller's words;
                    // libxml2 is told the bytes went, or it prints its own "I/O error" on stderr.
                    _ = output.write(bytes, Int(count))
                    return count
                }, nil, context, nil)
        else {
            throw XMLError.writeFailed("cannot create an output buffer")
        }
        self.writer = try Self.indentedWriter(on: buffer)
        self.output = output
        self.buffer = nil
        self.sink = nil
    }

    /// A text writer on `buffer`, indenting by two spaces; the buffer is closed if it fails.
    private static func indentedWriter(on buffer: xmlOutputBufferPtr) throws -> OpaquePointer {
        guard let writer = xmlNewTextWriter(buffer) else {
            xmlOutputBufferClose(buffer)
            throw XMLError.writeFailed("cannot create a writer")
        }
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        return writer
    }

    private init(buffer: UnsafeMutablePointer<xmlBuffer>, writer: OpaquePointer) {
        self.buffer = buffer
        self.writer = writer
        output = nil
        sink = nil
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
    }

    private init(sink: SinkOutput) throws {
        // libxml2 holds the context unretained; `self.sink` keeps it alive as long as the writer.
        guard
            let buffer = xmlOutputBufferCreateIO(
                { context, bytes, count in
                    guard let context, let bytes else { return -1 }
                    let sink = Unmanaged<SinkOutput>.fromOpaque(context).takeUnretainedValue()
                    sink.receive(UnsafeRawBufferPointer(start: bytes, count: Int(count)))
                    return count
                }, nil, Unmanaged.passUnretained(sink).toOpaque(), nil)
        else {
            throw XMLError.writeFailed("cannot create an output buffer")
        }
        self.writer = try Self.indentedWriter(on: buffer)
        self.sink = sink
        output = nil
        self.buffer = nil
    }

    /// A document written in blocks to `receive` instead of into memory: the same bytes as
    /// `document(_:)` would return, for a document too large to hold (a record with a large
    /// attachment, hashed as it is written). `receive` gets each block in order, and is not
    /// called after this returns.
    ///
    /// ```swift
    /// var count = 0
    /// try XMLStreamWriter.stream(to: { count += $0.count }) { writer in try writer.element("p", text: "a") }
    /// ```
    public static func stream(
        to receive: @escaping (UnsafeRawBufferPointer) -> Void, _ body: (XMLStreamWriter) throws -> Void
    ) throws {
        _ = XMLLibrary.initialized
        let writer = try XMLStreamWriter(sink: SinkOutput(receive))
        try writer.startDocument()
        try body(writer)
        try writer.endDocument()
    }

    deinit {
        xmlFreeTextWriter(writer)
        if let buffer { xmlBufferFree(buffer) }
    }

    /// A small document written in memory: `body` writes it between the XML declaration and
    /// the end, and the text is returned.
    ///
    /// ```swift
    /// let xml = try XMLStreamWriter.document { writer in
    ///     try writer.element("note", text: "Chi bộ thôn A")
    /// }
    /// ```
    public static func document(_ body: (XMLStreamWriter) throws -> Void) throws -> String {
        _ = XMLLibrary.initialized
        guard let buffer = xmlBufferCreate() else { throw XMLError.writeFailed("cannot create a buffer") }
        guard let textWriter = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLError.writeFailed("cannot create a writer")
        }
        let writer = XMLStreamWriter(buffer: buffer, writer: textWriter)
        try writer.startDocument()
        try body(writer)
        try writer.endDocument()
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    private func check(_ status: Int32, _ what: String) throws {
        if let output, output.errorNumber != 0 { throw XMLError.cannotWrite(errorNumber: output.errorNumber) }
        if status < 0 { throw XMLError.writeFailed(what) }
    }

    /// Writes the XML declaration (version 1.0, UTF-8).
    public func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start of document")
    }

    /// Closes every open element and flushes the output.
    public func endDocument() throws {
        try check(xmlTextWriterEndDocument(writer), "end of document")
        try check(xmlTextWriterFlush(writer), "flush")
    }

    /// Opens an element; with `namespace`, declares it as the default namespace.
    public func startElement(_ name: String, namespace: String? = nil) throws {
        if let namespace {
            try check(xmlTextWriterStartElementNS(writer, nil, name, namespace), "<\(name)>")
        } else {
            try check(xmlTextWriterStartElement(writer, name), "<\(name)>")
        }
    }

    /// Writes an attribute of the element just opened.
    ///
    /// - throws: `XMLError.unwritableText` if the value holds a control character.
    public func attribute(_ name: String, _ value: String) throws {
        try Self.requireWritable(value)
        try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute \(name)")
    }

    /// Writes character data inside the current element (escaped as needed).
    ///
    /// - throws: `XMLError.unwritableText` if the text holds a control character.
    public func text(_ value: String) throws {
        try Self.requireWritable(value)
        try check(xmlTextWriterWriteString(writer, value), "text")
    }

    /// Closes the innermost open element (as `<a/>` when it has no content).
    public func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "end of element")
    }

    /// Writes `<name attributes…>text</name>`, or `<name attributes…/>` when text is `nil`.
    public func element(_ name: String, attributes: [(String, String?)] = [], text: String? = nil) throws {
        try startElement(name)
        for (attributeName, value) in attributes {
            if let value { try attribute(attributeName, value) }
        }
        if let text { try self.text(text) }
        try endElement()
    }

    /// Writes out what is buffered.
    public func flush() throws {
        try check(xmlTextWriterFlush(writer), "flush")
    }

    /// Whether XML 1.0 can carry `value`: no C0 control characters but tab, LF and CR, no
    /// U+FFFE or U+FFFF.
    public static func isWritable(_ value: String) -> Bool {
        // A scan of the UTF-8 bytes: C0 controls are single bytes, and U+FFFE and U+FFFF are
        // EF BF BE and EF BF BF. (Export checks every string it writes; this is its hot loop.)
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in value.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            if byte >= 0xBE && byte <= 0xBF && previous == (0xEF, 0xBF) { return false }
            previous = (previous.1, byte)
        }
        return true
    }

    private static func requireWritable(_ value: String) throws {
        if !isWritable(value) { throw XMLError.unwritableText(value) }
    }
}
