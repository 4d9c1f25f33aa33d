import ArchiveCore
import ArchiveSQLite
import Foundation
import Testing

/// The cell's self-assessment and the committee's rating of a meeting are two facts
/// (`domain.md`, "Who rates"): both kept, both shown, neither overwriting the other.
@Suite("Two ratings, the cell's and the committee's")
struct TwoRatingsTests {
    /// 82 points: Khá under the standard rubric.
    let fair: [(criterion: String, points: Int)] = [
        ("time", 5), ("attendance", 5), ("preparation", 10), ("conduct", 30), ("steering", 10), ("principles", 5),
        ("results", 12), ("closing", 5),
    ]
    let afterTheYear = LocalDate.d("2025-03-01")

    @Test func theCommitteesRatingIsKeptBesideTheCells() async throws {
        let archive = try await Support.archive(with: [SummaryTests.fixture])
        guard case .meeting(let before, _) = try await archive.record(id: "dt-2024-01") else {
            Issue.record("dt-2024-01 is minutes")
            return
        }
        let committee = try await archive.rate(
            meetingID: "dt-2024-01", points: fair, note: "Cần chuẩn bị kỹ hơn", by: .committee, context: .tester)
        #expect(committee.level == .fair && committee.score == 82)
        guard case .meeting(let after, _) = try await archive.record(id: "dt-2024-01") else { return }
        #expect(after.rating == before.rating && after.rating?.level == .good)
        #expect(after.committeeRating == committee)
        #expect(after.rating(counted: .committeeFirst) == committee && after.rating(counted: .cell) == before.rating)
        // The cell rating itself again changes only its own.
        try await archive.rate(meetingID: "dt-2024-01", points: fair, context: .tester)
        guard case .meeting(let again, _) = try await archive.record(id: "dt-2024-01") else { return }
        #expect(again.committeeRating == committee && again.rating?.score == 82)
        // The committee's note is found by search, as the cell's is.
        #expect(try await archive.search("chuan bi ky hon").map(\.id) == ["dt-2024-01"])
        let overview = try #require(try await archive.meetings(cellID: "cb-dong-tam", year: 2024).first)
        #expect(overview.committeeRating == .fair && overview.committeeScore == 82 && overview.status == .approved)
    }

    @Test func summariesCountTheCommitteesRatingFirstUnlessAskedForTheCells() async throws {
        let archive = try await Support.archive(with: [SummaryTests.fixture])
        try await archive.approve(meetingID: "dt-2024-12", context: .tester)
        let cellOnly = try await archive.summary(
            year: 2024, cellID: "cb-dong-tam", today: afterTheYear, ratingBasis: .cell)
        try await archive.rate(meetingID: "dt-2024-01", points: fair, by: .committee, context: .tester)
        let byDefault = try await archive.summary(year: 2024, cellID: "cb-dong-tam", today: afterTheYear)
        #expect(byDefault.ratingBasis == .committeeFirst)
        let counted = try #require(byDefault.cells.first).ratings
        let own = try #require(cellOnly.cells.first).ratings
        #expect(counted.good == own.good - 1 && counted.fair == own.fair + 1)
        let stillOwn = try await archive.summary(
            year: 2024, cellID: "cb-dong-tam", today: afterTheYear, ratingBasis: .cell)
        #expect(try #require(stillOwn.cells.first).ratings == own && stillOwn.ratingBasis == .cell)
        // The board shows the level the summary counts.
        let board = try await archive.board(year: 2024, organizationID: "dbx-minh-tien", today: afterTheYear)
        let dongTam = try #require(board.rows.first { $0.cell == "cb-dong-tam" })
        #expect(dongTam.months[0].level == .fair)
    }

    @Test func theCommitteeRatesOnlyApprovedMinutes() async throws {
        let archive = try await Support.archive(with: [SummaryTests.fixture])
        let before = try await Support.export(archive)
        await #expect(throws: ArchiveError.lifecycle(.committeeRatingADraft(meetingID: "dt-2024-12"))) {
            try await archive.rate(meetingID: "dt-2024-12", points: fair, by: .committee, context: .tester)
        }
        #expect(try await Support.export(archive) == before)
        let sentence = ArchiveError.lifecycle(.committeeRatingADraft(meetingID: "dt-2024-12")).vietnameseDescription
        #expect(sentence.contains("chưa được thông qua") && sentence.contains("dt-2024-12"))
    }

    @Test func importingACellsFileNeverChangesTheCommitteesRating() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let committee = try await archive.rate(meetingID: "a-2023-01", points: fair, by: .committee, context: .tester)
        // The cell's own export, before the committee rated, imported again (an update of the
        // cell's rating included): the committee's rating stays.
        _ = try await archive.importFiles([Support.path("fixtures/valid/minimal-update.xml")], context: .tester)
        guard case .meeting(let meeting, _) = try await archive.record(id: "a-2023-01") else { return }
        #expect(meeting.committeeRating == committee)
        #expect(meeting.rating?.score == 95)  // the cell's rating did change, as the file says
        // A file carrying another committee rating does not change it either.
        let export = String(decoding: try await Support.export(archive), as: UTF8.self)
        #expect(export.contains(#"<committeeRating level="fair" score="82"/>"#))
        let forged = export.replacingOccurrences(
            of: #"<committeeRating level="fair" score="82"/>"#, with: #"<committeeRating level="good" score="99"/>"#)
        _ = try await archive.importFiles([try Support.write(Data(forged.utf8))], context: .tester)
        guard case .meeting(let still, _) = try await archive.record(id: "a-2023-01") else { return }
        #expect(still.committeeRating == committee)
    }

    @Test func aBackupCarriesBothRatingsAndOldFilesImportAsBefore() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        try await archive.rate(
            meetingID: "a-2023-01", points: fair, note: "Đảng ủy nhận xét", by: .committee, context: .tester)
        let backup = try await Support.export(archive)
        let checked = try Support.xmllint(backup)
        #expect(checked.valid, "\(checked.message)")
        let restored = try Support.emptyArchive()
        _ = try await restored.importFiles([try Support.write(backup)], context: .tester)
        #expect(try await Support.export(restored) == backup)
        guard case .meeting(let meeting, _) = try await restored.record(id: "a-2023-01") else { return }
        #expect(meeting.committeeRating?.note == "Đảng ủy nhận xét" && meeting.rating?.score == 92)
        // A file of before this addition: its one rating is the cell's, and no committee rating.
        let old = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        guard case .meeting(let plain, _) = try await old.record(id: "a-2023-01") else { return }
        #expect(plain.rating?.score == 92 && plain.committeeRating == nil)
    }

    @Test func criteriaMayBeNamedInVietnamese() throws {
        let rubric = RatingRubric.standard
        #expect(try rubric.criterion(written: "results").id == "results")
        #expect(try rubric.criterion(written: "Kết quả thực hiện nghị quyết kỳ trước").id == "results")
        #expect(try rubric.criterion(written: "ket-qua").id == "results")
        #expect(try rubric.criterion(written: "THỜI GIAN").id == "time")
        #expect(try rubric.criterion(written: "tỷ_lệ").id == "attendance")
        #expect(try rubric.criterion(written: "thực hiện").id == "principles")
        #expect(throws: RatingRubric.Mistake.self) { try rubric.criterion(written: "t") }
        #expect(throws: RatingRubric.Mistake.self) { try rubric.criterion(written: "không có") }
        let ambiguous: String
        do {
            ambiguous = try rubric.criterion(written: "t").id
        } catch {
            ambiguous = "\(error)"
        }
        #expect(ambiguous.contains("nhiều tiêu chí") && ambiguous.contains("time (Thời gian sinh hoạt)"))
        let named = [
            ("thời gian", 5), ("tỷ lệ", 5), ("chuẩn bị", 10), ("tiến hành", 30), ("vai trò", 10), ("thực hiện", 5),
            ("kết quả", 12), ("kết luận", 5),
        ]
        #expect(try rubric.score(named) == 82)
    }
}

@Suite("The audit log's times")
struct AuditTimeTests {
    @Test func aStoredUTCTimeIsWrittenInTheReadersZone() {
        let entry = AuditEntry(
            sequence: 1, time: "2026-11-21T16:30:00Z", actor: "kiểm thử", action: .rate, kind: "meeting", record: "x",
            version: nil, sha256: nil, chain: "")
        #expect(entry.localTime(in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!) == "23:30 ngày 21/11/2026")
        #expect(entry.localTime(in: TimeZone(identifier: "UTC")!) == "16:30 ngày 21/11/2026")
        let odd = AuditEntry(
            sequence: 2, time: "hôm qua", actor: "a", action: .rate, kind: "meeting", record: "x", version: nil,
            sha256: nil, chain: "")
        #expect(odd.localTime() == "hôm qua")
    }
}
