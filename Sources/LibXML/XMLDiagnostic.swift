/// One problem found while reading XML: where it is and what it is.
///
/// ```swift
/// let diagnostic = XMLDiagnostic(severity: .error, line: 12, column: 7, message: "…")
/// print(diagnostic.line)
/// ```
public struct XMLDiagnostic: Sendable, Hashable {
    /// How serious the problem is.
    public enum Severity: Sendable, Hashable {
        /// The document is still readable; reading went on.
        case warning
        /// The document is invalid; reading may have gone on to find more problems.
        case error
        /// The document is not well-formed, or was refused; reading stopped.
        case fatal
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The 1-based line, or 0 when libxml2 did not say.
    public var line: Int
    /// The 1-based column, or 0 when libxml2 did not say (schema errors carry none).
    public var column: Int
    /// libxml2's message, or ours, without a trailing newline.
    public var message: String
    /// Why the reader stopped the document itself, when it did (a limit, a DOCTYPE).
    public var refusal: XMLInputRefusal?

    /// Creates a diagnostic.
    public init(severity: Severity, line: Int, column: Int, message: String, refusal: XMLInputRefusal? = nil) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.refusal = refusal
    }
}

/// An error from the XML layer that stops the work at hand.
public enum XMLError: Error, Sendable, Equatable {
    /// The file could not be opened or read.
    case cannotOpen(path: String, reason: String)
    /// The schema itself could not be parsed.
    case invalidSchema(String)
    /// The document cannot be read any further; the diagnostic says where and why.
    case unreadable(XMLDiagnostic)
    /// Text that XML 1.0 cannot carry (a control character) was about to be written.
    case unwritableText(String)
    /// libxml2's writer reported a failure of its own.
    case writeFailed(String)
    /// The output refused bytes; the system's error number (`ENOSPC` for a full disk) says why.
    case cannotWrite(errorNumber: Int32)
}
