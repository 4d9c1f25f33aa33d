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
    /// A form or a command would change or remove a locked record (approved minutes, a
    /// document past draft); it changes only by a correction. `form` and `line` say where the
    /// form names it, when a form did.
    case locked(LockedRecord)
    /// A draft cannot be discarded while other records refer to it (a document adopted at the
    /// meeting, a report on one of its tasks); `referrers` are their identifiers.
    case stillReferenced(id: String, referrers: [String])
}

/// A locked record that something tried to change or remove.
public struct LockedRecord: Sendable, Hashable {
    /// The record's identifier.
    public var id: String
    /// Whether it is a meeting's minutes (else a document).
    public var isMeeting: Bool
    /// The form that named it, if a form did.
    public var form: String?
    /// The line of the form that identifies it (its id line, or its date), 0 when unknown.
    public var line: Int

    /// Creates the description of a locked record.
    public init(id: String, isMeeting: Bool, form: String? = nil, line: Int = 0) {
        self.id = id
        self.isMeeting = isMeeting
        self.form = form
        self.line = line
    }
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
