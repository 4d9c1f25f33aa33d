import CLibXML2

/// A compiled XSD, shared read-only by any number of readers.
///
/// ```swift
/// let schema = try XMLSchema(contentsOf: "archive/schema/archive-1.xsd")
/// let reader = try XMLPullReader(path: "archive.xml", schema: schema)
/// ```
public final class XMLSchema: @unchecked Sendable {
    // libxml2 does not mutate a compiled schema while validating with it.
    let pointer: xmlSchemaPtr

    /// Compiles the schema in `data` (the schema's own bytes; it may not include others).
    ///
    /// - parameters:
    ///   - data: the XSD document, UTF-8.
    ///   - name: a name used in error messages.
    /// - throws: `XMLError.invalidSchema` when libxml2 cannot compile it.
    public init(data: [UInt8], name: String = "schema") throws {
        _ = XMLLibrary.initialized
        let parserContext = data.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
            }
        }
        guard let parserContext else { throw XMLError.invalidSchema("\(name): cannot create a parser") }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let collector = DiagnosticCollector()
        let unmanaged = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(parserContext, DiagnosticCollector.handler, unmanaged)
        guard let schema = xmlSchemaParse(parserContext) else {
            let detail = collector.diagnostics.map(\.message).joined(separator: "; ")
            throw XMLError.invalidSchema("\(name): \(detail)")
        }
        pointer = schema
    }

    /// Reads and compiles the XSD at `path`.
    ///
    /// - throws: `XMLError.cannotOpen` or `XMLError.invalidSchema`.
    public convenience init(contentsOf path: String) throws {
        try self.init(data: try FileBytes.read(path), name: path)
    }

    deinit { xmlSchemaFree(pointer) }
}
