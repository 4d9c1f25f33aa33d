import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("Export, import, export: byte-identical")
struct RoundTripTests {
    static let validFixtures = [
        "fixtures/valid/minimal.xml", "fixtures/valid/edge-unicode.xml", "fixtures/valid/attachment.xml",
        "fixtures/valid/draft-no-number.xml", "fixtures/valid/forward-references.xml",
        "archive/samples/dbx-hop-thanh.xml",
    ]

    @Test(arguments: validFixtures)
    func roundTrip(_ fixture: String) async throws {
        let first = try await Support.archive(with: [fixture])
        let exported = try await Support.export(first)
        let second = try Support.emptyArchive()
        _ = try await second.importFiles([try Support.write(exported)], context: .tester)
        let again = try await Support.export(second)
        #expect(exported == again, "export → import → export changed bytes for \(fixture)")
        // Importing one's own export again changes nothing.
        let report = try await second.importFiles([try Support.write(exported)], context: .tester)
        #expect(report.added.isEmpty && report.updated.isEmpty)
    }

    @Test func textIsKeptAsWrittenTrimmedAndNFC() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/edge-unicode.xml"])
        guard case .meeting(let meeting, _) = try await archive.record(id: "u-2023-06") else {
            Issue.record("u-2023-06 is not a meeting")
            return
        }
        #expect(meeting.proceedings.contains("Thu & chi: số dư < 5 triệu đồng, khoản chi > khoản thu."))
        #expect(meeting.proceedings.contains("Trích: Điều 5 & Điều 6 <không phải thẻ> “giữ nguyên” — hết trích."))
        #expect(meeting.proceedings.contains("Ba dấu cách ở đầu, một tab ở cuối, hai  dấu cách  ở giữa được giữ."))
        #expect(meeting.proceedings.contains("Tham chiếu ký tự: Đảng viên đã đóng đảng phí."))
        let export = await String(decoding: try Support.export(archive), as: UTF8.self)
        #expect(export == export.precomposedStringWithCanonicalMapping)
    }

    @Test func nfdInputIsStoredAsNFC() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let before = try await Support.export(archive)
        let report = try await archive.importFiles([Support.path("fixtures/valid/nfd.xml")], context: .tester)
        #expect(report.updated.isEmpty, "the NFD copy of minimal.xml must change nothing")
        await #expect(try await Support.export(archive) == before)
        let fresh = try await Support.archive(with: ["fixtures/valid/nfd.xml"])
        await #expect(try await Support.export(fresh) == before)
    }

    @Test func attachmentsAreCheckedAndStoredOnce() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/attachment.xml"])
        guard case .document(let document, _) = try await archive.record(id: "a-nq-01"),
            case .meeting(let meeting, _) = try await archive.record(id: "a-2023-01")
        else {
            Issue.record("records missing")
            return
        }
        #expect(document.attachments.first?.content == meeting.attachments.first?.content)
        #expect(meeting.attachments.first?.content.count == 155)
        let rows = try SQLiteShell.query(archive, "SELECT count(*) FROM content")
        #expect(rows == "1")
    }
}
