import ArchiveCore
import Foundation
import GRDB

/// The archive's append-only audit log, inside the caller's transaction. The table refuses
/// UPDATE and DELETE by trigger; each entry's chain hash covers the one before, so that a
/// line removed or changed with another tool breaks the chain and `check` reports it.
struct AuditLog {
    let db: Database

    /// Appends one entry and returns it.
    @discardableResult
    func append(
        _ action: AuditEntry.Action, kind: RecordKind, record: String, version: Int?, sha256: String?,
        context: AuditContext
    ) throws -> AuditEntry {
        try append(action, subject: kind.rawValue, record: record, version: version, sha256: sha256, context: context)
    }

    /// Appends one entry about `subject`: a record kind's name, or `file` for what a whole
    /// file did (a restored log).
    @discardableResult
    func append(
        _ action: AuditEntry.Action, subject kind: String, record: String, version: Int?, sha256: String?,
        context: AuditContext
    ) throws -> AuditEntry {
        let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT seq, chain_sha256 FROM audit_log ORDER BY seq DESC LIMIT 1"))
        let sequence = (last?[0] as Int? ?? 0) + 1
        let previous: String = last?[1] ?? ""
        let chain = AuditEntry.chain(
            previous: previous, sequence: sequence, time: context.time, actor: context.actor, action: action,
            kind: kind, record: record, version: version, sha256: sha256)
        let entry = AuditEntry(
            sequence: sequence, time: context.time, actor: context.actor, action: action, kind: kind, record: record,
            version: version, sha256: sha256, chain: chain)
        try insert(entry)
        return entry
    }

    /// Writes an entry as it is (a restored backup's), without computing anything.
    func insert(_ entry: AuditEntry) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO audit_log (seq, time, actor, action, kind, record_id, version, content_sha256, chain_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entry.sequence, entry.time, entry.actor, entry.action.rawValue, entry.kind, entry.record, entry.version,
            entry.sha256, entry.chain,
        ])
    }

    /// Refuses a write of `record` when it has an entry later than the revision the person saw
    /// (`context.seenRevision`; nothing is checked without one). Called first in the write's
    /// transaction, so that no other write can come between the check and the write.
    ///
    /// - throws: `ArchiveError.changedSince` with the last entry's actor and sequence.
    func requireUnchanged(_ record: String, context: AuditContext) throws {
        guard let seen = context.seenRevision else { return }
        let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT seq, actor FROM audit_log WHERE record_id = ? ORDER BY seq DESC LIMIT 1"),
            arguments: [record])
        let current: Int = last?[0] ?? 0
        if current != seen { throw ArchiveError.changedSince(id: record, actor: last?[1] ?? "", revision: current) }
    }

    /// The entries, oldest first; for one record when `record` is given.
    func entries(record: String? = nil) throws -> [AuditEntry] {
        let sql =
            record == nil
            ? "SELECT * FROM audit_log ORDER BY seq"
            : "SELECT * FROM audit_log WHERE record_id = ? ORDER BY seq"
        return try Row.fetchAll(db, sql: sql, arguments: record.map { [$0] } ?? []).map(Self.entry)
    }

    static func entry(_ row: Row) throws -> AuditEntry {
        let action: String = row["action"]
        guard let known = AuditEntry.Action(rawValue: action) else {
            throw ArchiveError.corrupt("nhật ký có thao tác lạ: \(action)")
        }
        return AuditEntry(
            sequence: row["seq"], time: row["time"], actor: row["actor"], action: known, kind: row["kind"],
            record: row["record_id"], version: row["version"], sha256: row["content_sha256"],
            chain: row["chain_sha256"])
    }

    /// The last entry and its chain hash, `nil` for an empty log. The chain has no key: someone
    /// with the sqlite3 shell can rewrite all of it consistently, so a committee keeps the head
    /// it was shown and compares it later.
    func head() throws -> AuditLogHead? {
        try Row.fetchOne(db, sql: "SELECT seq, chain_sha256 FROM audit_log ORDER BY seq DESC LIMIT 1")
            .map { AuditLogHead(entries: $0[0], chain: $0[1]) }
    }

    /// What is wrong with the log: a broken chain, or a record whose content no longer matches
    /// the last hash the log holds for it.
    func problems() throws -> [String] {
        var problems: [String] = []
        var previous = ""
        var expected = 1
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
        while let row = try cursor.next() {
            let entry = try Self.entry(row)
            if entry.sequence != expected {
                problems.append("nhật ký thiếu mục \(expected)–\(entry.sequence - 1)")
            }
            if entry.expectedChain(after: previous) != entry.chain {
                problems.append("nhật ký bị sửa ở mục \(entry.sequence) (\(entry.action.rawValue) \(entry.record))")
            }
            previous = entry.chain
            expected = entry.sequence + 1
        }
        // The last entries deleted leave a whole chain behind: the head kept apart by trigger
        // (migration v11) still names the entry that was last.
        let last = try head()
        let kept = try Row.fetchOne(db, sql: "SELECT seq, chain_sha256 FROM audit_head WHERE id = 1")
            .map { AuditLogHead(entries: $0[0], chain: $0[1]) }
        if let kept, kept != last {
            if let last, last.entries < kept.entries {
                problems.append(
                    "nhật ký thiếu mục \(last.entries + 1)–\(kept.entries) ở cuối: mục cuối từng ghi là mục \(kept.entries)"
                )
            } else if last == nil {
                problems.append("nhật ký trống nhưng mục cuối từng ghi là mục \(kept.entries): cả nhật ký đã bị xóa")
            } else {
                problems.append("mục cuối của nhật ký không khớp với mục cuối từng ghi (mục \(kept.entries))")
            }
        } else if kept == nil, let last {
            problems.append("không còn dấu mục cuối của nhật ký (mục \(last.entries)): bảng audit_head đã bị xóa")
        }
        // Both ways: every record the log speaks of must still be there (the program deletes
        // only a discarded draft, whose last entry says so; a record removed with the sqlite3
        // shell is caught here).
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT a.kind, a.record_id FROM audit_log a
                WHERE ((a.kind = 'meeting' AND NOT EXISTS (SELECT 1 FROM meeting WHERE id = a.record_id))
                   OR (a.kind = 'document' AND NOT EXISTS (SELECT 1 FROM document WHERE id = a.record_id))
                   OR (a.kind = 'cell' AND NOT EXISTS (SELECT 1 FROM cell WHERE id = a.record_id))
                   OR (a.kind = 'organization' AND NOT EXISTS (SELECT 1 FROM organization WHERE id = a.record_id)))
                AND NOT EXISTS (
                    SELECT 1 FROM audit_log d WHERE d.kind = a.kind AND d.record_id = a.record_id
                    AND d.action = 'discard'
                    AND d.seq = (SELECT max(seq) FROM audit_log l WHERE l.kind = a.kind AND l.record_id = a.record_id))
                ORDER BY a.kind, a.record_id
                """)
        {
            let kind: String = row[0], id: String = row[1]
            let noun = RecordKind(rawValue: kind)?.vietnameseName ?? kind
            problems.append("nhật ký ghi \(noun) \(id) nhưng kho không còn bản ghi đó: nó đã bị xóa ngoài chương trình")
        }
        // Each meeting and document must match the last hash the log recorded for it.
        for (table, kind) in [("meeting", "meeting"), ("document", "document")] {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.id, r.content_sha256, r.version,
                        (SELECT content_sha256 FROM audit_log a WHERE a.kind = ? AND a.record_id = r.id
                         ORDER BY seq DESC LIMIT 1) AS logged,
                        (SELECT count(*) FROM audit_log a WHERE a.kind = ? AND a.record_id = r.id) AS entries
                    FROM \(table) r WHERE r.content_sha256 IS NOT NULL
                    """, arguments: [kind, kind])
            while let row = try rows.next() {
                let id: String = row[0]
                let stored: String = row[1]
                let logged: String? = row[3]
                let entries: Int = row[4]
                if entries == 0 {
                    problems.append("nhật ký không có mục nào cho \(id)")
                } else if logged != stored {
                    problems.append("nhật ký không khớp với \(id): mã nội dung cuối trong nhật ký khác mã của bản ghi")
                }
            }
        }
        return problems
    }
}
