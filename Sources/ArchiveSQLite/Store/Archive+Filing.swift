import ArchiveCore
import Foundation
import GRDB

extension Archive {
    /// A blank minutes form for `cellID` on `date`: every member of the cell that day listed by
    /// full name (probationary and exempt members marked), the open tasks listed for reports.
    ///
    /// ```swift
    /// let form = try archive.meetingForm(cellID: "cb-na-pan", date: LocalDate("2024-12-05")!)
    /// ```
    ///
    /// - throws: `ArchiveError.notFound` for an unknown cell.
    public func meetingForm(cellID: String, date: LocalDate) async throws -> String {
        try await pool.read { db in
            guard let cell = try RecordReader(db: db).cell(id: cellID) else { throw ArchiveError.notFound(id: cellID) }
            // A plain-text form travels (printed, mailed, left on a desk): tasks of confidential
            // documents stay out of it, counted in its guidance.
            let open = try Self.openTasks(db, cell: cell, on: date)
            return MeetingForm.render(
                cell: cell, date: date, openTasks: open.filter { !$0.confidential },
                withheldTasks: open.filter(\.confidential).count)
        }
    }

    /// The cell's tasks from documents issued on or before `date` whose last report before it
    /// is neither done nor cancelled, in the order of their documents.
    ///
    /// - throws: `ArchiveError.notFound` for an unknown cell.
    public func openTasks(cellID: String, on date: LocalDate) async throws -> [MeetingForm.OpenTask] {
        try await pool.read { db in
            guard let cell = try RecordReader(db: db).cell(id: cellID) else { throw ArchiveError.notFound(id: cellID) }
            return try Self.openTasks(db, cell: cell, on: date)
        }
    }

    /// A blank form for a document of `kind` of `cellID`, dated `date`.
    ///
    /// - throws: `ArchiveError.notFound` for an unknown cell.
    public func documentForm(cellID: String, kind: Document.Kind, date: LocalDate) async throws -> String {
        try await pool.read { db in
            guard let cell = try RecordReader(db: db).cell(id: cellID) else { throw ArchiveError.notFound(id: cellID) }
            return DocumentForm.render(cell: cell, kind: kind, date: date)
        }
    }

    /// The form of an existing meeting or document, filled with its current content: to edit a
    /// draft and file it again, or to correct a locked record.
    ///
    /// - throws: `ArchiveError.notFound` when no meeting or document has this identifier.
    public func filledForm(id: String) async throws -> String {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            if let meeting = try reader.meeting(id: id),
                let cell = try reader.cell(id: meeting.cellID)
            {
                return MeetingForm.render(
                    cell: cell, date: meeting.date,
                    openTasks: try Self.openTasks(db, cell: cell, on: meeting.date).filter { !$0.confidential },
                    meeting: meeting)
            }
            if let document = try reader.document(id: id),
                let cell = try reader.cell(id: document.cellID)
            {
                return DocumentForm.render(cell: cell, kind: document.kind, date: document.date, document: document)
            }
            throw ArchiveError.notFound(id: id)
        }
    }

    /// Files a filled form (minutes or a document) as a draft, in one transaction with a `file`
    /// entry in the audit log. A form naming an existing draft replaces it: by its id, or,
    /// when the form carries none, by the cell, date and kind of minutes (cell, type, date and
    /// title of a document), so that filing the same form twice never makes a second record.
    /// A locked record is refused (correct it instead). Nothing is filed when the form has any
    /// mistake.
    ///
    /// - parameters:
    ///   - text: the form's text (a BOM and CRLF line ends are fine).
    ///   - file: the form's name, for the error lines.
    ///   - today: the day of filing; nothing may be dated after it.
    /// - returns: the draft as filed, with its identifier.
    /// - throws: `ArchiveError.formRefused` with every mistake at its line; `ArchiveError.locked`
    ///   when the form names approved minutes or an issued document; `ArchiveError.changedSince`
    ///   when `context.seenRevision` is given and the draft was written after it.
    @discardableResult
    public func file(
        form text: String, named file: String, today: LocalDate, context: AuditContext
    ) async throws
        -> LockableRecord
    {
        try await write { db in
            var record = try Self.read(db, form: FormText(text), file: file, fixedID: nil, today: today)
            try AuditLog(db: db).requireUnchanged(record.id, context: context)
            let reader = RecordReader(db: db)
            let writer = RecordWriter(db: db)
            let existing: LockableRecord? =
                switch record {
                case .meeting(let meeting): try reader.meeting(id: meeting.id).map { .meeting($0) }
                case .document(let document): try reader.document(id: document.id).map { .document($0) }
                }
            let kind = record.kind
            if let holder = try db.otherKind(holding: record.id, besides: kind) {
                throw ArchiveError.formRefused([
                    FormProblem(
                        file: file,
                        line: FormText(text).field(kind == .meeting ? "Mã biên bản" : "Mã văn bản")?.number ?? 0,
                        message: RecordKind.identifierTaken(record.id, by: holder, where: "trong kho"))
                ])
            }
            try Self.checkReplacing(db, record, existing: existing, form: FormText(text), file: file)
            if let existing, existing.isLocked {
                let form = FormText(text)
                let idLine = form.field(record.kind == .meeting ? "Mã biên bản" : "Mã văn bản")
                let line = idLine?.text.isEmpty == false ? idLine?.number : form.field("Ngày")?.number
                throw ArchiveError.locked(
                    LockedRecord(id: record.id, kind: record.kind, form: file, line: line ?? 0))
            }
            // A form carries no attachments and no committee rating: a draft filed again keeps
            // the ones it had.
            switch (record, existing) {
            case (.meeting(var meeting), .meeting(let old)?):
                meeting.attachments = old.attachments
                meeting.committeeRating = old.committeeRating
                record = .meeting(meeting)
            case (.document(var document), .document(let old)?):
                document.attachments = old.attachments
                record = .document(document)
            default: break
            }
            switch record {
            case .meeting(let meeting): try writer.write(meeting, replacing: existing != nil)
            case .document(let document): try writer.write(document, replacing: existing != nil)
            }
            try AuditLog(db: db).append(
                .file, kind: record.kind, record: record.id, version: 1, sha256: try CanonicalContent.sha256(record),
                context: context)
            return record
        }
    }

    /// Corrects a locked meeting or document from a filled form (see `correct(_:context:)`).
    ///
    /// - throws: `ArchiveError.formRefused` for mistakes in the form; `ArchiveError.notAllowed`
    ///   for a draft, or a form that changes nothing; `ArchiveError.changedSince` when
    ///   `context.seenRevision` is given and the record was written after it; `ArchiveError.unconfirmedCorrectionWarnings`
    ///   (nothing written) for minutes with warnings when `confirmingWarnings` is false.
    @discardableResult
    public func correct(
        id: String, form text: String, named file: String, today: LocalDate, confirmingWarnings: Bool,
        context: AuditContext
    )
        async throws -> RecordLifecycle
    {
        try await write { db in
            try AuditLog(db: db).requireUnchanged(id, context: context)
            let record: LockableRecord
            // A form carries no attachments: the correction keeps the record's own.
            switch try Self.read(db, form: FormText(text), file: file, fixedID: id, today: today) {
            case .meeting(var meeting):
                meeting.attachments = try RecordReader(db: db).meeting(id: id)?.attachments ?? []
                record = .meeting(meeting)
            case .document(var document):
                document.attachments = try RecordReader(db: db).document(id: id)?.attachments ?? []
                record = .document(document)
            }
            return try Self.correct(db, record, confirmingWarnings: confirmingWarnings, context: context)
        }
    }

    /// Refuses a form that would overwrite another meeting's or cell's record, or make a second
    /// record of one meeting or document (`FilingRules`), at the line the mismatch is on.
    private static func checkReplacing(
        _ db: Database, _ record: LockableRecord, existing: LockableRecord?, form: FormText, file: String
    ) throws {
        let idLine = form.field(record.kind == .meeting ? "Mã biên bản" : "Mã văn bản")
        let namedInForm = idLine?.text.isEmpty == false
        let reader = RecordReader(db: db)
        func cellName(_ id: String) -> String { (try? reader.cell(id: id, withMembers: false))?.name ?? id }
        let mismatch: FilingRules.Mismatch?
        switch record {
        case .meeting(let meeting):
            var stored: Meeting?
            if case .meeting(let old)? = existing { stored = old }
            let same = try String.fetchAll(
                db, sql: "SELECT id FROM meeting WHERE cell_id = ? AND date = ? AND kind = ? ORDER BY id",
                arguments: [meeting.cellID, meeting.date.description, meeting.kind.rawValue])
            mismatch =
                try FilingRules.check(
                    meeting, stored: stored, namedInForm: namedInForm, sameMeeting: same, cellName: cellName)
                ?? Self.sameMeeting(db, as: meeting).first.map {
                    .sameSitting(id: meeting.id, existing: $0.id, kind: $0.kind, date: meeting.date)
                }
        case .document(let document):
            var stored: Document?
            if case .document(let old)? = existing { stored = old }
            let drafts = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, title FROM document WHERE cell_id = ? AND type = ? AND date = ? AND status = 'draft'
                    AND ifnull(meeting_id, '') = ? AND id <> ? ORDER BY id
                    """,
                arguments: [
                    document.cellID, document.kind.rawValue, document.date.description, document.meetingID ?? "",
                    document.id,
                ]
            ).map { (id: $0["id"] as String, title: $0["title"] as String) }
            mismatch = FilingRules.check(
                document, stored: stored, namedInForm: namedInForm, sameDayDrafts: drafts, cellName: cellName)
        }
        guard let mismatch else { return }
        let line: Int? =
            switch mismatch {
            case .otherCell: form.field("Chi bộ")?.number
            case .otherMonth, .unknownCodeSameMeeting, .sameSitting: form.field("Ngày")?.number
            case .sameDocumentDraft: form.field("Trích yếu")?.number ?? form.field("Ngày")?.number
            case .sameDayDraftOfOtherKind: form.field("Loại")?.number
            }
        throw ArchiveError.formRefused([
            FormProblem(file: file, line: line ?? idLine?.number ?? 0, message: mismatch.vietnameseDescription)
        ])
    }

    // MARK: Reading forms

    /// Reads a form against the archive: its cell, members, tasks and meetings.
    private static func read(
        _ db: Database, form: FormText, file: String, fixedID: String?, today: LocalDate
    ) throws
        -> LockableRecord
    {
        let isMeeting = form.field("Mã biên bản") != nil
        guard isMeeting || form.field("Mã văn bản") != nil else {
            throw ArchiveError.formRefused([
                FormProblem(
                    file: file, line: 0,
                    message: "không nhận ra mẫu: cần dòng “Mã biên bản:” (biên bản) hoặc “Mã văn bản:” (văn bản)")
            ])
        }
        let cell = try cell(db, form: form, file: file)
        let idLabel = isMeeting ? "Mã biên bản" : "Mã văn bản"
        let idLine = form.field(idLabel)?.number ?? 0
        var id = form.field(idLabel)?.text ?? ""
        if let fixedID {
            if !id.isEmpty && id != fixedID {
                throw ArchiveError.formRefused([
                    FormProblem(file: file, line: idLine, message: "mẫu này ghi \(id), không phải \(fixedID)")
                ])
            }
            id = fixedID
        }
        if !id.isEmpty, !Self.isIdentifier(id) {
            throw ArchiveError.formRefused([
                FormProblem(
                    file: file, line: idLine,
                    message: "mã “\(id)” chỉ được gồm chữ không dấu, chữ số, dấu chấm, gạch dưới và gạch ngang")
            ])
        }
        let knownTasks = Set(
            try String.fetchAll(
                db, sql: "SELECT t.id FROM task t JOIN document d ON d.id = t.document_id WHERE d.cell_id = ?",
                arguments: [cell.id]))
        let knownMeetings = try Self.meetingDates(db, cellID: cell.id)
        let placeholder = id.isEmpty ? "form" : id
        if isMeeting {
            let stored = id.isEmpty ? nil : try RecordReader(db: db).meeting(id: id)
            let (meeting, problems) = MeetingForm.read(
                form, file: file, id: placeholder, cell: cell, knownTasks: knownTasks, today: today,
                storedTimes: stored.map { ($0.start, $0.end) })
            guard var meeting else { throw ArchiveError.formRefused(problems) }
            if id.isEmpty {
                // The same minutes filed again without their id: the cell, date and kind name them.
                let same = try String.fetchAll(
                    db, sql: "SELECT id FROM meeting WHERE cell_id = ? AND date = ? AND kind = ? ORDER BY id",
                    arguments: [cell.id, meeting.date.description, meeting.kind.rawValue])
                try refuseAmbiguous(same, form: form, file: file, idLabel: idLabel)
                if same.isEmpty,
                    let other = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT id, kind FROM meeting WHERE cell_id = ? AND date = ? AND status = 'draft'
                            ORDER BY id LIMIT 1
                            """,
                        arguments: [cell.id, meeting.date.description]),
                    let otherKind = Meeting.Kind(rawValue: other["kind"])
                {
                    let mismatch = FilingRules.Mismatch.sameDayDraftOfOtherKind(
                        existing: other["id"], kind: otherKind, date: meeting.date)
                    throw ArchiveError.formRefused([
                        FormProblem(
                            file: file, line: form.field("Loại")?.number ?? idLine,
                            message: mismatch.vietnameseDescription)
                    ])
                }
                meeting.id = try same.first ?? freeID(db, table: "meeting", base: "\(cell.id)-\(meeting.date)")
            }
            return .meeting(meeting)
        }
        let (document, problems) = DocumentForm.read(
            form, file: file, id: placeholder, cell: cell, knownMeetings: knownMeetings, today: today)
        guard var document else { throw ArchiveError.formRefused(problems) }
        if id.isEmpty {
            // The same document filed again without its id: cell, type, date and title name it.
            let same = try String.fetchAll(
                db,
                sql: "SELECT id FROM document WHERE cell_id = ? AND type = ? AND date = ? AND title = ? ORDER BY id",
                arguments: [cell.id, document.kind.rawValue, document.date.description, document.title])
            try refuseAmbiguous(same, form: form, file: file, idLabel: idLabel)
            let code = VietnameseText.fold(document.kind.rawValue)
            document.id = try same.first ?? freeID(db, table: "document", base: "\(cell.id)-\(code)-\(document.date)")
            let placeholderPrefix = "\(placeholder)-t"
            document.tasks = document.tasks.map { task in
                var task = task
                if task.id.hasPrefix(placeholderPrefix) {
                    task.id = "\(document.id)-t" + task.id.dropFirst(placeholderPrefix.count)
                }
                return task
            }
        }
        return .document(document)
    }

    /// Refuses a form without an id that could be any of several records already filed.
    /// The cell's other minutes (not `meeting` itself) of `meeting`'s day whose kind records
    /// the same sitting (`Meeting.Kind.sameSittingKinds`), by code, with their kinds.
    static func sameMeeting(_ db: Database, as meeting: Meeting) throws -> [(id: String, kind: Meeting.Kind)] {
        let kinds = meeting.kind.sameSittingKinds.map(\.rawValue)
        let marks = kinds.map { _ in "?" }.joined(separator: ", ")
        return try Row.fetchAll(
            db,
            sql: "SELECT id, kind FROM meeting WHERE cell_id = ? AND date = ? AND id <> ? AND kind IN (\(marks))"
                + " ORDER BY id",
            arguments: StatementArguments([meeting.cellID, meeting.date.description, meeting.id] + kinds)
        ).compactMap { row in Meeting.Kind(rawValue: row["kind"]).map { (id: row["id"], kind: $0) } }
    }

    private static func refuseAmbiguous(_ ids: [String], form: FormText, file: String, idLabel: String) throws {
        guard ids.count > 1 else { return }
        throw ArchiveError.formRefused([
            FormProblem(
                file: file, line: form.field("Ngày")?.number ?? 0,
                message:
                    "đã có \(ids.count) bản cùng ngày và cùng loại (\(ids.joined(separator: ", "))); ghi mã của bản cần sửa vào dòng “\(idLabel):”"
            )
        ])
    }

    /// The cell a form names on its `Chi bộ:` line, by `[id]`, id or name.
    private static func cell(_ db: Database, form: FormText, file: String) throws -> Cell {
        let line = form.field("Chi bộ")
        guard let written = line?.text, !written.isEmpty else {
            throw ArchiveError.formRefused([
                FormProblem(file: file, line: line?.number ?? 0, message: "chưa điền “Chi bộ”")
            ])
        }
        var id = written
        if let open = written.lastIndex(of: "["), let close = written.lastIndex(of: "]"), open < close {
            id = TextNormalization.trimmed(String(written[written.index(after: open)..<close]))
        }
        if let cell = try RecordReader(db: db).cell(id: id) { return cell }
        return try namedCell(db, written: written, line: line?.number ?? 0, file: file)
    }

    /// `base`, or `base-2`, `base-3`… whichever no record of `table` holds yet.
    private static func freeID(_ db: Database, table: String, base: String) throws -> String {
        var candidate = base
        var suffix = 1
        while try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [candidate])
            == true
        {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        return candidate
    }

    /// Whether `text` is an identifier of the archive format.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64 else { return false }
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return allowed(first) && text.unicodeScalars.allSatisfy { allowed($0) || ".-_".unicodeScalars.contains($0) }
    }

    /// The cell's tasks from documents issued on or before `date` whose last report before
    /// `date` is neither done nor cancelled.
    static func openTasks(_ db: Database, cell: Cell, on date: LocalDate) throws -> [MeetingForm.OpenTask] {
        // The tasks reported done or cancelled are left out by SQLite, not decoded first: a
        // cell's home reads this on every request, and most tasks of past years are done.
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT * FROM (
                        SELECT t.id, t.assignee_id, t.due, t.text, d.id AS document_id, d.type, d.number, d.title,
                            d.classification <> 'none' AS confidential, d.date AS document_date, t.position,
                            (SELECT r.status FROM task_report r JOIN meeting m ON m.id = r.meeting_id
                             WHERE r.task_id = t.id AND m.date < ? ORDER BY m.date DESC, m.start_time DESC LIMIT 1)
                                AS last
                        FROM task t JOIN document d ON d.id = t.document_id
                        WHERE d.cell_id = ? AND d.status <> 'draft' AND d.date <= ?)
                    WHERE last IS NULL OR last NOT IN ('done', 'cancelled')
                    ORDER BY document_date, document_id, position
                    """), arguments: [date.description, cell.id, date.description])
        return rows.map { row -> MeetingForm.OpenTask in
            let number: Int? = row["number"]
            let type: String = row["type"]
            let source =
                number.flatMap { number in
                    Document.Kind(rawValue: type).map {
                        Document.symbol(number: number, kind: $0, issuerCode: cell.issuerCode)
                    }
                } ?? (row["title"] as String)
            return MeetingForm.OpenTask(
                task: DocumentTask(
                    id: row["id"], assigneeID: row["assignee_id"], due: (row["due"] as String?).flatMap(LocalDate.init),
                    text: row["text"]), source: source, documentID: row["document_id"],
                confidential: row["confidential"])
        }
    }
}

extension Archive {
    /// Removes a draft filed by mistake — minutes or a document — with everything it owns and
    /// its search entry, in one transaction with a `discard` entry in the audit log (its earlier
    /// entries stay). Locked records are never removed: they change only by a correction.
    ///
    /// - throws: `ArchiveError.notFound` for an unknown id; `ArchiveError.locked` for approved
    ///   minutes or a document past draft; `ArchiveError.stillReferenced` when a document
    ///   names the meeting or a meeting reports on one of the document's tasks.
    @discardableResult
    public func discard(id: String, context: AuditContext) async throws -> LockableRecord {
        try await write { db in
            let reader = RecordReader(db: db)
            let record: LockableRecord
            let referrers: [String]
            if let meeting = try reader.meeting(id: id) {
                record = .meeting(meeting)
                referrers = try String.fetchAll(
                    db, sql: "SELECT id FROM document WHERE meeting_id = ? ORDER BY id", arguments: [id])
            } else if let document = try reader.document(id: id) {
                record = .document(document)
                referrers = try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT r.meeting_id FROM task_report r JOIN task t ON t.id = r.task_id
                        WHERE t.document_id = ?1
                        UNION SELECT id FROM document WHERE supersedes_id = ?1
                        ORDER BY 1
                        """, arguments: [id])
            } else {
                throw ArchiveError.notFound(id: id)
            }
            if record.isLocked {
                throw ArchiveError.locked(LockedRecord(id: id, kind: record.kind))
            }
            if !referrers.isEmpty { throw ArchiveError.stillReferenced(id: id, referrers: referrers) }
            try db.execute(sql: "DELETE FROM \(record.kind) WHERE id = ?", arguments: [id])
            try SearchIndexer(db: db).remove(kind: record.kind, recordID: id)
            try AuditLog(db: db).append(
                .discard, kind: record.kind, record: id, version: nil, sha256: try CanonicalContent.sha256(record),
                context: context)
            return record
        }
    }
}
