/// The yearly meeting-quality summary of one cell, or of every cell under a committee.
///
/// The JSON form of this value is a contract scripts rely on: `year`, `cells` (best share of
/// Tốt first when summarising a committee), and for a committee `organization` and `totals`.
public struct YearSummary: Sendable, Hashable, Codable {
    /// The calendar year summarised.
    public var year: Int
    /// The day the figures were taken: the last day of the year, or today for the year under way
    /// (months and quarters not yet over are not counted as missing).
    public var asOf: LocalDate
    /// The committee summarised; `nil` for a single cell.
    public var organization: OrganizationName?
    /// The part of the year summarised: `span` year, quarter or month, and its `index`.
    public var period: SummaryPeriod
    /// Which rating the levels count: `committee-first` (the committee's where it exists,
    /// else the cell's own; the default) or `cell` (the cells' self-assessments only).
    public var ratingBasis: Rating.Basis
    /// One summary per cell.
    public var cells: [CellYearSummary]
    /// The committee's figures over all its cells; `nil` for a single cell.
    public var totals: CommitteeTotals?

    /// Creates a summary.
    public init(
        year: Int, asOf: LocalDate, period: SummaryPeriod? = nil, organization: OrganizationName? = nil,
        ratingBasis: Rating.Basis = .committeeFirst, cells: [CellYearSummary], totals: CommitteeTotals? = nil
    ) {
        self.year = year
        self.asOf = asOf
        self.period = period ?? SummaryPeriod(year: year)
        self.ratingBasis = ratingBasis
        self.organization = organization
        self.cells = cells
        self.totals = totals
    }
}

/// A committee's identifier and name.
public struct OrganizationName: Sendable, Hashable, Codable {
    /// The identifier, e.g. `dbx-hop-thanh`.
    public var id: String
    /// The name, e.g. "Đảng bộ xã Hợp Thành".
    public var name: String

    /// Creates a name.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// How many meetings were rated at each level, and how many not at all.
public struct RatingCounts: Sendable, Hashable, Codable {
    /// Tốt.
    public var good = 0
    /// Khá.
    public var fair = 0
    /// Trung bình.
    public var average = 0
    /// Kém.
    public var weak = 0
    /// Not rated.
    public var unrated = 0

    /// No meetings yet.
    public init() {}

    /// All meetings counted.
    public var total: Int { good + fair + average + weak + unrated }

    /// Counts one meeting rated `level` (`nil`: unrated).
    public mutating func add(_ level: Rating.Level?) {
        switch level {
        case .good: good += 1
        case .fair: fair += 1
        case .average: average += 1
        case .weak: weak += 1
        case nil: unrated += 1
        }
    }

    /// Adds another count to this one.
    public mutating func add(_ other: RatingCounts) {
        good += other.good
        fair += other.fair
        average += other.average
        weak += other.weak
        unrated += other.unrated
    }

    /// The share of all meetings rated Tốt, 0...1; `nil` when there were none.
    public var goodShare: Double? { total == 0 ? nil : Double(good) / Double(total) }

    /// The share of all meetings rated Khá or Tốt, 0...1; `nil` when there were none.
    public var fairOrBetterShare: Double? { total == 0 ? nil : Double(good + fair) / Double(total) }
}

/// How many members a cell (or a committee's cells) had on one day, by status (`domain.md`,
/// "Members"): every member belongs to the cell that day; official and probationary add up to
/// the total; the exempt are counted among them as well (an exempt member stays official).
public struct MemberCounts: Sendable, Hashable, Codable {
    /// Members of the cell on the day.
    public var total = 0
    /// Confirmed as official by the day.
    public var official = 0
    /// In their probationary year on the day.
    public var probationary = 0
    /// Exempt from activity on the day (counted in `official` or `probationary` too).
    public var exempt = 0

    /// No members.
    public init() {}

    /// The members of `members` on `date`, by `Member.status(on:)`'s rules.
    public init(_ members: [Member], on date: LocalDate) {
        for member in members where member.belongsToCell(on: date) {
            total += 1
            if member.isOfficial(on: date) { official += 1 } else { probationary += 1 }
            if member.isExempt(on: date) { exempt += 1 }
        }
    }

    /// Adds another cell's counts.
    public mutating func add(_ other: MemberCounts) {
        total += other.total
        official += other.official
        probationary += other.probationary
        exempt += other.exempt
    }
}

/// One cell's year.
public struct CellYearSummary: Sendable, Hashable, Codable {
    /// The cell's identifier.
    public var cell: String
    /// The cell's name.
    public var name: String
    /// The committee the cell belongs to.
    public var organization: String
    /// That committee's name.
    public var organizationName: String
    /// All meetings held in the year, of every kind: approved minutes only.
    public var meetingsHeld: Int
    /// Minutes of the year still in draft (not read back and approved): not counted as held.
    public var unapprovedMinutes: [String]
    /// Regular sessions held (kinds `regular` and `combined`): sittings, so two in one month
    /// count two. Set against months, use `regularMonthsHeld`.
    public var regularHeld: Int
    /// The months that count: 12 for a past year, fewer for the year under way or a cell
    /// founded during the year (its first term's start); a month under way counts once its
    /// regular meeting is held.
    public var monthsCounted: Int
    /// The months of `monthsCounted` that had a regular session: the figure over
    /// `monthsCounted` ("11/12 tháng"), never above it; a month with two sessions fills one
    /// (`domain.md`: a regular meeting once a month). Equals `monthsCounted -
    /// missingMonths.count`.
    public var regularMonthsHeld: Int
    /// Months (1...12) that count and had no regular session.
    public var missingMonths: [Int]
    /// Thematic sessions held (kinds `thematic` and `combined`).
    public var thematicHeld: Int
    /// Quarters (1...4) that are over and had no thematic session.
    public var quartersWithoutThematic: [Int]
    /// Extraordinary sessions held.
    public var extraordinaryHeld: Int
    /// Approved minutes of the period in no figure because other approved minutes of the cell
    /// record the same sitting (`SameSitting`): each sitting is counted once, and each pair is
    /// a `same-sitting-twice` finding.
    public var repeatedSittings: [String] = []
    /// Meetings at each rating level.
    public var ratings: RatingCounts
    /// The share of meetings rated Tốt, 0...1; `nil` with no meetings.
    public var goodShare: Double?
    /// The share of meetings rated Khá or better, 0...1; `nil` with no meetings.
    public var fairOrBetterShare: Double?
    /// The mean attendance rate over the meetings (exempt members left out of both sides),
    /// 0...1; `nil` with no meetings.
    public var attendanceRate: Double?
    /// The meeting with the lowest attendance rate.
    public var lowestAttendance: MeetingAttendance?
    /// Members absent without reason at three or more meetings of the year (in three months, grounds
    /// for removal).
    public var unexcusedAbsences: [MemberAbsences]
    /// Members absent with reason at three or more meetings in a row.
    public var excusedAbsencesInARow: [MemberAbsences]
    /// Meetings shorter than 90 minutes (120 for `combined`).
    public var shortMeetings: [MeetingLength]
    /// Meetings whose minutes have no conclusion.
    public var meetingsWithoutConclusion: [String]
    /// Votes whose approvals were not more than half of the members entitled to vote.
    public var failedVotes: [FailedVote]
    /// Resolutions (NQ) issued in the year.
    public var resolutionsIssued: Int
    /// Tasks assigned by the year's issued documents and where they stood at its end.
    public var tasks: TaskCounts
    /// Each month's sessions, for the chart.
    public var months: [MonthSessions]
    /// Every breach, with a stable code, its subject (the cell, a meeting or a member) and a message.
    public var findings: [Finding]
    /// The cell's members on `asOf` (the period's last day, or today within it).
    public var members = MemberCounts()
    /// The name of the cell's secretary on `asOf`, who signs its report; `nil` when none is
    /// recorded.
    public var secretaryName: String?

    /// Whether the cell held its regular sessions: no month that counts was missed, or over a
    /// whole year one month only, its business taken at the next sitting ("11–12 kỳ, 11 where
    /// one month is merged", `domain.md`). Months are counted, not sittings: two sittings in
    /// March do not make up for April and August.
    public var heldRegularSessions: Bool {
        missingMonths.isEmpty || (missingMonths.count == 1 && monthsCounted == 12)
    }

    /// The months with more than one regular session (kinds `regular` and `combined`), in
    /// order, with how many: `[(5, 2)]` for a cell that met twice in May ("tháng 5 họp 2 lần").
    public var monthsWithSeveralRegularSessions: [(month: Int, sessions: Int)] {
        months.compactMap { month in
            let regular = month.sessions.filter { $0.kind == .regular || $0.kind == .combined }.count
            return regular > 1 ? (month.month, regular) : nil
        }
    }
}

/// A meeting's attendance rate.
public struct MeetingAttendance: Sendable, Hashable, Codable {
    /// The meeting.
    public var meeting: String
    /// Its day.
    public var date: LocalDate
    /// Members present, exempt members not counted.
    public var present: Int
    /// Members expected: of the cell that day and not exempt.
    public var expected: Int
    /// `present / expected`, 0...1.
    public var rate: Double
}

/// A member's absences that the report names.
public struct MemberAbsences: Sendable, Hashable, Codable {
    /// The member.
    public var member: String
    /// The member's full name.
    public var name: String
    /// How many meetings.
    public var count: Int
    /// The months (1...12) of those meetings, each once.
    public var months: [Int]
    /// The first of those meetings.
    public var from: LocalDate
    /// The last of those meetings.
    public var to: LocalDate
}

/// A meeting that was too short.
public struct MeetingLength: Sendable, Hashable, Codable {
    /// The meeting.
    public var meeting: String
    /// Its day.
    public var date: LocalDate
    /// How long it lasted.
    public var minutes: Int
    /// How long it had to last.
    public var minimum: Int
}

/// A vote that did not pass.
public struct FailedVote: Sendable, Hashable, Codable {
    /// The meeting.
    public var meeting: String
    /// What was voted on.
    public var subject: String
    /// Votes in favour.
    public var votesFor: Int
    /// Members entitled to vote.
    public var entitled: Int
}

/// Tasks assigned in a year and where they stood at its end (by the last report on each).
public struct TaskCounts: Sendable, Hashable, Codable {
    /// Tasks in the year's issued documents.
    public var assigned = 0
    /// Reported done.
    public var done = 0
    /// Reported cancelled.
    public var cancelled = 0
    /// Neither done nor cancelled.
    public var open = 0

    /// No tasks yet.
    public init() {}

    /// Adds another count to this one.
    public mutating func add(_ other: TaskCounts) {
        assigned += other.assigned
        done += other.done
        cancelled += other.cancelled
        open += other.open
    }
}

/// The sessions of one month.
public struct MonthSessions: Sendable, Hashable, Codable {
    /// The month, 1...12.
    public var month: Int
    /// Its sessions in date order.
    public var sessions: [Session]

    /// One session on the chart.
    public struct Session: Sendable, Hashable, Codable {
        /// The meeting.
        public var meeting: String
        /// Its day.
        public var date: LocalDate
        /// Its kind.
        public var kind: Meeting.Kind
        /// Its rating level; `nil` when unrated.
        public var level: Rating.Level?
    }
}

/// A committee's figures over all its cells.
public struct CommitteeTotals: Sendable, Hashable, Codable {
    /// Cells summarised.
    public var cells = 0
    /// Cells that held their regular sessions (11–12, or none missed).
    public var cellsWithRegularSessions = 0
    /// Cells that held fewer.
    public var cellsWithFewerSessions = 0
    /// Meetings held, of every kind.
    public var meetingsHeld = 0
    /// Minutes of the year still in draft, over every cell.
    public var unapprovedMinutes = 0
    /// Regular sessions held.
    public var regularHeld = 0
    /// Months with a regular session over all cells (`CellYearSummary.regularMonthsHeld`).
    public var regularMonthsHeld = 0
    /// Months counted over all cells (`CellYearSummary.monthsCounted`).
    public var monthsCounted = 0
    /// Thematic sessions held.
    public var thematicHeld = 0
    /// Extraordinary sessions held.
    public var extraordinaryHeld = 0
    /// Meetings at each level over all cells.
    public var ratings = RatingCounts()
    /// The share rated Tốt over all meetings; `nil` with none.
    public var goodShare: Double?
    /// The share rated Khá or better over all meetings; `nil` with none.
    public var fairOrBetterShare: Double?
    /// The mean attendance rate over all meetings; `nil` with none.
    public var attendanceRate: Double?
    /// Resolutions issued.
    public var resolutionsIssued = 0
    /// Tasks over all cells.
    public var tasks = TaskCounts()
    /// Findings over all cells.
    public var findings = 0
    /// Members over all cells on the summary's `asOf`.
    public var members = MemberCounts()
    /// Cells that held a thematic session in every quarter of the period that is over.
    public var cellsWithThematicEveryQuarter = 0

    /// Empty totals.
    public init() {}

    /// The totals of `cells`: sums, shares over all their meetings, and the mean attendance
    /// weighted by each cell's meetings.
    public init(_ cells: [CellYearSummary]) {
        var attendanceSum = 0.0
        for cell in cells {
            self.cells += 1
            if cell.heldRegularSessions {
                cellsWithRegularSessions += 1
            } else {
                cellsWithFewerSessions += 1
            }
            if cell.quartersWithoutThematic.isEmpty { cellsWithThematicEveryQuarter += 1 }
            meetingsHeld += cell.meetingsHeld
            unapprovedMinutes += cell.unapprovedMinutes.count
            regularHeld += cell.regularHeld
            regularMonthsHeld += cell.regularMonthsHeld
            monthsCounted += cell.monthsCounted
            thematicHeld += cell.thematicHeld
            extraordinaryHeld += cell.extraordinaryHeld
            ratings.add(cell.ratings)
            attendanceSum += (cell.attendanceRate ?? 0) * Double(cell.meetingsHeld)
            resolutionsIssued += cell.resolutionsIssued
            tasks.add(cell.tasks)
            findings += cell.findings.count
            members.add(cell.members)
        }
        goodShare = ratings.goodShare
        fairOrBetterShare = ratings.fairOrBetterShare
        attendanceRate = meetingsHeld == 0 ? nil : attendanceSum / Double(meetingsHeld)
    }
}
