import ArchiveCore
import GRDB

extension Archive {
    /// Approves a meeting's minutes (read back and adopted): draft → approved. From then on the
    /// minutes are locked and carry the SHA-256 of their canonical content. One transaction,
    /// with an `approve` entry in the audit log. Minutes with warnings (`ApprovalWarnings`:
    /// issue 11, item 10) are approved only when `confirmingWarnings` is true; the warnings are
    /// computed inside the same transaction, so what was confirmed is what is approved.
    ///
    /// ```swift
    /// try archive.approve(meetingID: "np-2024-12", confirmingWarnings: true, context: AuditContext(actor: "Hoàng Văn Kiên"))
    /// ```
    ///
    /// - throws: `ArchiveError.notFound` for an unknown meeting; `ArchiveError.lifecycle` when
    ///   the minutes are already approved; `ArchiveError.unconfirmedWarnings` (nothing written)
    ///   when they have warnings and `confirmingWarnings` is false.
    @discardableResult
    public func approve(meetingID: String, confirmingWarnings: Bool, context: AuditContext) async throws -> Meeting {
        try await write { db in
            let reader = RecordReader(db: db)
            guard let draft = try reader.meeting(id: meetingID) else {
                throw ArchiveError.notFound(id: meetingID)
            }
            let meeting = try LifecycleRules.approved(draft)
            if !confirmingWarnings {
                let warnings = try Self.approvalWarnings(db, draft)
                if !warnings.isEmpty {
                    throw ArchiveError.unconfirmedWarnings(meetingID: meetingID, warnings: warnings)
                }
            }
            let sha256 = try CanonicalContent.sha256(.meeting(meeting))
            try db.execute(
                sql: "UPDATE meeting SET status = 'approved', content_sha256 = ? WHERE id = ?",
                arguments: [sha256, meetingID])
            let version = try SQLiteLookup(db: db).lock(of: .meeting, id: meetingID)?.version ?? 1
            try AuditLog(db: db).append(
                .approve, kind: .meeting, record: meetingID, version: version, sha256: sha256, context: context)
            return meeting
        }
    }

    /// The warnings the minutes of `meetingID` raise before approval (`ApprovalWarnings`).
    ///
    /// - returns: the warnings, in the order of the minutes; empty when there are none.
    /// - throws: `ArchiveError.notFound` for an unknown meeting.
    public func approvalWarnings(meetingID: String) async throws -> [ApprovalWarning] {
        try await pool.read { db in
            guard let meeting = try RecordReader(db: db).meeting(id: meetingID) else {
                throw ArchiveError.notFound(id: meetingID)
            }
            return try Self.approvalWarnings(db, meeting)
        }
    }

    static func approvalWarnings(_ db: Database, _ meeting: Meeting) throws -> [ApprovalWarning] {
        guard let cell = try RecordReader(db: db).cell(id: meeting.cellID) else {
            throw ArchiveError.corrupt("thiếu chi bộ \(meeting.cellID)")
        }
        let others = try Row.fetchAll(
            db, sql: "SELECT id, kind, date FROM meeting WHERE cell_id = ? AND id <> ? AND substr(date, 1, 7) = ?",
            arguments: [meeting.cellID, meeting.id, String(meeting.date.description.prefix(7))]
        ).compactMap { row -> ApprovalWarnings.OtherMeeting? in
            guard let kind = Meeting.Kind(rawValue: row["kind"]), let date = LocalDate(row["date"] as String) else {
                return nil
            }
            return ApprovalWarnings.OtherMeeting(id: row["id"], kind: kind, date: date)
        }
        return ApprovalWarnings.check(
            meeting, cell: cell, otherMeetings: others, rubric: try RubricStore(db: db).load())
    }

    /// Issues a draft document: gives it the next free number of its (cell, type, term) — the
    /// term in force on its date — marks it issued and locks it. One transaction, with an
    /// `issue` entry in the audit log.
    ///
    /// ```swift
    /// let issued = try await archive.issue(documentID: "np-nq-2024-13", context: context)
    /// issued.symbol   // "25-NQ/CB"
    /// ```
    ///
    /// - throws: `ArchiveError.notFound` for an unknown document; `ArchiveError.lifecycle` when
    ///   it is not a draft, or the cell had no term on its date (`LifecycleRules`).
    @discardableResult
    public func issue(documentID: String, context: AuditContext) async throws -> IssuedDocument {
        try await write { db in
            let reader = RecordReader(db: db)
            guard let draft = try reader.document(id: documentID) else {
                throw ArchiveError.notFound(id: documentID)
            }
            guard let cell = try reader.cell(id: draft.cellID, withMembers: false) else {
                throw ArchiveError.corrupt("thiếu chi bộ \(draft.cellID)")
            }
            let term = try LifecycleRules.numberingTerm(of: draft, cell: cell)
            let number = try Self.nextFreeNumber(db, cellID: draft.cellID, kind: draft.kind, termID: term.id)
            let document = LifecycleRules.issued(draft, number: number, term: term)
            let sha256 = try CanonicalContent.sha256(.document(document))
            try db.execute(
                sql: "UPDATE document SET status = 'issued', number = ?, term_id = ?, content_sha256 = ? WHERE id = ?",
                arguments: [document.number, term.id, sha256, documentID])
            try SearchIndexer(db: db).index(document)
            let version = try SQLiteLookup(db: db).lock(of: .document, id: documentID)?.version ?? 1
            try AuditLog(db: db).append(
                .issue, kind: .document, record: documentID, version: version, sha256: sha256, context: context)
            return IssuedDocument(document: document, symbol: document.symbol(issuerCode: cell.issuerCode) ?? "")
        }
    }

    /// Corrects a locked record: the current content is kept as an earlier version (readable
    /// for ever with `version(_:of:)`), and `corrected` becomes the next version, with its new
    /// hash. The record keeps its status, cell and (for a document) its number. One
    /// transaction, with a `correct` entry in the audit log; search and summaries see the new
    /// version.
    ///
    /// Corrected minutes are locked at once, so the warnings approval raises
    /// (`ApprovalWarnings`) are raised here too: a new version that raises a warning the one
    /// it replaces did not raise is written only when `confirmingWarnings` is true.
    ///
    /// - returns: the new lifecycle (version and hash).
    /// - throws: `ArchiveError.notFound` for an unknown record; `ArchiveError.notAllowed` for a
    ///   draft (change it directly), a change of cell, kind or number, or no change at all;
    ///   `ArchiveError.unconfirmedCorrectionWarnings` (nothing written).
    @discardableResult
    public func correct(
        _ corrected: LockableRecord, confirmingWarnings: Bool, context: AuditContext
    ) async throws -> RecordLifecycle {
        try await write { db in
            try Self.correct(db, corrected, confirmingWarnings: confirmingWarnings, context: context)
        }
    }

    /// Corrects a locked record inside the caller's transaction.
    static func correct(
        _ db: Database, _ corrected: LockableRecord, confirmingWarnings: Bool, context: AuditContext
    ) throws -> RecordLifecycle {
        let reader = RecordReader(db: db)
        let versions = VersionStore(db: db)
        let lookup = SQLiteLookup(db: db)
        let current: LockableRecord
        var next = corrected
        switch corrected {
        case .meeting(var meeting):
            guard let old = try reader.meeting(id: meeting.id) else { throw ArchiveError.notFound(id: meeting.id) }
            guard old.isLocked else {
                throw ArchiveError.lifecycle(.correctingADraft(kind: .meeting, id: old.id))
            }
            guard old.cellID == meeting.cellID else {
                throw ArchiveError.lifecycle(.correctionMovesMeeting)
            }
            if let other = try Self.sameMeeting(db, as: meeting).first {
                throw ArchiveError.lifecycle(
                    .correctionOntoOtherMeeting(existing: other.id, date: meeting.date, kind: other.kind))
            }
            meeting.status = old.status
            meeting.rating = meeting.rating ?? old.rating
            meeting.committeeRating = old.committeeRating
            current = .meeting(old)
            next = .meeting(meeting)
        case .document(var document):
            guard let old = try reader.document(id: document.id) else {
                throw ArchiveError.notFound(id: document.id)
            }
            guard old.isLocked else {
                throw ArchiveError.lifecycle(.correctingADraft(kind: .document, id: old.id))
            }
            guard old.cellID == document.cellID, old.kind == document.kind else {
                throw ArchiveError.lifecycle(.correctionChangesDocumentCellOrType)
            }
            document.status = old.status
            document.number = old.number
            document.termID = old.termID
            if let cell = try reader.cell(id: old.cellID, withMembers: false) {
                try LifecycleRules.checkCorrectedDate(document.date, of: old, cell: cell)
            }
            // A task that meetings have reported on must stay: the minutes refer to it.
            let kept = Set(document.tasks.map(\.id))
            for task in old.tasks where !kept.contains(task.id) {
                if let meeting = try lookup.meeting(reportingOnTask: task.id) {
                    throw ArchiveError.lifecycle(.correctionDropsReportedTask(taskID: task.id, meetingID: meeting))
                }
            }
            current = .document(old)
            next = .document(document)
        }
        guard let lifecycle = try lookup.lock(of: current.kind, id: current.id) else {
            throw ArchiveError.notFound(id: current.id)
        }
        let oldHash = try lifecycle.sha256 ?? CanonicalContent.sha256(current)
        let newHash = try CanonicalContent.sha256(next)
        guard newHash != oldHash else {
            throw ArchiveError.lifecycle(.correctionChangesNothing(id: current.id))
        }
        if case .meeting(let meeting) = next, case .meeting(let old) = current, !confirmingWarnings {
            // Only what the correction brings: the version it replaces was approved with its own.
            let before = try Self.approvalWarnings(db, old)
            let warnings = try Self.approvalWarnings(db, meeting).filter { !before.contains($0) }
            if !warnings.isEmpty {
                throw ArchiveError.unconfirmedCorrectionWarnings(meetingID: meeting.id, warnings: warnings)
            }
        }
        try versions.keep(
            RecordVersion(
                version: lifecycle.version, sha256: oldHash, replaced: context.time, content: current,
                replacedBecause: context.reason))
        let version = lifecycle.version + 1
        let writer = RecordWriter(db: db)
        switch next {
        case .meeting(let meeting): try writer.write(meeting, replacing: true, version: version, sha256: newHash)
        case .document(let document):
            try writer.write(document, replacing: true, version: version, sha256: newHash)
        }
        try AuditLog(db: db).append(
            .correct, kind: next.kind, record: next.id, version: version, sha256: newHash, context: context)
        return try versions.lifecycle(kind: next.kind, id: next.id) ?? RecordLifecycle(version: version)
    }

    /// The lifecycle of a meeting or document: its version, content hash and earlier versions.
    ///
    /// - throws: `ArchiveError.notFound` when no meeting or document has this identifier.
    public func lifecycle(of id: String) async throws -> RecordLifecycle {
        try await pool.read { db in
            let versions = VersionStore(db: db)
            if let found = try versions.lifecycle(kind: .meeting, id: id) { return found }
            if let found = try versions.lifecycle(kind: .document, id: id) { return found }
            throw ArchiveError.notFound(id: id)
        }
    }

    /// A meeting or document as it stood at `version`: an earlier version, or the current one.
    ///
    /// - throws: `ArchiveError.notFound` for an unknown record or a version it never had.
    public func version(_ version: Int, of id: String) async throws -> LockableRecord {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            let versions = VersionStore(db: db)
            let current: LockableRecord
            if let meeting = try reader.meeting(id: id) {
                current = .meeting(meeting)
            } else if let document = try reader.document(id: id) {
                current = .document(document)
            } else {
                throw ArchiveError.notFound(id: id)
            }
            let lifecycle = try versions.lifecycle(kind: current.kind, id: id) ?? RecordLifecycle()
            if version == lifecycle.version { return current }
            guard let earlier = lifecycle.previous.first(where: { $0.version == version }) else {
                throw ArchiveError.notFound(id: "\(id) phiên bản \(version)")
            }
            return earlier.content
        }
    }

    /// The audit log, oldest first; only the entries about `record` when given.
    public func auditLog(record: String? = nil) async throws -> [AuditEntry] {
        try await pool.read { db in try AuditLog(db: db).entries(record: record) }
    }

    /// The head of the audit log's hash chain, `nil` for an empty log.
    public func auditLogHead() async throws -> AuditLogHead? {
        try await pool.read { db in try AuditLog(db: db).head() }
    }
}
