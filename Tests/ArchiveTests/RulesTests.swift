import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@testable import ArchiveCore
@testable import ArchivePages
@testable import ArchiveSQLite

@Suite("Rules of domain.md")
struct RulesTests {
    let secretary = Member(
        id: "m1", fullName: "Hoàng Văn Sáng", admitted: .d("1986-05-19"), confirmed: .d("1987-05-19"))
    let probationary = Member(
        id: "m2", fullName: "Vi Thị Hằng", admitted: .d("2023-03-01"), confirmed: .d("2024-03-01"))
    let exempt = Member(
        id: "m3", fullName: "Lý Văn Quyết", admitted: .d("1965-07-15"), confirmed: .d("1966-07-15"),
        exemptions: [Exemption(from: .d("2021-01-01"), reason: "Tuổi cao, sức yếu")])
    let newcomer = Member(
        id: "m4", fullName: "Lương Văn Đức", admitted: .d("2005-03-26"), confirmed: .d("2006-03-26"),
        joinedCell: .d("2023-06-01"))
    let leaver = Member(
        id: "m5", fullName: "Nông Thị Huệ", admitted: .d("1998-09-02"), confirmed: .d("1999-09-02"),
        leftCell: .d("2023-08-01"), leaveReason: .transferred)
    let visitor = Member(
        id: "m6", fullName: "Bùi Minh Tuấn", admitted: .d("2010-01-01"), confirmed: .d("2011-01-01"), temporary: true)

    var members: [Member] { [secretary, probationary, exempt, newcomer, leaver, visitor] }

    @Test func statusOnADate() {
        #expect(secretary.status(on: .d("2023-01-05")) == .official)
        #expect(probationary.status(on: .d("2023-02-28")) == .notMember)
        #expect(probationary.status(on: .d("2023-03-01")) == .probationary)
        #expect(probationary.status(on: .d("2024-02-29")) == .probationary)
        #expect(probationary.status(on: .d("2024-03-01")) == .official)
        #expect(exempt.status(on: .d("2023-01-05")) == .exempt)
        #expect(exempt.status(on: .d("2020-12-31")) == .official)
        #expect(newcomer.status(on: .d("2023-05-31")) == .notMember)
        #expect(newcomer.status(on: .d("2023-06-01")) == .official)
        #expect(leaver.status(on: .d("2023-07-31")) == .official)
        #expect(leaver.status(on: .d("2023-08-01")) == .notMember)
    }

    @Test func exemptionWithAnEnd() {
        let member = Member(
            id: "x", fullName: "X", admitted: .d("2000-01-01"), confirmed: .d("2001-01-01"),
            exemptions: [Exemption(from: .d("2022-01-01"), to: .d("2022-12-31"), reason: "Điều trị dài ngày")])
        #expect(member.status(on: .d("2022-12-31")) == .exempt)
        #expect(member.status(on: .d("2023-01-01")) == .official)
    }

    func meeting(
        on date: String, attendance: [Attendance], votes: [Vote] = [], kind: Meeting.Kind = .regular,
        start: String = "19:30", end: String = "21:10"
    ) -> Meeting {
        Meeting(
            id: "mt", cellID: "c", kind: kind, date: .d(date), start: TimeOfDay(start)!, end: TimeOfDay(end)!,
            place: "Nhà văn hóa", chairID: "m1", recorderID: "m1", attendance: attendance, agenda: ["Nội dung"],
            proceedings: ["Diễn biến"], votes: votes)
    }

    @Test func votingBaseCountsOfficialMembersOnly() {
        // 2023-07-01: m1 official; m2 probationary (no vote); m3 exempt and absent (not counted);
        // m4 official (joined in June); m5 official until August; m6 on temporary attachment.
        let absentExempt = meeting(
            on: "2023-07-01",
            attendance: [
                Attendance(memberID: "m1", presence: .present), Attendance(memberID: "m2", presence: .present),
                Attendance(memberID: "m4", presence: .present), Attendance(memberID: "m5", presence: .excused),
                Attendance(memberID: "m6", presence: .present),
            ])
        #expect(absentExempt.votingBase(members: members).entitledMemberIDs == ["m1", "m4", "m5"])
        // An exempt member who attends counts.
        var attended = absentExempt
        attended.attendance.append(Attendance(memberID: "m3", presence: .present))
        #expect(attended.votingBase(members: members).entitledMemberIDs == ["m1", "m3", "m4", "m5"])
        // After m5 leaves in August, the base shrinks.
        let september = meeting(on: "2023-09-01", attendance: [])
        #expect(september.votingBase(members: members).entitled == 2)
    }

    @Test func voteNeedsMoreThanHalfOfTheEntitled() {
        let base = VotingBase(entitledMemberIDs: ["a", "b", "c", "d"])
        #expect(!base.passed(Vote(subject: "s", votesFor: 2, votesAgainst: 0, abstentions: 2)))
        #expect(base.passed(Vote(subject: "s", votesFor: 3, votesAgainst: 1, abstentions: 0)))
        let odd = VotingBase(entitledMemberIDs: ["a", "b", "c"])
        #expect(odd.passed(Vote(subject: "s", votesFor: 2, votesAgainst: 1, abstentions: 0)))
        #expect(!odd.passed(Vote(subject: "s", votesFor: 1, votesAgainst: 0, abstentions: 0)))
    }

    @Test func attendanceRateLeavesExemptMembersOut() {
        let record = meeting(
            on: "2023-07-01",
            attendance: [
                Attendance(memberID: "m1", presence: .present), Attendance(memberID: "m2", presence: .present),
                Attendance(memberID: "m3", presence: .present), Attendance(memberID: "m4", presence: .unexcused),
                Attendance(memberID: "m5", presence: .excused, reason: "Ốm"),
            ])
        let count = record.attendanceCount(members: members)
        // Expected: m1, m2, m4, m5, m6 (m3 exempt). m6 not listed.
        #expect(count.expected == 5)
        #expect(count.present == 2)
        #expect(count.excused == 1)
        #expect(count.unexcused == 1)
        #expect(count.notListed == ["m6"])
        #expect(count.exemptPresent == 1)
        #expect(abs(count.rate - 0.4) < 1e-9)
    }

    @Test func symbols() {
        #expect(Document.symbol(number: 5, kind: .resolution, issuerCode: "CB") == "05-NQ/CB")
        #expect(Document.symbol(number: 12, kind: .report, issuerCode: "CB") == "12-BC/CB")
        #expect(Document.symbol(number: 105, kind: .decision, issuerCode: "ĐU") == "105-QĐ/ĐU")
        let draft = Document(
            id: "d", cellID: "c", kind: .resolution, date: .d("2023-01-06"), status: .draft, place: "P", title: "T",
            body: ["B"])
        #expect(draft.symbol(issuerCode: "CB") == nil)
        #expect(!draft.holdsNumber)
    }

    @Test func meetingLength() {
        #expect(meeting(on: "2023-01-05", attendance: []).durationMinutes == 100)
        #expect(meeting(on: "2023-01-05", attendance: []).isLongEnough)
        #expect(!meeting(on: "2023-01-05", attendance: [], start: "19:30", end: "20:50").isLongEnough)
        #expect(!meeting(on: "2023-01-05", attendance: [], kind: .combined, start: "19:30", end: "21:20").isLongEnough)
        #expect(meeting(on: "2023-01-05", attendance: [], kind: .combined, start: "19:30", end: "21:30").isLongEnough)
        #expect(meeting(on: "2023-01-05", attendance: [], start: "23:00", end: "00:40").durationMinutes == 100)
    }

    @Test func findingsForHistoricalBreaches() {
        let record = meeting(
            on: "2023-07-01",
            attendance: [Attendance(memberID: "m1", presence: .present)],
            votes: [Vote(subject: "Thông qua nghị quyết", votesFor: 1, votesAgainst: 0, abstentions: 0)],
            start: "19:30", end: "20:30")
        let codes = Set(record.findings(members: members).map(\.code))
        #expect(codes == [.shortMeeting, .attendanceIncomplete, .voteFailed])
    }

    @Test func datesAndTimesParseStrictly() {
        #expect(LocalDate("2023-02-30") == nil)
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2023-2-3") == nil)
        #expect(TimeOfDay("25:10") == nil)
        #expect(TimeOfDay("19:30")?.description == "19:30")
    }
}

@Suite("Text normalisation")
struct TextNormalizationTests {
    @Test func fastPathAgreesWithFoundation() {
        let samples = [
            "Đảng viên Nguyễn Thị Hằng đóng đảng phí quý III", "ư ơ đ Ư Ơ Đ “trích” — hết 🌾",
            "Nghi\u{0323} quye\u{0302}\u{0301}t", "Ångström \u{212B} \u{2000} ｶ", "한국어 \u{1100}\u{1161}",
        ]
        for sample in samples {
            #expect(TextNormalization.nfc(sample) == sample.precomposedStringWithCanonicalMapping)
            #expect(
                TextNormalization.nfc(sample).unicodeScalars.elementsEqual(
                    sample.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    @Test func trimsWhiteSpaceAtBothEndsOnly() {
        #expect(TextNormalization.trimmed("\n   Ba  dấu\tcách \t\n") == "Ba  dấu\tcách")
        #expect(TextNormalization.trimmed("   ") == "")
        #expect(TextNormalization.trimmed("đ") == "đ")
    }
}
