/// Who could vote at a meeting, counted by the rule in `domain.md`.
public struct VotingBase: Sendable, Hashable, Codable {
    /// The members entitled to vote: official members of the cell on the day, not on
    /// temporary attachment, and not exempt members who stayed away.
    public var entitledMemberIDs: [String]

    /// A base of these members.
    public init(entitledMemberIDs: [String]) { self.entitledMemberIDs = entitledMemberIDs }

    /// How many are entitled.
    public var entitled: Int { entitledMemberIDs.count }

    /// Whether `vote` passed: more than half of the entitled members approved.
    ///
    /// ```swift
    /// base.passed(Vote(subject: "…", votesFor: 8, votesAgainst: 0, abstentions: 1))
    /// ```
    public func passed(_ vote: Vote) -> Bool {
        // `votesFor * 2 > entitled`, written so that no stored count can overflow.
        vote.votesFor > entitled / 2
    }
}

/// A meeting's attendance, counted without exempt members on either side.
public struct AttendanceCount: Sendable, Hashable, Codable {
    /// Members of the cell on the day who are not exempt.
    public var expected: Int
    /// Of those, present.
    public var present: Int
    /// Of those, absent with a reason.
    public var excused: Int
    /// Of those, absent without a reason.
    public var unexcused: Int
    /// Of those, in neither list (an incomplete attendance list).
    public var notListed: [String]
    /// Exempt members who attended anyway (not counted above).
    public var exemptPresent: Int

    /// Present over expected, 0...1; 1 when nobody was expected.
    public var rate: Double { expected == 0 ? 1 : Double(present) / Double(expected) }
}

extension Meeting {
    /// The minimum length in minutes: 90, or 120 for a combined regular and thematic sitting.
    public var minimumMinutes: Int { kind == .combined ? 120 : 90 }

    /// The length in minutes; an end before the start is taken to be after midnight.
    public var durationMinutes: Int { Self.duration(from: start, to: end) }

    /// The minutes from `start` to `end`, an end before the start being the next day: the one
    /// midnight rule of imports, forms, print and summaries (22:30–00:15 is 105 minutes).
    public static func duration(from start: TimeOfDay, to end: TimeOfDay) -> Int {
        let difference = end.minutesSinceMidnight - start.minutesSinceMidnight
        return difference >= 0 ? difference : difference + 24 * 60
    }

    /// A length in words, without a zero part: 780 is "13 giờ", 105 "1 giờ 45 phút", 45 "45 phút".
    public static func lengthWords(_ minutes: Int) -> String {
        switch (minutes / 60, minutes % 60) {
        case (0, let rest): "\(rest) phút"
        case (let hours, 0): "\(hours) giờ"
        case (let hours, let rest): "\(hours) giờ \(rest) phút"
        }
    }

    /// The longest meeting a form accepts (12 hours): longer is a slip in a time.
    public static let longestTypedMinutes = 12 * 60

    /// Whether the meeting lasted at least its minimum length.
    public var isLongEnough: Bool { durationMinutes >= minimumMinutes }

    /// The presence recorded for `memberID`, if listed.
    public func presence(of memberID: String) -> Attendance.Presence? {
        attendance.first { $0.memberID == memberID }?.presence
    }

    /// Counts attendance over the cell's members on the meeting day, leaving exempt members
    /// out of both sides.
    ///
    /// - parameter members: the cell's members (any date; those not in the cell on the day
    ///   are ignored).
    public func attendanceCount(members: [Member]) -> AttendanceCount {
        MeetingFacts(self, members: members).count
    }

    /// The members entitled to vote at this meeting.
    ///
    /// Official members of the cell on the day count, except those on temporary attachment
    /// and exempt members who were not present (an exempt member who attends counts).
    /// Probationary members take part but do not vote.
    public func votingBase(members: [Member]) -> VotingBase {
        MeetingFacts(self, members: members).base
    }
}

/// What the rules ask of one meeting against its cell's members, asked once: how each
/// listed member attended, the attendance count and the voting base. The count, the votes,
/// the findings and the approval warnings all ask it; a summary asks it of every meeting.
struct MeetingFacts {
    /// Each listed member's presence; for a member listed twice, the first entry, as
    /// `Meeting.presence(of:)` reads it.
    let presence: [String: Attendance.Presence]
    /// `Meeting.attendanceCount(members:)`.
    let count: AttendanceCount
    /// `Meeting.votingBase(members:)`.
    let base: VotingBase

    /// The facts of `meeting` against `members` (the cell's members, any date; each member's
    /// standing is taken on the meeting's day).
    init(_ meeting: Meeting, members: [Member]) {
        var presence = [String: Attendance.Presence](minimumCapacity: meeting.attendance.count)
        for entry in meeting.attendance where presence[entry.memberID] == nil {
            presence[entry.memberID] = entry.presence
        }
        let date = meeting.date
        var count = AttendanceCount(
            expected: 0, present: 0, excused: 0, unexcused: 0, notListed: [], exemptPresent: 0)
        var entitled: [String] = []
        for member in members where member.belongsToCell(on: date) {
            let listed = presence[member.id]
            let exempt = member.isExempt(on: date)
            // Official, not on temporary attachment, and if exempt then present (domain.md).
            if member.isOfficial(on: date), !member.temporary, !exempt || listed == .present {
                entitled.append(member.id)
            }
            if exempt {
                if listed == .present { count.exemptPresent += 1 }
                continue
            }
            count.expected += 1
            switch listed {
            case .present: count.present += 1
            case .excused: count.excused += 1
            case .unexcused: count.unexcused += 1
            case nil: count.notListed.append(member.id)
            }
        }
        self.presence = presence
        self.count = count
        base = VotingBase(entitledMemberIDs: entitled)
    }

    /// How many members entitled to vote were present: `ApprovalWarnings.entitledPresent`.
    var entitledPresent: Int { base.entitledMemberIDs.count { presence[$0] == .present } }
}

extension Meeting {
    /// A `rating-mismatch` finding for each rating (the cell's, the committee's) whose recorded
    /// score earns another level under `rubric` than the one recorded; none when they agree or
    /// no score was recorded.
    public func ratingFindings(rubric: RatingRubric) -> [Finding] {
        Rating.Rater.allCases.compactMap { rater in
            guard let rating = rating(by: rater), let score = rating.score else { return nil }
            let earned = rubric.level(for: score)
            guard earned != rating.level else { return nil }
            let whose = rater == .cell ? "chi bộ tự đánh giá" : "đảng ủy xếp loại"
            return Finding(
                code: .ratingMismatch, subject: id,
                message:
                    "Kỳ sinh hoạt ngày \(date.vietnameseShort) được \(score) điểm (\(whose)), theo thang điểm là loại \(earned.vietnameseName), nhưng ghi loại \(rating.level.vietnameseName)."
            )
        }
    }
}
