import CLibXML2

/// Receives libxml2's structured errors for one parse and keeps them as diagnostics.
///
/// It is handed to libxml2 as an unretained context pointer; its owner keeps it alive for
/// as long as libxml2 may call back.
final class DiagnosticCollector {
    private(set) var diagnostics: [XMLDiagnostic] = []
    /// Set once a fatal error arrived: reading cannot go on.
    private(set) var sawFatal = false
    /// Stop keeping diagnostics past this many (a broken file can produce thousands).
    let limit: Int

    init(limit: Int = 1000) { self.limit = limit }

    /// Set once the reader refused the document itself: what libxml2 says afterwards is only
    /// the consequence.
    private(set) var closed = false

    /// Drops what came after the first `count` diagnostics and keeps `diagnostic` as the last.
    func close(keeping count: Int, with diagnostic: XMLDiagnostic) {
        if diagnostics.count > count { diagnostics.removeLast(diagnostics.count - count) }
        append(diagnostic)
        closed = true
    }

    func append(_ diagnostic: XMLDiagnostic) {
        guard !closed else { return }
        if diagnostic.severity == .fatal { sawFatal = true }
        guard diagnostics.count < limit else { return }
        if let last = diagnostics.last, last == diagnostic { return }
        diagnostics.append(diagnostic)
    }

    /// The C callback: turns an `xmlError` into a diagnostic on the collector in `context`.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
        let value = error.pointee
        let severity: XMLDiagnostic.Severity
        switch value.level {
        case XML_ERR_WARNING: severity = .warning
        case XML_ERR_FATAL: severity = .fatal
        default: severity = .error
        }
        // One line per problem: libxml2 sometimes continues a message on a second line
        // ("Input is not proper UTF-8, indicate encoding !\nBytes: 0xD6 0x2D").
        let raw = value.message.map { String(cString: $0) } ?? "unknown XML error"
        let message = raw.split(whereSeparator: \.isNewline)
            .map { line in line.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed() }
            .filter { !$0.isEmpty }.map { String($0) }.joined(separator: " ")
        // Parser errors carry the column in int2; schema errors carry none.
        let column = value.domain == Int32(XML_FROM_PARSER.rawValue) ? Int(value.int2) : 0
        collector.append(
            XMLDiagnostic(severity: severity, line: Int(value.line), column: column, message: message))
    }
}
