import ArchiveCore
import GRDB

extension Archive {
    /// The next free number in the sequence of (cell, type, term): one past the highest
    /// number any non-draft document of that sequence holds, or 1 for a new sequence.
    ///
    /// Numbers run for each type within one committee term, not per year, and confidential
    /// documents share the sequence of their type (`domain.md`).
    ///
    /// ```swift
    /// try archive.nextFreeNumber(cellID: "cb-na-pan", kind: .resolution, termID: "2022-2025")   // 25
    /// ```
    ///
    /// - throws: `ArchiveError.notFound` when the cell, or the term in that cell, is unknown.
    public func nextFreeNumber(cellID: String, kind: Document.Kind, termID: String?) async throws -> Int {
        try await pool.read { db in try Self.nextFreeNumber(db, cellID: cellID, kind: kind, termID: termID) }
    }

    /// `nextFreeNumber` inside a read or write already open (the one `issue` runs in).
    static func nextFreeNumber(_ db: Database, cellID: String, kind: Document.Kind, termID: String?) throws -> Int {
        try RecordReader(db: db).requireCell(cellID)
        if let termID, try !SQLiteLookup(db: db).hasTerm(termID, inCell: cellID) {
            throw ArchiveError.notFound(id: termID)
        }
        let highest = try Int.fetchOne(
            db,
            sql: """
                SELECT max(number) FROM document
                WHERE cell_id = ? AND type = ? AND ifnull(term_id, '') = ? AND status <> 'draft'
                """, arguments: [cellID, kind.rawValue, termID ?? ""])
        return try LifecycleRules.nextNumber(after: highest, cellID: cellID, kind: kind, termID: termID)
    }
}
