/// What can go wrong with an archive, typed in the core; the front ends turn it into words,
/// exit codes or pages.
public enum ArchiveError: Error, Sendable, Equatable {
    /// The directory holds no archive (missing, empty, or a foreign file): run `init`.
    case notAnArchive(directory: String, reason: String)
    /// Another process holds the archive's write lock (an import) longer than we wait for it.
    case busy(directory: String)
    /// `init` was asked to create an archive where one (or another file) already is.
    case alreadyExists(directory: String)
    /// The import was refused; nothing was written. Each problem names file, line, column.
    case importRefused([ImportProblem])
    /// No record has this identifier.
    case notFound(id: String)
    /// The identifier names a record `print` does not lay out (an organization, a cell or a
    /// member); `kind` says which, in Vietnamese ("chi bộ").
    case notPrintable(id: String, kind: String)
    /// A stored value could not be read back (a damaged or hand-edited database).
    case corrupt(String)
    /// An export could not be written.
    case cannotWrite(path: String, reason: String)
    /// The lifecycle does not allow this change (approving approved minutes, correcting a
    /// draft…); the message says why, in Vietnamese.
    case notAllowed(String)
    /// A filled form was refused; nothing was filed. Each problem names the form and line.
    case formRefused([FormProblem])
    /// The sequence of (cell, type, term) has no number left: its highest issued number is
    /// `highest`, and the next would pass `Document.maximumNumber`.
    case numberingExhausted(cellID: String, kind: Document.Kind, termID: String?, highest: Int)
    /// The archive can only be read (its file or directory is not writable, or the medium is
    /// read-only); a write was refused before anything was written.
    case readOnly(directory: String)
    /// The archive can only be read and was made by an older version: it must be upgraded,
    /// which writes, before this version can read it.
    case readOnlyNeedsUpgrade(directory: String)
    /// A search query longer than a search ever needs: `words` it holds (`nil` when the text
    /// was too long to read), at most `maximum`.
    case queryTooLong(words: Int?, maximum: Int)
}

/// One problem that refused an import, located in its file.
public struct ImportProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as given on the command line.
    public var file: String
    /// The 1-based line, 0 when unknown.
    public var line: Int
    /// The 1-based column, 0 when unknown.
    public var column: Int
    /// What is wrong, in Vietnamese (libxml2's own words kept after a colon).
    public var message: String

    /// Creates a problem.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`, the form compilers use and editors understand.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
