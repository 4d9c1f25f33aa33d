import ArchiveCore
import Foundation
import GRDB

extension Archive {
    /// Finds meetings and documents by what they say, typed the way people type: the hits of
    /// `searchResults(_:_:)`.
    ///
    /// ```swift
    /// let hits = try archive.search("nghi quyet 05-nq", SearchFilters(cellID: "cb-na-pan"))
    /// ```
    ///
    /// - returns: the hits, best first; none for an empty query.
    /// - throws: `ArchiveError.queryTooLong` for more than `SearchQuery.maximumWords` words.
    public func search(_ text: String, _ filters: SearchFilters = SearchFilters()) async throws -> [SearchHit] {
        try await searchResults(text, filters).hits
    }

    /// Finds meetings and documents by what they say, forgiving the word still being typed
    /// and typos (issue 14).
    ///
    /// In order, each step only while the page (`filters.offset + filters.limit`) is not full:
    /// 1. the words as typed (`searchAsTyped`'s order: exact marks, symbol, words together,
    ///    BM25, newer first), with first the records of a member the words name ("Hiếu",
    ///    "Mông Văn Hiếu": where the member was absent or given a task, or whose text writes
    ///    the whole name; `NamedPerson`);
    /// 2. when the text ends with a plain word and no space, that word as the start of a longer
    ///    one ("nghi quy" finds "nghị quyết"), below every whole-word hit;
    /// 3. each plain word of five letters or more that no record holds (and, for the last word,
    ///    that no indexed word starts with) read as the closest indexed word within one edit
    ///    (two from eight letters), below every hit of the words as typed; the results and
    ///    those hits say which word was read as what.
    /// When nothing is found at all, `suggestion` offers the query with each unknown word of
    /// three letters or more replaced by the closest indexed word (one edit more allowed).
    ///
    /// ```swift
    /// let results = try await archive.searchResults("camra an ninh")
    /// results.corrections   // [SearchCorrection(typed: "camra", readAs: "camera")]
    /// ```
    ///
    /// - throws: `ArchiveError.queryTooLong` for more than `SearchQuery.maximumWords` words.
    public func searchResults(
        _ text: String, _ filters: SearchFilters = SearchFilters()
    ) async throws
        -> SearchResults
    {
        let query = try Self.parse(text)
        guard !query.isEmpty, filters.limit > 0 else { return SearchResults(hits: []) }
        return try await pool.read { db in
            let ranked = try Self.rank(db, text: text, query: query, filters: filters)
            return try Self.results(
                db, Array(ranked.found.dropFirst(max(0, filters.offset)).prefix(filters.limit)),
                corrections: ranked.corrections, suggestion: ranked.suggestion, snippets: filters.snippets)
        }
    }

    /// A page of a search and the count of all it found (`ArchiveService.countedSearch`),
    /// ranked once: the counting run's hits are those of the page too, whenever they hold it.
    ///
    /// The counting run (`CountedSearchResults.countingFilters`) ranks the hits up to `cap`,
    /// confidential documents included. Each step of a search keeps its order when a filter
    /// only leaves hits out, and runs only while the list is short, so the hits that may be
    /// seen, in the counting run's order, are the list the page's own search would rank; the
    /// page is cut from them, and only its hits are read again, for their snippets. The page
    /// is searched on its own, as the default implementation does, when the counting run
    /// may have stopped at the cap before the page's end, or when `mayRead` leaves out a hit
    /// the filters let through.
    ///
    /// - throws: `ArchiveError.queryTooLong` for more than `SearchQuery.maximumWords` words.
    public func countedSearch(
        _ text: String, _ filters: SearchFilters, countingUpTo cap: Int, mayRead: (SearchHit) -> Bool
    ) async throws -> CountedSearchResults {
        let counting = CountedSearchResults.countingFilters(filters, cap: cap)
        let query = try Self.parse(text)
        guard !query.isEmpty, counting.limit > 0 else {
            return CountedSearchResults(
                counted: SearchResults(hits: []), page: nil, filters: filters, counting: counting, mayRead: mayRead)
        }
        let ranked = try await pool.read { db in try Self.rank(db, text: text, query: query, filters: counting) }
        let all = try Self.results(
            nil, ranked.found, corrections: ranked.corrections, suggestion: ranked.suggestion, snippets: false)
        let offset = max(0, filters.offset)
        let visible = ranked.found.filter { filters.includeConfidential || !$0.entry.confidential }
        var page: SearchResults?
        if offset < CountedSearchResults.visible(all, filters, mayRead: mayRead).count {
            let end = offset.addingSaturating(filters.limit)
            let mayHaveStopped = ranked.found.count >= counting.limit
            if filters.limit > 0, all.hits.allSatisfy(mayRead), end <= visible.count || !mayHaveStopped {
                let items = Array(visible[offset..<min(end, visible.count)])
                // The page's own search says what words were read as only when one of the hits
                // up to its end came through them.
                let corrections = visible.prefix(end).contains { $0.corrections != nil } ? ranked.corrections : []
                page = try await pool.read { db in
                    try Self.results(db, items, corrections: corrections, suggestion: nil, snippets: filters.snippets)
                }
            } else {
                page = try await searchResults(text, filters)
            }
        }
        return CountedSearchResults(counted: all, page: page, filters: filters, counting: counting, mayRead: mayRead)
    }

    /// One ranked hit of `rank`, with the query that found it.
    struct RankedHit: Sendable {
        var entry: SearchStatement.Entry
        var query: SearchQuery
        /// The words read as others that found it; nil for the words as typed.
        var corrections: [SearchCorrection]?
    }

    /// What `rank` found: the hits up to the end of the page, and how it read the query.
    struct Ranking: Sendable {
        var found: [RankedHit]
        /// The words read as others, when a hit came through them; else empty.
        var corrections: [SearchCorrection]
        var suggestion: String?
    }

    /// The steps of `searchResults(_:_:)`, up to `filters.offset + filters.limit` hits, without
    /// snippets; `query` is `text` parsed, not empty.
    static func rank(_ db: Database, text: String, query: SearchQuery, filters: SearchFilters) throws -> Ranking {
        let wanted = max(0, filters.offset).addingSaturating(filters.limit)
        // Every step asks for the whole list up to the end of the page.
        let page = {
            var page = filters
            page.offset = 0
            page.limit = wanted
            return page
        }()
        var found: [RankedHit] = []
        var seen: Set<Int64> = []
        func run(_ query: SearchQuery, _ corrections: [SearchCorrection]?, people: [Int64] = []) throws {
            for entry in try SearchStatement(query: query, filters: page, people: people).ranked(db)
            where found.count < wanted {
                if seen.insert(entry.rowID).inserted {
                    found.append(RankedHit(entry: entry, query: query, corrections: corrections))
                }
            }
        }
        try run(query, nil, people: try recordsOfNamedMembers(db, query: query, filters: filters))
        if found.count < wanted, let completed = query.completingLastWord() { try run(completed, nil) }
        var corrections: [SearchCorrection] = []
        var suggestion: String?
        if found.count < wanted {
            let vocabulary = SearchVocabulary(db: db)
            let open = query.lastWordIsOpen ? query.required.last?.last?.folded.last : nil
            var unknown: [String] = []
            for word in query.correctableWords where word.count >= 3 {
                if try vocabulary.contains(word) { continue }
                if word == open, try vocabulary.completes(word) { continue }
                unknown.append(word)
            }
            for word in unknown {
                if let term = try vocabulary.closest(to: word, edits: EditDistance.allowed(forLength: word.count)) {
                    corrections.append(SearchCorrection(typed: word, readAs: term))
                }
            }
            if !corrections.isEmpty {
                let corrected = query.correcting(corrections)
                try run(corrected, corrections)
                if found.count < wanted, let completed = corrected.completingLastWord() {
                    try run(completed, corrections)
                }
            }
            if found.isEmpty {
                var replacements: [String: String] = [:]
                for word in unknown {
                    let edits = max(1, EditDistance.allowed(forLength: word.count) + 1)
                    if let term = try vocabulary.closest(to: word, edits: edits) { replacements[word] = term }
                }
                // Written with their marks as the records found by the suggestion write them.
                if !replacements.isEmpty {
                    let suggested = SearchQuery(replacing(replacements, in: text))
                    var few = filters
                    few.offset = 0
                    few.limit = 5
                    few.snippets = true
                    // No confidential text decides how a word is offered.
                    few.includeConfidential = false
                    let snippets = try SearchStatement(query: suggested, filters: few).ranked(db).map {
                        try hit(db, $0, query: suggested, corrections: nil, snippet: true).snippet
                    }
                    let written = writtenForms(of: Set(replacements.values), in: snippets)
                    replacements = replacements.mapValues { written[$0] ?? $0 }
                }
                if !replacements.isEmpty { suggestion = replacing(replacements, in: text) }
            }
            // Say what was read as what only when it found something.
            if !found.contains(where: { $0.corrections != nil }) { corrections = [] }
        }
        return Ranking(found: found, corrections: corrections, suggestion: suggestion)
    }

    /// `items` as hits, with their snippets when `snippets` is true (read through `db`, which
    /// may be nil without them), and the corrected words as those hits write them.
    static func results(
        _ db: Database?, _ items: [RankedHit], corrections: [SearchCorrection], suggestion: String?, snippets: Bool
    ) throws -> SearchResults {
        let hits = try items.map { item in
            try hit(db, item.entry, query: item.query, corrections: item.corrections, snippet: snippets)
        }
        // The corrected words as the hits found through them write them, marks and all.
        let written = writtenForms(
            of: Set(corrections.map(\.readAs)), in: hits.filter { $0.corrections != nil }.map(\.snippet))
        return SearchResults(hits: hits, corrections: corrections, suggestion: suggestion, writtenForms: written)
    }

    /// The `search_entry` ids of the records of the members `query` names (`NamedPerson`),
    /// among the members of the cells `filters` names (every cell without a filter): meetings
    /// where one was absent or reported on a task of theirs, documents giving them a task, and
    /// records whose text writes their whole name. Empty when the query names nobody, or more
    /// than `namedMembersLimit` members (a word too common to be a person).
    static func recordsOfNamedMembers(_ db: Database, query: SearchQuery, filters: SearchFilters) throws -> [Int64] {
        guard let person = NamedPerson(query) else { return [] }
        // Only members whose given name is one of the words: the index answers that.
        let keys = String(decoding: try JSONEncoder().encode(person.folded), as: UTF8.self)
        var sql = "SELECT id, full_name FROM member WHERE given_name_key IN (SELECT value FROM json_each(?))"
        var arguments: StatementArguments = [keys]
        if let cell = filters.cellID {
            sql += " AND cell_id = ?"
            arguments += [cell]
        } else if let organization = filters.organizationID {
            sql += """
                 AND cell_id IN (SELECT id FROM cell WHERE organization_id IN (
                    WITH RECURSIVE below(id) AS (
                        SELECT id FROM organization WHERE id = ?
                        UNION SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
                    SELECT id FROM below))
                """
            arguments += [organization]
        }
        var named: [(id: String, name: String)] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            let name: String = row[1]
            if person.isNamed(by: name) { named.append((row[0], name)) }
            if named.count > namedMembersLimit { return [] }
        }
        guard !named.isEmpty else { return [] }
        let ids = String(decoding: try JSONEncoder().encode(named.map(\.id)), as: UTF8.self)
        var entries = Set(
            try Int64.fetchAll(
                db.cachedStatement(
                    sql: """
                        WITH named(id) AS (SELECT value FROM json_each(?)),
                        records(kind, id) AS (
                            SELECT 'meeting', meeting_id FROM attendance
                                WHERE member_id IN named AND presence <> 'present'
                            UNION SELECT 'meeting', r.meeting_id FROM task_report r JOIN task t ON t.id = r.task_id
                                WHERE t.assignee_id IN named
                            UNION SELECT 'document', document_id FROM task WHERE assignee_id IN named)
                        SELECT e.id FROM records r JOIN search_entry e ON e.kind = r.kind AND e.record_id = r.id
                        """), arguments: [ids]))
        let phrases = Set(named.map { NamedPerson.phrase(of: $0.name) }).sorted()
        entries.formUnion(
            try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT rowid FROM search_index WHERE search_index MATCH ?"),
                arguments: ["{title body} : (" + phrases.joined(separator: " OR ") + ")"]))
        return entries.sorted()
    }

    /// The most members one search may name before its words are taken as common words.
    static let namedMembersLimit = 50

    /// How the records write each of `words` (folded words of the index), read from the
    /// matched words of `snippets` (marked `⟦ ⟧`): for each, the written form whose folded form
    /// it is, the most frequent first, then the first met; words met in no snippet are left
    /// out. Lower case unless every form met was capitalised ("Tòng", a name).
    static func writtenForms(of words: Set<String>, in snippets: [String]) -> [String: String] {
        guard !words.isEmpty else { return [:] }
        var counts: [String: [String: (count: Int, first: Int)]] = [:]
        var order = 0
        for snippet in snippets {
            for piece in snippet.split(separator: "⟦").dropFirst() {
                for word in piece.prefix(while: { $0 != "⟧" }).split(whereSeparator: { !$0.isLetter }).map(String.init)
                {
                    let folded = VietnameseText.fold(word)
                    guard words.contains(folded) else { continue }
                    order += 1
                    counts[folded, default: [:]][word, default: (0, order)].count += 1
                }
            }
        }
        return counts.mapValues { forms in
            let best = forms.max { ($0.value.count, -$0.value.first) < ($1.value.count, -$1.value.first) }!.key
            let capitalised = forms.keys.allSatisfy { $0.first?.isUppercase == true }
            return capitalised ? best : best.lowercased()
        }
    }

    /// The words as typed, in one statement: no completion of the last word, no corrections.
    /// Tier (symbol 8, exact marks 4, exact marks in the title 2, words together 1; summed),
    /// then BM25 (title 10, body 1, symbol 8), then the newer record.
    ///
    /// - returns: the hits, best first; none for an empty query.
    /// - throws: `ArchiveError.queryTooLong` for more than `SearchQuery.maximumWords` words.
    public func searchAsTyped(_ text: String, _ filters: SearchFilters = SearchFilters()) async throws -> [SearchHit] {
        let query = try Self.parse(text)
        guard !query.isEmpty, filters.limit > 0 else { return [] }
        let statement = try SearchStatement(query: query, filters: filters)
        return try await pool.read { db in
            try statement.ranked(db).map { entry in
                try Self.hit(db, entry, query: query, corrections: nil, snippet: filters.snippets)
            }
        }
    }

    /// `text` parsed, within the bounds.
    private static func parse(_ text: String) throws -> SearchQuery {
        // Bounded before any parsing or FTS5 work: a hostile query must not cost seconds.
        guard text.utf8.count <= SearchQuery.maximumLength else {
            throw ArchiveError.queryTooLong(words: nil, maximum: SearchQuery.maximumWords)
        }
        let query = SearchQuery(text)
        guard query.wordCount <= SearchQuery.maximumWords else {
            throw ArchiveError.queryTooLong(words: query.wordCount, maximum: SearchQuery.maximumWords)
        }
        return query
    }

    /// `text` with each white-space-separated word whose folded form is a key replaced by its value.
    private static func replacing(_ replacements: [String: String], in text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).map { piece in
            let words = VietnameseText.words(String(piece))
            if words.count == 1, let term = replacements[words[0].folded] { return term }
            return String(piece)
        }.joined(separator: " ")
    }

    private static func hit(
        _ db: Database?, _ entry: SearchStatement.Entry, query: SearchQuery, corrections: [SearchCorrection]?,
        snippet wanted: Bool
    ) throws -> SearchHit {
        // The body is read only if the symbol and title leave room for a better passage.
        let snippet =
            if wanted, let db {
                try Snippet.make(
                    from: (entry.symbol.map { ["Số \($0)"] } ?? []) + [entry.title],
                    then: { try paragraphs(db, kind: entry.kind, id: entry.recordID) }, query: query)
            } else {
                ""
            }
        return SearchHit(
            id: entry.recordID, kind: entry.kind, type: entry.type, symbol: entry.symbol,
            date: LocalDate(entry.date) ?? LocalDate("1970-01-01")!, cell: entry.cellID, title: entry.title,
            snippet: snippet, score: Double(entry.tier) + entry.relevance / (1 + entry.relevance),
            corrections: corrections, confidential: entry.confidential)
    }

    /// The paragraphs a snippet is cut from: a meeting's agenda, proceedings and conclusion,
    /// a document's body and tasks, in order; read directly, not as whole records.
    static func paragraphs(_ db: Database, kind: RecordKind, id: String) throws -> [String] {
        let sql =
            kind == .meeting
            ? """
            SELECT text FROM meeting_text WHERE meeting_id = ? AND section IN ('agenda', 'proceedings', 'conclusion')
            ORDER BY section = 'conclusion', section = 'proceedings', position
            """
            : """
            SELECT text FROM (
                SELECT 0 AS part, position, text FROM document_text WHERE document_id = ?1 AND section = 'body'
                UNION ALL SELECT 1, position, text FROM task WHERE document_id = ?1)
            ORDER BY part, position
            """
        return try String.fetchAll(db.cachedStatement(sql: sql), arguments: [id])
    }

    /// Makes the search index again from the records, in one transaction.
    public func reindex() async throws {
        try await write { db in try SearchIndexer(db: db).rebuild() }
    }
}

extension Archive {
    /// The plain FTS5 query under `search`: the same folded expression matched against the
    /// same index, ordered by BM25 alone, with no tiers, filters, joins or snippets. It is the
    /// limit `search` is measured against; the benchmark calls it.
    ///
    /// - returns: the rowids of the first `limit` matches.
    public func rawFullTextSearch(_ text: String, limit: Int = 20) async throws -> [Int64] {
        let query = SearchQuery(text)
        guard !query.isEmpty else { return [] }
        return try await pool.read { db in
            try Int64.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT rowid FROM search_index WHERE search_index MATCH ?
                        ORDER BY bm25(search_index, 10.0, 1.0, 8.0) LIMIT ?
                        """), arguments: ["{title body symbol} : " + query.foldedExpression, limit])
        }
    }
}
