import ArchiveCore
import Foundation

/// Who may open what: the one table of the web app's rules. `SecurityMiddleware` applies
/// the route table to every request; `ArchiveScope` applies the cell and confidentiality
/// rules to every read, so that a controller cannot reach a record by any other way.
///
/// - secretary: its own cell only.
/// - committee: every cell under its organization, sub-committees included; reads and never
///   writes a cell's minutes or documents.
/// - admin: everything.
/// - Writing (filing, approving, correcting, discarding minutes; writing and issuing
///   documents): a secretary in its own cell, an admin in any; the route table sends every
///   writing path to `.writer`, and `ArchiveScope.writableCell` checks the cell.
/// - Documents marked Mật, Tối mật or Tuyệt mật: only accounts with `confidential`.
enum AccessPolicy {
    /// What a path asks of the visitor.
    enum Requirement: Equatable {
        /// Anyone, logged in or not (the login form, the stylesheet).
        case anyone
        /// Any logged-in account.
        case account
        /// A logged-in account with one of these roles.
        case roles(Set<Account.Role>)
        /// A logged-in account that may write a cell's records: secretary or admin.
        case writer
    }

    /// The roles that rate a meeting as the committee above the cell (`domain.md`, "Who
    /// rates"); the cell's own rating is written with its minutes.
    static let committeeRaterRoles: Set<Account.Role> = [.committee, .admin]

    /// The roles that write a cell's records (issue 12: committees rate, never write minutes).
    static let writerRoles: Set<Account.Role> = [.secretary, .admin]

    /// The last path segments of the pages that write a record.
    static let writingSegments: Set<String> = [
        "lap-bien-ban", "sua", "thong-qua", "dinh-chinh", "bo", "soan-nghi-quyet", "ban-hanh",
    ]

    /// The requirement of `path`. Unknown paths ask for an account, so that a visitor who is
    /// not logged in learns nothing about what exists.
    static func requirement(for path: String) -> Requirement {
        switch path {
        case "/dang-nhap", "/giao-dien.css", "/thiet-lap": .anyone
        case _ where path == "/tai-khoan" || path.hasPrefix("/tai-khoan/"): .roles([.admin])
        case "/bang-theo-doi", "/bao-cao", "/bao-cao/in": .roles([.admin, .committee])
        case "/tai-ve", "/nhat-ky": .roles([.admin])
        case _ where path == "/quan-tri" || path.hasPrefix("/quan-tri/"): .roles([.admin])
        case _ where path.hasPrefix("/ban-ghi/") && path.hasSuffix("/xep-loai"): .roles(committeeRaterRoles)
        default: isWriting(path) ? .writer : .account
        }
    }

    /// Whether `account` may receive a file changing the records of `cellID`: a secretary its
    /// own cell's, a committee the cells it reads (the caller checks visibility), an admin all.
    static func mayReceive(cellID: String, as account: Account) -> Bool {
        switch account.role {
        case .admin, .committee: true
        case .secretary: account.cellID == cellID
        }
    }

    /// The largest form body: 1 MiB.
    public static let formLimit = 1024 * 1024
    /// The largest XML file the inbox receives: 16 MiB (a cell's years of minutes are far less).
    public static let inboxLimit = 16 * 1024 * 1024

    /// The largest body read on `path`: the inbox's upload may be a file of several years.
    static func uploadLimit(for path: String) -> Int {
        path == "/nhan-tep" ? inboxLimit : formLimit
    }

    /// Whether `path` is a writing page: `/chi-bo/{id}/X` or `/ban-ghi/{id}/X` with X one of
    /// `writingSegments`.
    static func isWriting(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard parts.count == 3, let first = parts.first, first == "chi-bo" || first == "ban-ghi",
            let last = parts.last
        else { return false }
        return writingSegments.contains(String(last))
    }

    /// Whether `account` meets `requirement`.
    static func allows(_ account: Account?, _ requirement: Requirement) -> Bool {
        switch requirement {
        case .anyone: true
        case .account: account != nil
        case .roles(let roles): account.map { roles.contains($0.role) } ?? false
        case .writer: account.map { writerRoles.contains($0.role) } ?? false
        }
    }

    /// Whether `account` may write the records of `cellID`: its own cell for a secretary,
    /// any cell for an admin, none for a committee.
    static func mayWrite(cellID: String, as account: Account) -> Bool {
        switch account.role {
        case .admin: true
        case .secretary: account.cellID == cellID
        case .committee: false
        }
    }

    /// The cells `account` may see: nil for all of them.
    static func visibleCells(of account: Account, in archive: any AccountService) async throws -> Set<String>? {
        switch account.role {
        case .admin: nil
        case .secretary: account.cellID.map { [$0] } ?? []
        case .committee:
            if let organization = account.organizationID {
                try await archive.cellIDs(underOrganization: organization)
            } else {
                []
            }
        }
    }

    /// Paths served to a visitor without an account, with an anonymous session for their
    /// forms' CSRF token.
    static let anonymousFormPaths: Set<String> = ["/dang-nhap", "/thiet-lap"]

    /// Whether `account` may read a document with this marking.
    static func mayRead(_ classification: Document.Classification, as account: Account) -> Bool {
        classification == .none || account.confidential
    }
}

/// The archive as one account may see it: every read the web pages make goes through here,
/// and each one checks the cell and the security marking of what it returns.
///
/// ```swift
/// let scope = ArchiveScope(account: thu, visibleCells: ["cb-na-pan"], archive: archive)
/// try await scope.record(id: "pl-nq-2023-01")   // throws WebError.otherCell
/// ```
public struct ArchiveScope: Sendable {
    public let account: Account
    /// The cells the account may see; nil for every cell.
    public let visibleCells: Set<String>?
    let archive: any WebArchive

    /// Whether the account may see `cellID`.
    public func maySee(cellID: String) -> Bool {
        visibleCells?.contains(cellID) ?? true
    }

    /// The cells the account may see, members counted on `date`.
    func cells(on date: LocalDate) async throws -> [CellOverview] {
        try await archive.cells(on: date).filter { maySee(cellID: $0.id) }
    }

    /// The identifiers and names of the cells the account may see, in the order of `cells(on:)`.
    func cellNames() async throws -> [CellName] {
        try await archive.cellNames().filter { maySee(cellID: $0.id) }
    }

    /// A cell the account may see. - throws: `WebError.otherCell`, `WebError.notFound`.
    func cell(id: String) async throws -> Cell {
        guard maySee(cellID: id) else { throw WebError.otherCell }
        guard case .cell(let cell) = try await record(anyID: id) else {
            throw WebError.notFound(detail: nil)
        }
        return cell
    }

    /// A cell the account may write in (its records: minutes, documents).
    ///
    /// - throws: `WebError.mayNotWrite` for a committee account, `WebError.otherCell` for a
    ///   cell the account may not see or write, `WebError.notFound`.
    func writableCell(id: String) async throws -> Cell {
        guard AccessPolicy.writerRoles.contains(account.role) else { throw WebError.mayNotWrite }
        guard AccessPolicy.mayWrite(cellID: id, as: account) else { throw WebError.otherCell }
        return try await cell(id: id)
    }

    /// A meeting or document the account may write (its cell's), with the cell.
    ///
    /// - throws: as `record(id:)`, and `WebError.mayNotWrite` for a committee account.
    func writableRecord(id: String) async throws -> ArchiveRecord {
        guard AccessPolicy.writerRoles.contains(account.role) else { throw WebError.mayNotWrite }
        let record = try await record(id: id)
        switch record {
        case .meeting(_, let cell), .document(_, let cell):
            guard AccessPolicy.mayWrite(cellID: cell.id, as: account) else { throw WebError.otherCell }
        default: break
        }
        return record
    }

    /// Rates approved minutes as the committee, for a committee account (or an admin) that
    /// may read them; the cell's own rating is not touched.
    ///
    /// - throws: `WebError.wrongRole` for a secretary, the refusals of `record(id:)`, and the
    ///   core's `RatingRubric.Mistake` or `ArchiveError.lifecycle(.committeeRatingADraft)`.
    func rateAsCommittee(
        meetingID: String, points: [(criterion: String, points: Int)], note: String?, context: AuditContext
    ) async throws -> Rating {
        guard AccessPolicy.committeeRaterRoles.contains(account.role) else { throw WebError.wrongRole }
        guard case .meeting = try await record(id: meetingID) else { throw WebError.notFound(detail: nil) }
        return try await archive.rate(
            meetingID: meetingID, points: points, note: note, by: .committee, context: context)
    }

    /// The open tasks of a cell on `date` for the filing page: those of confidential documents
    /// only for an account allowed to read them.
    func openTasks(cellID: String, on date: LocalDate) async throws -> [MeetingForm.OpenTask] {
        guard maySee(cellID: cellID) else { throw WebError.otherCell }
        return try await archive.openTasks(cellID: cellID, on: date).filter { account.confidential || !$0.confidential }
    }

    /// A visible cell's records (of one year, or all) as format v1, written to a new private
    /// file at `path`. Documents marked Mật or higher travel only to accounts that may read
    /// them (`domain.md`: confidential documents do not travel beyond who may read them); for
    /// any other account they are left out, with what refers to them, so that the file still
    /// imports on its own (`ExportSelection.includeConfidential`).
    ///
    /// - returns: what the file carries and what was left out.
    /// - throws: `WebError.otherCell`.
    @discardableResult
    func export(cellID: String, year: Int?, to path: String) async throws -> ExportSummary {
        guard maySee(cellID: cellID) else { throw WebError.otherCell }
        return try await FileWriting.withOutput(to: path) { descriptor in
            try await archive.export(
                ExportSelection(cellIDs: [cellID], year: year, includeConfidential: account.confidential),
                toFileDescriptor: descriptor)
        }
    }

    /// The whole archive with its audit log, as a backup (administrators only).
    func exportEverything(to path: String) async throws {
        guard account.role == .admin else { throw WebError.wrongRole }
        _ = try await FileWriting.withOutput(to: path) { descriptor in
            try await archive.export(ExportSelection(withLog: true), toFileDescriptor: descriptor)
        }
    }

    /// What importing the file at `path` would add and change, with nothing written.
    /// - throws: `ArchiveError.importRefused` with the file's problems.
    func previewImport(_ path: String, confirmingChangesToApprovedMinutes: Bool = false) async throws -> ImportReport {
        try await archive.previewImport([path], confirmingChangesToApprovedMinutes: confirmingChangesToApprovedMinutes)
    }

    /// Why the account may not receive a file that makes `report`'s changes, or nil when it
    /// may: an administrator any file; a committee account the records of the cells under its
    /// committee; a secretary its own cell's (issue 13: "a secretary account's upload may touch
    /// only its own cell's records"). Only administrators change committees.
    func receivingRefusal(_ report: ImportReport) -> String? {
        guard account.role != .admin else { return nil }
        if report.changesCommittees {
            return "Tệp thêm hoặc sửa thông tin của đảng bộ; việc này chỉ quản trị viên làm được."
        }
        let outside = report.changedCells.filter {
            !maySee(cellID: $0) || !AccessPolicy.mayReceive(cellID: $0, as: account)
        }
        guard outside.isEmpty else {
            let list = outside.sorted().joined(separator: ", ")
            return account.role == .secretary
                ? "Tệp có bản ghi của chi bộ khác (\(list)); tài khoản bí thư chỉ nhận được tệp của chi bộ mình."
                : "Tệp có bản ghi của chi bộ không thuộc đảng bộ của đồng chí (\(list))."
        }
        return nil
    }

    /// Imports the file at `path` (after `receivingRefusal` said nothing) in the account's name.
    func receive(_ path: String, context: AuditContext) async throws -> ImportReport {
        let report = try await archive.previewImport(
            [path], confirmingChangesToApprovedMinutes: context.confirmedChangesToApprovedMinutes)
        if let refusal = receivingRefusal(report) { throw WebError.badRequest(refusal) }
        return try await archive.importFiles([path], context: context)
    }

    /// The audit log of a meeting or document the account may read (same refusals as
    /// `record(id:)`).
    func auditLog(of id: String) async throws -> [AuditEntry] {
        _ = try await record(id: id)
        return try await archive.auditLog(record: id)
    }

    /// The head of the audit log's chain, for a printed page's footer: it names no record, so
    /// any account that may print may read it.
    func auditLogHead() async throws -> AuditLogHead? { try await archive.auditLogHead() }

    /// The whole audit log (administrators only).
    func auditLog() async throws -> [AuditEntry] {
        guard account.role == .admin else { throw WebError.wrongRole }
        return try await archive.auditLog(record: nil)
    }

    /// The archive's rating rubric (any account may read it).
    func rubric() async throws -> RatingRubric { try await archive.rubric() }

    /// Whether the account rates meetings as the committee (to show the form).
    var ratesAsCommittee: Bool { AccessPolicy.committeeRaterRoles.contains(account.role) }

    /// Whether the account may write the records of `cellID` (to show the buttons).
    func mayWrite(cellID: String) -> Bool { AccessPolicy.mayWrite(cellID: cellID, as: account) }

    /// The archive, for writes: only after `writableCell` or `writableRecord` allowed them.
    var writer: any ArchiveService { archive }

    /// An organization's name, for headings (any account may read a committee's name).
    func organizationName(id: String) async -> String {
        guard case .organization(let organization)? = try? await archive.record(id: id) else { return id }
        return organization.name
    }

    /// A meeting or document the account may read.
    ///
    /// - throws: `WebError.notFound` (unknown, or not a meeting or document),
    ///   `WebError.otherCell`, `WebError.confidential`.
    func record(id: String) async throws -> ArchiveRecord {
        let record = try await record(anyID: id)
        try checkReadable(record)
        return record
    }

    /// The refusals of `record(id:)` on a record already read: `WebError.notFound` (not a
    /// meeting or document), `WebError.otherCell`, `WebError.confidential`.
    private func checkReadable(_ record: ArchiveRecord) throws {
        switch record {
        case .meeting(_, let cell):
            guard maySee(cellID: cell.id) else { throw WebError.otherCell }
        case .document(let document, let cell):
            guard maySee(cellID: cell.id) else { throw WebError.otherCell }
            guard AccessPolicy.mayRead(document.classification, as: account) else { throw WebError.confidential }
        case .organization, .cell, .member:
            throw WebError.notFound(
                detail: "Mã này không phải của một biên bản hay văn bản. Hãy tìm bản ghi từ trang của chi bộ.")
        }
    }

    /// The version and earlier versions of a meeting or document the account may read (same
    /// refusals as `record`).
    func lifecycle(id: String) async throws -> RecordLifecycle {
        _ = try await record(id: id)
        return try await archive.lifecycle(of: id)
    }

    /// The version and earlier versions of `record`, just read by `record(id:)` (same
    /// refusals, checked again on it without reading it again).
    func lifecycle(of record: ArchiveRecord) async throws -> RecordLifecycle {
        try checkReadable(record)
        return try await archive.lifecycle(of: record.id)
    }

    /// The print page's data of a record the account may read (same refusals as `record`).
    func printable(id: String) async throws -> PrintableRecord {
        _ = try await record(id: id)
        return try await printableData(id: id)
    }

    /// The print page's data of `record`, just read by `record(id:)` (same refusals, checked
    /// again on it without reading it again).
    func printable(of record: ArchiveRecord) async throws -> PrintableRecord {
        try checkReadable(record)
        return try await printableData(id: record.id)
    }

    private func printableData(id: String) async throws -> PrintableRecord {
        let printable = try await archive.printable(id: id)
        return account.confidential ? printable : printable.withholdingConfidentialTasks().record
    }

    /// The documents adopted at `meetingID` that the account may read, in order.
    func documents(adoptedAt meetingID: String) async throws -> [Document] {
        var documents: [Document] = []
        for id in try await archive.documentIDs(adoptedAt: meetingID) {
            if case .document(let document, _) = try? await record(id: id) { documents.append(document) }
        }
        return documents
    }

    /// A visible cell's year for its home page: months, quarters, minutes, what needs doing.
    func cellAgenda(cellID: String, year: Int, today: LocalDate) async throws -> CellAgenda {
        guard maySee(cellID: cellID) else { throw WebError.otherCell }
        return try await archive.cellAgenda(
            cellID: cellID, year: year, today: today, includeConfidential: account.confidential)
    }

    /// A visible cell's documents the account may read, newest first.
    func documents(cellID: String) async throws -> [DocumentOverview] {
        guard maySee(cellID: cellID) else { throw WebError.otherCell }
        return try await archive.documents(cellID: cellID, year: nil)
            .filter { AccessPolicy.mayRead($0.classification, as: account) }
            .sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    /// What a search found, limited to the account's cells and markings.
    struct SearchResult {
        /// The hits of the page asked for, best first, with their snippets.
        var hits: [SearchHit]
        /// How many hits there are in all, up to the filters' limit.
        var total: Int
        /// How many confidential documents matched but were left out.
        var hiddenConfidential: Int
        /// "Hiển thị kết quả cho: …" when words were read as others; nil otherwise.
        var correctionLine: String? = nil
        /// "Có phải đồng chí muốn tìm: …?" when nothing was found; nil otherwise.
        var suggestionLine: String? = nil
        /// The query to offer when nothing was found, for its link; nil otherwise.
        var suggestion: String? = nil
    }

    /// Searches the cells the account may see; `filters.cellID` must be one of them, and
    /// confidential documents come only for a confidential account.
    ///
    /// - throws: `WebError.otherCell` for a cell filter outside the account's cells.
    ///
    /// The hits up to `filters.limit` are counted in one run, and only the page shown,
    /// `pageSize` hits from `pageStart`, is searched again with snippets
    /// (`Archive.countedSearch`).
    func search(
        _ text: String, _ filters: SearchFilters, pageStart: Int = 0, pageSize: Int = 20
    ) async throws -> SearchResult {
        var filters = filters
        if let cell = filters.cellID {
            guard maySee(cellID: cell) else { throw WebError.otherCell }
        } else if account.role == .secretary {
            filters.cellID = account.cellID ?? ""
        } else if account.role == .committee {
            filters.organizationID = account.organizationID ?? ""
        }
        filters.includeConfidential = account.confidential
        let cap = filters.limit
        filters.offset = max(0, pageStart)
        filters.limit = pageSize
        let counted = try await archive.countedSearch(text, filters, countingUpTo: cap) { maySee(cellID: $0.cell) }
        return SearchResult(
            hits: counted.page.hits, total: counted.total, hiddenConfidential: counted.hiddenConfidential,
            correctionLine: counted.page.correctionLine, suggestionLine: counted.page.suggestionLine,
            suggestion: counted.page.suggestion)
    }

    /// One member of a visible cell, with its cell.
    ///
    /// - throws: `WebError.notFound`, `WebError.otherCell`.
    func member(id: String) async throws -> (member: Member, cell: Cell) {
        let found: (member: Member, cellID: String)
        do {
            found = try await archive.member(id: id)
        } catch ArchiveError.notFound {
            throw WebError.notFound(detail: "Không có đảng viên này. Hãy chọn đảng viên từ trang Đảng viên của chi bộ.")
        }
        return (found.member, try await cell(id: found.cellID))
    }

    /// Whether the account may write the register of `cellID`: the one rule of who writes a
    /// cell's records, `AccessPolicy.mayWrite`.
    func mayKeepRegister(of cellID: String) -> Bool {
        maySee(cellID: cellID) && AccessPolicy.mayWrite(cellID: cellID, as: account)
    }

    /// The member register of a cell, for writing.
    ///
    /// - throws: `WebError.otherCell` for a cell the account may not see,
    ///   `WebError.mayNotWrite` for an account that only reads.
    func register(of cellID: String) throws -> any MemberRegister {
        guard maySee(cellID: cellID) else { throw WebError.otherCell }
        guard AccessPolicy.mayWrite(cellID: cellID, as: account) else { throw WebError.mayNotWrite }
        return archive
    }

    /// The register for setting up committees, cells and terms (administrators only).
    func setup() throws -> any MemberRegister {
        guard account.role == .admin else { throw WebError.wrongRole }
        return archive
    }

    /// Every committee (administrators' setting up).
    func organizations() async throws -> [Organization] {
        guard account.role == .admin else { throw WebError.wrongRole }
        return try await archive.organizations()
    }

    /// The committees whose boards the account may open: for a committee account, its own
    /// and those below it; for an administrator, every committee that holds cells and those
    /// above them; none for a secretary. Parents before children, then by name.
    func boardOrganizations(today: LocalDate) async throws -> [Organization] {
        var byID: [String: Organization] = [:]
        var pending = Array(Set(try await cells(on: today).map(\.organization)))
        while let id = pending.popLast() {
            guard byID[id] == nil, case .organization(let organization)? = try? await archive.record(id: id) else {
                continue
            }
            byID[id] = organization
            if let parent = organization.parentID { pending.append(parent) }
        }
        func chain(_ organization: Organization) -> [String] {
            var ids = [organization.id]
            var parent = organization.parentID
            while let id = parent, let next = byID[id], !ids.contains(id) {
                ids.append(id)
                parent = next.parentID
            }
            return ids
        }
        let allowed: [Organization] =
            switch account.role {
            case .admin: Array(byID.values)
            case .committee:
                byID.values.filter { organization in
                    account.organizationID.map { chain(organization).contains($0) } ?? false
                }
            case .secretary: []
            }
        return allowed.sorted { a, b in
            let (left, right) = (chain(a).count, chain(b).count)
            if left != right { return left < right }
            return VietnameseCollation.key(a.name) < VietnameseCollation.key(b.name)
        }
    }

    /// The board of `organizationID` (or, when nil, the account's committee; for an
    /// administrator the topmost committee), refused outside `boardOrganizations(today:)`.
    ///
    /// - returns: the board and the committees the account may switch to.
    /// - throws: `WebError.wrongRole` for a secretary, `WebError.otherCell` for a committee
    ///   the account may not read, `WebError.notFound` when there is no committee at all.
    func board(year: Int, organizationID: String?, today: LocalDate) async throws -> (Board, [Organization]) {
        let (chosen, organizations) = try await committee(organizationID, today: today)
        return (try await archive.board(year: year, organizationID: chosen.id, today: today), organizations)
    }

    /// The committee's report on `period` (see `board` for which committee and the refusals),
    /// with the committees the account may switch to.
    func committeeReport(
        of period: SummaryPeriod, organizationID: String?, today: LocalDate
    ) async throws -> (CommitteeReport, [Organization]) {
        let (chosen, organizations) = try await committee(organizationID, today: today)
        return (try await archive.committeeReport(of: period, organizationID: chosen.id, today: today), organizations)
    }

    /// Saves what the office wrote into the report of `organizationID` on `period`, refused
    /// outside the committees the account reads as a board (see `board`).
    ///
    /// - throws: what `board` throws; `ArchiveError.register` for a field refused.
    @discardableResult
    func saveReportText(
        _ text: ReportText, organizationID: String, period: SummaryPeriod, today: LocalDate
    ) async throws -> ReportText {
        let (chosen, _) = try await committee(organizationID, today: today)
        return try await archive.saveReportText(
            text, organizationID: chosen.id, period: period, context: AuditContext(actor: account.name))
    }

    /// The committee asked for, or the account's own (for an administrator the topmost),
    /// refused outside `boardOrganizations(today:)`; and those the account may switch to.
    private func committee(
        _ organizationID: String?, today: LocalDate
    ) async throws -> (Organization, [Organization]) {
        guard account.role != .secretary else { throw WebError.wrongRole }
        let organizations = try await boardOrganizations(today: today)
        let chosen: Organization
        if let organizationID {
            guard let found = organizations.first(where: { $0.id == organizationID }) else {
                throw WebError.otherCell
            }
            chosen = found
        } else if let own = organizations.first(where: { $0.id == account.organizationID }) ?? organizations.first {
            chosen = own
        } else {
            throw WebError.notFound(
                detail: "Chưa có đảng bộ nào có chi bộ trong sổ. Hãy nhờ quản trị viên thiết lập các chi bộ trước.")
        }
        return (chosen, organizations)
    }

    /// Every account (the administrators' page; the route table lets only admins here).
    func accounts() async throws -> [Account] {
        guard account.role == .admin else { throw WebError.wrongRole }
        return try await archive.accounts()
    }

    /// Creates an account in the administrator's name (`AccountService.addAccount`: bcrypt,
    /// one transaction with its `add-account` entry).
    ///
    /// - throws: `WebError.wrongRole` for any other role; `AccountError` as `addAccount`.
    func addAccount(_ new: Account, password: String, cost: Int) async throws -> Account {
        guard account.role == .admin else { throw WebError.wrongRole }
        return try await archive.addAccount(
            new, password: password, cost: cost, context: AuditContext(actor: account.name))
    }

    /// Sets an account's password in the administrator's name (`change-password` entry).
    ///
    /// - throws: `WebError.wrongRole`; `AccountError.notFound`, `.passwordTooShort`.
    func setPassword(of name: String, to password: String, cost: Int) async throws {
        guard account.role == .admin else { throw WebError.wrongRole }
        try await archive.setPassword(
            name: name, password: password, cost: cost, context: AuditContext(actor: account.name))
    }

    /// Disables an account in the administrator's name (`disable-account` entry): never the
    /// account logged in, nor the last enabled administrator.
    ///
    /// - throws: `WebError.wrongRole`; `AccountError.ownAccount`, `.lastAdministrator`,
    ///   `.notFound`.
    func disableAccount(named name: String) async throws -> Account {
        guard account.role == .admin else { throw WebError.wrongRole }
        let name = AccountRules.normalizedName(name)
        guard name != account.name else { throw AccountError.ownAccount(name) }
        return try await archive.disableAccount(name: name, context: AuditContext(actor: account.name))
    }

    /// Lets a disabled account log in again, in the administrator's name (`enable-account`).
    ///
    /// - throws: `WebError.wrongRole`; `AccountError.notFound`.
    func enableAccount(named name: String) async throws -> Account {
        guard account.role == .admin else { throw WebError.wrongRole }
        return try await archive.enableAccount(name: name, context: AuditContext(actor: account.name))
    }

    /// Changes another account's role, place or clearance in the administrator's name
    /// (`change-account`): never the account logged in.
    ///
    /// - throws: `WebError.wrongRole`; `AccountError.ownRole`, `.lastAdministratorRole`,
    ///   `.notFound`, `.missingScope`, `.unknownCell`, `.unknownOrganization`.
    func changeAccount(_ changed: Account) async throws -> Account {
        guard account.role == .admin else { throw WebError.wrongRole }
        guard AccountRules.normalizedName(changed.name) != account.name else {
            throw AccountError.ownRole(account.name)
        }
        return try await archive.changeAccount(changed, context: AuditContext(actor: account.name))
    }

    private func record(anyID id: String) async throws -> ArchiveRecord {
        do {
            return try await archive.record(id: id)
        } catch ArchiveError.notFound {
            throw WebError.notFound(detail: nil)
        }
    }
}
