/// What can go wrong with an archive, typed in the core: each case carries the values its
/// sentence needs, and `vietnameseDescription` (ArchiveCore/Wording) words it once for every
/// front end. The front ends add only their own hints (a command to run, a page to visit).
public enum ArchiveError: Error, Sendable, Equatable {
    /// The directory holds no archive (missing, empty, or a foreign file).
    case notAnArchive(directory: String, reason: NotAnArchiveReason)
    /// Another process holds the archive's write lock (an import) longer than we wait for it.
    case busy(directory: String)
    /// An archive (or another file) is already where a new one was to be created.
    case alreadyExists(directory: String)
    /// The import was refused; nothing was written. Each problem names file, line, column.
    case importRefused([ImportProblem])
    /// No record has this identifier.
    case notFound(id: String)
    /// No minutes or document has the code typed (issue 11, item 9): the closest codes with
    /// what they are, perhaps none.
    case noSuchRecord(typed: String, closest: [NameMatch.Candidate])
    /// The code names a record of another kind than the command works on (a document given
    /// to `rate`, minutes given to `issue`).
    case wrongKind(id: String, kind: RecordKind, expected: RecordKind)
    /// No cell, committee or member is called what was typed (`kind`: `.cell`,
    /// `.organization` or `.member`; `.meeting` for a cell and a day without minutes); the
    /// closest, perhaps none.
    case noSuchName(typed: String, kind: RecordKind, closest: [NameMatch.Candidate])
    /// A cell was asked for by what names a committee (`organization`, its name): the person
    /// meant the committee's cells (`--organization`).
    case committeeNotCell(typed: String, organization: String)
    /// Several cells, committees or members (`kind`) are called what was typed: the
    /// candidates.
    case ambiguousName(typed: String, kind: RecordKind, candidates: [NameMatch.Candidate])
    /// Records of several kinds are called what was typed (a committee and a cell of the same
    /// place): the candidates, each named as it is known.
    case ambiguousRecord(typed: String, candidates: [NameMatch.Candidate])
    /// A record named by a cell and a day ("Nà Pàn 15/12/24") whose day is not read as one:
    /// a year of two digits, never guessed (`LocalDate.Typed.twoDigitYear`), as `--date` and
    /// a form's "Ngày" say.
    case dayMistyped(typed: String, day: LocalDate.Typed)
    /// No record of any kind has the code or name typed (`show`, `log`): the closest codes and
    /// names, perhaps none.
    case noRecordNamed(typed: String, closest: [NameMatch.Candidate])
    /// The identifier names a record that has no printed page (an organization, a cell or a
    /// member).
    case notPrintable(id: String, kind: RecordKind)
    /// The identifier names a record without versions (only minutes and documents have them).
    case noVersions(id: String)
    /// A stored value could not be read back (a damaged or hand-edited database); the detail
    /// names the value, in Vietnamese.
    case corrupt(String)
    /// A file could not be written; the reason is the system's, in Vietnamese.
    case cannotWrite(path: String, reason: String)
    /// The lifecycle does not allow this change (rules of `domain.md`, "Lifecycle").
    case lifecycle(LifecycleRefusal)
    /// The audit log travels only with the whole archive.
    case logNeedsWholeArchive
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
    /// A form or a command would change or remove a locked record (approved minutes, a
    /// document past draft); it changes only by a correction. `form` and `line` say where the
    /// form names it, when a form did.
    case locked(LockedRecord)
    /// A draft cannot be discarded while other records refer to it (a document adopted at the
    /// meeting, a report on one of its tasks); `referrers` are their identifiers.
    case stillReferenced(id: String, referrers: [String])
    /// A search query longer than a search ever needs: `words` it holds (`nil` when the text
    /// was too long to read), at most `maximum`.
    case queryTooLong(words: Int?, maximum: Int)
    /// The member register's rules refuse an event (or a committee, cell or term); nothing
    /// was written.
    case register(RegisterRefusal)
    /// Draft minutes with warnings (`ApprovalWarnings`) were not approved: the person has not
    /// confirmed them. Nothing was changed.
    case unconfirmedWarnings(meetingID: String, warnings: [ApprovalWarning])
    /// A correction of approved minutes raises warnings (`ApprovalWarnings`, as approval does)
    /// that the version it replaces did not, and the person has not confirmed them: the new
    /// version was not written (issue 11, item 10:
    /// a correction is locked at once, so it is warned before, as approval is).
    case unconfirmedCorrectionWarnings(meetingID: String, warnings: [ApprovalWarning])
    /// A register event for `member` (a name) would change the figures of approved minutes
    /// (`changes`, in date order) and the person has not confirmed it
    /// (`AuditContext.confirmedChangesToApprovedMinutes`); nothing was written.
    case unconfirmedRegisterChange(member: String, changes: [ApprovedMinutesChange])
    /// The record was written by someone (`actor`, the last entry's) after the revision the
    /// person saw (`AuditContext.seenRevision`); nothing was written, and `revision` is the
    /// record's revision now.
    case changedSince(id: String, actor: String, revision: Int)
}

/// Why a directory is not an archive.
public enum NotAnArchiveReason: Sendable, Equatable {
    /// The directory does not exist.
    case noDirectory
    /// The directory has no database file (named).
    case noDatabase(fileName: String)
    /// The database file belongs to another program (no Sổ Chi Bộ application id).
    case foreignDatabase(fileName: String)
    /// SQLite could not read it; the detail is SQLite's own.
    case unreadable(fileName: String, detail: String)
    /// The file is damaged (SQLite finds it malformed, or not a database at all): a copy cut
    /// short, a failing disk. Only a backup brings it back.
    case damaged(fileName: String)
}

/// A change the lifecycle refuses: approved minutes and issued documents are locked, and
/// change only by a correction that keeps the earlier version.
public enum LifecycleRefusal: Sendable, Equatable {
    /// Approving minutes that are already approved.
    case alreadyApproved(meetingID: String)
    /// Issuing a document that is not a draft.
    case notADraft(documentID: String, status: Document.Status)
    /// Issuing a document dated when its cell had no term to number it in.
    case noTermOnDate(cellID: String, date: LocalDate)
    /// Correcting a draft, which is simply changed instead.
    case correctingADraft(kind: RecordKind, id: String)
    /// A correction that would move minutes to another cell.
    case correctionMovesMeeting
    /// A correction that would give minutes the day and kind of other minutes of the cell
    /// (a combined meeting holds the regular and the thematic one of its day): two records of
    /// one meeting, which no import of a backup could take back.
    case correctionOntoOtherMeeting(existing: String, date: LocalDate, kind: Meeting.Kind)
    /// A correction that would change a document's cell or type.
    case correctionChangesDocumentCellOrType
    /// A correction that would date a numbered document outside the term its number belongs
    /// to (`domain.md`: documents are numbered per type within a term).
    case correctionLeavesTerm(termID: String, date: LocalDate)
    /// A correction that drops a task a later meeting reported on.
    case correctionDropsReportedTask(taskID: String, meetingID: String)
    /// A correction identical to the version in force.
    case correctionChangesNothing(id: String)
    /// The committee rating minutes not yet approved: it rates a meeting held.
    case committeeRatingADraft(meetingID: String)
}

/// A locked record that something tried to change or remove.
public struct LockedRecord: Sendable, Hashable {
    /// The record's identifier.
    public var id: String
    /// `.meeting` or `.document`.
    public var kind: RecordKind
    /// The form that named it, if a form did.
    public var form: String?
    /// The line of the form that identifies it (its id line, or its date), 0 when unknown.
    public var line: Int

    /// Creates the description of a locked record.
    public init(id: String, kind: RecordKind, form: String? = nil, line: Int = 0) {
        self.id = id
        self.kind = kind
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

    /// `FILE:LINE:COLUMN: lỗi: MESSAGE`, the form compilers use and editors understand;
    /// `FILE: lỗi: MESSAGE` for a problem of the whole file (line 0).
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): lỗi: \(message)" : "\(file): lỗi: \(message)"
    }
}
