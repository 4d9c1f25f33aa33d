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
    public func search(_ text: String, _ filters: SearchFilters = SearchFilters()) throws -> [SearchHit] {
        let query = SearchQuery(text)
        guard !query.isEmpty, filters.limit > 0 else { return [] }
        return try pool.read { db in
            // Placeholders, in statement order: the tiers (in the SELECT list), the MATCH, the filters.
            var tiers: [String] = []
            var tierArguments: StatementArguments = []
            // Tiers, highest first: the document bearing the symbol (8); records with the exact
            // marks (4, and 2 more when in the title: BM25 cannot tell titles apart for a word
            // most records hold); records where the words stand together (1). BM25 orders each
            // tier. The symbol and adjacency tiers come from where the matched phrases stand
            // (SearchTier); the exact marks need a MATCH of their own over the exact columns.
            let (groups, adjacent) = SearchTier.arguments(for: query)
            if groups != nil || adjacent != nil {
                tiers.append("\(SearchTier.name)(search_index, ?, ?)")
                tierArguments += [groups, adjacent]
            }
            func tier(_ weight: Int, _ expression: String) {
                tiers.append("\(weight) * (e.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?))")
                tierArguments += [expression]
            }
            if query.carriesDiacritics {
                tier(4, "{title_exact body_exact} : " + query.exactExpression)
                tier(2, "{title_exact} : " + query.exactExpression)
            }
            var conditions = ["search_index MATCH ?"]
            var arguments: StatementArguments = ["{title body symbol} : " + query.foldedExpression]
            func bind(_ values: [String]) throws -> String {
                String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
            }
            if let cell = filters.cellID {
                conditions.append("e.cell_id = ?")
                arguments += [cell]
            }
            if let organization = filters.organizationID {
                conditions.append(
                    """
                    e.cell_id IN (SELECT id FROM cell WHERE organization_id IN (
                        WITH RECURSIVE below(id) AS (
                            SELECT id FROM organization WHERE id = ?
                            UNION SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
                        SELECT id FROM below))
                    """)
                arguments += [organization]
            }
            if !filters.kinds.isEmpty {
                conditions.append("e.kind IN (SELECT value FROM json_each(?))")
                arguments += [try bind(filters.kinds.map(\.rawValue))]
            }
            if !filters.types.isEmpty {
                conditions.append("e.kind = 'document' AND e.type IN (SELECT value FROM json_each(?))")
                arguments += [try bind(filters.types.map(\.rawValue))]
            }
            if !filters.statuses.isEmpty {
                conditions.append("e.status IN (SELECT value FROM json_each(?))")
                arguments += [try bind(filters.statuses.map(\.rawValue))]
            }
            if let from = filters.from {
                conditions.append("e.date >= ?")
                arguments += [from.description]
            }
            if let to = filters.to {
                conditions.append("e.date <= ?")
                arguments += [to.description]
            }
            if !filters.includeConfidential { conditions.append("e.classification = 'none'") }
            let tier = tiers.isEmpty ? "0" : tiers.joined(separator: " + ")
            let sql = """
                SELECT e.kind, e.record_id, e.type, e.symbol, e.date, e.cell_id, e.title,
                       -bm25(search_index, 10.0, 1.0, 8.0, 0.0, 0.0) AS relevance, \(tier) AS tier
                FROM search_index JOIN search_entry e ON e.id = search_index.rowid
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY tier DESC, relevance DESC, e.date DESC, e.record_id
                LIMIT ? OFFSET ?
                """
            let ordered = tierArguments + arguments + [filters.limit, filters.offset]
            return try Row.fetchAll(db, sql: sql, arguments: ordered).map { row in
                let kind: String = row[0]
                let id: String = row[1]
                let relevance: Double = row[7]
                let tierValue: Int = row[8]
                let symbol: String? = row[3]
                let texts =
                    (symbol.map { ["Số \($0)"] } ?? []) + [row[6]] + (try Self.paragraphs(db, kind: kind, id: id))
                let title: String = row[6]
                return SearchHit(
                    id: id, kind: kind, type: row[2], symbol: row[3],
                    date: LocalDate(row[4]) ?? LocalDate("1970-01-01")!,
                    cell: row[5], title: title, snippet: Snippet.make(from: texts, query: query),
                    score: Double(tierValue) + relevance / (1 + relevance))
            }
        }
    }

    /// The paragraphs a snippet is cut from: a meeting's agenda, proceedings and conclusion,
    /// a document's body and tasks, in order; read directly, not as whole records.
    static func paragraphs(_ db: Database, kind: String, id: String) throws -> [String] {
        let sql =
            kind == "meeting"
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
    public func reindex() throws {
        try pool.write { db in try SearchIndexer(db: db).rebuild() }
    }
}

extension Archive {
    /// The plain FTS5 query under `search`: the same folded expression matched against the
    /// same index, ordered by BM25 alone, with no tiers, filters, joins or snippets. It is the
    /// limit `search` is measured against; the benchmark calls it.
    ///
    /// - returns: the rowids of the first `limit` matches.
    public func rawFullTextSearch(_ text: String, limit: Int = 20) throws -> [Int64] {
        let query = SearchQuery(text)
        guard !query.isEmpty else { return [] }
        return try pool.read { db in
            try Int64.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT rowid FROM search_index WHERE search_index MATCH ?
                        ORDER BY bm25(search_index, 10.0, 1.0, 8.0, 0.0, 0.0) LIMIT ?
                        """), arguments: ["{title body symbol} : " + query.foldedExpression, limit])
        }
    }
}
