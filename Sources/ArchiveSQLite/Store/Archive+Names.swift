import ArchiveCore
import GRDB

extension Archive {
    /// The identifier of the cell or committee `typed` names (`NameMatch`): "cb-na-pan",
    /// "Chi bộ thôn Nà Pàn", "Nà Pàn" and "na pan" all give `cb-na-pan`.
    ///
    /// - parameter kind: `.cell` or `.organization`; any other kind is looked up by code only.
    /// - throws: `ArchiveError.noSuchName` with the closest names, `ArchiveError.ambiguousName`
    ///   with every candidate.
    public func identifier(naming typed: String, kind: RecordKind) async throws -> String {
        let table: String
        switch kind {
        case .cell: table = "cell"
        case .organization: table = "organization"
        default: return typed
        }
        let candidates = try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)").map {
                (id: $0[0] as String, name: $0[1] as String)
            }
        }
        switch NameMatch.find(typed, among: candidates) {
        case .found(let id): return id
        case .ambiguous(let found): throw ArchiveError.ambiguousName(typed: typed, kind: kind, candidates: found)
        case .none(let closest): throw ArchiveError.noSuchName(typed: typed, kind: kind, closest: closest)
        }
    }

    /// The record `typed` names: its code, or a cell and a day ("Nà Pàn 28/12/2024", "cb-na-pan
    /// 2024-12-28") for that cell's minutes of the day (issue 11, item 9).
    ///
    /// - returns: `typed` itself when it is a record's code (of any kind), or when it is
    ///   several words ending in no date.
    /// - throws: `ArchiveError.noSuchRecord` with the closest codes when `typed` is one word
    ///   and no record's code; `ArchiveError.noSuchName` (kind `.meeting`, with the cell's
    ///   minutes nearest in date) when the cell held none that day; `ArchiveError.ambiguousName`
    ///   when it held several; what `identifier(naming:kind:)` throws for the cell.
    ///
    /// - parameter expected: `.meeting` or `.document` when the command works on one kind
    ///   only: a code of the other kind is refused as such (`ArchiveError.wrongKind`), and the
    ///   closest codes offered are of that kind.
    public func recordID(naming typed: String, expecting expected: RecordKind? = nil) async throws -> String {
        let text = TextNormalization.collapsed(typed)
        let kinds = try await pool.read { db in try db.recordKinds(holding: text) }
        if let expected, let kind = kinds.first, !kinds.contains(expected) {
            throw ArchiveError.wrongKind(id: text, kind: kind, expected: expected)
        }
        if !kinds.isEmpty { return text }
        var words = text.split(separator: " ").map(String.init)
        if words.count <= 1 {
            throw ArchiveError.noSuchRecord(typed: text, closest: try await closestRecords(to: text, kind: expected))
        }
        guard words.count >= 2, let last = words.popLast(), case .date(let day) = LocalDate.typed(last) else {
            return typed
        }
        let cellID = try await identifier(naming: words.joined(separator: " "), kind: .cell)
        let (ofDay, nearest) = try await pool.read { db in
            let ofDay = try Row.fetchAll(
                db, sql: "SELECT id, kind FROM meeting WHERE cell_id = ? AND date = ? ORDER BY start_time, id",
                arguments: [cellID, day.description])
            let nearest = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, date FROM meeting WHERE cell_id = ?
                    ORDER BY abs(julianday(date) - julianday(?)), date, id LIMIT 3
                    """, arguments: [cellID, day.description])
            return (ofDay, nearest)
        }
        func candidate(_ row: Row, date: LocalDate) -> NameMatch.Candidate {
            let kind = Meeting.Kind(rawValue: row["kind"]).map(\.vietnameseName) ?? ""
            return NameMatch.Candidate(id: row["id"], name: "kỳ \(kind) ngày \(date.vietnameseShort)")
        }
        if ofDay.count == 1 { return ofDay[0]["id"] }
        if ofDay.count > 1 {
            throw ArchiveError.ambiguousName(
                typed: text, kind: .meeting, candidates: ofDay.map { candidate($0, date: day) })
        }
        throw ArchiveError.noSuchName(
            typed: text, kind: .meeting,
            closest: nearest.map { candidate($0, date: LocalDate($0["date"]) ?? day) })
    }

    /// The minutes and documents whose codes are closest to `typed` (at most three edits, the
    /// nearest first, at most `limit`; case aside), each named as people know it: "kỳ thường kỳ ngày
    /// 15/12/2024, Chi bộ thôn Nà Pàn", "nghị quyết 23-NQ/CB, Chi bộ thôn Nà Pàn". A title
    /// is never shown: it may be a confidential document's.
    func closestRecords(to typed: String, kind: RecordKind? = nil, limit: Int = 3) async throws -> [NameMatch.Candidate]
    {
        // Nothing to compare an empty or very long code with: no code is near it.
        guard !typed.isEmpty, typed.count <= 200 else { return [] }
        return try await pool.read { db in
            var scored: [(distance: Int, shared: Int, id: String)] = []
            let sql =
                switch kind {
                case .meeting?: "SELECT id FROM meeting"
                case .document?: "SELECT id FROM document"
                default: "SELECT id FROM meeting UNION ALL SELECT id FROM document"
                }
            let rows = try Row.fetchCursor(db, sql: sql)
            let lowered = typed.lowercased()
            while let row = try rows.next() {
                let id: String = row[0]
                if let distance = EditDistance.between(lowered, id.lowercased(), atMost: 3) {
                    let shared = zip(lowered, id.lowercased()).prefix { $0 == $1 }.count
                    scored.append((distance, shared, id))
                }
            }
            // Fewest edits, then the longest start in common ("np-2024-13": np-2024-12 before
            // np-2024-03), then the code.
            scored.sort { ($0.distance, -$0.shared, $0.id) < ($1.distance, -$1.shared, $1.id) }
            let reader = RecordReader(db: db)
            return try scored.prefix(limit).map { candidate in
                let id = candidate.id
                if let row = try Row.fetchOne(
                    db,
                    sql: "SELECT m.kind, m.date, c.name FROM meeting m JOIN cell c ON c.id = m.cell_id WHERE m.id = ?",
                    arguments: [id])
                {
                    let kind = Meeting.Kind(rawValue: row[0]).map(\.vietnameseName) ?? ""
                    let date = LocalDate(row[1] as String).map(\.vietnameseShort) ?? (row[1] as String)
                    return NameMatch.Candidate(id: id, name: "kỳ \(kind) ngày \(date), \(row[2] as String)")
                }
                let documentRow = try Row.fetchOne(db, sql: "SELECT * FROM document WHERE id = ?", arguments: [id])
                guard let document = try documentRow.map({ try reader.document($0, withAttachments: false) }),
                    let cell = try reader.cell(id: document.cellID, withMembers: false)
                else { return NameMatch.Candidate(id: id, name: id) }
                let kind = document.kind.vietnameseName.lowercased()
                let which =
                    document.symbol(issuerCode: cell.issuerCode) ?? "dự thảo ngày \(document.date.vietnameseShort)"
                return NameMatch.Candidate(id: id, name: "\(kind) \(which), \(cell.name)")
            }
        }
    }
}
