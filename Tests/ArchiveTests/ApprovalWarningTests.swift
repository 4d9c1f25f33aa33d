import ArchiveCore
import Testing

/// The warnings before approval (issue 11, item 10): each kind fires on the minutes that
/// contradict themselves, and stays silent on minutes that do not.
@Suite("Warnings before approval")
struct ApprovalWarningTests {
    static let official = (0..<4).map {
        Member(id: "o\($0)", fullName: "Đảng viên \($0)", admitted: .d("1990-01-01"), confirmed: .d("1991-01-01"))
    }
    static let probationary = Member(
        id: "p", fullName: "Dự Bị", admitted: .d("2024-06-01"), confirmed: .d("2025-06-01"))
    static let exempt = Member(
        id: "e", fullName: "Miễn Sinh Hoạt", admitted: .d("1960-01-01"), confirmed: .d("1961-01-01"),
        exemptions: [Exemption(from: .d("2020-01-01"), reason: "Tuổi cao")])
    static let cell = Cell(
        id: "cb", organizationID: "dbx", name: "Chi bộ thử", terms: [Term(id: "t", start: .d("2020-01-01"))],
        members: official + [probationary, exempt])

    /// Minutes with no warning: 120 minutes, officers present, a conclusion, 4 votes of 4.
    static func clean() -> Meeting {
        Meeting(
            id: "m", cellID: "cb", kind: .regular, date: .d("2024-12-05"), start: TimeOfDay("19:00")!,
            end: TimeOfDay("21:00")!, place: "Nhà văn hóa", chairID: "o0", recorderID: "o1",
            attendance: official.map { Attendance(memberID: $0.id, presence: .present) }
                + [Attendance(memberID: "p", presence: .present)],
            agenda: ["Việc tháng"], proceedings: ["Bàn bạc."], conclusion: ["Nhất trí."],
            votes: [Vote(subject: "Nghị quyết", votesFor: 4, votesAgainst: 0, abstentions: 0)], status: .draft)
    }

    func codes(_ meeting: Meeting, others: [ApprovalWarnings.OtherMeeting] = []) -> [String] {
        ApprovalWarnings.check(meeting, cell: Self.cell, otherMeetings: others).map(\.code)
    }

    @Test func cleanMinutesRaiseNothing() {
        #expect(codes(Self.clean()).isEmpty)
    }

    @Test func votesAboveTheEntitledPresent() {
        var meeting = Self.clean()
        // The probationary member is present but not entitled: 5 votes for 4 entitled present.
        meeting.votes = [Vote(subject: "Nghị quyết", votesFor: 4, votesAgainst: 0, abstentions: 1)]
        let warnings = ApprovalWarnings.check(meeting, cell: Self.cell, otherMeetings: [])
        #expect(warnings == [.votesExceedPresent(subject: "Nghị quyết", cast: 5, entitledPresent: 4)])
        #expect(warnings[0].vietnameseDescription.contains("5 phiếu, nhiều hơn 4 đảng viên"))
        // An exempt member who attended counts: then 5 is allowed.
        meeting.attendance.append(Attendance(memberID: "e", presence: .present))
        #expect(codes(meeting).isEmpty)
        // An absent official member does not count.
        meeting.attendance = meeting.attendance.map {
            $0.memberID == "o3" ? Attendance(memberID: "o3", presence: .excused, reason: "ốm") : $0
        }
        #expect(codes(meeting) == ["votes-exceed-present"])
    }

    @Test func chairOrRecorderAbsent() {
        var meeting = Self.clean()
        meeting.attendance[0] = Attendance(memberID: "o0", presence: .excused, reason: "đi viện")
        meeting.votes = []
        #expect(codes(meeting) == ["chair-absent"])
        meeting.attendance[1] = Attendance(memberID: "o1", presence: .unexcused)
        let warnings = ApprovalWarnings.check(meeting, cell: Self.cell, otherMeetings: [])
        #expect(warnings.map(\.code) == ["chair-absent", "recorder-absent"])
        #expect(warnings[0].vietnameseDescription == "người chủ trì Đảng viên 0 lại được ghi là vắng mặt")
    }

    @Test func emptyConclusion() {
        var meeting = Self.clean()
        meeting.conclusion = []
        #expect(codes(meeting) == ["no-conclusion"])
        meeting.conclusion = ["  "]
        #expect(codes(meeting) == ["no-conclusion"])
    }

    @Test func shorterThanTheRule() {
        var meeting = Self.clean()
        meeting.end = TimeOfDay("20:00")!
        #expect(
            ApprovalWarnings.check(meeting, cell: Self.cell, otherMeetings: []) == [.tooShort(minutes: 60, minimum: 90)]
        )
        meeting.end = TimeOfDay("20:30")!
        #expect(codes(meeting).isEmpty)
        meeting.kind = .combined
        #expect(
            ApprovalWarnings.check(meeting, cell: Self.cell, otherMeetings: []) == [
                .tooShort(minutes: 90, minimum: 120)
            ])
        // Across midnight: 22:30–00:15 is 105 minutes, long enough for a regular meeting.
        meeting.kind = .regular
        meeting.start = TimeOfDay("22:30")!
        meeting.end = TimeOfDay("00:15")!
        #expect(codes(meeting).isEmpty)
    }

    @Test func peopleAreListedByGivenName() {
        let names = ["Hà Văn Lợi", "Đinh Thị Hạnh", "Chu Văn Bình", "Vi Văn Dũng", "Ân Văn Bình"]
        #expect(
            names.sorted(by: VietnameseCollation.precedesByGivenName)
                == ["Ân Văn Bình", "Chu Văn Bình", "Vi Văn Dũng", "Đinh Thị Hạnh", "Hà Văn Lợi"])
    }

    @Test func secondRegularMeetingInAMonth() {
        let meeting = Self.clean()
        let sameMonth = ApprovalWarnings.OtherMeeting(id: "m-old", kind: .combined, date: .d("2024-12-20"))
        #expect(
            ApprovalWarnings.check(meeting, cell: Self.cell, otherMeetings: [sameMonth])
                == [.secondRegularInMonth(otherID: "m-old", otherDate: .d("2024-12-20"))])
        // A thematic or extraordinary meeting, another month, or the meeting itself: nothing.
        #expect(codes(meeting, others: [.init(id: "x", kind: .thematic, date: .d("2024-12-20"))]).isEmpty)
        #expect(codes(meeting, others: [.init(id: "x", kind: .extraordinary, date: .d("2024-12-20"))]).isEmpty)
        #expect(codes(meeting, others: [.init(id: "x", kind: .regular, date: .d("2024-11-20"))]).isEmpty)
        #expect(codes(meeting, others: [.init(id: "x", kind: .regular, date: .d("2023-12-20"))]).isEmpty)
        #expect(codes(meeting, others: [.init(id: "m", kind: .regular, date: .d("2024-12-05"))]).isEmpty)
        var thematic = meeting
        thematic.kind = .thematic
        #expect(codes(thematic, others: [sameMonth]).isEmpty)
    }
}

/// The archive refuses to approve minutes with warnings unless they are confirmed, and writes
/// nothing when it refuses.
@Suite("Approval with warnings, in the archive")
struct ApprovalWithWarningsTests {
    @Test func unconfirmedWarningsLeaveTheDraftAsItWas() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let form = try String(
            contentsOfFile: Support.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt"), encoding: .utf8)
        let clerk = AuditContext(actor: "Lý Thị Thu")
        let filed = try await archive.file(
            form: form, named: "bien-ban.txt", today: .d("2024-12-31"), context: clerk)
        // np-2024-12 (combined, 15/12) is already the month's regular meeting.
        let warnings = try await archive.approvalWarnings(meetingID: filed.id)
        #expect(warnings.map(\.code) == ["second-regular-in-month"])
        let logged = try await archive.auditLog(record: filed.id).count
        await #expect(throws: ArchiveError.unconfirmedWarnings(meetingID: filed.id, warnings: warnings)) {
            try await archive.approve(meetingID: filed.id, context: clerk)
        }
        guard case .meeting(let draft, _) = try await archive.record(id: filed.id) else {
            Issue.record("no meeting")
            return
        }
        #expect(draft.status == .draft)
        #expect(try await archive.auditLog(record: filed.id).count == logged)
        let approved = try await archive.approve(meetingID: filed.id, confirmingWarnings: true, context: clerk)
        #expect(approved.status == .approved)
    }
}
