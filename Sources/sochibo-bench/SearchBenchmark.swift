import ArchiveCore
import ArchiveGenerator
import ArchiveSQLite
import Foundation

/// Search latency and indexed-import throughput on a generated archive, next to the raw FTS5
/// query and to `xmllint --stream` plus the `sqlite3` shell loading the same text into FTS5.
enum SearchBenchmark {
    struct QueryClass {
        var name: String
        var queries: [String]
        var filters: SearchFilters
        /// The raw FTS5 query each is measured against, when not the query itself: for a typo,
        /// the word as meant; for a word still being typed, the same words with a `*`.
        var raw: [String]? = nil
    }

    /// `word` with one edit, of a kind chosen by `kind` (0 a letter left out, 1 one doubled,
    /// 2 a wrong one, 3 two neighbours swapped), never in the first letter.
    static func mistyped(_ word: String, kind: Int) -> String {
        var letters = Array(word)
        let at = 1 + (letters.count - 2) / 2
        switch kind % 4 {
        case 0: letters.remove(at: at)
        case 1: letters.insert(letters[at], at: at)
        case 2: letters[at] = letters[at] == "x" ? "q" : "x"
        default: letters.swapAt(at, at + 1)
        }
        return String(letters)
    }

    /// Queries drawn from the corpus text, typed without diacritics as on a phone, and the
    /// same words typed with their marks (which adds the exact-marks tiers).
    static func queryClasses(_ text: TextSource, cells: Int, count: Int) -> [QueryClass] {
        var random = SeededRandom(seed: 99)
        var oneWord: [String] = []
        var twoWords: [String] = []
        var oneMarked: [String] = []
        var twoMarked: [String] = []
        var typos: [(typed: String, meant: String)] = []
        var typing: [String] = []
        while oneWord.count < count || twoWords.count < count || typos.count < count || typing.count < count {
            let words = VietnameseText.words(text.title(using: &random)).filter { $0.folded.count >= 4 }
            guard words.count >= 2 else { continue }
            let start = Int.random(in: 0..<(words.count - 1), using: &random)
            if oneWord.count < count {
                oneWord.append(words[start].folded)
                oneMarked.append(words[start].exact)
            }
            if twoWords.count < count {
                twoWords.append(words[start].folded + " " + words[start + 1].folded)
                twoMarked.append(words[start].exact + " " + words[start + 1].exact)
            }
            if typos.count < count, words[start].folded.count >= 5 {
                typos.append((mistyped(words[start].folded, kind: typos.count), words[start].folded))
            }
            if typing.count < count, words[start + 1].folded.count >= 4 {
                typing.append(words[start].folded + " " + String(words[start + 1].folded.prefix(3)))
            }
        }
        var filtered = SearchFilters(cellID: "cb-\(cells / 2)", limit: 20)
        filtered.from = LocalDate("2021-01-01")
        return [
            QueryClass(name: "one word", queries: oneWord, filters: SearchFilters()),
            QueryClass(name: "two words", queries: twoWords, filters: SearchFilters()),
            QueryClass(name: "phrase", queries: twoWords.map { "\"\($0)\"" }, filters: SearchFilters()),
            QueryClass(name: "prefix", queries: oneWord.map { String($0.prefix(3)) + "*" }, filters: SearchFilters()),
            QueryClass(name: "one word, cell + date filter", queries: oneWord, filters: filtered),
            QueryClass(name: "one word with its marks", queries: oneMarked, filters: SearchFilters()),
            QueryClass(name: "two words with their marks", queries: twoMarked, filters: SearchFilters()),
            QueryClass(
                name: "one word, one typo (raw: as meant)", queries: typos.map(\.typed), filters: SearchFilters(),
                raw: typos.map(\.meant)),
            QueryClass(
                name: "last word half typed (raw: word*)", queries: typing, filters: SearchFilters(),
                raw: typing.map { $0 + "*" }),
        ]
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    static func millisecondsSync(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    /// Runs each class against `archive`: ours and the raw FTS5 query, interleaved, each
    /// first for every other query, since whichever runs second finds the query's pages in
    /// SQLite's cache.
    static func latencies(_ archive: Archive, _ classes: [QueryClass]) async throws -> [String] {
        var lines = [
            "query class                        sochibo p50    p99   raw FTS5 p50    p99   ratio p50"
        ]
        for queryClass in classes {
            var ours: [Double] = []
            var raw: [Double] = []
            for (number, query) in queryClass.queries.enumerated() {
                let oursFirst = number % 2 == 0
                if oursFirst {
                    ours.append(try await milliseconds { _ = try await archive.search(query, queryClass.filters) })
                }
                let rawQuery = queryClass.raw?[number] ?? query
                raw.append(try await milliseconds { _ = try await archive.rawFullTextSearch(rawQuery) })
                if !oursFirst {
                    ours.append(try await milliseconds { _ = try await archive.search(query, queryClass.filters) })
                }
            }
            ours.sort()
            raw.sort()
            let ratio = percentile(ours, 0.5) / max(percentile(raw, 0.5), 1e-9)
            lines.append(
                queryClass.name.padding(toLength: 34, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8.2f ms %6.2f ms %8.2f ms %6.2f ms %7.2f×", percentile(ours, 0.5),
                        percentile(ours, 0.99), percentile(raw, 0.5), percentile(raw, 0.99), ratio))
        }
        return lines
    }

    /// Warms the page cache with one pass, then prints the latencies of a second.
    static func report(_ archive: Archive, corpus: String, cells: Int, queries: Int, records: Int) async throws {
        let text = try TextSource(corpus: corpus)
        let classes = queryClasses(text, cells: cells, count: queries)
        _ = try await latencies(archive, classes)
        print("")
        print("search latency over \(records) indexed records, \(queries) queries a class:")
        for line in try await latencies(archive, classes) { print(line) }
    }
}
