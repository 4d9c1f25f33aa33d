import ArchiveCore
import GRDB

/// `ArchiveLookup` over the SQLite archive, inside the caller's transaction: each question is
/// one prepared (cached) statement. A member's cell and a cell's issuer code are cached, as an
/// import asks them for every record; whoever writes a cell in the same transaction tells
/// the lookup (`remember(_:)`), so the caches never go stale. One lookup per transaction.
final class SQLiteLookup: ArchiveLookup {
    private let db: Database
    /// Member → cell, filled lazily from the database and as cells are written.
    private var memberCells: [String: String] = [:]
    /// Cell → issuer code.
    private var issuerCodes: [String: String] = [:]

    init(db: Database) {
        self.db = db
    }

    /// Records a cell just written in this transaction: its issuer code and its members'
    /// identifiers (`memberIDs`, those the write added or replaced).
    func remember(cellID: String, issuerCode: String, memberIDs: some Sequence<String>) {
        for member in memberIDs { memberCells[member] = cellID }
        issuerCodes[cellID] = issuerCode
    }

    func cell(ofMember id: String) throws -> String? {
        if let cell = memberCells[id] { return cell }
        let cell = try String.fetchOne(
            db.cachedStatement(sql: "SELECT cell_id FROM member WHERE id = ?"), arguments: [id])
        if let cell { memberCells[id] = cell }
        return cell
    }

    func cell(ofMeeting id: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT cell_id FROM meeting WHERE id = ?"), arguments: [id])
    }

    func hasTerm(_ termID: String, inCell cellID: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM term WHERE cell_id = ? AND id = ?)"),
            arguments: [cellID, termID]) ?? false
    }

    func issuerCode(ofCell id: String) throws -> String? {
        if let code = issuerCodes[id] { return code }
        let code = try String.fetchOne(
            db.cachedStatement(sql: "SELECT issuer_code FROM cell WHERE id = ?"), arguments: [id])
        if let code { issuerCodes[id] = code }
        return code
    }

    func holder(
        ofNumber number: Int, cellID: String, kind: Document.Kind, termID: String?, excluding excludedID: String
    ) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM document WHERE cell_id = ? AND type = ? AND ifnull(term_id, '') = ?
                    AND number = ? AND status <> 'draft' AND id <> ?
                    """),
            arguments: [cellID, kind.rawValue, termID ?? "", number, excludedID])
    }

    func owner(ofTask id: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT document_id FROM task WHERE id = ?"), arguments: [id])
    }

    func exists(_ kind: RecordKind, id: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(kind.rawValue) WHERE id = ?)"), arguments: [id])
            ?? false
    }

    func lock(of kind: RecordKind, id: String) throws -> RecordLifecycle? {
        guard kind == .meeting || kind == .document,
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT version, content_sha256 FROM \(kind.rawValue) WHERE id = ?"),
                arguments: [id])
        else { return nil }
        return RecordLifecycle(version: row[0], sha256: row[1])
    }

    func meeting(reportingOnTask id: String) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT meeting_id FROM task_report WHERE task_id = ? LIMIT 1"), arguments: [id])
    }
}
