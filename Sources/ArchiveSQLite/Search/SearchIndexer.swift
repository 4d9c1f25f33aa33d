import ArchiveCore
import GRDB

/// Keeps the search index in step with the records, inside the caller's transaction.
///
/// Each meeting and document has one `search_entry` row (what filters and hits need) and one
/// `search_text` row with the same id (the text it is found by, as written, stored once).
/// Two FTS5 tables index that text with `search_text` as their external content:
/// `search_index` folded (through the `search_folded` view, which writes `đ` as `d`, and
/// `remove_diacritics 2`, which drops every other mark) and `search_exact` with its marks.
/// Both are plain SQL and SQLite's own tokenizer, so any `sqlite3` can read, check and
/// rebuild them. Writing a record writes its entry in the same transaction; `rebuild` makes
/// the index again from the records, and `verify` says where it no longer matches them.
struct SearchIndexer {
    let db: Database

    /// The text a record is found by.
    struct Entry: Equatable {
        var kind: RecordKind
        var recordID: String
        var cellID: String
        var date: String
        var type: String
        var status: String?
        var classification: String
        var symbol: String?
        var title: String
        var body: String
        /// Extra words a symbol is typed as: "05-NQ/CB" also as "5 nq", "nq 05", "nq5".
        var symbolWords: String
    }

    // MARK: Entries from records

    private func names(_ ids: [String]) throws -> [String] {
        try ids.compactMap { id in
            try String.fetchOne(db.cachedStatement(sql: "SELECT full_name FROM member WHERE id = ?"), arguments: [id])
        }
    }

    func entry(for meeting: Meeting) throws -> Entry {
        let title = meeting.topic ?? "Kỳ sinh hoạt \(meeting.kind.vietnameseName) ngày \(meeting.date.vietnameseShort)"
        let body =
            try [meeting.place] + meeting.guests + meeting.agenda + meeting.proceedings + meeting.conclusion
            + meeting.taskReports.compactMap(\.note)
            + [meeting.rating?.note, meeting.committeeRating?.note].compactMap { $0 }
            + names([meeting.chairID, meeting.recorderID])
        return Entry(
            kind: .meeting, recordID: meeting.id, cellID: meeting.cellID, date: meeting.date.description,
            type: meeting.kind.rawValue, status: nil, classification: Document.Classification.none.rawValue,
            symbol: nil, title: title, body: body.joined(separator: "\n"), symbolWords: "")
    }

    func entry(for document: Document) throws -> Entry {
        let issuerCode =
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT issuer_code FROM cell WHERE id = ?"), arguments: [document.cellID])
            ?? "CB"
        let symbol = document.symbol(issuerCode: issuerCode)
        var symbolWords = ""
        if let number = document.number, let symbol {
            let type = document.kind.rawValue
            let padded = symbol.prefix { $0 != "-" }
            symbolWords =
                "\(symbol) \(number) \(type) \(issuerCode) \(type)\(padded) \(type)\(number) \(padded)\(type) \(number)\(type)"
        }
        let body =
            try [document.place] + document.body + document.tasks.map(\.text) + document.recipients
            + names(document.signature.map { [$0.memberID] } ?? [])
        return Entry(
            kind: .document, recordID: document.id, cellID: document.cellID, date: document.date.description,
            type: document.kind.rawValue, status: document.status.rawValue,
            classification: document.classification.rawValue, symbol: symbol, title: document.title,
            body: body.joined(separator: "\n"), symbolWords: symbolWords)
    }

    // MARK: Writing

    /// Removes a record's entry, if it has one. The FTS5 tables are told the text they
    /// indexed, read back from `search_text` before it goes.
    func remove(kind: RecordKind, recordID: String) throws {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT e.id, t.title, t.body, t.symbol FROM search_entry e LEFT JOIN search_text t ON t.id = e.id
                        WHERE e.kind = ? AND e.record_id = ?
                        """), arguments: [kind, recordID])
        else { return }
        let rowID: Int64 = row[0]
        if let title: String = row[1], let body: String = row[2], let symbol: String = row[3] {
            let fold = VietnameseText.withoutStroke
            try db.cachedStatement(
                sql: "INSERT INTO search_index (search_index, rowid, title, body, symbol) VALUES ('delete', ?, ?, ?, ?)"
            ).execute(arguments: [rowID, fold(title), fold(body), fold(symbol)])
            let marks = VietnameseText.tonePlacementNormalized
            try db.cachedStatement(
                sql: "INSERT INTO search_exact (search_exact, rowid, title, body) VALUES ('delete', ?, ?, ?)"
            ).execute(arguments: [rowID, marks(title), marks(body)])
        }
        try db.cachedStatement(sql: "DELETE FROM search_text WHERE id = ?").execute(arguments: [rowID])
        try db.cachedStatement(sql: "DELETE FROM search_entry WHERE id = ?").execute(arguments: [rowID])
    }

    /// Writes `entry`, replacing the record's previous one.
    func write(_ entry: Entry) throws {
        try remove(kind: entry.kind, recordID: entry.recordID)
        let rowID = try insert(entry)
        // Single-row VALUES, with the view's folding done here: an INSERT … SELECT into FTS5
        // opens a statement savepoint, and FTS5 writes its pending terms out at every
        // savepoint, which made each record a segment of its own.
        let fold = VietnameseText.withoutStroke
        try db.cachedStatement(sql: "INSERT INTO search_index (rowid, title, body, symbol) VALUES (?, ?, ?, ?)")
            .execute(arguments: [rowID, fold(entry.title), fold(entry.body), fold(entry.symbolWords)])
        let marks = VietnameseText.tonePlacementNormalized
        try db.cachedStatement(sql: "INSERT INTO search_exact (rowid, title, body) VALUES (?, ?, ?)")
            .execute(arguments: [rowID, marks(entry.title), marks(entry.body)])
    }

    /// Writes the entry's `search_entry` and `search_text` rows, not yet indexed.
    private func insert(_ entry: Entry) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO search_entry (kind, record_id, cell_id, date, type, status, classification, symbol, title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entry.kind, entry.recordID, entry.cellID, entry.date, entry.type, entry.status, entry.classification,
            entry.symbol, entry.title,
        ])
        let rowID = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO search_text (id, title, body, symbol) VALUES (?, ?, ?, ?)")
            .execute(arguments: [rowID, entry.title, entry.body, entry.symbolWords])
        return rowID
    }

    func index(_ meeting: Meeting) throws { try write(entry(for: meeting)) }
    func index(_ document: Document) throws { try write(entry(for: document)) }

    /// Makes the whole index again from the records: the entries and text row by row, then
    /// each FTS5 table in one pass over `search_text`.
    func rebuild() throws {
        try db.execute(
            sql: """
                DELETE FROM search_text; DELETE FROM search_entry;
                INSERT INTO search_index (search_index) VALUES ('delete-all');
                INSERT INTO search_exact (search_exact) VALUES ('delete-all');
                """)
        let reader = RecordReader(db: db)
        let meetings = try Row.fetchCursor(db, sql: "SELECT * FROM meeting ORDER BY id")
        while let row = try meetings.next() { _ = try insert(entry(for: reader.meeting(row))) }
        let documents = try Row.fetchCursor(db, sql: "SELECT * FROM document ORDER BY id")
        while let row = try documents.next() { _ = try insert(entry(for: reader.document(row))) }
        try db.execute(
            sql: """
                INSERT INTO search_index (search_index) VALUES ('rebuild');
                INSERT INTO search_exact (search_exact) VALUES ('rebuild');
                """)
    }

    /// FTS5's own check of both tables: their structures, and that they index exactly what
    /// `search_text` holds. It needs a write connection, though it changes nothing.
    func integrityProblems() -> [String] {
        ["search_index", "search_exact"].compactMap { table in
            do {
                try db.execute(sql: "INSERT INTO \(table) (\(table), rank) VALUES ('integrity-check', 1)")
                return nil
            } catch {
                return "chỉ mục FTS5 \(table) hỏng hoặc lệch với văn bản của nó (\(error))"
            }
        }
    }

    /// Where the index no longer matches the records, in Vietnamese; empty when it does.
    func verify() throws -> [String] {
        var problems: [String] = []
        let reader = RecordReader(db: db)
        var expected = 0
        func compare(_ entry: Entry) throws {
            expected += 1
            let stored = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT e.cell_id, e.date, e.type, e.status, e.classification, e.symbol, e.title,
                               t.title, t.body, t.symbol
                        FROM search_entry e JOIN search_text t ON t.id = e.id
                        WHERE e.kind = ? AND e.record_id = ?
                        """), arguments: [entry.kind, entry.recordID])
            guard let stored else {
                problems.append("chỉ mục tìm kiếm thiếu \(entry.recordID)")
                return
            }
            let storedValues: [String?] = (0..<10).map { stored[$0] }
            let expectedValues: [String?] = [
                entry.cellID, entry.date, entry.type, entry.status, entry.classification, entry.symbol, entry.title,
                entry.title, entry.body, entry.symbolWords,
            ]
            if storedValues != expectedValues { problems.append("chỉ mục tìm kiếm lệch với bản ghi \(entry.recordID)") }
        }
        let meetings = try Row.fetchCursor(db, sql: "SELECT * FROM meeting ORDER BY id")
        while let row = try meetings.next() { try compare(entry(for: reader.meeting(row))) }
        let documents = try Row.fetchCursor(db, sql: "SELECT * FROM document ORDER BY id")
        while let row = try documents.next() { try compare(entry(for: reader.document(row))) }
        let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_entry") ?? 0
        let texts = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_text") ?? 0
        if indexed != expected || texts != expected {
            problems.append("chỉ mục tìm kiếm có \(indexed) mục và \(texts) văn bản cho \(expected) bản ghi")
        }
        return problems
    }
}
