import ArchiveCore
import Foundation
import GRDB

/// The SQL behind `Archive.search`, and the order it promises: tier (a named member's record
/// 16, symbol 8, exact marks 4, exact marks in the title 2, words together 1; summed) descending, then BM25 descending
/// (title 10, body 1, symbol 8), then the newer date, then the record id; filters applied,
/// confidential documents left out unless asked.
///
/// The plain way, one statement joining every match to its `search_entry` row and sorting
/// them all, pays a B-tree lookup per match before the LIMIT: for a word half the records
/// hold, that is as much again as FTS5's own work. So unless a filter narrows the search to
/// a cell or a committee (where the plain statement is the quick one), the search runs in
/// two steps: FTS5 alone ranks its matches by tier and BM25 and keeps the first few
/// (`candidateCount`); only those are joined, filtered and ordered in full. That gives the
/// same answer whenever enough candidates survive the filters above the last candidate's
/// (tier, BM25), since every match left out ranks at or below it; when too few do, the plain
/// statement runs instead.
struct SearchStatement {
    /// One ranked match, with what a hit needs.
    struct Entry {
        var rowID: Int64
        var kind: RecordKind
        var recordID: String
        var type: String
        var symbol: String?
        var date: String
        var cellID: String
        var title: String
        /// Marked Mật or higher.
        var confidential: Bool
        var tier: Int
        var relevance: Double
    }

    let filters: SearchFilters
    /// The tier expression (over `search_index`) and its arguments.
    let tier: String
    let tierArguments: StatementArguments
    /// The MATCH expression.
    let match: String
    /// Conditions on `search_entry e`, and their arguments.
    let conditions: [String]
    let conditionArguments: StatementArguments

    static let relevance = "-bm25(search_index, 10.0, 1.0, 8.0)"

    /// - parameter people: the `search_entry` ids of the records of the members the query
    ///   names (`Archive.recordsOfNamedMembers`), ranked above every other tier.
    init(query: SearchQuery, filters: SearchFilters, people: [Int64] = []) throws {
        self.filters = filters
        // Tiers, highest first: the document bearing the symbol (8); records with the exact
        // marks (4, and 2 more when in the title: BM25 cannot tell titles apart for a word
        // most records hold); records where the words stand together (1). BM25 orders each
        // tier. The symbol and adjacency tiers come from where the matched phrases stand
        // (SearchTier); the exact marks need a MATCH of their own over `search_exact`.
        var tiers: [String] = []
        var tierArguments: StatementArguments = []
        let (groups, adjacent) = SearchTier.arguments(for: query)
        if groups != nil || adjacent != nil {
            tiers.append("\(SearchTier.name)(search_index, ?, ?)")
            tierArguments += [groups, adjacent]
        }
        func tier(_ weight: Int, _ expression: String) {
            tiers.append(
                "\(weight) * (search_index.rowid IN (SELECT rowid FROM search_exact WHERE search_exact MATCH ?))")
            tierArguments += [expression]
        }
        if query.carriesDiacritics {
            tier(4, query.exactExpression)
            tier(2, "{title} : " + query.exactExpression)
        }
        if !people.isEmpty {
            tiers.append("16 * (search_index.rowid IN (SELECT value FROM json_each(?)))")
            tierArguments += [String(decoding: try JSONEncoder().encode(people), as: UTF8.self)]
        }
        self.tier = tiers.isEmpty ? "0" : tiers.joined(separator: " + ")
        self.tierArguments = tierArguments
        match = "{title body symbol} : " + query.foldedExpression

        var conditions: [String] = []
        var arguments: StatementArguments = []
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
        self.conditions = conditions
        conditionArguments = arguments
    }

    /// The hits `filters` asks for (its offset and limit), in order.
    func ranked(_ db: Database) throws -> [Entry] {
        if filters.cellID == nil && filters.organizationID == nil, let entries = try inTwoSteps(db) {
            return entries
        }
        return try plain(db)
    }

    /// How many matches FTS5 hands on in the first step: enough for the page, for ties at the
    /// cut, and for what the filters may drop.
    /// (Saturating: a page asked for near `Int.max` must not trap.)
    var candidateCount: Int { wanted.multipliedSaturating(by: 4).addingSaturating(64) }

    /// The hits up to the end of the page.
    var wanted: Int { max(0, filters.offset).addingSaturating(max(0, filters.limit)) }

    private static let entryColumns =
        "e.id, e.kind, e.record_id, e.type, e.symbol, e.date, e.cell_id, e.title, e.classification <> 'none'"

    private static func entry(_ row: Row, tier: Int, relevance: Double) -> Entry {
        Entry(
            rowID: row[0], kind: row[1], recordID: row[2], type: row[3], symbol: row[4], date: row[5], cellID: row[6],
            title: row[7], confidential: row[8], tier: tier, relevance: relevance)
    }

    /// The plain statement: every match joined, filtered and sorted.
    func plain(_ db: Database) throws -> [Entry] {
        let sql = """
            SELECT \(Self.entryColumns), \(Self.relevance) AS relevance, \(tier) AS tier
            FROM search_index JOIN search_entry e ON e.id = search_index.rowid
            WHERE \((["search_index MATCH ?"] + conditions).joined(separator: " AND "))
            ORDER BY tier DESC, relevance DESC, e.date DESC, e.record_id
            LIMIT ? OFFSET ?
            """
        let arguments = tierArguments + [match] + conditionArguments + [filters.limit, max(0, filters.offset)]
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            Self.entry(row, tier: row[10], relevance: row[9])
        }
    }

    /// The two steps; nil when too few candidates survive the filters to be sure of the page.
    func inTwoSteps(_ db: Database) throws -> [Entry]? {
        let count = candidateCount
        let candidates = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT rowid, \(tier) AS tier, \(Self.relevance) AS relevance
                    FROM search_index WHERE search_index MATCH ?
                    ORDER BY tier DESC, relevance DESC LIMIT ?
                    """), arguments: tierArguments + [match, count]
        ).map { row -> (rowID: Int64, tier: Int, relevance: Double) in (row[0], row[1], row[2]) }
        guard let last = candidates.last else { return [] }
        // With a full set of candidates, matches left out may tie with the last one: keep only
        // the candidates strictly above it, which rank above every match left out.
        let isCut = candidates.count == count
        var ranks: [Int64: (tier: Int, relevance: Double)] = [:]
        for candidate in candidates
        where !isCut || candidate.tier > last.tier
            || (candidate.tier == last.tier && candidate.relevance > last.relevance)
        {
            ranks[candidate.rowID] = (candidate.tier, candidate.relevance)
        }
        let ids = String(decoding: try JSONEncoder().encode(Array(ranks.keys)), as: UTF8.self)
        var entries = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT \(Self.entryColumns) FROM search_entry e
                    WHERE \((["e.id IN (SELECT value FROM json_each(?))"] + conditions).joined(separator: " AND "))
                    """), arguments: [ids] + conditionArguments
        ).map { row in
            let rank = ranks[row[0]]!
            return Self.entry(row, tier: rank.tier, relevance: rank.relevance)
        }
        if isCut && entries.count < wanted { return nil }
        // SQLite compares text bytewise (BINARY); so does this.
        entries.sort { a, b in
            if a.tier != b.tier { return a.tier > b.tier }
            if a.relevance != b.relevance { return a.relevance > b.relevance }
            if !a.date.utf8.elementsEqual(b.date.utf8) { return b.date.utf8.lexicographicallyPrecedes(a.date.utf8) }
            return a.recordID.utf8.lexicographicallyPrecedes(b.recordID.utf8)
        }
        return Array(entries.dropFirst(max(0, filters.offset)).prefix(filters.limit))
    }
}
