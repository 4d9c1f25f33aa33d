import ArchiveCore
import GRDB

/// Brings an archive made before the lifecycle existed into it, inside the migration: each
/// locked meeting and document gets the hash of its canonical content, and every record gets
/// one `upgrade` entry in the audit log, so that the log covers what the archive holds.
struct LifecycleUpgrade {
    let db: Database

    func run() throws {
        let reader = RecordReader(db: db)
        let log = AuditLog(db: db)
        let context = AuditContext(actor: "sochibo")
        for row in try Row.fetchAll(db, sql: "SELECT * FROM organization ORDER BY id") {
            let organization = reader.organization(row)
            try log.append(
                .upgrade, kind: .organization, record: organization.id, version: nil,
                sha256: try CanonicalContent.sha256(organization), context: context)
        }
        for id in try String.fetchAll(db, sql: "SELECT id FROM cell ORDER BY id") {
            guard let cell = try reader.cell(id: id) else { continue }
            try log.append(
                .upgrade, kind: .cell, record: id, version: nil, sha256: try CanonicalContent.sha256(cell),
                context: context)
        }
        let versions = VersionStore(db: db)
        // Identifiers first: the loops update the tables they read.
        for id in try String.fetchAll(db, sql: "SELECT id FROM meeting ORDER BY date, start_time, id") {
            guard let meeting = try reader.meeting(id: id) else { continue }
            let sha256 = try CanonicalContent.sha256(.meeting(meeting))
            if meeting.isLocked { try versions.setCurrent(kind: .meeting, id: meeting.id, version: 1, sha256: sha256) }
            try log.append(.upgrade, kind: .meeting, record: meeting.id, version: 1, sha256: sha256, context: context)
        }
        for id in try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY date, id") {
            guard let document = try reader.document(id: id) else { continue }
            let sha256 = try CanonicalContent.sha256(.document(document))
            if document.isLocked {
                try versions.setCurrent(kind: .document, id: document.id, version: 1, sha256: sha256)
            }
            try log.append(
                .upgrade, kind: .document, record: document.id, version: 1, sha256: sha256, context: context)
        }
    }
}
