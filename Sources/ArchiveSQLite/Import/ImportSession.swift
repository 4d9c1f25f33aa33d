import ArchiveCore
import Foundation
import GRDB
import LibXML

/// One import, inside one write transaction: reads each file with the validating streaming
/// reader, checks every record against the archive and the rules of the format, writes it,
/// and collects every problem instead of stopping at the first.
///
/// This file is the driver: files, records in order, the problem limit, and the references
/// left pending at the end. The record checks and the one admit/settle/write tail are in
/// `ImportSession+Records.swift` (the rules themselves in ArchiveCore's `ImportChecks`, asked
/// through `SQLiteLookup`), libxml2's messages and the placing of problems in
/// `ImportSession+Diagnostics.swift`, the audit log a file carries in
/// `ImportSession+AuditLog.swift`.
///
/// References that may point forward within the files (a task reported on before the
/// document that assigns it, a parent committee, a superseded document) are parked in a
/// temporary table and resolved at the end, so memory stays bounded on large files.
final class ImportSession {
    let db: Database
    let reader: RecordReader
    let writer: RecordWriter
    let versions: VersionStore
    let log: AuditLog
    /// The record checks' questions, with the member → cell and cell → code caches.
    let lookup: SQLiteLookup
    let context: AuditContext
    /// Whether the archive held nothing when the import began: only then may a file's audit
    /// log be restored.
    let startedEmpty: Bool
    /// The audit log a file carried, read and its chain checked, to restore at the end, with
    /// the line of its `<auditLog>`.
    var carriedLog: (file: String, entries: [AuditEntry], line: Int)?
    /// Leave a carried log aside: the records are imported as from a file without one
    /// (`Archive.importFiles(_:context:restoringLog:)`).
    var leavesCarriedLogAside = false
    /// The cells this import changes that held approved minutes before it: their members and
    /// approved minutes as they were, and where the cell stands in its file, so that a member
    /// the file adds, confirms, exempts or removes before those minutes is refused as the
    /// register refuses it (`MemberRules.approvedMinutesChanges`) unless the person confirmed.
    var approvedBeforeImport: [String: (name: String, members: [Member], meetings: [Meeting], file: Int, line: Int)] =
        [:]
    /// The files (by index in `files`) that stop part way: the references they leave
    /// unresolved are the cut's, not faults of their own.
    var cutFiles = Set<Int>()
    /// The committee's reports written so far (`<report>` the archive did not hold).
    var reportsAdded = 0
    var report = ImportReport()
    var files: [String] = []
    /// Problems of finished files, with the column libxml2 gave when it gave one.
    var problems: [(file: String, problem: SourceProblem, parserColumn: Int?)] = []
    /// Problems of the file being read, filtered when it ends.
    var fileProblems: [SourceProblem] = []
    /// Records refused for any reason (`kind:id`): references to them are not reported again.
    var refused: Set<String> = []
    /// The start line and key of each record of the file being read, in order.
    var recordStarts: [(line: Int, key: String, declares: [String])] = []
    /// Past this many problems, the import stops reading: the file is badly broken.
    private let problemLimit = 200

    /// The largest attachment an import accepts, decoded: `ArchiveFormat.maximumAttachmentBytes`,
    /// or less when the environment variable `SOCHIBO_ATTACHMENT_LIMIT_BYTES` says so (a test
    /// that must not write 100 MB, an office that wants smaller files). It cannot be raised.
    /// A value that is not a positive whole number refuses every file (`attachmentLimitSetting`).
    static let maximumAttachmentBytes: (bytes: Int, refusal: ImportRefusal?) = {
        guard let variable = ProcessInfo.processInfo.environment["SOCHIBO_ATTACHMENT_LIMIT_BYTES"] else {
            return (ArchiveFormat.maximumAttachmentBytes, nil)
        }
        guard let asked = Int(variable.trimmingCharacters(in: .whitespaces)), asked > 0 else {
            return (0, .attachmentLimitSetting(value: variable))
        }
        return (min(asked, ArchiveFormat.maximumAttachmentBytes), nil)
    }()

    init(db: Database, context: AuditContext, restoringLog: Bool = true) throws {
        leavesCarriedLogAside = !restoringLog
        self.db = db
        self.context = context
        reader = RecordReader(db: db)
        writer = RecordWriter(db: db)
        versions = VersionStore(db: db)
        log = AuditLog(db: db)
        lookup = SQLiteLookup(db: db)
        startedEmpty =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT NOT EXISTS (SELECT 1 FROM organization) AND NOT EXISTS (SELECT 1 FROM cell)
                        AND NOT EXISTS (SELECT 1 FROM meeting) AND NOT EXISTS (SELECT 1 FROM document)
                        AND NOT EXISTS (SELECT 1 FROM audit_log)
                    """) ?? false
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS pending_reference (
                    kind TEXT NOT NULL, target TEXT NOT NULL, file INTEGER NOT NULL,
                    line INTEGER NOT NULL, attribute TEXT NOT NULL);
                DELETE FROM pending_reference;
                CREATE TEMP TABLE IF NOT EXISTS pending_log (
                    kind TEXT NOT NULL, record_id TEXT NOT NULL, version INTEGER, content_sha256 TEXT);
                DELETE FROM pending_log;
                CREATE TEMP TABLE IF NOT EXISTS claimed_identifier (
                    kind TEXT NOT NULL, id TEXT NOT NULL, line INTEGER NOT NULL,
                    PRIMARY KEY (kind, id)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS temp.claimed_identifier_by_id ON claimed_identifier (id);
                DELETE FROM claimed_identifier;
                CREATE TEMP TABLE IF NOT EXISTS imported_meeting (
                    id TEXT PRIMARY KEY NOT NULL, file INTEGER NOT NULL, line INTEGER NOT NULL,
                    keyed_anew INTEGER NOT NULL) WITHOUT ROWID;
                DELETE FROM imported_meeting;
                """)
    }

    var hasProblems: Bool { !problems.isEmpty }
    private var full: Bool { problems.count + fileProblems.count >= problemLimit }

    /// Notes a problem of the file being read.
    func add(_ problem: ImportChecks.Problem) {
        fileProblems.append(problem.sourceProblem)
    }

    /// Notes a refusal at `line` of the file being read.
    func add(_ refusal: ImportRefusal, line: Int, needle: String? = nil) {
        add(ImportChecks.Problem(refusal, line: line, needle: needle))
    }

    /// Notes a problem of a whole file (line 0), outside its reading.
    private func refuseFile(_ path: String, _ refusal: ImportRefusal) {
        problems.append((path, SourceProblem(line: 0, needle: nil, message: refusal.vietnameseDescription), nil))
    }

    // MARK: Files

    /// Reads and applies one file.
    func importFile(_ path: String, schema: XMLSchema) {
        let file = files.count
        files.append(path)
        report.files += 1
        fileProblems = []
        recordStarts = []
        do {
            try db.execute(sql: "DELETE FROM claimed_identifier")
        } catch {
            problems.append((path, SourceProblem(line: 0, needle: nil, message: "\(error)"), nil))
            return
        }
        let (attachmentLimit, badSetting) = Self.maximumAttachmentBytes
        if let badSetting {
            refuseFile(path, badSetting)
            return
        }
        let xml: XMLPullReader
        do {
            xml = try XMLPullReader(
                path: path, schema: schema,
                limits: ArchiveFormat.inputLimits(maximumAttachmentBytes: attachmentLimit))
        } catch XMLError.cannotOpen(_, let reason) {
            if let unreadable = UnreadableFile.reason(path) {
                problems.append((path, SourceProblem(line: 0, needle: nil, message: unreadable), nil))
            } else {
                refuseFile(path, .cannotOpen(reason: reason))
            }
            return
        } catch {
            refuseFile(path, .cannotOpenOther(error: "\(error)"))
            return
        }
        var decodingProblems: [SourceProblem] = []
        var rootRefused = false
        if let root = xml.readRoot() {
            if root.namespace != ArchiveFormat.namespace || root.name != "archive" {
                add(.notAnArchive(root: root.name, namespace: root.namespace), line: root.line)
                rootRefused = true
            } else {
                let records = RecordReadAhead(xml)
                while !full, let item = records.next() {
                    switch item {
                    case .auditLog(let element):
                        if leavesCarriedLogAside {
                            report.notes.append(ImportReport.logLeftAsideNote)
                        } else {
                            readLog(element, file: path)
                        }
                    case .record(let element, let record, let problems, let sha256):
                        let key = "\(element.name):\(element.attribute("id").map(TextNormalization.trimmed) ?? "")"
                        recordStarts.append((element.line, key, Self.declaredKeys(in: element)))
                        // A record whose identifier is taken is not decoded, nor its problems told.
                        guard claimIdentifiers(in: element) else {
                            refused.insert(key)
                            continue
                        }
                        decodingProblems += problems
                        guard let record, apply(record, sha256: sha256, file: file) else {
                            refused.insert(key)
                            continue
                        }
                    }
                }
                records.finish()
            }
        }
        fileProblems += decodingProblems
        // A root that is not <archive> is one sentence: the schema's "no matching global
        // declaration" for it says the same, in libxml2's words.
        finishFile(path, diagnostics: rootRefused ? xml.diagnostics.filter { $0.severity == .fatal } : xml.diagnostics)
    }

    // MARK: End

    /// Refuses minutes this import wrote under a code of their own for a cell, day and kind
    /// that other minutes hold (a combined meeting holds its regular and thematic halves,
    /// `Meeting.Kind.sameSittingKinds`) (`ImportRefusal.sameMeeting`): a second record of one meeting,
    /// which filing a form never makes (`FilingRules`). Asked once every file is written, so
    /// that a file which moves one meeting to another day and writes another in its place is
    /// judged on what it leaves, whatever the order of its records. A pair the archive held
    /// before (neither meeting given a new cell, day or kind by this import) is left alone: the
    /// import did not make it. Of two imported minutes, the later in the files is refused.
    func refuseSameMeetings() throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.id, i.file, i.line, o.id, o.status, j.file, j.line, m.cell_id, m.date, o.kind
                FROM imported_meeting i
                JOIN meeting m ON m.id = i.id
                JOIN meeting o ON o.cell_id = m.cell_id AND o.date = m.date AND o.id <> m.id
                    AND \(Meeting.Kind.sameSittingCondition("m.kind", "o.kind"))
                LEFT JOIN imported_meeting j ON j.id = o.id
                WHERE (i.keyed_anew OR j.keyed_anew)
                  AND (j.id IS NULL OR j.file < i.file OR (j.file = i.file AND j.line < i.line))
                ORDER BY i.file, i.line, o.id
                """)
        var refusedIDs = Set<String>()
        for row in rows {
            let id: String = row[0]
            guard refusedIDs.insert(id).inserted else { continue }
            let file: Int = row[1]
            let otherFile: Int? = row[5]
            let otherLine: Int? = row[6]
            let place: ImportRefusal.SameMeetingPlace
            if let otherFile, let otherLine {
                place =
                    otherFile == file ? .sameFile(line: otherLine) : .otherFile(file: files[otherFile], line: otherLine)
            } else {
                place = .archive
            }
            let dateText: String = row[8]
            let kindText: String = row[9]
            let statusText: String = row[4]
            guard let date = LocalDate(dateText), let kind = Meeting.Kind(rawValue: kindText) else { continue }
            let refusal = ImportRefusal.sameMeeting(
                id: id, existing: row[3], existingStatus: Meeting.Status(rawValue: statusText) ?? .draft,
                cellID: row[7], date: date, kind: kind, place: place)
            problems.append(
                (
                    files[file],
                    SourceProblem(line: row[2], needle: "id=\"\(id)\"", message: refusal.vietnameseDescription), nil
                ))
        }
        try db.execute(sql: "DELETE FROM imported_meeting")
    }

    /// Refuses the member changes of this import that change what approved minutes held
    /// before it say (`approvedBeforeImport`), at each cell's element, unless the person
    /// confirmed changes to approved minutes (`AuditContext.confirmedChangesToApprovedMinutes`).
    func refuseChangesToApprovedMinutes() throws {
        guard !context.confirmedChangesToApprovedMinutes else { return }
        for (cellID, before) in approvedBeforeImport.sorted(by: {
            ($0.value.file, $0.value.line) < ($1.value.file, $1.value.line)
        }) {
            let after = try reader.members(cellID: cellID)
            let changes = MemberRules.approvedMinutesChanges(of: before.meetings, before: before.members, after: after)
            guard !changes.isEmpty else { continue }
            let refusal = ImportRefusal.changesApprovedMinutes(cell: before.name, changes: changes)
            problems.append(
                (
                    files[before.file],
                    SourceProblem(
                        line: before.line, needle: "id=\"\(cellID)\"", message: refusal.vietnameseDescription),
                    nil
                ))
        }
    }

    /// Resolves the parked references against everything now written.
    func resolvePending() throws {
        let unresolved = try Row.fetchAll(
            db,
            sql: """
                SELECT p.kind, p.target, p.file, p.line, p.attribute FROM pending_reference p
                WHERE (p.kind = 'task' AND NOT EXISTS (SELECT 1 FROM task WHERE id = p.target))
                   OR (p.kind = 'document' AND NOT EXISTS (SELECT 1 FROM document WHERE id = p.target))
                   OR (p.kind = 'organization' AND NOT EXISTS (SELECT 1 FROM organization WHERE id = p.target))
                ORDER BY p.file, p.line
                """)
        for row in unresolved {
            let target: String = row[1]
            let file: Int = row[2]
            let attribute: String = row[4]
            guard let kind = SourceReference.Kind(rawValue: row[0]) else { continue }
            if refused.contains("\(kind.rawValue):\(target)") || cutFiles.contains(file) { continue }
            problems.append(
                (
                    files[file],
                    SourceProblem(
                        line: row[3], needle: "\(attribute)=\"\(target)\"",
                        message: ImportRefusal.missing(kind, id: target).vietnameseDescription), nil
                ))
        }
        try db.execute(sql: "DELETE FROM pending_reference")
    }
}
