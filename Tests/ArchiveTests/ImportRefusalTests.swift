import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import LibXML
import Testing

/// A broken or hostile file, where its problem must be reported, and words the report must hold.
struct Refusal: Sendable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int?
    var says: String
    var description: String { file }
}

@Suite("All or nothing: every broken or hostile file is refused, and the archive is unchanged")
struct ImportRefusalTests {
    static let refusals: [Refusal] = [
        Refusal(file: "invalid/malformed.xml", line: 56, column: 19, says: "XML sai cú pháp"),
        Refusal(file: "invalid/wrong-namespace.xml", line: 2, column: 1, says: "urn:sochibo:archive:2"),
        Refusal(file: "invalid/unknown-reference.xml", line: 42, column: 12, says: "đảng viên a-99 không có"),
        Refusal(file: "invalid/unknown-cell.xml", line: 40, column: 27, says: "chi bộ cb-zz không có"),
        Refusal(file: "invalid/symbol-mismatch.xml", line: 63, column: 59, says: "ký hiệu 06-NQ/CB không khớp"),
        Refusal(
            file: "invalid/duplicate-issued-number.xml", line: 75, column: nil, says: "đã được dùng cho văn bản a-nq-01"
        ),
        Refusal(file: "invalid/bad-hash.xml", line: 62, column: 73, says: "sha256 không khớp"),
        Refusal(file: "invalid/bad-date.xml", line: 40, column: nil, says: "2023-02-30"),
        Refusal(file: "invalid/bad-time.xml", line: 40, column: nil, says: "25:10"),
        Refusal(file: "invalid/missing-required.xml", line: 49, column: nil, says: "agenda"),
        Refusal(file: "invalid/broken-near-end.xml", line: 53006, column: 10, says: "XML sai cú pháp"),
        Refusal(
            file: "invalid/control-character.xml", line: 54, column: 25,
            says: "có ký tự điều khiển không được phép (mã 1)"),
        Refusal(
            file: "invalid/control-character-reference.xml", line: 54, column: nil,
            says: "tham chiếu tới ký tự điều khiển không được phép (mã 1)"),
        Refusal(
            file: "invalid/duplicate-id.xml", line: 63, column: 12,
            says: "mã a-2023-01 đã dùng cho một kỳ sinh hoạt khác ở dòng 40"),
        Refusal(file: "invalid/bad-identifier.xml", line: 63, column: nil, says: "-bad id"),
        Refusal(file: "hostile/doctype.xml", line: 2, column: 1, says: "DOCTYPE"),
        Refusal(file: "hostile/external-entity.xml", line: 2, column: 1, says: "DOCTYPE"),
        Refusal(file: "hostile/external-entity-http.xml", line: 2, column: 1, says: "DOCTYPE"),
        Refusal(file: "hostile/billion-laughs.xml", line: 2, column: 1, says: "DOCTYPE"),
        Refusal(file: "hostile/quadratic-blowup.xml", line: 2, column: 1, says: "DOCTYPE"),
        Refusal(file: "hostile/parameter-entity.xml", line: 2, column: 1, says: "DOCTYPE"),
        Refusal(
            file: "hostile/xinclude.xml", line: 54, column: nil, says: "phần tử <p>: không được đặt phần tử con ở đây"),
    ]

    @Test(arguments: refusals)
    func refusedWithItsLineAndNothingWritten(_ refusal: Refusal) async throws {
        // Start from a non-empty archive, so "unchanged" means something.
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let before = try await Support.export(archive)
        let path = Support.path("fixtures/" + refusal.file)
        let problems = await Support.problems(importing: [path], into: archive)
        #expect(!problems.isEmpty, "\(refusal.file) was accepted")
        let match = problems.first { $0.line == refusal.line && $0.message.contains(refusal.says) }
        #expect(
            match != nil,
            "expected line \(refusal.line) saying “\(refusal.says)”, got:\n\(problems.map(\.description).joined(separator: "\n"))"
        )
        if let column = refusal.column, let match { #expect(match.column == column) }
        for problem in problems {
            #expect(problem.file == path)
            let place = problem.line > 0 ? "\(path):\(problem.line):\(problem.column)" : path
            #expect(problem.description.hasPrefix("\(place): lỗi: "))
        }
        await #expect(try await Support.export(archive) == before, "the archive changed after refusing \(refusal.file)")
    }

    @Test func severalProblemsAreReportedInOneRun() async throws {
        let archive = try Support.emptyArchive()
        let problems = await Support.problems(
            importing: [Support.path("fixtures/invalid/several-errors.xml")], into: archive)
        #expect(problems.map(\.line) == [42, 62, 68], "\(problems.map(\.description))")
        #expect(problems.contains { $0.message.contains("a-99") })
        #expect(problems.contains { $0.message.contains("sha256") })
        #expect(problems.contains { $0.message.contains("06-NQ/CB") })
    }

    @Test func unknownCellIsReportedWithoutFollowOnNoise() async throws {
        let archive = try Support.emptyArchive()
        let problems = await Support.problems(
            importing: [Support.path("fixtures/invalid/unknown-cell.xml")], into: archive)
        #expect(problems.count == 1, "\(problems.map(\.description))")
    }

    @Test func brokenEndLeavesAnEmptyArchiveEmpty() async throws {
        let archive = try Support.emptyArchive()
        let problems = await Support.problems(
            importing: [Support.path("fixtures/invalid/broken-near-end.xml")], into: archive)
        #expect(!problems.isEmpty)
        await #expect(try await archive.cells(on: .d("2024-12-31")).isEmpty)
        #expect(try SQLiteShell.query(archive, "SELECT count(*) FROM organization") == "0")
    }

    @Test func aBadlyBrokenFileStopsBeingReadAtTwoHundredProblems() async throws {
        // 500 meetings chaired by nobody: far more than the read-ahead holds, so reading stops
        // while it waits, and the rest of the file is still read to its end.
        let text = try String(contentsOfFile: Support.path("fixtures/valid/minimal.xml"), encoding: .utf8)
        let head = text[..<text.range(of: "  <meeting ")!.lowerBound]
        var meetings = ""
        for number in 1...500 {
            meetings += """
                  <meeting id="x-\(number)" cell="cb-a" kind="thematic" date="2023-02-0\(1 + number % 9)" start="19:30" end="21:10">
                    <place>Nhà văn hóa</place><chair member="a-99"/><recorder member="a-02"/>
                    <attendance><present member="a-02"/></attendance>
                    <agenda><item>Chuyên đề</item></agenda><proceedings><p>Thảo luận.</p></proceedings>
                  </meeting>

                """
        }
        let archive = try Support.emptyArchive()
        let path = try Support.write(Data((head + meetings + "</archive>\n").utf8))
        let problems = await Support.problems(importing: [path], into: archive)
        #expect(problems.count == 200, "\(problems.count)")
        #expect(problems.allSatisfy { $0.message.contains("đảng viên a-99 không có") })
        #expect(try SQLiteShell.query(archive, "SELECT count(*) FROM meeting") == "0")
    }

    @Test func aDuplicateMemberWithinACellIsRefused() async throws {
        let text = try String(contentsOfFile: Support.path("fixtures/valid/minimal.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<member id=\"a-03\">", with: "<member id=\"a-02\">")
        let archive = try Support.emptyArchive()
        let problems = await Support.problems(importing: [try Support.write(Data(text.utf8))], into: archive)
        #expect(problems.contains { $0.message.contains("mã a-02 đã dùng cho một đảng viên khác ở dòng") })
    }

    @Test func twoPartialExportsCarryingTheSameCellsImportTogether() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let first = try await Support.write(
            try Support.export(archive, ExportSelection(year: 2023, includeConfidential: true)))
        let second = try await Support.write(
            try Support.export(archive, ExportSelection(year: 2024, includeConfidential: true)))
        let fresh = try Support.emptyArchive()
        _ = try await fresh.importFiles([first, second], context: .tester)
        await #expect(try await Support.export(fresh) == (try await Support.export(archive)))
    }

    @Test func oneBadFileRefusesTheWholeImport() async throws {
        let archive = try Support.emptyArchive()
        let problems = await Support.problems(
            importing: [Support.path("fixtures/valid/minimal.xml"), Support.path("fixtures/invalid/bad-hash.xml")],
            into: archive)
        #expect(problems.count == 1)
        #expect(try SQLiteShell.query(archive, "SELECT count(*) FROM meeting") == "0")
    }

    @Test func noNetworkConnectionIsAttempted() async throws {
        // Listen where the hostile file points; the import must never connect.
        let listener = try await LoopbackListener()
        let text = try String(
            contentsOfFile: Support.path("fixtures/hostile/external-entity-http.xml"), encoding: .utf8
        )
        .replacingOccurrences(of: "127.0.0.1:9", with: "127.0.0.1:\(listener.port)")
        let archive = try Support.emptyArchive()
        let problems = await Support.problems(importing: [try Support.write(Data(text.utf8))], into: archive)
        #expect(!problems.isEmpty)
        #expect(listener.acceptedConnections() == 0)
    }

    @Test func aControlCharacterIsNeverWritten() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        // Damage the stored text behind the program's back, as a hand edit would.
        try SQLiteShell.query(
            archive, "UPDATE meeting_text SET text = 'bad' || char(1) || 'text' WHERE section = 'proceedings'")
        await #expect(throws: (any Error).self) { try await Support.export(archive) }
    }
}

/// The sentence for an attachment over the limit never reads as a contradiction.
@Suite("An attachment over the limit, in words")
struct AttachmentLimitWordingTests {
    @Test func justPastTheLimitIsSaidInBytes() {
        let limit = 104_857_600
        let over = XMLInputRefusal.base64TooLarge(
            element: "attachment", nameAttribute: "so.pdf", bytes: limit + 1, limit: limit)
        #expect(over.vietnamese.hasPrefix("tệp đính kèm “so.pdf” (104.857.601 byte) vượt giới hạn 104.857.600 byte"))
        let farOver = XMLInputRefusal.base64TooLarge(
            element: "attachment", nameAttribute: "so.pdf", bytes: 150_000_000, limit: limit)
        #expect(farOver.vietnamese.hasPrefix("tệp đính kèm “so.pdf” (143,1 MB) vượt giới hạn 100 MB"))
    }
}
