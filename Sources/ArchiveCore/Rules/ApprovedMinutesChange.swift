/// How a register event would change the figures of one approved meeting: the attendance
/// and the voting base of minutes are counted from the register on the meeting's day
/// (`Meeting.attendanceCount(members:)`, `Meeting.votingBase(members:)`), so a member entered,
/// confirmed, exempted or leaving on a day before approved minutes changes what those signed
/// minutes say (a vote passed can become "không đạt"). Stores refuse such an event unless the
/// person confirms it (`AuditContext.confirmedChangesToApprovedMinutes`).
public struct ApprovedMinutesChange: Sendable, Hashable {
    /// The approved meeting.
    public var meetingID: String
    /// Its day.
    public var date: LocalDate
    /// Its kind.
    public var kind: Meeting.Kind
    /// Members present, and expected (not exempt, in the cell on the day), before the event.
    public var presentBefore: Int
    public var expectedBefore: Int
    /// The same after it.
    public var presentAfter: Int
    public var expectedAfter: Int
    /// Members entitled to vote before and after.
    public var entitledBefore: Int
    public var entitledAfter: Int
    /// Members of the cell on the day, exempt ones included (the printed minutes' "Tổng số
    /// đảng viên"), and of those the exempt, before and after.
    public var membersBefore = 0
    public var membersAfter = 0
    public var exemptBefore = 0
    public var exemptAfter = 0
    /// The subjects of the votes whose outcome turns (passed ↔ not passed), with the outcome
    /// after the event.
    public var turnedVotes: [TurnedVote]
    /// The votes that count more voices than members entitled to vote were present once the
    /// event is recorded, and did not before (`votes-exceed-present`).
    public var overcountedVotes: [OvercountedVote] = []

    /// Whether a vote's outcome or validity changes: such a meeting is always named.
    public var changesAVote: Bool { !turnedVotes.isEmpty || !overcountedVotes.isEmpty }

    /// A vote that counts more voices than members entitled to vote were present.
    public struct OvercountedVote: Sendable, Hashable {
        /// The question voted on.
        public var subject: String
        /// Voices cast (for, against, abstaining).
        public var cast: Int
        /// Members entitled to vote who were present, once the event is recorded.
        public var entitledPresent: Int

        /// A vote on `subject` of `cast` voices with `entitledPresent` entitled members present.
        public init(subject: String, cast: Int, entitledPresent: Int) {
            self.subject = subject
            self.cast = cast
            self.entitledPresent = entitledPresent
        }
    }

    /// A vote whose outcome the event turns.
    public struct TurnedVote: Sendable, Hashable {
        /// The question voted on.
        public var subject: String
        /// Whether it passes once the event is recorded.
        public var passesAfter: Bool

        /// A vote on `subject` that passes, or not, once the event is recorded.
        public init(subject: String, passesAfter: Bool) {
            self.subject = subject
            self.passesAfter = passesAfter
        }
    }
}

extension MemberRules {
    /// Members of the cell on `day` and, of those, the exempt: what printed minutes give as
    /// the cell's total and its exempt members.
    private static func standing(on day: LocalDate, of members: [Member]) -> (members: Int, exempt: Int) {
        let inCell = members.filter { $0.belongsToCell(on: day) }
        return (inCell.count, inCell.count { $0.isExempt(on: day) })
    }

    /// The approved minutes among `meetings` whose figures differ between the register
    /// `before` an event and `after` it (both the cell's whole member list, any date), in date
    /// order; empty when the event leaves every signed figure as it was. Drafts are left out:
    /// they are counted again when approved.
    public static func approvedMinutesChanges(
        of meetings: [Meeting], before: [Member], after: [Member]
    ) -> [ApprovedMinutesChange] {
        meetings.filter(\.isLocked).sorted { ($0.date, $0.id) < ($1.date, $1.id) }.compactMap { meeting in
            let old = MeetingFacts(meeting, members: before)
            let new = MeetingFacts(meeting, members: after)
            let turned = meeting.votes.compactMap { vote -> ApprovedMinutesChange.TurnedVote? in
                let passesAfter = new.base.passed(vote)
                return old.base.passed(vote) == passesAfter
                    ? nil : ApprovedMinutesChange.TurnedVote(subject: vote.subject, passesAfter: passesAfter)
            }
            let overcounted = meeting.votes.compactMap { vote -> ApprovedMinutesChange.OvercountedVote? in
                vote.cast > new.entitledPresent && vote.cast <= old.entitledPresent
                    ? .init(subject: vote.subject, cast: vote.cast, entitledPresent: new.entitledPresent) : nil
            }
            let (membersBefore, exemptBefore) = standing(on: meeting.date, of: before)
            let (membersAfter, exemptAfter) = standing(on: meeting.date, of: after)
            guard
                old.count.expected != new.count.expected || old.count.present != new.count.present
                    || old.base.entitled != new.base.entitled || membersBefore != membersAfter
                    || exemptBefore != exemptAfter || !turned.isEmpty || !overcounted.isEmpty
            else { return nil }
            var change = ApprovedMinutesChange(
                meetingID: meeting.id, date: meeting.date, kind: meeting.kind,
                presentBefore: old.count.present, expectedBefore: old.count.expected,
                presentAfter: new.count.present, expectedAfter: new.count.expected,
                entitledBefore: old.base.entitled, entitledAfter: new.base.entitled, turnedVotes: turned)
            change.membersBefore = membersBefore
            change.membersAfter = membersAfter
            change.exemptBefore = exemptBefore
            change.exemptAfter = exemptAfter
            change.overcountedVotes = overcounted
            return change
        }
    }
}
