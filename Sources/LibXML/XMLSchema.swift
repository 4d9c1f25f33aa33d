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
        // libxml2 keeps the buffer pointer in the parser context and reads it in
        // xmlSchemaParse, so the whole parse happens inside the buffer's scope.
        let collector = DiagnosticCollector()
        let compiled: xmlSchemaPtr? = data.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { bytes in
                guard let parserContext = xmlSchemaNewMemParserCtxt(bytes, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parserContext) }
                let unmanaged = Unmanaged.passUnretained(collector).toOpaque()
                xmlSchemaSetParserStructuredErrors(parserContext, DiagnosticCollector.handler, unmanaged)
                return xmlSchemaParse(parserContext)
            }
        }
        guard let schema = compiled else {
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
