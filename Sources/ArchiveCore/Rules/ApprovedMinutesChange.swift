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
    /// The subjects of the votes whose outcome turns (passed ↔ not passed), with the outcome
    /// after the event.
    public var turnedVotes: [TurnedVote]

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
            guard
                old.count.expected != new.count.expected || old.count.present != new.count.present
                    || old.base.entitled != new.base.entitled || !turned.isEmpty
            else { return nil }
            return ApprovedMinutesChange(
                meetingID: meeting.id, date: meeting.date, kind: meeting.kind,
                presentBefore: old.count.present, expectedBefore: old.count.expected,
                presentAfter: new.count.present, expectedAfter: new.count.expected,
                entitledBefore: old.base.entitled, entitledAfter: new.base.entitled, turnedVotes: turned)
        }
    }
}
