import ArchiveCore
import Foundation
import GRDB

/// The version number, content hash and earlier versions of meetings and documents, inside
/// the caller's transaction. Earlier versions are kept as JSON of the model value, in a table
/// that refuses UPDATE and DELETE.
struct VersionStore {
    let db: Database

    private static func table(_ kind: RecordKind) -> String { kind == .meeting ? "meeting" : "document" }

    /// The lifecycle of a meeting or document: version, hash, and every earlier version.
    func lifecycle(kind: RecordKind, id: String) throws -> RecordLifecycle? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT version, content_sha256 FROM \(Self.table(kind)) WHERE id = ?"),
                arguments: [id])
        else { return nil }
        return RecordLifecycle(version: row[0], sha256: row[1], previous: try previous(kind: kind, id: id))
    }

    /// The earlier versions of a record, oldest first.
    func previous(kind: RecordKind, id: String) throws -> [RecordVersion] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT version, content_sha256, replaced, content, reason FROM record_version
                    WHERE kind = ? AND record_id = ? ORDER BY version
                    """), arguments: [kind, id]
        ).map { row in
            let json: String = row[3]
            let content = try JSONDecoder().decode(LockableRecord.self, from: Data(json.utf8))
            return RecordVersion(
                version: row[0], sha256: row[1], replaced: row[2], content: content, replacedBecause: row[4])
        }
    }

    /// Keeps `version` of a record, replaced at `replaced`.
    func keep(_ version: RecordVersion) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(version.content), as: UTF8.self)
        try db.cachedStatement(
            sql: """
                INSERT INTO record_version (kind, record_id, version, content_sha256, replaced, content, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            version.content.kind, version.content.id, version.version, version.sha256, version.replaced, json,
            version.replacedBecause,
        ])
    }

    /// Sets the current version and content hash of a record.
    func setCurrent(kind: RecordKind, id: String, version: Int, sha256: String?) throws {
        try db.cachedStatement(
            sql: "UPDATE \(Self.table(kind)) SET version = ?, content_sha256 = ? WHERE id = ?"
        ).execute(arguments: [version, sha256, id])
    }

    /// What is wrong with stored hashes: a locked record whose content no longer gives its
    /// hash, or an earlier version that no longer gives the hash it was kept with.
    func problems(reader: RecordReader) throws -> [String] {
        var problems: [String] = []
        let meetings = try Row.fetchCursor(
            db, sql: "SELECT * FROM meeting WHERE content_sha256 IS NOT NULL OR status = 'approved'")
        while let row = try meetings.next() {
            let meeting = try reader.meeting(row)
            try compare(.meeting(meeting), stored: row["content_sha256"], into: &problems)
        }
        let documents = try Row.fetchCursor(
            db, sql: "SELECT * FROM document WHERE content_sha256 IS NOT NULL OR status <> 'draft'")
        while let row = try documents.next() {
            let document = try reader.document(row)
            try compare(.document(document), stored: row["content_sha256"], into: &problems)
        }
        let versions = try Row.fetchCursor(
            db, sql: "SELECT kind, record_id, version, content_sha256, content FROM record_version")
        while let row = try versions.next() {
            let id: String = row[1], version: Int = row[2], stored: String = row[3], json: String = row[4]
            guard let content = try? JSONDecoder().decode(LockableRecord.self, from: Data(json.utf8)) else {
                problems.append("phiên bản \(version) của \(id) không đọc được")
                continue
            }
            if try CanonicalContent.sha256(content) != stored {
                problems.append("phiên bản \(version) của \(id) không còn khớp mã sha256 đã lưu")
            }
        }
        return problems
    }

    private func compare(_ record: LockableRecord, stored: String?, into problems: inout [String]) throws {
        guard let stored else {
            problems.append("\(record.id) đã khóa nhưng không có mã sha256 nội dung")
            return
        }
        let actual = try CanonicalContent.sha256(record)
        if actual != stored {
            problems.append("nội dung của \(record.id) đã bị sửa ngoài chương trình: mã sha256 không còn khớp")
        }
    }
}
