import GRDB

/// Keeps the search index in step with the records, inside the caller's transaction.
///
/// Each meeting and document has one `search_entry` row (what filters and hits need) and one
/// `search_index` row with the same rowid (the text, folded and exact). Writing a record
/// writes its entry in the same transaction; `rebuild` makes the index again from the
/// records, and `verify` says where it no longer matches them.
struct SearchIndexer {
    let db: Database

    /// The text a record is found by.
    struct Entry: Equatable {
        var kind: String
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

        var foldedTitle: String { VietnameseText.fold(title) }
        var foldedBody: String { VietnameseText.fold(body) }
        var exactTitle: String { title.lowercased() }
        var exactBody: String { body.lowercased() }
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
            + meeting.taskReports.compactMap(\.note) + (meeting.rating?.note.map { [$0] } ?? [])
            + names([meeting.chairID, meeting.recorderID])
        return Entry(
            kind: "meeting", recordID: meeting.id, cellID: meeting.cellID, date: meeting.date.description,
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
            kind: "document", recordID: document.id, cellID: document.cellID, date: document.date.description,
            type: document.kind.rawValue, status: document.status.rawValue,
            classification: document.classification.rawValue, symbol: symbol, title: document.title,
            body: body.joined(separator: "\n"), symbolWords: symbolWords)
    }

    // MARK: Writing

    /// Removes a record's entry, if it has one.
    func remove(kind: String, recordID: String) throws {
        guard
            let rowID = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM search_entry WHERE kind = ? AND record_id = ?"),
                arguments: [kind, recordID])
        else { return }
        try db.cachedStatement(sql: "DELETE FROM search_index WHERE rowid = ?").execute(arguments: [rowID])
        try db.cachedStatement(sql: "DELETE FROM search_entry WHERE id = ?").execute(arguments: [rowID])
    }

    /// Writes `entry`, replacing the record's previous one.
    func write(_ entry: Entry) throws {
        try remove(kind: entry.kind, recordID: entry.recordID)
        try db.cachedStatement(
            sql: """
                INSERT INTO search_entry (kind, record_id, cell_id, date, type, status, classification, symbol, title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entry.kind, entry.recordID, entry.cellID, entry.date, entry.type, entry.status, entry.classification,
            entry.symbol, entry.title,
        ])
        try db.cachedStatement(
            sql: """
                INSERT INTO search_index (rowid, title, body, symbol, title_exact, body_exact)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            db.lastInsertedRowID, entry.foldedTitle, entry.foldedBody, VietnameseText.fold(entry.symbolWords),
            entry.exactTitle, entry.exactBody,
        ])
    }

    func index(_ meeting: Meeting) throws { try write(entry(for: meeting)) }
    func index(_ document: Document) throws { try write(entry(for: document)) }

    /// Makes the whole index again from the records.
    func rebuild() throws {
        try db.execute(sql: "DELETE FROM search_index; DELETE FROM search_entry;")
        let reader = RecordReader(db: db)
        let meetings = try Row.fetchCursor(db, sql: "SELECT * FROM meeting ORDER BY id")
        while let row = try meetings.next() { try index(reader.meeting(row)) }
        let documents = try Row.fetchCursor(db, sql: "SELECT * FROM document ORDER BY id")
        while let row = try documents.next() { try index(reader.document(row)) }
    }

    /// FTS5's own check of its index structures against its content; it needs a write
    /// connection, though it changes nothing.
    func integrityProblems() -> [String] {
        do {
            try db.execute(sql: "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)")
            return []
        } catch {
            return ["chỉ mục FTS5 hỏng (\(error)); hãy chạy `sochibo reindex`"]
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
                db,
                sql: """
                    SELECT e.cell_id, e.date, e.type, e.status, e.classification, e.symbol, e.title,
                           i.title, i.body, i.symbol, i.title_exact, i.body_exact
                    FROM search_entry e JOIN search_index i ON i.rowid = e.id
                    WHERE e.kind = ? AND e.record_id = ?
                    """, arguments: [entry.kind, entry.recordID])
            guard let stored else {
                problems.append("chỉ mục tìm kiếm thiếu \(entry.recordID)")
                return
            }
            let storedValues: [String?] = (0..<12).map { stored[$0] }
            let expectedValues: [String?] = [
                entry.cellID, entry.date, entry.type, entry.status, entry.classification, entry.symbol, entry.title,
                entry.foldedTitle, entry.foldedBody, VietnameseText.fold(entry.symbolWords), entry.exactTitle,
                entry.exactBody,
            ]
            let same = storedValues == expectedValues
            if !same { problems.append("chỉ mục tìm kiếm lệch với bản ghi \(entry.recordID)") }
        }
        let meetings = try Row.fetchCursor(db, sql: "SELECT * FROM meeting ORDER BY id")
        while let row = try meetings.next() { try compare(entry(for: reader.meeting(row))) }
        let documents = try Row.fetchCursor(db, sql: "SELECT * FROM document ORDER BY id")
        while let row = try documents.next() { try compare(entry(for: reader.document(row))) }
        let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_entry") ?? 0
        if indexed != expected {
            problems.append("chỉ mục tìm kiếm có \(indexed) mục cho \(expected) bản ghi")
        }
        return problems.map { $0 + "; hãy chạy `sochibo reindex`" }
    }
}
