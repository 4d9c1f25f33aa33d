import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("Vietnamese full-text search")
struct SearchTests {
    static let sample = "archive/samples/dbx-hop-thanh.xml"

    /// A small archive whose documents differ only by the marks on one word.
    static func markedArchive() async throws -> Archive {
        var text = try String(contentsOfFile: Support.path("fixtures/valid/minimal.xml"), encoding: .utf8)
        let document = try #require(text.range(of: "<document ")).lowerBound
        let end = try #require(text.range(of: "</document>")).upperBound
        var template = String(text[document..<end])
        // Copies say nothing else that folds to "dang" (the original's body names the Đảng).
        let body = try #require(template.range(of: "<body>")).lowerBound
        let bodyEnd = try #require(template.range(of: "</body>")).upperBound
        template.replaceSubrange(body..<bodyEnd, with: "<body><p>Nội dung thử nghiệm.</p></body>")
        var extra = ""
        for (index, word) in ["dáng", "đảng", "dạng", "đang"].enumerated() {
            extra +=
                "\n  "
                + template
                .replacingOccurrences(of: "a-nq-01-t1", with: "m-\(index)-t1")
                .replacingOccurrences(of: "id=\"a-nq-01\"", with: "id=\"m-\(index)\"")
                .replacingOccurrences(
                    of: "number=\"1\" symbol=\"01-NQ/CB\"",
                    with: "number=\"\(index + 2)\" symbol=\"0\(index + 2)-NQ/CB\""
                )
                .replacingOccurrences(
                    of: "<title>Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 01 năm 2023</title>",
                    with: "<title>Bàn về chữ \(word) trong văn bản</title>")
        }
        text.replace("</archive>", with: extra + "\n</archive>")
        let archive = try Support.emptyArchive()
        _ = try await archive.importFiles([try Support.write(Data(text.utf8))], context: .tester)
        return archive
    }

    @Test func withOrWithoutDiacriticsFindsTheSame() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let accented = try await archive.search("camera an ninh").map(\.id)
        #expect(!accented.isEmpty)
        await #expect(Set(try await archive.search("CAMERA AN NINH").map(\.id)) == Set(accented))
        let withMarks = await Set(try archive.search("đảng phí", SearchFilters(limit: 100)).map(\.id))
        let withoutMarks = await Set(try archive.search("dang phi", SearchFilters(limit: 100)).map(\.id))
        #expect(!withMarks.isEmpty && withMarks == withoutMarks)
    }

    @Test func exactMarksRankAboveFoldedMatches() async throws {
        let archive = try await Self.markedArchive()
        // The four copies, and the original resolution whose body names the Đảng.
        for word in ["đảng", "dáng", "dạng", "đang"] {
            let hits = try await archive.search(word)
            #expect(hits.count == 5, "\(word): \(hits.map(\.title))")
            #expect(hits.first?.title == "Bàn về chữ \(word) trong văn bản", "\(word): \(hits.map(\.title))")
        }
        // Without marks, all five match alike.
        await #expect(try await archive.search("dang").count == 5)
    }

    @Test func symbolsAsPeopleTypeThem() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let filters = SearchFilters(cellID: "cb-na-pan", limit: 5)
        for typed in ["05-NQ/CB", "5-nq", "nq 05", "NQ05"] {
            let hits = try await archive.search(typed, filters)
            #expect(hits.first?.id == "np-nq-2023-05", "\(typed): \(hits.map(\.id))")
            #expect(hits.first?.symbol == "05-NQ/CB")
        }
    }

    @Test func phrasesPrefixesOrAndExclusion() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let all = SearchFilters(limit: 500)
        let phrase = try await archive.search("\"camera an ninh\"", all)
        #expect(!phrase.isEmpty)
        #expect(phrase.allSatisfy { $0.snippet.contains("⟦camera⟧ ⟦an⟧ ⟦ninh⟧") || $0.snippet.contains("⟦Camera⟧") })
        let prefix = try await archive.search("camer*", all)
        #expect(Set(prefix.map(\.id)).isSuperset(of: Set(phrase.map(\.id))))
        let either = await Set(try archive.search("camera OR Yagi", all).map(\.id))
        let camera = await Set(try archive.search("camera", all).map(\.id))
        let yagi = await Set(try archive.search("yagi", all).map(\.id))
        #expect(!yagi.isEmpty && either == camera.union(yagi))
        let excluded = await Set(try archive.search("camera -Nà", all).map(\.id))
        #expect(excluded.isSubset(of: camera) && excluded.count < camera.count)
    }

    @Test func anyInputIsSafe() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        for typed in [
            "\"", "\"unbalanced phrase", "OR", "- OR *", "((", "NOT", "AND AND", "*", "-", "???",
            "'; DROP TABLE meeting; --", "NEAR(a b)", "title:đảng", "{body}: x", "\u{0}", "",
            // A quote with a combining mark is one Character, but still a quote to FTS5.
            "x\"\u{301} autofocus", "\"\u{301}", "đảng \"\u{300}\u{323} phí", "dang\u{301}\"\u{301}",
        ] {
            _ = try await archive.search(typed)
        }
        await #expect(try await archive.search("???").isEmpty)
        await #expect(try await archive.search("").isEmpty)
    }

    @Test func snippetsKeepTheOriginalMarks() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let hit = try await #require(try await archive.search("bao lu yagi").first)
        #expect(hit.snippet.contains("⟦Yagi⟧") || hit.snippet.contains("⟦bão⟧") || hit.snippet.contains("⟦lũ⟧"))
        #expect(hit.snippet == hit.snippet.precomposedStringWithCanonicalMapping)
    }

    @Test func filters() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let all = SearchFilters(limit: 500)
        let base = try await archive.search("nghi quyet", all)
        let cell = try await archive.search("nghi quyet", SearchFilters(cellID: "cb-na-pan", limit: 500))
        #expect(!cell.isEmpty && cell.allSatisfy { $0.cell == "cb-na-pan" } && cell.count < base.count)
        let resolutions = try await archive.search("nghi quyet", SearchFilters(types: [.resolution], limit: 500))
        #expect(resolutions.allSatisfy { $0.kind == .document && $0.type == "NQ" })
        let meetings = try await archive.search("nghi quyet", SearchFilters(kinds: [.meeting], limit: 500))
        #expect(!meetings.isEmpty && meetings.allSatisfy { $0.kind == .meeting })
        let year = try await archive.search(
            "nghi quyet", SearchFilters(from: LocalDate("2024-01-01"), to: LocalDate("2024-12-31"), limit: 500))
        #expect(!year.isEmpty && year.allSatisfy { $0.date.year == 2024 })
        let committee = try await archive.search("nghi quyet", SearchFilters(organizationID: "hu-cao-loc", limit: 500))
        #expect(Set(committee.map(\.id)) == Set(base.map(\.id)))
        let page = try await archive.search("nghi quyet", SearchFilters(limit: 5, offset: 5))
        #expect(page.map(\.id) == Array(base.map(\.id)[5..<10]))
    }

    @Test func confidentialDocumentsOnlyWhenAsked() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let hidden = try await archive.search("nghi quyet", SearchFilters(limit: 500))
        let shown = try await archive.search("nghi quyet", SearchFilters(includeConfidential: true, limit: 500))
        #expect(!hidden.contains { $0.id == "pl-nq-2023-01" })
        #expect(shown.contains { $0.id == "pl-nq-2023-01" })
    }

    @Test func tiesGoToTheNewerRecord() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let hits = try await archive.search(
            "Nghị quyết lãnh đạo thực hiện nhiệm vụ", SearchFilters(types: [.resolution], limit: 500))
        for (earlier, later) in zip(hits, hits.dropFirst()) where earlier.score == later.score {
            #expect(earlier.date >= later.date)
        }
    }

    @Test func theIndexChangesWithEveryImportAndCheckVerifiesIt() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let revoked = SearchFilters(statuses: [.revoked])
        await #expect(try await archive.search("ghi day du").isEmpty)
        await #expect(try await archive.search("nghi quyet", revoked).isEmpty)
        // The update changes what a locked record may change: the rating's note, the status.
        _ = try await archive.importFiles([Support.path("fixtures/valid/minimal-update.xml")], context: .tester)
        await #expect(try await archive.search("ghi day du").map(\.id) == ["a-2023-01"])
        await #expect(try await archive.search("nghi quyet", revoked).map(\.id) == ["a-nq-01"])
        await #expect(try await archive.check().isSound)
        // Damage the index behind the program's back; check sees it, reindex mends it.
        try SQLiteShell.query(archive, "DELETE FROM search_entry WHERE record_id = 'a-nq-01'")
        await #expect(!(try await archive.check().isSound))
        try await archive.reindex()
        await #expect(try await archive.check().isSound)
        await #expect(try await archive.search("nghi quyet", revoked).map(\.id) == ["a-nq-01"])
    }

    @Test func textChangedBehindTheProgramsBackIsFound() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        // The stored text no longer says what the record says, nor what FTS5 indexed.
        try SQLiteShell.query(archive, "UPDATE search_text SET body = 'khác hẳn' WHERE title LIKE 'Nghị quyết%'")
        let report = try await archive.check()
        #expect(report.problems.contains { $0.contains("lệch với bản ghi a-nq-01") })
        #expect(report.problems.contains { $0.contains("search_index") })
        #expect(report.searchIndexStale)
        try await archive.reindex()
        let mended = try await archive.check()
        #expect(mended.isSound && !mended.searchIndexStale)
    }

    @Test func anySQLiteShellReadsAndChecksTheIndex() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        // No function or tokenizer of ours is needed: folded "đ" included.
        await #expect(
            try SQLiteShell.query(archive, "SELECT count(*) FROM search_index WHERE search_index MATCH 'dang'")
                == String(try await archive.search("dang", SearchFilters(includeConfidential: true, limit: 100)).count))
        #expect(
            try SQLiteShell.query(
                archive,
                """
                INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1);
                INSERT INTO search_exact (search_exact, rank) VALUES ('integrity-check', 1);
                SELECT 'ok';
                """) == "ok")
    }

    @Test func anArchiveWithTheFirstIndexIsUpgraded() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let filters = SearchFilters(limit: 50)
        let before = try await ["nghị quyết", "dang vien", "\"chi bộ\"", "phat*"].asyncMap {
            try await archive.search($0, filters)
        }
        // Put the archive back as migration v4 left it: one FTS5 table with two copies.
        try SQLiteShell.query(
            archive,
            """
            DROP TABLE search_exact; DROP TABLE search_index; DROP VIEW search_folded; DROP TABLE search_text;
            CREATE VIRTUAL TABLE search_index USING fts5(
                title, body, symbol, title_exact, body_exact, tokenize = 'unicode61 remove_diacritics 0');
            DELETE FROM grdb_migrations WHERE identifier LIKE 'v5:%';
            """)
        let upgraded = try Archive(opening: archive.directory)
        let after = try await ["nghị quyết", "dang vien", "\"chi bộ\"", "phat*"].asyncMap {
            try await upgraded.search($0, filters)
        }
        #expect(after == before)
        #expect(after.allSatisfy { !$0.isEmpty })
        await #expect(try await upgraded.check().isSound)
    }

    @Test func aRefusedImportLeavesTheIndexAlone() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        _ = await Support.problems(importing: [Support.path("fixtures/invalid/broken-near-end.xml")], into: archive)
        #expect(try SQLiteShell.query(archive, "SELECT count(*) FROM search_entry") == "2")
    }
}
