import Foundation
import GRDB
import Testing

@testable import ArchiveCore
@testable import ArchivePages
@testable import ArchiveSQLite

/// `Archive.search` is made fast without changing what it finds: here it is compared, hit by
/// hit (order, score, snippet), with the plain statement it replaced, whose SQL says the
/// ranking contract directly: every tier is a MATCH of its own, every match is joined to its
/// entry, and one ORDER BY sorts them all; its snippets weigh every paragraph. Queries are drawn from real corpus articles and the
/// sample archive, typed with and without diacritics, as words, phrases, prefixes, OR,
/// exclusions and symbols, under several filters, limits and offsets.
@Suite("Search gives what its plain statement gives")
struct SearchEquivalenceTests {
    /// The search as first written: one statement, tiers as MATCH subqueries.
    static func reference(_ archive: Archive, _ text: String, _ filters: SearchFilters) throws -> [SearchHit] {
        let query = SearchQuery(text)
        guard !query.isEmpty, filters.limit > 0 else { return [] }
        return try archive.pool.read { db in
            var tiers: [String] = []
            var tierArguments: StatementArguments = []
            func tier(_ weight: Int, _ expression: String, table: String = "search_index") {
                tiers.append("\(weight) * (e.id IN (SELECT rowid FROM \(table) WHERE \(table) MATCH ?))")
                tierArguments += [expression]
            }
            if query.mayBeSymbol { tier(8, "{symbol} : " + query.foldedExpression) }
            if query.carriesDiacritics {
                tier(4, query.exactExpression, table: "search_exact")
                tier(2, "{title} : " + query.exactExpression, table: "search_exact")
            }
            if let phrase = query.adjacencyPhrase { tier(1, "{title body} : " + phrase) }
            // The filters are not what this compares: take their conditions from the statement.
            let filtering = try SearchStatement(query: query, filters: filters)
            let conditions = ["search_index MATCH ?"] + filtering.conditions
            let arguments: StatementArguments =
                ["{title body symbol} : " + query.foldedExpression] + filtering.conditionArguments
            let tier = tiers.isEmpty ? "0" : tiers.joined(separator: " + ")
            let sql = """
                SELECT e.kind, e.record_id, e.type, e.symbol, e.date, e.cell_id, e.title,
                       -bm25(search_index, 10.0, 1.0, 8.0) AS relevance, \(tier) AS tier,
                       e.classification <> 'none' AS confidential
                FROM search_index JOIN search_entry e ON e.id = search_index.rowid
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY tier DESC, relevance DESC, e.date DESC, e.record_id
                LIMIT ? OFFSET ?
                """
            return try Row.fetchAll(
                db, sql: sql, arguments: tierArguments + arguments + [filters.limit, filters.offset]
            )
            .map { row in
                let kind: RecordKind = row[0]
                let id: String = row[1]
                let relevance: Double = row[7]
                let tierValue: Int = row[8]
                let symbol: String? = row[3]
                let texts =
                    (symbol.map { ["Số \($0)"] } ?? []) + [row[6]] + (try Archive.paragraphs(db, kind: kind, id: id))
                return SearchHit(
                    id: id, kind: kind, type: row[2], symbol: row[3],
                    date: LocalDate(row[4]) ?? LocalDate("1970-01-01")!,
                    cell: row[5], title: row[6], snippet: referenceSnippet(from: texts, query: query),
                    score: Double(tierValue) + relevance / (1 + relevance), confidential: row[9])
            }
        }
    }

    /// Snippets as first written: every paragraph of the hit considered.
    static func referenceSnippet(from texts: [String], query: SearchQuery, words limit: Int = 28) -> String {
        let items = query.required.joined()
        let whole = Set(items.flatMap { $0.isPrefix ? Array($0.folded.dropLast()) : $0.folded })
        let prefixes = items.filter(\.isPrefix).compactMap(\.folded.last)
        func matches(_ word: VietnameseText.Word) -> Bool {
            whole.contains(word.folded) || prefixes.contains { word.folded.hasPrefix($0) }
        }
        // Only paragraphs whose folded text holds a searched word at all are cut into words.
        let needles = whole.union(prefixes).map { Array($0.utf8) }
        var best: (text: String, words: [VietnameseText.Word], score: Int)?
        for text in texts where !text.isEmpty {
            let folded = Array(VietnameseText.fold(text).utf8)
            guard best == nil || needles.contains(where: { Snippet.contains(folded, $0) }) else { continue }
            let words = VietnameseText.words(text)
            let score = Set(words.filter(matches).map(\.folded)).count
            if best == nil || score > best!.score { best = (text, words, score) }
        }
        guard let best, !best.words.isEmpty else { return texts.first ?? "" }
        let first = best.words.firstIndex(where: matches) ?? 0
        let start = max(0, first - limit / 3)
        let end = min(best.words.count, start + limit)
        let text = best.text
        var result = start > 0 ? "…" : ""
        var cursor = start > 0 ? best.words[start].range.lowerBound : text.startIndex
        for word in best.words[start..<end] where matches(word) {
            result += text[cursor..<word.range.lowerBound] + Snippet.open + text[word.range] + Snippet.close
            cursor = word.range.upperBound
        }
        let stop = end < best.words.count ? best.words[end - 1].range.upperBound : text.endIndex
        result += text[cursor..<max(cursor, stop)]
        if end < best.words.count { result += "…" }
        return result
    }

    /// Compares the two, saying briefly where they part.
    static func compare(_ archive: Archive, _ text: String, _ filters: SearchFilters) async throws -> Int {
        let expected = try reference(archive, text, filters)
        let actual = try await archive.searchAsTyped(text, filters)
        func ranking(_ hits: [SearchHit]) -> [String] { hits.map { "\($0.kind) \($0.id) \($0.score)" } }
        #expect(ranking(actual) == ranking(expected), "“\(text)” \(filters)")
        if ranking(actual) == ranking(expected) { #expect(actual == expected, "“\(text)” \(filters)") }
        return expected.count
    }

    /// Queries typed from the titles and bodies of `articles`, every `step`th one.
    static func queries(_ articles: [SearchQualityTests.Article], step: Int) -> [String] {
        var queries: [String] = []
        for article in stride(from: 0, to: articles.count, by: step).map({ articles[$0] }) {
            let words = VietnameseText.words(article.title)
            guard words.count >= 4 else { continue }
            let exact = words.map { String(article.title[$0.range]) }
            let folded = words.map(\.folded)
            queries += [
                folded[1], exact[1], folded[1] + " " + folded[2], exact[1] + " " + exact[2],
                folded[2] + " " + folded[0], "\"\(folded[0]) \(folded[1]) \(folded[2])\"",
                "\"\(exact[1]) \(exact[2])\"",
                String(folded[1].prefix(3)) + "*", folded[0] + " " + String(folded[3].prefix(2)) + "*",
                folded[1] + " OR " + folded[3], exact[0] + " " + exact[1] + " -" + folded[3],
                folded.prefix(4).joined(separator: " "), exact.prefix(4).joined(separator: " "),
            ]
            // Numbers and symbols the body mentions ("06-HD/TW", "2025", "19.2").
            let numbered = article.body.split(separator: " ").filter { $0.contains(where: \.isNumber) }
            queries += numbered.prefix(2).map(String.init)
        }
        return queries
    }

    static let filterSets: [SearchFilters] = [
        SearchFilters(),
        SearchFilters(limit: 1),
        SearchFilters(limit: 5, offset: 3),
        SearchFilters(includeConfidential: true, limit: 7, offset: 1),
        SearchFilters(kinds: [.meeting], limit: 10),
        SearchFilters(types: [.resolution], includeConfidential: true),
        SearchFilters(from: LocalDate("2024-01-01"), limit: 8),
        SearchFilters(limit: 60),
    ]

    @Test func corpusArticlesUnderEveryFilter() async throws {
        let archive = try await Support.archive(with: [
            "fixtures/search/articles.xml", "archive/samples/dbx-hop-thanh.xml",
        ])
        let queries = Self.queries(try SearchQualityTests.articles(), step: 20)
        #expect(queries.count >= 100)
        var compared = 0
        for text in queries {
            for filters in Self.filterSets {
                await compared += try Self.compare(archive, text, filters)
            }
        }
        #expect(compared > 5_000)
    }

    @Test func sampleArchiveSymbolsNamesAndFilters() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let queries = [
            "05-NQ/CB", "nq 05", "5-nq", "NQ05", "nq", "01", "dang", "đảng", "Đảng viên", "nghị quyết", "nghi quyet",
            "chi bo", "\"chi bộ\"", "bao lu yagi", "bão lũ Yagi", "camera an ninh", "camer*", "camera OR Yagi",
            "camera -Nà", "kết nạp đảng viên", "Hoàng Thị Ngọc Ánh", "nq 05 OR 08", "quyết 0*", "\"nq cb\"",
            "dang dang", "\"\"", "đ", "x -x",
        ]
        let filterSets =
            Self.filterSets + [
                SearchFilters(cellID: "cb-na-pan"), SearchFilters(organizationID: "hu-cao-loc", limit: 3, offset: 2),
                SearchFilters(to: LocalDate("2023-12-31"), statuses: [.issued]),
            ]
        for text in queries {
            for filters in filterSets {
                _ = try await Self.compare(archive, text, filters)
            }
        }
    }

    /// 150 copies of one resolution that differ only in number and date: every query that
    /// finds them finds them tied on tier and BM25, so the date decides, and the tie straddles
    /// any cut made before the dates are read. The newest copy sits in the middle of the file.
    @Test func tiesAcrossManyEqualRecords() async throws {
        var text = try String(contentsOfFile: Support.path("fixtures/valid/minimal.xml"), encoding: .utf8)
        let start = try #require(text.range(of: "<document ")).lowerBound
        let end = try #require(text.range(of: "</document>")).upperBound
        let template = String(text[start..<end])
        var copies = ""
        for index in 0..<150 {
            let number = index + 2
            let day = index == 75 ? 200 : (index * 37) % 150
            let date = Calendar(identifier: .gregorian).date(
                byAdding: .day, value: day,
                to: DateComponents(calendar: .init(identifier: .gregorian), year: 2023).date!)!
            let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
            let dateText = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            copies +=
                "\n  "
                + template
                .replacingOccurrences(of: "a-nq-01-t1", with: "tie-\(index)-t1")
                .replacingOccurrences(of: "id=\"a-nq-01\"", with: "id=\"tie-\(index)\"")
                .replacingOccurrences(
                    of: "number=\"1\" symbol=\"01-NQ/CB\"",
                    with:
                        "number=\"\(number)\" symbol=\"\(Document.symbol(number: number, kind: .resolution, issuerCode: "CB"))\""
                )
                .replacingOccurrences(of: "date=\"2023-01-06\"", with: "date=\"\(dateText)\"")
        }
        text.replace("</archive>", with: copies + "\n</archive>")
        let archive = try Support.emptyArchive()
        _ = try await archive.importFiles([try Support.write(Data(text.utf8))], context: .tester)
        for query in ["be tong lien xom", "dieu le", "\"quyết nghị\"", "lien*", "nghi quyet"] {
            for filters in [
                SearchFilters(limit: 1), SearchFilters(limit: 5, offset: 3), SearchFilters(limit: 40, offset: 30),
                SearchFilters(kinds: [.document], limit: 2), SearchFilters(),
            ] {
                _ = try await Self.compare(archive, query, filters)
            }
        }
        await #expect(try await archive.search("be tong lien xom", SearchFilters(limit: 1)).first?.id == "tie-75")
    }

    /// The ranking function refuses phrase numbers the MATCH does not have, rather than read
    /// past FTS5's phrases.
    @Test func rankingFunctionRefusesPhrasesOutOfRange() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        func tiers(_ groups: String?, _ adjacent: String?) throws -> [Int] {
            try archive.pool.read { db in
                try Int.fetchAll(
                    db,
                    sql: """
                        SELECT \(SearchTier.name)(search_index, ?, ?) FROM search_index
                        WHERE search_index MATCH '"be" AND "tong"'
                        """, arguments: [groups, adjacent])
            }
        }
        let together = try tiers("0 1", "0 1")
        #expect(!together.isEmpty && together.allSatisfy { $0 == 1 })
        #expect(throws: DatabaseError.self) { try tiers(nil, "0 2") }
        #expect(throws: DatabaseError.self) { try tiers("0 1 2", nil) }
        #expect(throws: DatabaseError.self) { try tiers("0 -1", nil) }
    }
}
