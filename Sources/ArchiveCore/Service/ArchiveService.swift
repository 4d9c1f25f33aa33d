import Foundation

/// What every front end (the command line, the web app) asks of an archive, whatever stores
/// it. Every call is `async` so that a server never blocks its event loop: the embedded store
/// (`ArchiveSQLite.Archive`) runs each one through GRDB's asynchronous access, one
/// transaction per write.
///
/// The rules themselves live in this module as pure functions over model values; a store
/// reads and writes, calls them inside its transaction, and throws `ArchiveError`, whose
/// Vietnamese wording is `ArchiveError.vietnameseDescription`. Writes take the
/// `AuditContext` of the person acting, named by the front end.
public protocol ArchiveService: Sendable {
    // MARK: Reading

    /// Every cell with how much it holds; members counted on `date`.
    func cells(on date: LocalDate) async throws -> [CellOverview]
    /// Every cell's identifier and name, in the order of `cells(on:)` (Vietnamese order of
    /// names), without reading members or counting records: for a list to choose from.
    func cellNames() async throws -> [CellName]
    /// Members of one cell (or every cell), with their status on `date`.
    func members(cellID: String?, on date: LocalDate) async throws -> [MemberOverview]
    /// Meetings of one cell (or every cell), of one year (or every year), oldest first.
    func meetings(cellID: String?, year: Int?) async throws -> [MeetingOverview]
    /// Documents of one cell (or every cell), of one year (or every year), oldest first.
    func documents(cellID: String?, year: Int?) async throws -> [DocumentOverview]
    /// The identifiers of the documents adopted at `meetingID` (their `meetingID`), in order;
    /// empty for none or an unknown meeting.
    func documentIDs(adoptedAt meetingID: String) async throws -> [String]
    /// Any one record by its identifier. - throws: `ArchiveError.notFound`.
    func record(id: String) async throws -> ArchiveRecord
    /// A meeting or document's lifecycle: status, version, content hash.
    func lifecycle(of id: String) async throws -> RecordLifecycle
    /// Version `version` (1-based) of a meeting or document, as it was.
    func version(_ version: Int, of id: String) async throws -> LockableRecord
    /// A meeting or document with what its printed page needs.
    func printable(id: String) async throws -> PrintableRecord
    /// The audit log, oldest first; of one record when `record` is given.
    func auditLog(record: String?) async throws -> [AuditEntry]
    /// The head of the audit log's hash chain, for the footer of printed reports; `nil` for an
    /// empty log.
    func auditLogHead() async throws -> AuditLogHead?
    /// Integrity (damage) and rule findings over the whole archive.
    func check() async throws -> CheckReport

    // MARK: Search and summaries

    /// Meetings and documents matching `text`, best first (see `SearchQuery` for the syntax).
    func search(_ text: String, _ filters: SearchFilters) async throws -> [SearchHit]
    /// The same search with what it read the query as: words corrected, a suggestion when
    /// nothing was found.
    func searchResults(_ text: String, _ filters: SearchFilters) async throws -> SearchResults
    /// A page of a search and the count of all it found (see the default implementation,
    /// which searches twice; a store may rank once for both).
    func countedSearch(
        _ text: String, _ filters: SearchFilters, countingUpTo cap: Int, mayRead: (SearchHit) -> Bool
    ) async throws -> CountedSearchResults
    /// Rebuilds the search index from the records.
    func reindex() async throws
    /// A cell's meeting-quality summary of a year, quarter or month; months count only once
    /// over on `today`; levels counted by `ratingBasis` (the committee's rating where it exists
    /// by default).
    func summary(
        of period: SummaryPeriod, cellID: String, today: LocalDate, ratingBasis: Rating.Basis
    ) async throws -> YearSummary
    /// The summary of every cell under a committee, sub-committees included.
    func summary(
        of period: SummaryPeriod, organizationID: String, today: LocalDate, ratingBasis: Rating.Basis
    ) async throws -> YearSummary
    /// The office's board: every cell under a committee × the months of `year`, late cells
    /// first. - throws: `ArchiveError.notFound` for an unknown committee.
    func board(year: Int, organizationID: String, today: LocalDate) async throws -> Board
    /// The identifier of the cell (`kind` `.cell`) or committee (`.organization`) that
    /// `typed` names: its code, its name or its place's name, marks optional (`NameMatch`).
    /// - throws: `ArchiveError.noSuchName` (with the closest), `ArchiveError.ambiguousName`.
    func identifier(naming typed: String, kind: RecordKind) async throws -> String
    /// The committee's report on `period` in its real form: the period's figures, a year
    /// earlier's, and what the office wrote (issue 13). - throws: `ArchiveError.notFound`.
    func committeeReport(
        of period: SummaryPeriod, organizationID: String, today: LocalDate, ratingBasis: Rating.Basis
    ) async throws -> CommitteeReport
    /// Saves what the office wrote into its report on `period`, with an audit entry; returns
    /// it as stored. - throws: `ArchiveError.register` for a field it refuses,
    /// `ArchiveError.notFound`.
    @discardableResult
    func saveReportText(
        _ text: ReportText, organizationID: String, period: SummaryPeriod, context: AuditContext
    )
        async throws -> ReportText
    /// A cell's year for its home page: months and quarters by the board's rules, the year's
    /// minutes, and what needs doing on `today` (tasks of confidential documents only with
    /// `includeConfidential`). - throws: `ArchiveError.notFound`.
    func cellAgenda(
        cellID: String, year: Int, today: LocalDate, includeConfidential: Bool
    ) async throws -> CellAgenda

    // MARK: Interchange

    /// Imports format-v1 files, all or nothing. - throws: `ArchiveError.importRefused`.
    func importFiles(_ paths: [String], context: AuditContext) async throws -> ImportReport
    /// What importing would add and change, record by record, with nothing written; with
    /// `confirmingChangesToApprovedMinutes`, as an import the person confirmed would
    /// (`ImportRefusal.changesApprovedMinutes` then raises nothing).
    /// - throws: `ArchiveError.importRefused`, as `importFiles` would.
    func previewImport(_ paths: [String], confirmingChangesToApprovedMinutes: Bool) async throws -> ImportReport
    /// Writes the selection in format v1 to an open descriptor, which stays open.
    func export(_ selection: ExportSelection, toFileDescriptor descriptor: Int32) async throws -> ExportSummary

    // MARK: Forms and lifecycle

    /// The blank minutes form of a cell's meeting on `date`.
    func meetingForm(cellID: String, date: LocalDate) async throws -> String
    /// The blank form of a document of `kind`.
    func documentForm(cellID: String, kind: Document.Kind, date: LocalDate) async throws -> String
    /// The cell's tasks still open on `date` (not reported done or cancelled before it), for a
    /// meeting's reports.
    func openTasks(cellID: String, on date: LocalDate) async throws -> [MeetingForm.OpenTask]
    /// A meeting or document as a filled form, to change or correct.
    func filledForm(id: String) async throws -> String
    /// Files a filled form as a draft (replacing the draft it names).
    func file(
        form text: String, named file: String, today: LocalDate, context: AuditContext
    ) async throws
        -> LockableRecord
    /// Corrects a locked record from a filled form: a new version, the old kept. Corrected
    /// minutes that raise warnings (`ApprovalWarnings`) are written only when confirmed.
    func correct(
        id: String, form text: String, named file: String, today: LocalDate, confirmingWarnings: Bool,
        context: AuditContext
    )
        async throws -> RecordLifecycle
    /// Removes a draft filed by mistake (never a locked record), with a `discard` log entry.
    func discard(id: String, context: AuditContext) async throws -> LockableRecord
    /// Approves draft minutes and locks them; minutes with warnings only when confirmed.
    func approve(meetingID: String, confirmingWarnings: Bool, context: AuditContext) async throws -> Meeting
    /// The warnings draft minutes raise before approval (`ApprovalWarnings`).
    func approvalWarnings(meetingID: String) async throws -> [ApprovalWarning]
    /// Issues a draft document with the next free number of its type and term, and locks it.
    func issue(documentID: String, context: AuditContext) async throws -> IssuedDocument

    // MARK: Rating

    /// The archive's rating rubric.
    func rubric() async throws -> RatingRubric
    /// Replaces the rubric (criteria must add up to 100).
    func setRubric(_ rubric: RatingRubric) async throws -> RatingRubric
    /// Scores a meeting by the rubric and records score and level as `rater`'s rating.
    func rate(
        meetingID: String, points: [(criterion: String, points: Int)], note: String?, by rater: Rating.Rater,
        context: AuditContext
    ) async throws -> Rating
}

extension ArchiveService {
    /// The committee's report on `period`, counting the committee's rating where it exists.
    public func committeeReport(
        of period: SummaryPeriod, organizationID: String, today: LocalDate
    ) async throws -> CommitteeReport {
        try await committeeReport(
            of: period, organizationID: organizationID, today: today, ratingBasis: .committeeFirst)
    }

    /// A cell's yearly summary, counting the committee's rating where it exists by default.
    public func summary(
        year: Int, cellID: String, today: LocalDate, ratingBasis: Rating.Basis = .committeeFirst
    ) async throws -> YearSummary {
        try await summary(of: SummaryPeriod(year: year), cellID: cellID, today: today, ratingBasis: ratingBasis)
    }

    /// A committee's yearly summary, counting the committee's rating where it exists by default.
    public func summary(
        year: Int, organizationID: String, today: LocalDate, ratingBasis: Rating.Basis = .committeeFirst
    ) async throws -> YearSummary {
        try await summary(
            of: SummaryPeriod(year: year), organizationID: organizationID, today: today, ratingBasis: ratingBasis)
    }

    /// Scores a meeting by the rubric as the cell's own rating (its self-assessment).
    @discardableResult
    public func rate(
        meetingID: String, points: [(criterion: String, points: Int)], note: String? = nil, context: AuditContext
    ) async throws -> Rating {
        try await rate(meetingID: meetingID, points: points, note: note, by: .cell, context: context)
    }

    /// Approves draft minutes that raise no warning; minutes with warnings are refused with
    /// `ArchiveError.unconfirmedWarnings` (see `approve(meetingID:confirmingWarnings:context:)`).
    @discardableResult
    public func approve(meetingID: String, context: AuditContext) async throws -> Meeting {
        try await approve(meetingID: meetingID, confirmingWarnings: false, context: context)
    }
}
