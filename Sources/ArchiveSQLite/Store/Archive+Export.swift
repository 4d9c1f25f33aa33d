import ArchiveCore
import Foundation
import GRDB
import LibXML

extension Archive {
    /// Writes the selected part of the archive in format v1 to `path`, or to standard output
    /// when `path` is `nil`.
    ///
    /// The output is stable: the same archive gives the same bytes, so that export, import
    /// into an empty archive and export again are byte-identical. A partial export carries
    /// every organization, cell (with its members), meeting and document its records refer
    /// to, so that it imports on its own; unless `selection.includeConfidential`, it leaves
    /// out documents marked Mật or higher and every record referring to them, and the summary
    /// counts them (the whole archive always carries everything). `path` is written as `FileWriting` writes every
    /// output: `nil` or `-` is standard output, a device is written directly, a file is
    /// written beside its destination and moved into place at the end, so that a failed
    /// export leaves no half file.
    ///
    /// ```swift
    /// try archive.export(ExportSelection(year: 2023), to: "nam-2023.xml")
    /// ```
    ///
    /// - throws: `ArchiveError.notFound` for an unknown cell or organization;
    ///   `ArchiveError.cannotWrite` when the file cannot be written.
    @discardableResult
    public func export(_ selection: ExportSelection, to path: String?) async throws -> ExportSummary {
        try await FileWriting.withOutput(to: path) { descriptor in
            try await export(selection, toFileDescriptor: descriptor)
        }
    }

    /// Writes the selected part of the archive to an open descriptor, which stays open.
    @discardableResult
    public func export(_ selection: ExportSelection, toFileDescriptor descriptor: Int32) async throws -> ExportSummary {
        if selection.withLog && !selection.isEverything {
            throw ArchiveError.logNeedsWholeArchive
        }
        return try await pool.read { db in
            let scope = try ExportScope(db: db, selection: selection)
            let reader = RecordReader(db: db)
            let encoder = ArchiveEncoder(writer: try XMLStreamWriter(fileDescriptor: descriptor))
            var summary = ExportSummary()
            summary.withheldConfidentialDocuments = scope.withheldConfidentialDocuments
            summary.withheldReferring = scope.withheldReferring
            try encoder.start()
            let organizations = try scope.filter("id", scope.organizations)
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM organization \(organizations.sql) ORDER BY id",
                arguments: organizations.arguments)
            {
                let organization = try reader.organization(row)
                // The office's reports travel with the whole archive and a committee's
                // export, never with a cell's: a cell's file must not carry them.
                let reports =
                    selection.cellIDs.isEmpty
                    ? try Self.savedReports(db, organizationID: organization.id, year: selection.year) : []
                try encoder.write(organization, reports: reports)
                summary.counts[.organization, default: 0] += 1
            }
            var issuerCodes: [String: String] = [:]
            let cells = try scope.filter("id", scope.cells)
            for id in try String.fetchAll(
                db, sql: "SELECT id FROM cell \(cells.sql) ORDER BY id", arguments: cells.arguments)
            {
                guard let cell = try reader.cell(id: id) else { continue }
                issuerCodes[id] = cell.issuerCode
                try encoder.write(cell)
                summary.counts[.cell, default: 0] += 1
                summary.counts[.member, default: 0] += cell.members.count
            }
            let meetingFilter = try scope.filter("id", scope.meetings)
            let meetings = try Row.fetchCursor(
                db, sql: "SELECT * FROM meeting \(meetingFilter.sql) ORDER BY date, start_time, id",
                arguments: meetingFilter.arguments)
            let versions = VersionStore(db: db)
            // The lifecycle from the row; earlier versions are read only for corrected records.
            func lifecycle(_ row: Row, kind: RecordKind) throws -> RecordLifecycle {
                let version: Int = row["version"]
                let id: String = row["id"]
                return RecordLifecycle(
                    version: version, sha256: row["content_sha256"],
                    previous: version > 1 ? try versions.previous(kind: kind, id: id) : [])
            }
            while let row = try meetings.next() {
                try encoder.write(reader.meeting(row), lifecycle: try lifecycle(row, kind: .meeting))
                summary.counts[.meeting, default: 0] += 1
            }
            let documentFilter = try scope.filter("id", scope.documents)
            let documents = try Row.fetchCursor(
                db, sql: "SELECT * FROM document \(documentFilter.sql) ORDER BY date, id",
                arguments: documentFilter.arguments)
            while let row = try documents.next() {
                let document = try reader.document(row)
                try encoder.write(
                    document, issuerCode: issuerCodes[document.cellID] ?? "CB",
                    lifecycle: try lifecycle(row, kind: .document))
                summary.counts[.document, default: 0] += 1
                if document.classification != .none { summary.confidentialDocuments += 1 }
            }
            if selection.withLog {
                let head = try AuditLog(db: db).head()
                try encoder.startLog(entries: head?.entries ?? 0, head: head?.chain)
                let entries = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
                while let row = try entries.next() { try encoder.write(try AuditLog.entry(row)) }
                try encoder.endLog()
            }
            try encoder.finish()
            return summary
        }
    }
}

/// The records a partial export must carry: the selection, and the closure of what it
/// refers to (reviewed tasks' documents, adopting meetings, superseded documents, cells,
/// and every committee above them).
struct ExportScope {
    /// `nil` means every record of that kind.
    var organizations: Set<String>?
    var cells: Set<String>?
    var meetings: Set<String>?
    var documents: Set<String>?
    /// Confidential documents a partial export left out, and the records referring to them
    /// that went with them, by kind.
    var withheldConfidentialDocuments = 0
    var withheldReferring: [RecordKind: Int] = [:]

    /// A `WHERE` clause keeping `column` within `ids` (bound as one JSON array), or nothing
    /// for all.
    func filter(_ column: String, _ ids: Set<String>?) throws -> (sql: String, arguments: StatementArguments) {
        guard let ids else { return ("", []) }
        return ("WHERE \(column) IN (SELECT value FROM json_each(?))", [try Self.json(ids)])
    }

    private static func json(_ ids: Set<String>) throws -> String {
        String(decoding: try JSONEncoder().encode(ids.sorted()), as: UTF8.self)
    }

    init(db: Database, selection: ExportSelection) throws {
        guard !selection.isEverything else { return }
        var cells = Set<String>()
        for id in selection.cellIDs {
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cell WHERE id = ?)", arguments: [id]) == true
            else { throw ArchiveError.notFound(id: id) }
            cells.insert(id)
        }
        var organizations = Set<String>()
        if let organization = selection.organizationID {
            let subtree = try String.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE below(id) AS (
                        SELECT id FROM organization WHERE id = ?
                        UNION SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
                    SELECT id FROM below
                    """, arguments: [organization])
            guard !subtree.isEmpty else { throw ArchiveError.notFound(id: organization) }
            organizations.formUnion(subtree)
            cells.formUnion(
                try String.fetchAll(
                    db, sql: "SELECT id FROM cell WHERE organization_id IN (SELECT value FROM json_each(?))",
                    arguments: [Self.json(Set(subtree))]))
        }
        let allCells = selection.cellIDs.isEmpty && selection.organizationID == nil
        if allCells { cells.formUnion(try String.fetchAll(db, sql: "SELECT id FROM cell")) }
        let yearClause = selection.year.map { "AND substr(date, 1, 4) = '\(String(format: "%04d", $0))'" } ?? ""
        let selectedMeetings = Set(
            try String.fetchAll(
                db, sql: "SELECT id FROM meeting WHERE cell_id IN (SELECT value FROM json_each(?)) \(yearClause)",
                arguments: [Self.json(cells)]))
        let selectedDocuments = Set(
            try String.fetchAll(
                db, sql: "SELECT id FROM document WHERE cell_id IN (SELECT value FROM json_each(?)) \(yearClause)",
                arguments: [Self.json(cells)]))
        var (meetings, documents) = try Self.closure(db, meetings: selectedMeetings, documents: selectedDocuments)
        if !selection.includeConfidential {
            let withheld = try Self.withheld(db, meetings: meetings, documents: documents)
            if !withheld.meetings.isEmpty || !withheld.documents.isEmpty {
                // Whatever refers to a withheld record is withheld too, so the closure of what
                // is left never reaches one; it also drops what only withheld records needed.
                (meetings, documents) = try Self.closure(
                    db, meetings: selectedMeetings.subtracting(withheld.meetings),
                    documents: selectedDocuments.subtracting(withheld.documents))
                withheldConfidentialDocuments = withheld.confidential
                withheldReferring = [
                    .meeting: withheld.meetings.count, .document: withheld.documents.count - withheld.confidential,
                ].filter { $0.value > 0 }
            }
        }
        cells.formUnion(
            try String.fetchAll(
                db,
                sql: """
                    SELECT cell_id FROM meeting WHERE id IN (SELECT value FROM json_each(?))
                    UNION SELECT cell_id FROM document WHERE id IN (SELECT value FROM json_each(?))
                    """, arguments: [Self.json(meetings), Self.json(documents)]))
        organizations.formUnion(
            try String.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE above(id) AS (
                        SELECT organization_id FROM cell WHERE id IN (SELECT value FROM json_each(?))
                        UNION SELECT o.parent_id FROM organization o JOIN above a ON o.id = a.id
                        WHERE o.parent_id IS NOT NULL)
                    SELECT id FROM above
                    """, arguments: [Self.json(cells)]))
        organizations.formUnion(
            try String.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE above(id) AS (
                        SELECT value FROM json_each(?)
                        UNION SELECT o.parent_id FROM organization o JOIN above a ON o.id = a.id
                        WHERE o.parent_id IS NOT NULL)
                    SELECT id FROM above
                    """, arguments: [Self.json(organizations)]))
        self.organizations = organizations
        self.cells = cells
        self.meetings = meetings
        self.documents = documents
    }

    /// `meetings` and `documents` with every record they refer to, until nothing new comes in:
    /// the documents whose tasks minutes report on, the documents a document supersedes, and
    /// the minutes that adopted a document.
    private static func closure(
        _ db: Database, meetings: Set<String>, documents: Set<String>
    ) throws -> (meetings: Set<String>, documents: Set<String>) {
        var (meetings, documents) = (meetings, documents)
        while true {
            let reviewed = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT t.document_id FROM task_report r JOIN task t ON t.id = r.task_id
                    WHERE r.meeting_id IN (SELECT value FROM json_each(?))
                    """, arguments: [Self.json(meetings)])
            let superseded = try String.fetchAll(
                db,
                sql:
                    "SELECT supersedes_id FROM document WHERE supersedes_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
                arguments: [Self.json(documents)])
            let adopting = try String.fetchAll(
                db,
                sql:
                    "SELECT meeting_id FROM document WHERE meeting_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
                arguments: [Self.json(documents)])
            let newDocuments = Set(reviewed + superseded).subtracting(documents)
            let newMeetings = Set(adopting).subtracting(meetings)
            if newDocuments.isEmpty && newMeetings.isEmpty { break }
            documents.formUnion(newDocuments)
            meetings.formUnion(newMeetings)
        }
        return (meetings, documents)
    }

    /// Of `meetings` and `documents`, those a partial export without confidential documents
    /// leaves out: the documents marked Mật or higher, and, until nothing new comes in, the
    /// minutes reporting on a withheld document's tasks and the documents adopted at withheld
    /// minutes or superseding a withheld document. `confidential` counts the first kind.
    private static func withheld(
        _ db: Database, meetings: Set<String>, documents: Set<String>
    ) throws -> (meetings: Set<String>, documents: Set<String>, confidential: Int) {
        var withheldDocuments = Set(
            try String.fetchAll(
                db,
                sql:
                    "SELECT id FROM document WHERE classification <> 'none' AND id IN (SELECT value FROM json_each(?))",
                arguments: [Self.json(documents)]))
        let confidential = withheldDocuments.count
        var withheldMeetings = Set<String>()
        while !withheldDocuments.isEmpty {
            let reporting = Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT r.meeting_id FROM task_report r JOIN task t ON t.id = r.task_id
                        WHERE t.document_id IN (SELECT value FROM json_each(?))
                        AND r.meeting_id IN (SELECT value FROM json_each(?))
                        """, arguments: [Self.json(withheldDocuments), Self.json(meetings)])
            ).subtracting(withheldMeetings)
            withheldMeetings.formUnion(reporting)
            let referring = Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM document WHERE id IN (SELECT value FROM json_each(?))
                        AND (supersedes_id IN (SELECT value FROM json_each(?))
                            OR meeting_id IN (SELECT value FROM json_each(?)))
                        """,
                    arguments: [Self.json(documents), Self.json(withheldDocuments), Self.json(withheldMeetings)])
            ).subtracting(withheldDocuments)
            if reporting.isEmpty && referring.isEmpty { break }
            withheldDocuments.formUnion(referring)
        }
        return (withheldMeetings, withheldDocuments, confidential)
    }
}
