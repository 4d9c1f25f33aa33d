import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("Rating rubric and rate")
struct RatingTests {
    let full: [(criterion: String, points: Int)] = [
        ("time", 5), ("attendance", 5), ("preparation", 10), ("conduct", 30), ("steering", 10), ("principles", 5),
        ("results", 30), ("closing", 5),
    ]

    @Test func theStandardRubricIsTheOneInDomainMD() throws {
        let rubric = try RatingRubric.standard.validated()
        #expect(rubric.total == 100)
        #expect(rubric.criteria.map(\.points) == [5, 5, 10, 30, 10, 5, 30, 5])
        #expect(rubric.level(for: 90) == .good && rubric.level(for: 89) == .fair)
        #expect(rubric.level(for: 70) == .fair && rubric.level(for: 69) == .average)
        #expect(rubric.level(for: 50) == .average && rubric.level(for: 49) == .weak)
        #expect(try rubric.score(full) == 100)
    }

    @Test func scoringRefusesWhatARaterCouldMistype() {
        let rubric = RatingRubric.standard
        func mistake(_ points: [(criterion: String, points: Int)]) -> String {
            do {
                _ = try rubric.score(points)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(mistake(Array(full.dropLast())).contains("chưa cho điểm tiêu chí: “Kết luận và thông qua biên bản”"))
        #expect(mistake(full + [("time", 1)]).contains("hai lần"))
        #expect(mistake(full.map { $0.criterion == "results" ? ("results", 31) : $0 }).contains("từ 0 đến 30"))
        #expect(mistake(full.map { $0.criterion == "time" ? ("time", -1) : $0 }).contains("từ 0 đến 5"))
        #expect(mistake([("thoi-han", 5)] + full).contains("không có tiêu chí “thoi-han”"))
    }

    @Test func aRubricMustAddUpAndRise() {
        var rubric = RatingRubric.standard
        rubric.criteria[0].points = 10
        #expect(throws: RatingRubric.Mistake.self) { try rubric.validated() }
        rubric = .standard
        rubric.thresholds = .init(good: 70, fair: 70, average: 50)
        #expect(throws: RatingRubric.Mistake.self) { try rubric.validated() }
        rubric = .standard
        rubric.criteria[1].id = "Tỷ lệ"
        #expect(throws: RatingRubric.Mistake.self) { try rubric.validated() }
        rubric = .standard
        rubric.criteria[1].id = rubric.criteria[0].id
        #expect(throws: RatingRubric.Mistake.self) { try rubric.validated() }
    }

    @Test func rateRecordsScoreAndLevelAndKeepsTheNote() async throws {
        let archive = try await Support.archive(with: [SummaryTests.fixture])
        let points = full.map { $0.criterion == "results" ? ("results", 12) : $0 }  // 82: Khá
        let rating = try await archive.rate(meetingID: "dt-2024-05", points: points, context: .tester)
        #expect(rating.score == 82 && rating.level == .fair)
        #expect(
            try SQLiteShell.query(archive, "SELECT rating_level, rating_score FROM meeting WHERE id = 'dt-2024-05'")
                == "fair|82")
        // The mismatch 85/Tốt of the fixture is gone.
        await #expect(!(try await archive.check().findings.contains { $0.code == .ratingMismatch }))
        let noted = try await archive.rate(
            meetingID: "dt-2024-12", points: full, note: "  Chuẩn bị chu đáo, nhiều ý kiến  ", context: .tester)
        #expect(noted.level == .good && noted.note == "Chuẩn bị chu đáo, nhiều ý kiến")
        let hits = try await archive.search("chuan bi chu dao")
        #expect(hits.map(\.id) == ["dt-2024-12"])  // the index follows in the same transaction
    }

    @Test func rateChangesNothingWhenRefused() async throws {
        let archive = try await Support.archive(with: [SummaryTests.fixture])
        let before = try await Support.export(archive)
        await #expect(throws: ArchiveError.notFound(id: "dt-2030-01")) {
            try await archive.rate(meetingID: "dt-2030-01", points: full, context: .tester)
        }
        await #expect(throws: RatingRubric.Mistake.self) {
            try await archive.rate(meetingID: "dt-2024-05", points: Array(full.prefix(3)), context: .tester)
        }
        await #expect(throws: RatingRubric.Mistake.self) {
            try await archive.rate(meetingID: "dt-2024-05", points: full, note: "xấu\u{7}", context: .tester)
        }
        await #expect(try await Support.export(archive) == before)
    }

    @Test func aCommitteeRubricIsStoredAndJudgesRecordedScores() async throws {
        let archive = try await Support.archive(with: [SummaryTests.fixture])
        await #expect(try await archive.rubric() == .standard)
        var rubric = RatingRubric.standard
        rubric.thresholds = .init(good: 85, fair: 65, average: 50)
        rubric.criteria[0].name = "Thời gian sinh hoạt".decomposedStringWithCanonicalMapping
        let stored = try await archive.setRubric(rubric)
        #expect(stored.criteria[0].name == "Thời gian sinh hoạt")  // NFC
        let reopened = try Archive(opening: archive.directory)
        await #expect(try await reopened.rubric() == stored)
        // Under this rubric 85 is Tốt: the fixture's mismatch is gone, and 90-point Tốt stays Tốt.
        await #expect(!(try await reopened.check().findings.contains { $0.code == .ratingMismatch }))
        var broken = rubric
        broken.criteria.removeLast()
        await #expect(throws: RatingRubric.Mistake.self) { try await archive.setRubric(broken) }
        await #expect(try await archive.rubric() == stored)
    }
}
