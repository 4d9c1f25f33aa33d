import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("Re-importing a record with the same id updates it")
struct ImportUpdateTests {
    @Test func firstImportCountsWhatWasAdded() async throws {
        let archive = try Support.emptyArchive()
        let report = try await archive.importFiles([Support.path("fixtures/valid/minimal.xml")], context: .tester)
        #expect(report.added == [.organization: 1, .cell: 1, .member: 5, .meeting: 1, .document: 1])
        #expect(report.updated.isEmpty)
        #expect(
            report.summaryLine.hasPrefix(
                "Đã nhập 1 tệp: thêm 1 đảng bộ, 1 chi bộ, 5 đảng viên, 1 kỳ sinh hoạt, 1 văn bản"))
    }

    @Test func changedRecordsAreUpdatedAndNamed() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let report = try await archive.importFiles(
            [Support.path("fixtures/valid/minimal-update.xml")], context: .tester)
        #expect(report.added.isEmpty)
        #expect(report.updated == [.member: 1, .meeting: 1, .document: 1])
        #expect(Set(report.updatedIDs) == ["a-02", "a-2023-01", "a-nq-01"])
        #expect(report.summaryLine.contains("cập nhật 1 đảng viên, 1 kỳ sinh hoạt, 1 văn bản"))
        guard case .member(let member, _) = try await archive.record(id: "a-02") else {
            Issue.record("a-02 missing")
            return
        }
        #expect(member.fullName == "Nông Thị Thu Huệ")
        // One of each still, not duplicates.
        await #expect(try await archive.meetings(cellID: "cb-a", year: nil).count == 1)
        await #expect(try await archive.documents(cellID: "cb-a", year: nil).count == 1)
    }

    @Test func theSameFileTwiceChangesNothing() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let before = try await Support.export(archive)
        let report = try await archive.importFiles([Support.path("fixtures/valid/minimal.xml")], context: .tester)
        #expect(report.added.isEmpty && report.updated.isEmpty)
        #expect(report.unchanged.values.reduce(0, +) == 9)
        await #expect(try await Support.export(archive) == before)
    }

    @Test func forwardReferencesResolveWithinTheFile() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/forward-references.xml"])
        guard case .meeting(let meeting, _) = try await archive.record(id: "a-2023-02") else {
            Issue.record("a-2023-02 missing")
            return
        }
        #expect(meeting.taskReports.map(\.taskID) == ["a-nq-01-t1"])
    }

    @Test func aMemberCannotMoveToAnotherCellUnderTheSameId() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let text = try String(contentsOfFile: Support.path("fixtures/valid/minimal.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<cell id=\"cb-a\"", with: "<cell id=\"cb-b\"")
            .replacingOccurrences(of: "cell=\"cb-a\"", with: "cell=\"cb-b\"")
            .replacingOccurrences(of: "a-2023-01", with: "b-2023-01").replacingOccurrences(
                of: "a-nq-01", with: "b-nq-01")
        let problems = await Support.problems(importing: [try Support.write(Data(text.utf8))], into: archive)
        #expect(problems.contains { $0.message.contains("đã thuộc chi bộ cb-a") })
    }
}
