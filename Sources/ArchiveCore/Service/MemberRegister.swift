/// The member register (sổ đảng viên) and the setting up of committees, cells and terms: what
/// `sochibo member …`, the setup page and the web app's register pages ask of a store, one
/// typed operation per event of `domain.md` ("Members"). The rules are `MemberRules`, pure
/// functions; a store reads the member and its cell, applies the rule and writes the result
/// in one transaction with one audit entry naming the person, the event (`AuditEntry.Action`,
/// e.g. `admit`) and the member (kind `member`, the member's identifier as the record).
///
/// Every dated event takes `today`, the day the front end runs on: no event may be dated
/// after it.
///
/// ```swift
/// let member = try await archive.admit(
///     NewMember(cellID: "cb-na-pan", fullName: "Lò Thị Hoa", birthYear: 1998,
///               admitted: LocalDate("2025-03-02")!),
///     today: LocalDate("2025-03-10")!, context: AuditContext(actor: "thu.napan"))
/// member.id   // "cb-na-pan-dv-01" (the cell's identifier and the next free number)
/// ```
///
/// Every operation throws `ArchiveError.register(…)` when a rule refuses the event,
/// `ArchiveError.notFound` for an unknown cell or member; nothing is written then. A dated
/// event that would change the figures of the cell's approved minutes (a member counted, or
/// no longer counted, in a meeting already signed: `ApprovedMinutesChange`) throws
/// `ArchiveError.unconfirmedRegisterChange` unless `context.confirmedChangesToApprovedMinutes`.
public protocol MemberRegister: Sendable {
    /// Admits a new probationary member (kết nạp): not confirmed, joined the cell on the day
    /// given (the admission day when nil). - returns: the member with its new identifier.
    func admit(_ newMember: NewMember, today: LocalDate, context: AuditContext) async throws -> Member
    /// Records a Party member who joins from elsewhere (chuyển đến): official when
    /// `newMember.confirmed` is set, probationary otherwise.
    func transferIn(_ newMember: NewMember, today: LocalDate, context: AuditContext) async throws -> Member
    /// Records a member attached to the cell for a time (sinh hoạt tạm thời): a member of the
    /// cell who does not count among those entitled to vote.
    func attach(_ newMember: NewMember, today: LocalDate, context: AuditContext) async throws -> Member
    /// Confirms a probationary member as official on `date` (at least 12 months after
    /// admission).
    func confirm(
        memberID: String, on date: LocalDate, today: LocalDate, context: AuditContext
    ) async throws
        -> Member
    /// Exempts a member from activity for a period, decided by the cell, with its reason.
    func exempt(
        memberID: String, _ exemption: Exemption, today: LocalDate, context: AuditContext
    ) async throws
        -> Member
    /// Ends the member's open-ended exemption: `date` is its last day.
    func endExemption(
        memberID: String, on date: LocalDate, today: LocalDate, context: AuditContext
    ) async throws
        -> Member
    /// Records the member's leaving the cell on `date` (transfer out, death, removal…): from
    /// that day on the member is no longer in the cell; offices and posts still held end the
    /// day before.
    func leave(
        memberID: String, on date: LocalDate, reason: Member.LeaveReason, today: LocalDate, context: AuditContext
    ) async throws -> Member
    /// The member takes an office of the cell from `role.from` (to `role.to` when known).
    func takeOffice(memberID: String, _ role: Role, today: LocalDate, context: AuditContext) async throws -> Member
    /// The member leaves the office `title` held: `date` is its last day.
    func leaveOffice(
        memberID: String, title: Role.Title, on date: LocalDate, today: LocalDate, context: AuditContext
    ) async throws -> Member
    /// Records a concurrent post (kiêm nhiệm) the member holds, e.g. "Trưởng thôn".
    func addConcurrentPost(
        memberID: String, _ post: ConcurrentPost, today: LocalDate, context: AuditContext
    )
        async throws -> Member

    /// Removes a member entered by mistake (a wrong day, the wrong person, twice): only while
    /// no minutes or document names the member (attendance, chair, recorder, signer, a task's
    /// assignee), with a `discard` log entry (kind `member`). The identifier is not given to
    /// anyone else afterwards. A member who really was in the cell leaves it (`leave`) instead.
    ///
    /// - throws: `ArchiveError.register(.memberStillNamed)` naming the records,
    ///   `ArchiveError.notFound`.
    func discard(memberID: String, context: AuditContext) async throws -> Member

    /// Loads a committee's member list into its cell, all or nothing: every entry enters as
    /// `transferIn` would (official when its confirmation day is given), with an `import`
    /// audit entry each. - throws: `ArchiveError.register(.listRefused)` with every problem by
    /// row (of the file or of the rules); nothing is written then.
    func load(_ list: MemberList, today: LocalDate, context: AuditContext) async throws -> [Member]
    /// Every problem that keeps `list` from loading now, by row: the file's, the rules'
    /// (`MemberList.ruleProblems`) and the rows that would enter approved minutes
    /// (`MemberList.approvedMinutesProblems`); empty when `load` would take it. Writes nothing.
    func loadProblems(_ list: MemberList, today: LocalDate) async throws -> [MemberList.Problem]

    /// Creates a committee (audit action `create`, kind `organization`).
    func createOrganization(_ organization: Organization, context: AuditContext) async throws -> Organization
    /// Creates a cell without terms or members (audit action `create`, kind `cell`); its
    /// issuer code as `MemberRules.issuerCode` reads it (empty: `CB`).
    ///
    /// - throws: `ArchiveError.register(.emptyName | .invalidIdentifier | .invalidIssuerCode |
    ///   .identifierTaken)`, `ArchiveError.notFound` for an unknown committee.
    func createCell(_ cell: Cell, context: AuditContext) async throws -> Cell
    /// Opens a term of a cell (audit action `add-term`, kind `cell`, the cell as the record).
    func addTerm(cellID: String, _ term: Term, context: AuditContext) async throws -> Cell
    /// Every committee, by name (Vietnamese order).
    func organizations() async throws -> [Organization]
    /// One member and the cell it belongs to. - throws: `ArchiveError.notFound`.
    func member(id: String) async throws -> (member: Member, cellID: String)
}

/// A member entering the register: admitted, transferred in, or attached for a time.
public struct NewMember: Sendable, Hashable {
    /// The cell the member joins.
    public var cellID: String
    /// The full name, e.g. "Lò Thị Hoa".
    public var fullName: String
    /// The year of birth, if known.
    public var birthYear: Int?
    /// The day of admission to the Party.
    public var admitted: LocalDate
    /// The day the member joined this cell; the admission day when nil.
    public var joinedCell: LocalDate?
    /// The day the member became official, for a member transferred in or attached who is
    /// official already; nil for a probationary member.
    public var confirmed: LocalDate?

    /// Creates the description of a member entering the register.
    public init(
        cellID: String, fullName: String, birthYear: Int? = nil, admitted: LocalDate, joinedCell: LocalDate? = nil,
        confirmed: LocalDate? = nil
    ) {
        self.cellID = cellID
        self.fullName = fullName
        self.birthYear = birthYear
        self.admitted = admitted
        self.joinedCell = joinedCell
        self.confirmed = confirmed
    }
}
