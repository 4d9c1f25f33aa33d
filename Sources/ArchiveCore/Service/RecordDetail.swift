/// A record with the figures the rules compute for it, as `show --format json` writes it.
public struct RecordDetail: Sendable, Encodable {
    /// `organization`, `cell`, `member`, `meeting` or `document`.
    public var kind: RecordKind
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
    /// For a meeting or document: the version, the content hash (locked records) and the
    /// numbers of the earlier versions.
    public var lifecycle: LifecycleDetail?

    /// A record's lifecycle, as `show --format json` writes it.
    public struct LifecycleDetail: Sendable, Encodable {
        /// The current version, from 1.
        public var version: Int
        /// The SHA-256 of the canonical content, for locked records.
        public var sha256: String?
        /// The numbers of the earlier versions, readable with `show --version N`.
        public var previousVersions: [Int]
    }

    /// The detail of `record` with its `lifecycle`.
    public init(_ record: ArchiveRecord, today: LocalDate, lifecycle: RecordLifecycle?) {
        self.init(record, today: today)
        self.lifecycle = lifecycle.map {
            LifecycleDetail(version: $0.version, sha256: $0.sha256, previousVersions: $0.previous.map(\.version))
        }
    }

    /// The detail of `record`, with statuses computed for `today`.
    public init(_ record: ArchiveRecord, today: LocalDate) {
        switch record {
        case .organization(let organization):
            kind = .organization
            self.organization = organization
        case .cell(let cell):
            kind = .cell
            self.cell = cell
        case .member(let member, _):
            kind = .member
            self.member = member
            status = member.status(on: today)
        case .meeting(let meeting, let cell):
            kind = .meeting
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
            kind = .document
            self.document = document
            symbol = document.symbol(issuerCode: cell.issuerCode)
        }
    }
}
