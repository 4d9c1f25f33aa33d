/// A breach of the rules found in a record: stored as it was, reported, never refused.
///
/// ```swift
/// Finding(code: .shortMeeting, subject: "pl-2023-03", message: "…")
/// ```
public struct Finding: Sendable, Hashable, Codable {
    /// Stable codes, for scripts.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// The meeting was shorter than 90 minutes (120 for combined).
        case shortMeeting = "short-meeting"
        /// A member of the cell on the day is in neither the present nor the absent list.
        case attendanceIncomplete = "attendance-incomplete"
        /// The attendance names someone who was not a member of the cell that day.
        case attendeeNotMember = "attendee-not-member"
        /// Approvals were not more than half of the members entitled to vote.
        case voteFailed = "vote-failed"
        /// More votes were cast than members entitled to vote.
        case votesExceedEntitled = "votes-exceed-entitled"
        /// The chair or the recorder was not a member of the cell that day.
        case officerNotMember = "officer-not-member"
        /// The minutes have no conclusion.
        case noConclusion = "no-conclusion"
        /// The recorded score earns a different level under the archive's rubric.
        case ratingMismatch = "rating-mismatch"
        /// A month that counts had no regular session (the subject is the cell).
        case missingRegularMonth = "missing-regular-month"
        /// A quarter that is over had no thematic session (the subject is the cell).
        case quarterWithoutThematic = "quarter-without-thematic"
        /// A member was absent without reason at three or more meetings of the year (in three
        /// months: grounds for removal).
        case unexcusedAbsences = "unexcused-absences"
        /// A member was absent with reason at three or more meetings in a row.
        case excusedAbsencesInARow = "excused-absences-in-a-row"
        /// Minutes of the year still in draft: not read back and approved, so not counted as a
        /// meeting held (the subject is the meeting).
        case unapprovedMinutes = "unapproved-minutes"
        /// The chair was marked absent from the meeting they chaired (the subject is the meeting).
        case chairAbsent = "chair-absent"
        /// The recorder was marked absent from the meeting they recorded.
        case recorderAbsent = "recorder-absent"
        /// A vote counted more voices than members entitled to vote were present.
        case votesExceedPresent = "votes-exceed-present"
        /// A second regular (or combined) meeting in one month.
        case secondRegularInMonth = "second-regular-in-month"
        /// Two minutes of one cell record one sitting (the same day, kinds that share a sitting:
        /// `Meeting.Kind.sameSittingKinds`), as an archive written before filing and importing
        /// refused it may hold; the subject is the record to discard or correct
        /// (`Finding.sameSittingTwice`).
        case sameSittingTwice = "same-sitting-twice"
    }

    /// What kind of breach.
    public var code: Code
    /// The record it concerns: a meeting, a member, or (for a missed month or quarter) the cell.
    public var subject: String
    /// A Vietnamese sentence for the reader.
    public var message: String

    /// Creates a finding.
    public init(code: Code, subject: String, message: String) {
        self.code = code
        self.subject = subject
        self.message = message
    }
}

extension Meeting {
    /// The breaches of the rules this meeting's record shows.
    ///
    /// - parameter members: the members of the meeting's cell (any date).
    public func findings(members: [Member]) -> [Finding] {
        findings(
            byID: Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            facts: MeetingFacts(self, members: members))
    }

    /// `findings(members:)` with the members by identifier (the first of any repeated one) and
    /// the meeting's facts already worked out, as a summary has them for every meeting.
    func findings(byID: [String: Member], facts: MeetingFacts) -> [Finding] {
        var findings: [Finding] = []
        if !isLongEnough {
            findings.append(
                Finding(
                    code: .shortMeeting, subject: id,
                    message:
                        "Kỳ sinh hoạt ngày \(date.vietnameseShort) chỉ kéo dài \(durationMinutes) phút (tối thiểu \(minimumMinutes) phút)."
                ))
        }
        for (role, memberID) in [("chủ trì", chairID), ("thư ký", recorderID)] {
            if let member = byID[memberID], !member.belongsToCell(on: date) {
                findings.append(
                    Finding(
                        code: .officerNotMember, subject: id,
                        message: "Người \(role) \(member.fullName) không thuộc chi bộ vào ngày \(date.vietnameseShort)."
                    ))
            }
        }
        let count = facts.count
        if !count.notListed.isEmpty {
            let names = count.notListed.map { byID[$0]?.fullName ?? $0 }.joined(separator: ", ")
            findings.append(
                Finding(
                    code: .attendanceIncomplete, subject: id,
                    message:
                        "Danh sách dự họp ngày \(date.vietnameseShort) thiếu \(count.notListed.count) đảng viên: \(names)."
                ))
        }
        for entry in attendance {
            if let member = byID[entry.memberID], !member.belongsToCell(on: date) {
                findings.append(
                    Finding(
                        code: .attendeeNotMember, subject: id,
                        message:
                            "\(member.fullName) có tên trong danh sách dự họp ngày \(date.vietnameseShort) nhưng không thuộc chi bộ ngày đó."
                    ))
            }
        }
        let base = facts.base
        for vote in votes {
            if vote.cast > base.entitled {
                findings.append(
                    Finding(
                        code: .votesExceedEntitled, subject: id,
                        message:
                            "Biểu quyết “\(vote.subject)”: \(vote.cast) phiếu, nhiều hơn \(base.entitled) đảng viên có quyền biểu quyết."
                    ))
            }
            if !base.passed(vote) {
                findings.append(
                    Finding(
                        code: .voteFailed, subject: id,
                        message:
                            "Biểu quyết “\(vote.subject)” không đạt: \(vote.votesFor)/\(base.entitled) tán thành, cần quá một nửa."
                    ))
            }
        }
        return findings
    }
}

extension Finding {
    /// The `no-conclusion` finding of minutes without a conclusion, as `check` and `summary`
    /// both report it.
    public static func noConclusion(_ meeting: Meeting) -> Finding {
        Finding(
            code: .noConclusion, subject: meeting.id,
            message: "Biên bản kỳ sinh hoạt ngày \(meeting.date.vietnameseShort) không có phần kết luận.")
    }
}
