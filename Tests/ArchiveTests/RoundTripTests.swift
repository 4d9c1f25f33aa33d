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
    func roundTrip(_ fixture: String) throws {
        let first = try Support.archive(with: [fixture])
        let exported = try Support.export(first)
        let second = try Support.emptyArchive()
        _ = try second.importFiles([try Support.write(exported)])
        let again = try Support.export(second)
        #expect(exported == again, "export → import → export changed bytes for \(fixture)")
        // Importing one's own export again changes nothing.
        let report = try second.importFiles([try Support.write(exported)])
        #expect(report.added.isEmpty && report.updated.isEmpty)
    }

    @Test func textIsKeptAsWrittenTrimmedAndNFC() throws {
        let archive = try Support.archive(with: ["fixtures/valid/edge-unicode.xml"])
        guard case .meeting(let meeting, _) = try archive.record(id: "u-2023-06") else {
            Issue.record("u-2023-06 is not a meeting")
            return
        }
        #expect(meeting.proceedings.contains("Thu & chi: số dư < 5 triệu đồng, khoản chi > khoản thu."))
        #expect(meeting.proceedings.contains("Trích: Điều 5 & Điều 6 <không phải thẻ> “giữ nguyên” — hết trích."))
        #expect(meeting.proceedings.contains("Ba dấu cách ở đầu, một tab ở cuối, hai  dấu cách  ở giữa được giữ."))
        #expect(meeting.proceedings.contains("Tham chiếu ký tự: Đảng viên đã đóng đảng phí."))
        let export = String(decoding: try Support.export(archive), as: UTF8.self)
        #expect(export == export.precomposedStringWithCanonicalMapping)
    }

    @Test func nfdInputIsStoredAsNFC() throws {
        let archive = try Support.archive(with: ["fixtures/valid/minimal.xml"])
        let before = try Support.export(archive)
        let report = try archive.importFiles([Support.path("fixtures/valid/nfd.xml")])
        #expect(report.updated.isEmpty, "the NFD copy of minimal.xml must change nothing")
        #expect(try Support.export(archive) == before)
        let fresh = try Support.archive(with: ["fixtures/valid/nfd.xml"])
        #expect(try Support.export(fresh) == before)
    }

    @Test func attachmentsAreCheckedAndStoredOnce() throws {
        let archive = try Support.archive(with: ["fixtures/valid/attachment.xml"])
        guard case .document(let document, _) = try archive.record(id: "a-nq-01"),
            case .meeting(let meeting, _) = try archive.record(id: "a-2023-01")
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
