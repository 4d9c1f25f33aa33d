import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

/// Search quality on text nobody here wrote: 300 real articles from the shared corpus
/// (`fixtures/search/articles.xml`), found by the first words of their titles typed with and
/// without diacritics, next to plain SQLite FTS5 (`unicode61 remove_diacritics 2`) on the same
/// text in the same run.
@Suite("Search quality, measured against plain FTS5")
struct SearchQualityTests {
    struct Article {
        var id: String
        var title: String
        var body: String
    }

    /// A known-item query: the words typed, and the records that count as found.
    struct KnownItem {
        var accented: String
        var unaccented: String
        var expected: Set<String>
    }

    static func articles() throws -> [Article] {
        let text = try String(contentsOfFile: Support.path("fixtures/search/articles.xml"), encoding: .utf8)
        var articles: [Article] = []
        for chunk in text.components(separatedBy: "<document id=\"").dropFirst() {
            let id = String(chunk.prefix { $0 != "\"" })
            func between(_ open: String, _ close: String) -> String {
                guard let start = chunk.range(of: open),
                    let end = chunk.range(of: close, range: start.upperBound..<chunk.endIndex)
                else { return "" }
                return String(chunk[start.upperBound..<end.lowerBound])
            }
            let unescape = { (text: String) in
                text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
            let body = between("<body>", "</body>").replacingOccurrences(of: "<p>", with: "")
                .replacingOccurrences(of: "</p>", with: "\n")
            articles.append(Article(id: id, title: unescape(between("<title>", "</title>")), body: unescape(body)))
        }
        return articles
    }

    /// The first four words of three letters or more of each title; an identical title elsewhere counts as found.
    static func knownItems(_ articles: [Article]) -> [KnownItem] {
        articles.compactMap { article in
            let words = VietnameseText.words(article.title).filter { $0.folded.count >= 3 }.prefix(4)
            guard words.count >= 2 else { return nil }
            let same = Set(articles.filter { $0.title == article.title }.map(\.id))
            return KnownItem(
                accented: words.map { String(article.title[$0.range]) }.joined(separator: " "),
                unaccented: words.map(\.folded).joined(separator: " "), expected: same)
        }
    }

    /// Top five ids for each query from plain FTS5 over the original text, one sqlite3 run.
    static func plainFTS5(_ articles: [Article], queries: [String]) throws -> [[String]] {
        let directory = Support.temporaryDirectory("plain-fts5")
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        var script = """
            CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
            BEGIN;

            """
        for article in articles {
            script +=
                "INSERT INTO t VALUES (\(quoted(article.id)), \(quoted(article.title)), \(quoted(article.body)));\n"
        }
        script += "COMMIT;\n"
        for (index, query) in queries.enumerated() {
            // What a plain search box does: the typed words, each quoted, ANDed.
            let expression = query.split(separator: " ").map { "\"\($0)\"" }.joined(separator: " AND ")
            script += "SELECT '#\(index)';\n"
            script += "SELECT id FROM t WHERE t MATCH \(quoted(expression)) ORDER BY bm25(t, 10.0, 1.0) LIMIT 5;\n"
        }
        let scriptPath = directory + "/script.sql"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "sqlite3 \"$0/plain.sqlite\" < \"$0/script.sql\"", directory]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var results = Array(repeating: [String](), count: queries.count)
        var current = -1
        for line in output.split(separator: "\n") {
            if line.hasPrefix("#"), let index = Int(line.dropFirst()) {
                current = index
            } else if current >= 0 {
                results[current].append(String(line))
            }
        }
        return results
    }

    static func recall(_ results: [[String]], _ items: [KnownItem]) -> Double {
        let found = zip(results, items).filter { result, item in !item.expected.isDisjoint(with: result) }.count
        return Double(found) / Double(items.count)
    }

    @Test func knownItemRecallInTheTopFive() async throws {
        let articles = try Self.articles()
        #expect(articles.count == 300)
        let items = Self.knownItems(articles)
        let archive = try await Support.archive(with: ["fixtures/search/articles.xml"])
        let top5 = SearchFilters(limit: 5)
        let oursAccented = try await items.asyncMap { try await archive.search($0.accented, top5).map(\.id) }
        let oursUnaccented = try await items.asyncMap { try await archive.search($0.unaccented, top5).map(\.id) }
        let plainAccented = try Self.plainFTS5(articles, queries: items.map(\.accented))
        let plainUnaccented = try Self.plainFTS5(articles, queries: items.map(\.unaccented))
        let figures = [
            ("sochibo, with diacritics", Self.recall(oursAccented, items)),
            ("sochibo, without diacritics", Self.recall(oursUnaccented, items)),
            ("plain FTS5, with diacritics", Self.recall(plainAccented, items)),
            ("plain FTS5, without diacritics", Self.recall(plainUnaccented, items)),
        ]
        for (result, item) in zip(plainAccented, items).filter({ $0.1.expected.isDisjoint(with: $0.0) }).prefix(4) {
            print("  plain FTS5 misses “\(item.accented)”: got \(result.count) hits")
        }
        print("Recall@5 over \(items.count) known-item queries on 300 corpus articles:")
        for (label, value) in figures { print("  \(label): \(String(format: "%.3f", value))") }
        #expect(figures[0].1 >= 0.95)
        #expect(figures[1].1 >= 0.95)
        #expect(figures[1].1 > figures[3].1, "folding đ must beat plain FTS5 on unaccented queries")
        #expect(figures[0].1 >= figures[2].1)
    }

    /// Things a secretary remembers about the sample archive, typed both ways, and the record
    /// that must come back among the first five.
    static let sampleQueries: [(typed: [String], expected: String)] = [
        (["bão Yagi", "bao yagi"], "km-2024-09-bt"),
        (["lắp đặt camera an ninh", "lap dat camera an ninh"], "np-nq-2023-08"),
        (["kết nạp đảng viên", "ket nap dang vien"], "pl-2023-03"),
        (["Hoàng Thị Ngọc Ánh", "hoang thi ngoc anh"], "pl-2024-03"),
        (["đường bê tông Nà Cạn", "duong be tong na can"], "pl-2023-05"),
        (["Tết Giáp Thìn", "tet giap thin"], "km-2024-03"),
        (["xóa tên đảng viên", "xoa ten dang vien"], "np-2024-12"),
        (["chuyển đổi số", "chuyen doi so"], "km-2024-q1-cd"),
        (["05-NQ/CB", "nq 05"], "np-nq-2023-05"),
    ]

    @Test(arguments: sampleQueries.indices)
    func sampleKnownItems(_ index: Int) async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let (typed, expected) = Self.sampleQueries[index]
        let cell = expected.hasPrefix("np") ? "cb-na-pan" : nil
        for query in typed {
            let hits = try await archive.search(query, SearchFilters(cellID: cell, includeConfidential: true, limit: 5))
            #expect(hits.contains { $0.id == expected }, "“\(query)”: \(hits.map(\.id))")
        }
    }
}
