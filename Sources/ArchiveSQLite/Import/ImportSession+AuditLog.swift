import ArchiveCore
import Foundation
import GRDB
import LibXML

/// The audit log of an import: one pending entry for each record added or changed, kept in a
/// temporary table, and the log a file may carry (a backup), its chain checked, restored only
/// into an archive that was empty.
extension ImportSession {
    /// Keeps an entry for the end: written to the log then, unless a restored log replaces
    /// the whole import's entries. In a temporary table, so memory stays bounded.
    func logLater(kind: RecordKind, record: String, version: Int?, sha256: String) throws {
        try db.cachedStatement(
            sql: "INSERT INTO pending_log (kind, record_id, version, content_sha256) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [kind, record, version, sha256])
    }

    /// Reads a file's `<auditLog>`, checking that its chain is whole.
    func readLog(_ element: XMLElement, file: String) {
        var entries: [AuditEntry] = []
        var previous = ""
        for child in element.children(named: "entry") {
            guard let sequence = child.attribute("seq").flatMap({ Int($0) }), let time = child.attribute("time"),
                let actor = child.attribute("actor"),
                let action = child.attribute("action").flatMap(AuditEntry.Action.init),
                let kind = child.attribute("kind"), let record = child.attribute("record"),
                let chain = child.attribute("chain")
            else {
                add(.logEntryIncomplete, line: child.line)
                return
            }
            let entry = AuditEntry(
                sequence: sequence, time: time, actor: TextNormalization.nfc(actor), action: action, kind: kind,
                record: record, version: child.attribute("version").flatMap { Int($0) },
                sha256: child.attribute("sha256"), chain: chain)
            if sequence != entries.count + 1 || entry.expectedChain(after: previous) != chain {
                add(.logChainBroken(sequence: sequence), line: child.line, needle: "chain=")
                return
            }
            entries.append(entry)
            previous = chain
        }
        // The export says how many entries it wrote and the last one's chain: fewer, or
        // another last, is a log cut at its end, whose chain still holds.
        if let written = element.attribute("entries").flatMap({ Int($0) }),
            written != entries.count || element.attribute("head").map({ $0 != previous && written > 0 }) == true
        {
            add(.logCutAtItsEnd(written: written, read: entries.count), line: element.line, needle: "entries=")
            return
        }
        carriedLog = (file, entries, element.line)
    }

    /// Writes the import's entries to the audit log: the restored log and one `restore` entry
    /// when a file carried a log into an empty archive, otherwise one `import` entry for each
    /// record added or changed.
    func finishLog() throws {
        defer { try? db.execute(sql: "DELETE FROM pending_log") }
        if reportsAdded > 0 { report.notes.append(ImportReport.reportsAddedNote(reportsAdded)) }
        if let carried = carriedLog {
            if startedEmpty && files.count == 1 {
                for entry in carried.entries { try log.insert(entry) }
                let digest = Attachment.digest(of: FileManager.default.contents(atPath: carried.file) ?? Data())
                try log.append(
                    .restore, subject: "file", record: (carried.file as NSString).lastPathComponent, version: nil,
                    sha256: digest, context: context)
                // A chain that holds can still have lost its last entries (cut from the file by
                // hand or by a copy): the log must then account for every record of the file,
                // as `check` asks of an archive. Refused, so that no import restores a log
                // `check` then calls broken.
                let mismatches = try log.problems()
                if !mismatches.isEmpty {
                    let message = ImportRefusal.logDoesNotMatchRecords(mismatches).vietnameseDescription
                    problems.append(
                        (carried.file, SourceProblem(line: carried.line, needle: "<auditLog", message: message), nil))
                    return
                }
                report.notes.append(ImportReport.logRestoredNote(entries: carried.entries.count))
                return
            }
            report.notes.append(ImportReport.logNotRestoredNote)
        }
        let pending = try Row.fetchCursor(
            db, sql: "SELECT kind, record_id, version, content_sha256 FROM pending_log ORDER BY rowid")
        while let row = try pending.next() {
            // A record kind's name, or `report` for a committee's report.
            let subject: String = row[0]
            try log.append(.import, subject: subject, record: row[1], version: row[2], sha256: row[3], context: context)
        }
    }
}
