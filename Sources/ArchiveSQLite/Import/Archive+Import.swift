import ArchiveCore
import GRDB
import LibXML

extension Archive {
    /// Imports archive files (format v1), all of them or nothing.
    ///
    /// Each file is validated against `archive-1.xsd` while it streams, then every record is
    /// checked against the archive and the format's rules and written, in one transaction.
    /// Records that exist already (same id) are updated; minutes under a new code for a cell,
    /// day and kind that other minutes hold are refused (`ImportRefusal.sameMeeting`). Problems are collected across all
    /// files; if there is any, the transaction is rolled back and nothing is written.
    ///
    /// ```swift
    /// let report = try archive.importFiles(["nam-2023.xml"])
    /// print(report.added[.meeting] ?? 0)
    /// ```
    ///
    /// A record that is locked in the archive (approved minutes, a document past draft) is not
    /// changed by a file: a different content is refused, naming the record. Every record added
    /// or changed gets an `import` entry in the audit log, in the same transaction.
    ///
    /// A file carrying its audit log (`export --with-log`) into an empty archive restores the
    /// log, once its chain holds and it accounts for every record (`AuditLog.problems`, as
    /// `check` asks); `restoringLog: false` leaves it aside (the records then get `import`
    /// entries, as from a file without one), for a backup whose log was damaged.
    ///
    /// - parameters:
    ///   - context: who imports, for the audit log.
    ///   - restoringLog: whether a carried audit log is restored (the default) or left aside.
    /// - returns: what was added, updated and left unchanged.
    /// - throws: `ArchiveError.importRefused` with every problem found, each at its file, line
    ///   and column.
    public func importFiles(
        _ paths: [String], context: AuditContext, restoringLog: Bool
    ) async throws -> ImportReport {
        try await runImport(paths, context: context, commit: true, restoringLog: restoringLog)
    }

    /// `importFiles(_:context:restoringLog:)`, restoring a carried log.
    public func importFiles(_ paths: [String], context: AuditContext) async throws -> ImportReport {
        try await importFiles(paths, context: context, restoringLog: true)
    }

    /// What importing `paths` would do, record by record (`ImportReport.changes`), with every
    /// check of a real import — and nothing written: the same transaction is rolled back.
    /// The commune office's inbox shows this before a cell's file is accepted.
    ///
    /// - throws: `ArchiveError.importRefused` with every problem, as `importFiles` would.
    public func previewImport(_ paths: [String]) async throws -> ImportReport {
        try await previewImport(paths, confirmingChangesToApprovedMinutes: false)
    }

    /// `previewImport(_:)`, as an import whose changes to approved minutes the person
    /// confirmed when `confirmingChangesToApprovedMinutes`.
    public func previewImport(
        _ paths: [String], confirmingChangesToApprovedMinutes: Bool
    ) async throws -> ImportReport {
        let context = AuditContext(
            actor: "xem trước", confirmedChangesToApprovedMinutes: confirmingChangesToApprovedMinutes)
        return try await runImport(paths, context: context, commit: false)
    }

    private func runImport(
        _ paths: [String], context: AuditContext, commit: Bool, restoringLog: Bool = true
    ) async throws -> ImportReport {
        let schema: XMLSchema
        switch ArchiveSchema.compiled {
        case .success(let compiled): schema = compiled
        case .failure(let error): throw error
        }
        return try await writeWithoutTransaction { db in
            // One import is one transaction, however large the file: a page cache of a fixed
            // 256 MiB keeps index inserts out of the WAL file until commit, in bounded memory.
            let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
            var outcome: Result<ImportReport, ArchiveError> = .failure(.importRefused([]))
            do {
                try db.inTransaction(.immediate) {
                    let session = try ImportSession(db: db, context: context, restoringLog: restoringLog)
                    for path in paths { session.importFile(path, schema: schema) }
                    try session.resolvePending()
                    try session.refuseSameMeetings()
                    try session.refuseChangesToApprovedMinutes()
                    if !session.hasProblems { try session.finishLog() }
                    if session.hasProblems {
                        outcome = .failure(.importRefused(session.locatedProblems()))
                        return .rollback
                    }
                    outcome = .success(session.report)
                    return commit ? .commit : .rollback
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                // A deferred constraint failed at commit: the checks above missed something.
                let file = paths.count == 1 ? paths[0] : paths.joined(separator: ",")
                throw ArchiveError.importRefused([
                    ImportProblem(
                        file: file, line: 0, column: 0,
                        message: ImportRefusal.constraintViolated(error: error.message ?? "\(error)")
                            .vietnameseDescription)
                ])
            }
            let report = try outcome.get()
            if commit {
                // A large import leaves its pages in the WAL file (as large again as the
                // database), and every later read looks each page up there until a checkpoint
                // has copied them all: a province's summary read 20% slower, and the disk held
                // the archive twice. Copied back and the WAL emptied now, waiting for readers
                // as a busy write does; if they hold on, SQLite's own checkpoints go on later.
                _ = try? db.checkpoint(.truncate)
            }
            return report
        }
    }
}
