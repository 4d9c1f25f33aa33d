/// Something in draft minutes that contradicts itself or the rules (issue 11, item 10): the
/// minutes may still be approved, but only when the person confirms each warning explicitly.
/// Worded once in `Wording/ApprovalWarning+Wording.swift`.
public enum ApprovalWarning: Sendable, Hashable, Codable {
    /// More votes were cast (for + against + abstaining) than members entitled to vote were
    /// present (`domain.md`, "Meetings": an exempt member who attended counts).
    case votesExceedPresent(subject: String, cast: Int, entitledPresent: Int)
    /// The chair is marked absent.
    case chairAbsent(name: String)
    /// The recorder is marked absent.
    case recorderAbsent(name: String)
    /// Members of the cell on the meeting's day, not exempt, who are in neither attendance list
    /// (`AttendanceCount.notListed`): a member admitted before the date after the draft was
    /// filed, or a line struck by mistake. Their full names, in the order of the cell's members.
    case membersNotListed(names: [String])
    /// The minutes have no conclusion.
    case noConclusion
    /// Shorter than the minimum length: 90 minutes, 120 for a combined sitting (`domain.md`).
    case tooShort(minutes: Int, minimum: Int)
    /// The cell already has other minutes of a regular (or combined) meeting in the same month.
    case secondRegularInMonth(otherID: String, otherDate: LocalDate)
    /// The cell's self-rating records a level its own score does not earn under the archive's
    /// rubric (`domain.md`, "Rating"): "Tốt" with 75 points.
    case ratingMismatch(score: Int, recorded: Rating.Level, earned: Rating.Level)

    /// A stable code, for scripts and tests (matches the `Finding.Code` spelling style).
    public var code: String {
        switch self {
        case .votesExceedPresent: "votes-exceed-present"
        case .chairAbsent: "chair-absent"
        case .recorderAbsent: "recorder-absent"
        case .membersNotListed: "attendance-incomplete"
        case .noConclusion: "no-conclusion"
        case .tooShort: "short-meeting"
        case .secondRegularInMonth: "second-regular-in-month"
        case .ratingMismatch: "rating-mismatch"
        }
    }
}

/// The warnings shown before minutes are approved, as a pure function over the meeting, its
/// cell and the cell's other meetings.
public enum ApprovalWarnings {
    /// Another meeting of the same cell, as much as the rules need of it.
    public struct OtherMeeting: Sendable, Hashable {
        public var id: String
        public var kind: Meeting.Kind
        public var date: LocalDate

        /// Creates the value.
        public init(id: String, kind: Meeting.Kind, date: LocalDate) {
            self.id = id
            self.kind = kind
            self.date = date
        }
    }

    /// Every warning `meeting` raises, in the order of the minutes: length, officers,
    /// attendance list, conclusion, votes, then the month.
    ///
    /// ```swift
    /// ApprovalWarnings.check(meeting, cell: cell, otherMeetings: [])   // [.noConclusion]
    /// ```
    ///
    /// - parameters:
    ///   - cell: the meeting's cell with its members (any date; counts are taken on the
    ///     meeting's date).
    ///   - otherMeetings: the cell's meetings (the meeting itself, if listed, is ignored).
    /// - returns: the warnings; empty when the minutes may be approved without a word.
    /// How many members entitled to vote were present: the most votes one question may have
    /// (`domain.md`, "Meetings": an exempt member who attended and voted counts).
    public static func entitledPresent(_ meeting: Meeting, members: [Member]) -> Int {
        MeetingFacts(meeting, members: members).entitledPresent
    }

    ///   - rubric: the archive's rating rubric, to check the self-rating's level against its
    ///     score; nil leaves that check out.
    public static func check(
        _ meeting: Meeting, cell: Cell, otherMeetings: [OtherMeeting], rubric: RatingRubric? = nil
    ) -> [ApprovalWarning] {
        check(
            meeting, names: names(cell), facts: MeetingFacts(meeting, members: cell.members),
            otherMeetings: otherMeetings, rubric: rubric)
    }

    /// The members' full names by identifier (the first of any repeated identifier).
    static func names(_ cell: Cell) -> [String: String] {
        Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
    }

    /// `check(_:cell:otherMeetings:rubric:)` with the members' names (`names(_:)`) and the
    /// meeting's facts already worked out, as a summary has them for every meeting.
    static func check(
        _ meeting: Meeting, names: [String: String], facts: MeetingFacts, otherMeetings: [OtherMeeting],
        rubric: RatingRubric? = nil
    ) -> [ApprovalWarning] {
        var warnings: [ApprovalWarning] = []
        if !meeting.isLongEnough {
            warnings.append(.tooShort(minutes: meeting.durationMinutes, minimum: meeting.minimumMinutes))
        }
        if let presence = facts.presence[meeting.chairID], presence != .present {
            warnings.append(.chairAbsent(name: names[meeting.chairID] ?? meeting.chairID))
        }
        if let presence = facts.presence[meeting.recorderID], presence != .present {
            warnings.append(.recorderAbsent(name: names[meeting.recorderID] ?? meeting.recorderID))
        }
        if !facts.count.notListed.isEmpty {
            warnings.append(.membersNotListed(names: facts.count.notListed.map { names[$0] ?? $0 }))
        }
        if meeting.conclusion.allSatisfy({ TextNormalization.trimmed($0).isEmpty }) {
            warnings.append(.noConclusion)
        }
        let entitledPresent = facts.entitledPresent
        for vote in meeting.votes where vote.cast > entitledPresent {
            warnings.append(
                .votesExceedPresent(subject: vote.subject, cast: vote.cast, entitledPresent: entitledPresent))
        }
        let regular: Set<Meeting.Kind> = [.regular, .combined]
        if regular.contains(meeting.kind),
            let other = otherMeetings.first(where: {
                $0.id != meeting.id && regular.contains($0.kind) && $0.date.year == meeting.date.year
                    && $0.date.month == meeting.date.month
            })
        {
            warnings.append(.secondRegularInMonth(otherID: other.id, otherDate: other.date))
        }
        if let rubric, let rating = meeting.rating(by: .cell), let score = rating.score,
            rubric.level(for: score) != rating.level
        {
            warnings.append(.ratingMismatch(score: score, recorded: rating.level, earned: rubric.level(for: score)))
        }
        return warnings
    }

    /// The warnings of `meeting` that `check` and `summary` report as findings (issue 11,
    /// item 10): those the other rules do not already report (the length and the conclusion
    /// are `short-meeting` and `no-conclusion` findings of their own).
    public static func findings(_ meeting: Meeting, cell: Cell, otherMeetings: [OtherMeeting]) -> [Finding] {
        findings(
            meeting, names: names(cell), facts: MeetingFacts(meeting, members: cell.members),
            otherMeetings: otherMeetings)
    }

    /// `findings(_:cell:otherMeetings:)` with the names and facts already worked out. Minutes
    /// of the same sitting (`SameSitting`) are not a second regular meeting of the month: that
    /// pair is `same-sitting-twice`, one finding for one mistake.
    static func findings(
        _ meeting: Meeting, names: [String: String], facts: MeetingFacts, otherMeetings: [OtherMeeting]
    ) -> [Finding] {
        let entitled = facts.base.entitled
        let others = otherMeetings.filter {
            !($0.id != meeting.id && $0.date == meeting.date && meeting.kind.sameSittingKinds.contains($0.kind))
        }
        return check(meeting, names: names, facts: facts, otherMeetings: others).compactMap { warning in
            let code: Finding.Code
            switch warning {
            case .chairAbsent: code = .chairAbsent
            case .recorderAbsent: code = .recorderAbsent
            // More ballots than members entitled at all is `votes-exceed-entitled` already: one
            // miscount is one finding.
            case .votesExceedPresent(_, let cast, _) where cast > entitled: return nil
            case .votesExceedPresent: code = .votesExceedPresent
            case .secondRegularInMonth: code = .secondRegularInMonth
            // `rating-mismatch` is reported by `Meeting.ratingFindings` for both ratings, and
            // members missing from the lists by `Meeting.findings` as `attendance-incomplete`.
            case .tooShort, .noConclusion, .ratingMismatch, .membersNotListed: return nil
            }
            let sentence = warning.vietnameseDescription
            return Finding(
                code: code, subject: meeting.id,
                message: "Kỳ sinh hoạt ngày \(meeting.date.vietnameseShort): "
                    + (sentence.hasSuffix(".") ? sentence : sentence + "."))
        }
    }
}
