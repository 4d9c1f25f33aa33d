import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("check: integrity and rule findings")
struct CheckTests {
    @Test func aSoundArchivePasses() async throws {
        let report = try await Support.archive(with: ["fixtures/valid/attachment.xml"]).check()
        #expect(report.isSound, "\(report.problems)")
        #expect(report.checked[.meeting] == 1)
    }

    @Test func aDamagedAttachmentIsFound() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/attachment.xml"])
        try SQLiteShell.query(archive, "UPDATE content SET bytes = X'00'")
        let report = try await archive.check()
        #expect(!report.isSound)
        #expect(report.problems.contains { $0.contains("sha256") })
    }

    @Test func digestsAreLowercaseHexSHA256() {
        // FIPS 180-2's test vectors: the empty input and "abc".
        #expect(
            Attachment.digest(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            Attachment.digest(of: Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func aBrokenReferenceIsFound() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        try SQLiteShell.query(archive, "PRAGMA foreign_keys = OFF; DELETE FROM member WHERE id = 'a-03';")
        let report = try await archive.check()
        #expect(report.problems.contains { $0.contains("tham chiếu hỏng") })
    }

    @Test func aDuplicateIssuedNumberIsFound() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/forward-references.xml"])
        try SQLiteShell.query(
            archive,
            "DROP INDEX document_issued_number; UPDATE document SET number = 1, status = 'issued' WHERE id = 'a-nq-02';"
        )
        let report = try await archive.check()
        #expect(report.problems.contains { $0.contains("bị trùng") })
    }

    @Test func historicalBreachesAreFindingsNotDamage() async throws {
        let archive = try Support.emptyArchive()
        let text = try String(contentsOfFile: Support.path("fixtures/valid/minimal.xml"), encoding: .utf8)
            .replacingOccurrences(of: "end=\"21:10\"", with: "end=\"20:30\"")
            .replacingOccurrences(of: "<present member=\"a-03\"/>", with: "")
        let report = try await archive.importFiles([try Support.write(Data(text.utf8))], context: .tester)
        #expect(report.added[.meeting] == 1, "a short meeting is stored as it was, not refused")
        let check = try await archive.check()
        #expect(check.isSound)
        // With a-03 left out of the list, the 3 votes outnumber the 2 entitled members present.
        #expect(Set(check.findings.map(\.code)) == [.shortMeeting, .attendanceIncomplete, .votesExceedPresent])
        #expect(check.findings.allSatisfy { $0.subject == "a-2023-01" })
    }
}
