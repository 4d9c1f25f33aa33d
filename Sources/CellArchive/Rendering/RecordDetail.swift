/// A record with the figures the rules compute for it, as `show --format json` writes it.
public struct RecordDetail: Sendable, Encodable {
    /// `organization`, `cell`, `member`, `meeting` or `document`.
    public var kind: String
    public var organization: Organization?
    public var cell: Cell?
    public var member: Member?
    /// A member's status today.
    public var status: MemberStatus?
    public var meeting: Meeting?
    public var durationMinutes: Int?
    public var minimumMinutes: Int?
    public var attendance: AttendanceCount?
    public var attendanceRate: Double?
    public var votingBase: VotingBase?
    /// For each vote, in order: whether it passed.
    public var votesPassed: [Bool]?
    public var findings: [Finding]?
    public var document: Document?
    public var symbol: String?

    /// The detail of `record`, with statuses computed for `today`.
    public init(_ record: ArchiveRecord, today: LocalDate) {
        switch record {
        case .organization(let organization):
            kind = "organization"
            self.organization = organization
        case .cell(let cell):
            kind = "cell"
            self.cell = cell
        case .member(let member, _):
            kind = "member"
            self.member = member
            status = member.status(on: today)
        case .meeting(let meeting, let cell):
            kind = "meeting"
            self.meeting = meeting
            durationMinutes = meeting.durationMinutes
            minimumMinutes = meeting.minimumMinutes
            let count = meeting.attendanceCount(members: cell.members)
            attendance = count
            attendanceRate = count.rate
            let base = meeting.votingBase(members: cell.members)
            votingBase = base
            votesPassed = meeting.votes.map(base.passed)
            findings = meeting.findings(members: cell.members)
        case .document(let document, let cell):
            kind = "document"
            self.document = document
            symbol = document.symbol(issuerCode: cell.issuerCode)
        }
    }
}
