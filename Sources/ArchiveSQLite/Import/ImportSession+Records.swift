import ArchiveCore
import GRDB
import LibXML

/// The record checks of an import: identifiers claimed once per file, then each record
/// checked by ArchiveCore's `ImportChecks` through the session's `SQLiteLookup`, and written.
/// Meetings and documents share one tail: admitted by the lifecycle, counted, settled, written.
extension ImportSession {
    /// Records that identifiers are used in this file; a second use of one in the same file is
    /// a problem at the second place (a later file may update what an earlier one wrote, as
    /// two partial exports that carry the same cells do). Kept on disk, not in memory.
    func claimIdentifiers(in element: XMLElement) -> Bool {
        var claims: [(kind: String, id: String, line: Int)] = []
        if let id = element.attribute("id").map(TextNormalization.trimmed) {
            claims.append((element.name, id, element.line))
        }
        let owned = element.name == "cell" ? "member" : element.name == "document" ? "task" : nil
        if let owned {
            for child in element.children(named: owned) {
                if let id = child.attribute("id").map(TextNormalization.trimmed) {
                    claims.append((owned, id, child.line))
                }
            }
        }
        var valid = true
        for claim in claims {
            let needle = "id=\"\(claim.id)\""
            do {
                // Tasks have identifiers of their own; every other kind shares one set, in the
                // file and in the archive.
                let isTask = claim.kind == "task"
                let earlier = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT line, kind FROM claimed_identifier WHERE id = ? AND (kind = 'task') = ?"),
                    arguments: [claim.id, isTask])
                let kind = RecordKind(rawValue: claim.kind)
                let earlierLine: Int? = earlier.map { $0[0] }
                if let earlier, let kind, let holder = RecordKind(rawValue: earlier[1]), holder != kind {
                    add(.identifierTaken(claim.id, holder: holder, line: earlierLine), line: claim.line, needle: needle)
                    valid = false
                } else if let kind, let holder = try db.otherKind(holding: claim.id, besides: kind) {
                    add(.identifierTaken(claim.id, holder: holder, line: nil), line: claim.line, needle: needle)
                    valid = false
                } else if let earlierLine {
                    add(
                        .identifierRepeated(claim.id, kind: claim.kind, line: earlierLine), line: claim.line,
                        needle: needle)
                    valid = false
                } else {
                    try db.cachedStatement(
                        sql: "INSERT INTO claimed_identifier (kind, id, line) VALUES (?, ?, ?)"
                    ).execute(arguments: [claim.kind, claim.id, claim.line])
                }
            } catch {
                add(.cannotWrite(error: "\(error)"), line: claim.line)
                valid = false
            }
        }
        return valid
    }

    /// Checks and writes one record; `false` when it was refused.
    func apply(_ record: DecodedRecord, sha256: String?, file: Int) -> Bool {
        let before = fileProblems.count
        do {
            switch record.value {
            case .organization(let organization): try apply(organization, record, file: file)
            case .cell(let cell, let memberLines): try apply(cell, memberLines: memberLines, record)
            case .meeting(let meeting): try apply(meeting, record, sha256: sha256, file: file)
            case .document(let document):
                try apply(document, record, sha256: sha256, file: file)
                if fileProblems.count > before {
                    for task in document.tasks { refused.insert("task:\(task.id)") }
                }
            }
        } catch let error as DatabaseError {
            add(.cannotWrite(error: error.message ?? "\(error)"), line: record.line)
        } catch {
            add(.cannotWrite(error: "\(error)"), line: record.line)
        }
        return fileProblems.count == before
    }

    /// Checks the references of a record of `cellID`, parking forward ones; returns whether
    /// all that can be checked now hold.
    private func checkReferences(_ record: DecodedRecord, cellID: String, file: Int) throws -> Bool {
        let references = try ImportChecks.references(of: record, cellID: cellID, in: lookup)
        for problem in references.problems { add(problem) }
        for reference in references.forward {
            try db.cachedStatement(
                sql: "INSERT INTO pending_reference (kind, target, file, line, attribute) VALUES (?, ?, ?, ?, ?)"
            ).execute(arguments: [reference.kind.rawValue, reference.id, file, reference.line, reference.attribute])
        }
        return references.hold
    }

    private func apply(_ organization: Organization, _ record: DecodedRecord, file: Int) throws {
        if let problem = ImportChecks.check(organization, line: record.line) {
            add(problem)
            return
        }
        _ = try checkReferences(record, cellID: "", file: file)
        let old = try reader.organization(id: organization.id)
        if old != organization {
            try writer.write(organization)
            try logLater(
                kind: .organization, record: organization.id, version: nil,
                sha256: try CanonicalContent.sha256(organization))
        }
        // A report added changes the committee: the inbox shows it, and refuses it to a
        // secretary's upload as any change to a committee.
        let reportsAdded = try apply(record.reports, of: organization)
        report.count(
            .organization, id: organization.id, old: old != nil, changed: old != organization || reportsAdded > 0,
            label: organization.name)
    }

    /// Writes the committee's reports a file carries that the archive does not hold yet. A
    /// report the archive holds is never changed by an import (the office's words are its
    /// own, as a committee's rating is); a differing one is kept, and the import says so.
    ///
    /// - returns: how many reports were written.
    private func apply(_ reports: [SavedReportText], of organization: Organization) throws -> Int {
        var added = 0
        for carried in reports {
            if let stored = try Archive.savedReport(db, organizationID: organization.id, period: carried.period) {
                if stored != carried {
                    report.notes.append(
                        ImportReport.reportKeptNote(organization: organization.name, period: carried.period))
                }
                continue
            }
            try Archive.store(carried, organizationID: organization.id, replacing: false, db)
            reportsAdded += 1
            added += 1
            try db.cachedStatement(
                sql:
                    "INSERT INTO pending_log (kind, record_id, version, content_sha256) VALUES ('report', ?, NULL, NULL)"
            ).execute(arguments: ["\(organization.id)/\(carried.period)"])
        }
        return added
    }

    private func apply(_ cell: Cell, memberLines: [String: Int], _ record: DecodedRecord) throws {
        let refusals = try ImportChecks.check(cell, memberLines: memberLines, record, in: lookup)
        guard refusals.isEmpty else {
            for problem in refusals { add(problem) }
            return
        }
        let old = try reader.cell(id: cell.id, withMembers: false)
        let oldMembers = old == nil ? [] : try reader.members(cellID: cell.id)
        let oldByID = Dictionary(oldMembers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(cell.members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Terms and members not in the file are kept; those in it replace their old selves.
        var merged = cell
        merged.members = []
        if let old {
            merged.terms = old.terms.filter { term in !cell.terms.contains { $0.id == term.id } } + cell.terms
        }
        var changed = old.map { $0 != merged } ?? true
        report.count(.cell, id: cell.id, old: old != nil, changed: changed, cell: cell.id, label: cell.name)
        for member in cell.members {
            let previous = oldByID[member.id]
            report.count(
                .member, id: member.id, old: previous != nil, changed: previous != member, cell: cell.id,
                label: member.fullName)
            if previous != member { changed = true }
        }
        lookup.remember(cellID: cell.id, issuerCode: cell.issuerCode, memberIDs: cell.members.lazy.map(\.id))
        guard changed else { return }
        if old != nil, approvedBeforeImport[cell.id] == nil {
            let approved = try reader.approvedMeetings(cellID: cell.id)
            if !approved.isEmpty {
                approvedBeforeImport[cell.id] = (cell.name, oldMembers, approved, files.count - 1, record.line)
            }
        }
        // Members already in the cell keep their places; new ones follow them.
        merged.members = oldMembers.map { newByID[$0.id] ?? $0 } + cell.members.filter { oldByID[$0.id] == nil }
        try writer.write(merged)
        try logLater(kind: .cell, record: cell.id, version: nil, sha256: try CanonicalContent.sha256(merged))
    }

    /// `sha256` is the meeting's canonical hash when it was worked out ahead.
    private func apply(_ meeting: Meeting, _ record: DecodedRecord, sha256: String?, file: Int) throws {
        guard try checkReferences(record, cellID: meeting.cellID, file: file) else { return }
        let old = try reader.meeting(id: meeting.id)
        // The committee's rating is the committee's: a cell's file never changes it. A file
        // carries it only into an archive that does not hold the meeting yet (a backup restored).
        var meeting = meeting
        if let old { meeting.committeeRating = old.committeeRating }
        let before = fileProblems.count
        try admitAndWrite(
            .meeting(meeting), old: old.map { .meeting($0) }, sha256: sha256, record,
            label: "Biên bản ngày \(meeting.date.vietnameseShort), \(meeting.kind.vietnameseName)")
        guard fileProblems.count == before else { return }
        // Whether it now has another meeting's cell, day and kind is asked once every file is
        // written (`refuseSameMeetings`).
        let keyedAnew = old.map { $0.cellID != meeting.cellID || $0.date != meeting.date || $0.kind != meeting.kind }
        try db.cachedStatement(
            sql: """
                INSERT INTO imported_meeting (id, file, line, keyed_anew) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET file = excluded.file, line = excluded.line,
                    keyed_anew = keyed_anew OR excluded.keyed_anew
                """
        ).execute(arguments: [meeting.id, file, record.line, keyedAnew ?? true])
    }

    /// `sha256` is the document's canonical hash when it was worked out ahead.
    private func apply(_ document: Document, _ record: DecodedRecord, sha256: String?, file: Int) throws {
        // Symbol, number and task checks need only the cell, so they run even when another
        // reference fails: one run reports every problem of the record.
        let referencesHold = try checkReferences(record, cellID: document.cellID, file: file)
        guard let refusals = try ImportChecks.check(document, record, in: lookup) else { return }
        for problem in refusals { add(problem) }
        guard referencesHold, refusals.isEmpty else { return }
        let old = try reader.document(id: document.id)
        if let problem = try ImportChecks.droppedReportedTask(
            from: old, in: document, line: record.line, lookup: lookup)
        {
            add(problem)
            return
        }
        try admitAndWrite(
            .document(document), old: old.map { .document($0) }, sha256: sha256, record,
            label: "\(document.kind.vietnameseName) ngày \(document.date.vietnameseShort): \(document.title)")
    }

    /// The one tail of meetings and documents: the lifecycle admits `incoming` over `old`
    /// (`ImportChecks.admits`), the report counts it, and a change is settled and written.
    /// `sha256` is the record's canonical hash when it was worked out ahead.
    private func admitAndWrite(
        _ incoming: LockableRecord, old: LockableRecord?, sha256: String?, _ record: DecodedRecord, label: String
    ) throws {
        let hash = try sha256 ?? CanonicalContent.sha256(incoming)
        if let problem = try ImportChecks.admits(
            incoming, hash: hash, old: old, lifecycle: record.lifecycle, line: record.line, lookup: lookup)
        {
            add(problem)
            return
        }
        let cellID: String
        switch incoming {
        case .meeting(let meeting): cellID = meeting.cellID
        case .document(let document): cellID = document.cellID
        }
        report.count(
            incoming.kind, id: incoming.id, old: old != nil, changed: old != incoming, cell: cellID, label: label)
        guard old != incoming else { return }
        let (version, lockedHash) = try settle(incoming, hash: hash, old: old, lifecycle: record.lifecycle)
        switch incoming {
        case .meeting(let meeting):
            try writer.write(meeting, replacing: old != nil, version: version, sha256: lockedHash)
        case .document(let document):
            try writer.write(document, replacing: old != nil, version: version, sha256: lockedHash)
        }
    }

    /// Writes the lifecycle of a record just written: its version and hash, earlier versions
    /// the file carried (for a record new to the archive), and the log entry.
    private func settle(
        _ incoming: LockableRecord, hash: String, old: LockableRecord?, lifecycle: RecordLifecycle?
    ) throws -> (version: Int, sha256: String?) {
        var version = lifecycle?.version ?? 1
        if let old, old.isLocked {
            version = try lookup.lock(of: old.kind, id: old.id)?.version ?? version
        } else if let lifecycle, try versions.previous(kind: incoming.kind, id: incoming.id).isEmpty {
            for previous in lifecycle.previous { try versions.keep(previous) }
        }
        try logLater(kind: incoming.kind, record: incoming.id, version: version, sha256: hash)
        return (version, incoming.isLocked ? hash : nil)
    }
}
