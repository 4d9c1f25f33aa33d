/// Works out one cell's year from its records, by the rules of `domain.md`. Pure: the store
/// reads the records, this counts them.
///
/// ```swift
/// let summary = CellYearSummarizer(year: 2024, asOf: LocalDate("2024-12-31")!, rubric: .standard)
///     .summarize(cell: cell, organizationName: "Đảng bộ xã Minh Tiến", meetings: meetings, documents: documents, taskStatus: [:])
/// ```
public struct CellYearSummarizer: Sendable {
    /// The year.
    public var year: Int
    /// The day the figures are taken (the year's last day for a past year).
    public var asOf: LocalDate
    /// The rubric recorded scores are checked against.
    public var rubric: RatingRubric
    /// Which rating is counted: by default the committee's where it exists, else the cell's.
    public var ratingBasis: Rating.Basis
    /// The part of the year summarised: the whole year, a quarter or a month.
    public var period: SummaryPeriod

    /// A summarizer for `year` as it stood on `asOf`, counting ratings by `ratingBasis`.
    public init(year: Int, asOf: LocalDate, rubric: RatingRubric, ratingBasis: Rating.Basis = .committeeFirst) {
        self.init(period: SummaryPeriod(year: year), asOf: asOf, rubric: rubric, ratingBasis: ratingBasis)
    }

    /// A summarizer for `period` as it stood on `asOf` (at most the period's last day).
    public init(
        period: SummaryPeriod, asOf: LocalDate, rubric: RatingRubric, ratingBasis: Rating.Basis = .committeeFirst
    ) {
        year = period.year
        self.asOf = min(asOf, period.lastDay)
        self.rubric = rubric
        self.ratingBasis = ratingBasis
        self.period = period
    }

    /// Whether `cell` existed at some time in the period up to `asOf`: its first term began by
    /// then (a cell with no term recorded always did). A committee's summary of the first
    /// quarter leaves out a cell founded in June, which had no meeting to hold; it is neither
    /// one that held every meeting nor one that missed them.
    public func covers(_ cell: Cell) -> Bool {
        cell.terms.map(\.start).min().map { $0 <= asOf } ?? true
    }

    /// The summary of `cell` (with its members and terms). Only approved minutes count as a
    /// meeting held; drafts are listed apart (`unapprovedMinutes`) and fill no month.
    ///
    /// - parameters:
    ///   - organizationName: the name of the committee the cell belongs to.
    ///   - meetings: the cell's meetings; those outside the year or after `asOf` are ignored.
    ///   - documents: the cell's documents; drafts and those outside the year are ignored.
    ///   - taskStatus: the last reported status of each task by the end of the year.
    public func summarize(
        cell: Cell, organizationName: String, meetings: [Meeting], documents: [Document],
        taskStatus: [String: TaskReport.Status]
    ) -> CellYearSummary {
        // Only approved minutes are a meeting held; drafts are counted apart and fill no month.
        let ofYear = meetings.filter { period.contains($0.date) && $0.date <= asOf }.sorted {
            ($0.date, $0.start.minutesSinceMidnight, $0.id) < ($1.date, $1.start.minutesSinceMidnight, $1.id)
        }
        // A sitting recorded twice (an archive from before filing refused it) is counted once;
        // the other record is in no figure, and the pair is a finding, as `check` reports it.
        let (held, repeated) = SameSitting.countedOnce(ofYear.filter { $0.status == .approved })
        let drafts = ofYear.filter { $0.status == .draft }
        let names = Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        let regular = held.filter { $0.kind == .regular || $0.kind == .combined }
        let thematic = held.filter { $0.kind == .thematic || $0.kind == .combined }
        let counted = countedMonths(cell)
        let regularMonths = Set(regular.map(\.date.month))
        let missingMonths = counted.filter { !regularMonths.contains($0) }
        let reckoned = reckonedMonths(cell, held: regularMonths)
        let thematicQuarters = Set(thematic.map(\.date.quarter))
        let quartersWithoutThematic = countedQuarters(cell).filter { !thematicQuarters.contains($0) }

        var ratings = RatingCounts()
        var findings: [Finding] = []
        for month in missingMonths {
            findings.append(
                Finding(
                    code: .missingRegularMonth, subject: cell.id,
                    message: "\(cell.name) không sinh hoạt thường kỳ tháng \(month)/\(year)."))
        }
        for quarter in quartersWithoutThematic {
            findings.append(
                Finding(
                    code: .quarterWithoutThematic, subject: cell.id,
                    message: "\(cell.name) không sinh hoạt chuyên đề trong quý \(quarter)/\(year)."))
        }

        // What the rules need of the cell and of each meeting, worked out once per cell and
        // once per meeting rather than once per rule.
        let byID = Dictionary(cell.members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let otherMeetings = held.map { ApprovalWarnings.OtherMeeting(id: $0.id, kind: $0.kind, date: $0.date) }
        // What one meeting's record breaks, as `check` says it: its own rules (a short meeting,
        // a failed vote…), no conclusion, a rating its score does not earn, and what approval
        // warns of against the minutes held.
        func recordFindings(_ meeting: Meeting, facts: MeetingFacts) -> [Finding] {
            meeting.findings(byID: byID, facts: facts) + (meeting.conclusion.isEmpty ? [.noConclusion(meeting)] : [])
                + meeting.ratingFindings(rubric: rubric)
                + ApprovalWarnings.findings(meeting, names: names, facts: facts, otherMeetings: otherMeetings)
        }
        for pair in SameSitting.pairs(ofYear) {
            findings.append(.sameSittingTwice(pair.first, pair.second, cellName: cell.name))
        }
        for draft in drafts {
            findings.append(
                Finding(
                    code: .unapprovedMinutes, subject: draft.id,
                    message:
                        "Biên bản kỳ sinh hoạt ngày \(draft.date.vietnameseShort) chưa được thông qua: chưa tính là đã sinh hoạt."
                ))
            // Every finding `check` gives a draft, as for the minutes held below (issue 11,
            // item 10); the draft fills no figure: its length, conclusion and votes are not in
            // `shortMeetings` and the rest.
            findings += recordFindings(draft, facts: MeetingFacts(draft, members: cell.members))
        }
        // What the repeated record itself breaks, as for a draft: it fills no figure.
        for record in repeated {
            findings += recordFindings(record, facts: MeetingFacts(record, members: cell.members))
        }

        var attendance: [MeetingAttendance] = []
        var shortMeetings: [MeetingLength] = []
        var withoutConclusion: [String] = []
        var failedVotes: [FailedVote] = []
        let heldFacts = held.map { MeetingFacts($0, members: cell.members) }
        for (meeting, facts) in zip(held, heldFacts) {
            ratings.add(meeting.rating(counted: ratingBasis)?.level)
            let count = facts.count
            attendance.append(
                MeetingAttendance(
                    meeting: meeting.id, date: meeting.date, present: count.present, expected: count.expected,
                    rate: count.rate))
            if !meeting.isLongEnough {
                shortMeetings.append(
                    MeetingLength(
                        meeting: meeting.id, date: meeting.date, minutes: meeting.durationMinutes,
                        minimum: meeting.minimumMinutes))
            }
            let base = facts.base
            for vote in meeting.votes where !base.passed(vote) {
                failedVotes.append(
                    FailedVote(
                        meeting: meeting.id, subject: vote.subject, votesFor: vote.votesFor, entitled: base.entitled))
            }
            if meeting.conclusion.isEmpty { withoutConclusion.append(meeting.id) }
            findings += recordFindings(meeting, facts: facts)
        }

        let unexcused = unexcusedAbsences(held, cell: cell, names: names)
        let excusedRuns = excusedRuns(held, facts: heldFacts, cell: cell, names: names)
        for absences in unexcused {
            let months = absences.months.map(String.init).joined(separator: ", ")
            // domain.md: absence without good reason in three months of a year is grounds for removal.
            let consequence =
                absences.months.count >= 3
                ? "thuộc diện xem xét xóa tên" : "chưa đủ 3 tháng nhưng cần nhắc nhở, kiểm điểm"
            findings.append(
                Finding(
                    code: .unexcusedAbsences, subject: absences.member,
                    message:
                        "Đồng chí \(absences.name) vắng sinh hoạt không có lý do \(absences.count) lần trong \(period.vietnameseName) (tháng \(months)): \(consequence)."
                ))
        }
        for run in excusedRuns {
            findings.append(
                Finding(
                    code: .excusedAbsencesInARow, subject: run.member,
                    message:
                        "Đồng chí \(run.name) vắng có lý do \(run.count) kỳ sinh hoạt liên tiếp (từ \(run.from.vietnameseShort) đến \(run.to.vietnameseShort))."
                ))
        }

        let issued = documents.filter { period.contains($0.date) && $0.status != .draft }
        var tasks = TaskCounts()
        for task in issued.flatMap(\.tasks) {
            tasks.assigned += 1
            switch taskStatus[task.id] {
            case .done: tasks.done += 1
            case .cancelled: tasks.cancelled += 1
            default: tasks.open += 1
            }
        }
        let months = period.months.map { month in
            MonthSessions(
                month: month,
                sessions: held.filter { $0.date.month == month }.map {
                    MonthSessions.Session(
                        meeting: $0.id, date: $0.date, kind: $0.kind, level: $0.rating(counted: ratingBasis)?.level)
                })
        }
        return CellYearSummary(
            cell: cell.id, name: cell.name, organization: cell.organizationID, organizationName: organizationName,
            meetingsHeld: held.count, unapprovedMinutes: drafts.map(\.id),
            regularHeld: regular.count, monthsCounted: reckoned.count,
            regularMonthsHeld: reckoned.filter(regularMonths.contains).count, missingMonths: missingMonths,
            thematicHeld: thematic.count, quartersWithoutThematic: quartersWithoutThematic,
            extraordinaryHeld: held.filter { $0.kind == .extraordinary }.count, repeatedSittings: repeated.map(\.id),
            ratings: ratings,
            goodShare: ratings.goodShare, fairOrBetterShare: ratings.fairOrBetterShare,
            attendanceRate: attendance.isEmpty ? nil : attendance.map(\.rate).reduce(0, +) / Double(attendance.count),
            lowestAttendance: attendance.min { ($0.rate, $0.date.description) < ($1.rate, $1.date.description) },
            unexcusedAbsences: unexcused, excusedAbsencesInARow: excusedRuns, shortMeetings: shortMeetings,
            meetingsWithoutConclusion: withoutConclusion, failedVotes: failedVotes,
            resolutionsIssued: issued.filter { $0.kind == .resolution }.count, tasks: tasks, months: months,
            findings: findings, members: MemberCounts(cell.members, on: asOf),
            secretaryName: cell.members.first { member in
                member.belongsToCell(on: asOf) && member.roles(on: asOf).contains { $0.title == .secretary }
            }?.fullName)
    }

    /// The months of the period that count: begun on or after the cell's founding, and over
    /// by `asOf`.
    /// The months of the period in "held / months": those that count, and those under way
    /// whose regular meeting is already `held`.
    private func reckonedMonths(_ cell: Cell, held: Set<Int>) -> [Int] {
        let periods = CountedPeriods(year: year, asOf: asOf, cell: cell)
        return period.months.filter { periods.isReckoned(month: $0, held: held.contains($0)) }
    }

    private func countedMonths(_ cell: Cell) -> [Int] {
        CountedPeriods(year: year, asOf: asOf, cell: cell).months.filter { period.months.contains($0) }
    }

    /// The quarters wholly in the period that count: begun on or after the cell's founding,
    /// and over by `asOf`.
    private func countedQuarters(_ cell: Cell) -> [Int] {
        CountedPeriods(year: year, asOf: asOf, cell: cell).quarters.filter { period.quarters.contains($0) }
    }

    /// Members absent without reason at three or more meetings of the year.
    private func unexcusedAbsences(_ held: [Meeting], cell: Cell, names: [String: String]) -> [MemberAbsences] {
        var dates: [String: [LocalDate]] = [:]
        for meeting in held {
            for entry in meeting.attendance where entry.presence == .unexcused {
                dates[entry.memberID, default: []].append(meeting.date)
            }
        }
        return cell.members.compactMap { member in
            guard let days = dates[member.id] else { return nil }
            guard days.count >= 3 else { return nil }
            let months = Array(Set(days.map(\.month))).sorted()
            return MemberAbsences(
                member: member.id, name: names[member.id] ?? member.id, count: days.count, months: months,
                from: days.first!, to: days.last!)
        }
    }

    /// Members absent with reason at three or more meetings in a row (counting only the
    /// meetings they were expected at: in the cell and not exempt), their longest run each.
    private func excusedRuns(
        _ held: [Meeting], facts: [MeetingFacts], cell: Cell, names: [String: String]
    ) -> [MemberAbsences] {
        cell.members.compactMap { member in
            var longest: [LocalDate] = []
            var current: [LocalDate] = []
            for (meeting, facts) in zip(held, facts)
            where member.belongsToCell(on: meeting.date) && !member.isExempt(on: meeting.date) {
                if facts.presence[member.id] == .excused {
                    current.append(meeting.date)
                    if current.count > longest.count { longest = current }
                } else {
                    current = []
                }
            }
            guard longest.count >= 3 else { return nil }
            return MemberAbsences(
                member: member.id, name: names[member.id] ?? member.id, count: longest.count,
                months: Array(Set(longest.map(\.month))).sorted(), from: longest.first!, to: longest.last!)
        }
    }
}
