import ArchiveCore
import Foundation
import GRDB

extension Archive {
    /// Finds meetings and documents by what they say, typed the way people type.
    ///
    /// Accent-insensitive (`đ` folds to `d`); when the query carries diacritics, records with
    /// the exact marks come first ("Đảng" above "dáng"); then records where the words stand
    /// together; then BM25 with the title weighted above the body; ties go to the newer record.
    /// Confidential documents are left out unless the filters include them.
    ///
    /// ```swift
    /// let hits = try archive.search("nghi quyet 05-nq", SearchFilters(cellID: "cb-na-pan"))
    /// ```
    ///
    /// - returns: the hits, best first; none for an empty query.
    public func search(_ text: String, _ filters: SearchFilters = SearchFilters()) async throws -> [SearchHit] {
        // Bounded before any parsing or FTS5 work: a hostile query must not cost seconds.
        guard text.utf8.count <= SearchQuery.maximumLength else {
            throw ArchiveError.queryTooLong(words: nil, maximum: SearchQuery.maximumWords)
        }
        let query = SearchQuery(text)
        guard query.wordCount <= SearchQuery.maximumWords else {
            throw ArchiveError.queryTooLong(words: query.wordCount, maximum: SearchQuery.maximumWords)
        }
        guard !query.isEmpty, filters.limit > 0 else { return [] }
        let statement = try SearchStatement(query: query, filters: filters)
        return try await pool.read { db in
            try statement.ranked(db).map { entry in
                // The body is read only if the symbol and title leave room for a better passage.
                let snippet = try Snippet.make(
                    from: (entry.symbol.map { ["Số \($0)"] } ?? []) + [entry.title],
                    then: { try Self.paragraphs(db, kind: entry.kind, id: entry.recordID) }, query: query)
                return SearchHit(
                    id: entry.recordID, kind: entry.kind, type: entry.type, symbol: entry.symbol,
                    date: LocalDate(entry.date) ?? LocalDate("1970-01-01")!, cell: entry.cellID, title: entry.title,
                    snippet: snippet,
                    score: Double(entry.tier) + entry.relevance / (1 + entry.relevance))
            }
        }
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
