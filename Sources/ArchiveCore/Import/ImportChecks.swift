/// The checks an import makes of each decoded record against what the store holds, asked
/// through an `ArchiveLookup`: references, a cell's members and code, a document's symbol,
/// number and tasks, and the lifecycle of locked records (`domain.md`, "Meetings" and
/// "Documents"; `LifecycleRules`). Pure but for the lookup: they write nothing and hold no state,
/// so any store reuses them inside its own write transaction.
///
/// What only a store's machinery can do stays in the store: which identifiers a file has
/// claimed, and parking forward references until every file is read (the SQLite store keeps
/// both in temporary tables, so memory stays bounded on large files).
package enum ImportChecks {
    /// A refusal at its place in the file: the line, the text to look for on it for the column
    /// (`id="dv-07"`), and for an unresolved reference the record it names (`kind:id`), so that
    /// a reference to a record refused for another reason is not reported twice.
    package struct Problem: Sendable, Hashable {
        package var refusal: ImportRefusal
        package var line: Int
        package var needle: String?
        package var target: String?

        /// Creates the value from each of its stored properties.
        package init(_ refusal: ImportRefusal, line: Int, needle: String? = nil, target: String? = nil) {
            self.refusal = refusal
            self.line = line
            self.needle = needle
            self.target = target
        }

        /// A refusal about `reference`, at its attribute.
        package init(_ refusal: ImportRefusal, at reference: SourceReference) {
            self.init(
                refusal, line: reference.line, needle: "\(reference.attribute)=\"\(reference.id)\"",
                target: reference.key)
        }

        /// The problem worded, for the import's list.
        package var sourceProblem: SourceProblem {
            SourceProblem(line: line, needle: needle, message: refusal.vietnameseDescription, target: target)
        }
    }

    /// What the references of one record came to.
    package struct References: Sendable {
        /// The references that do not hold.
        package var problems: [Problem] = []
        /// References to tasks, documents and committees the store does not hold yet: they
        /// may be written later in the files, so the store parks them and resolves them at the
        /// end (`ImportRefusal.missing` then). In the record's order.
        package var forward: [SourceReference] = []
        /// Whether every reference that can be judged now holds.
        package var hold: Bool { problems.isEmpty }
    }

    /// Checks the references of a record of cell `cellID` (`""` for a committee): the cell
    /// first — without it the others cannot be judged, and only its problem is told — then
    /// members and meetings (of this cell), terms (of this cell), and tasks, documents and
    /// committees (held, or forward).
    package static func references(
        of record: DecodedRecord, cellID: String, in lookup: some ArchiveLookup
    ) throws -> References {
        var result = References()
        for reference in record.references where reference.kind == .cell {
            if try lookup.issuerCode(ofCell: reference.id) == nil {
                result.problems.append(Problem(.missing(.cell, id: reference.id), at: reference))
                return result
            }
        }
        for reference in record.references where reference.kind != .cell {
            let refusal: ImportRefusal?
            switch reference.kind {
            case .cell:
                refusal = nil
            case .member:
                if let memberCell = try lookup.cell(ofMember: reference.id) {
                    refusal =
                        memberCell == cellID
                        ? nil : .memberOfOtherCell(member: reference.id, memberCell: memberCell, cellID: cellID)
                } else {
                    refusal = .missing(.member, id: reference.id)
                }
            case .meeting:
                if let meetingCell = try lookup.cell(ofMeeting: reference.id) {
                    refusal =
                        meetingCell == cellID
                        ? nil : .meetingOfOtherCell(meeting: reference.id, meetingCell: meetingCell, cellID: cellID)
                } else {
                    refusal = .missing(.meeting, id: reference.id)
                }
            case .term:
                refusal =
                    try lookup.hasTerm(reference.id, inCell: cellID)
                    ? nil : .termNotInCell(term: reference.id, cellID: cellID)
            case .task:
                if try lookup.owner(ofTask: reference.id) == nil { result.forward.append(reference) }
                refusal = nil
            case .document, .organization:
                let kind: RecordKind = reference.kind == .document ? .document : .organization
                if try !lookup.exists(kind, id: reference.id) { result.forward.append(reference) }
                refusal = nil
            }
            if let refusal { result.problems.append(Problem(refusal, at: reference)) }
        }
        return result
    }

    /// A committee that names itself as its parent; `nil` when it does not.
    package static func check(_ organization: Organization, line: Int) -> Problem? {
        guard organization.parentID == organization.id else { return nil }
        return Problem(.ownParent(organization: organization.id), line: line, needle: "parent=")
    }

    /// Checks a cell as a file carries it: its committee held (only the first missing one is
    /// told), a new or changed issuer code valid (`MemberRules.isValidIssuerCode`; a code the
    /// store holds already is left as it is), and no member of it already in another cell.
    /// `memberLines` gives each member's line in the file.
    package static func check(
        _ cell: Cell, memberLines: [String: Int], _ record: DecodedRecord, in lookup: some ArchiveLookup
    ) throws -> [Problem] {
        for reference in record.references where reference.kind == .organization {
            if try !lookup.exists(.organization, id: reference.id) {
                return [Problem(.missing(.organization, id: reference.id), at: reference)]
            }
        }
        if try lookup.issuerCode(ofCell: cell.id) != cell.issuerCode, !MemberRules.isValidIssuerCode(cell.issuerCode) {
            return [Problem(.invalidIssuerCode(cell.issuerCode), line: record.line, needle: "issuerCode=")]
        }
        var problems: [Problem] = []
        for member in cell.members {
            if let otherCell = try lookup.cell(ofMember: member.id), otherCell != cell.id {
                problems.append(
                    Problem(
                        .memberMoved(member: member.id, otherCell: otherCell),
                        line: memberLines[member.id] ?? record.line, needle: "id=\"\(member.id)\""))
            }
        }
        return problems
    }

    /// Checks what of a document needs only its cell: the declared symbol against its number,
    /// its number free in its (cell, type, term) sequence, its tasks not another document's.
    /// `nil` when the cell is unknown (the references tell that).
    package static func check(
        _ document: Document, _ record: DecodedRecord, in lookup: some ArchiveLookup
    ) throws -> [Problem]? {
        guard let issuerCode = try lookup.issuerCode(ofCell: document.cellID) else { return nil }
        var problems: [Problem] = []
        if let declared = record.declaredSymbol {
            let expected = document.symbol(issuerCode: issuerCode)
            if declared != expected {
                problems.append(
                    Problem(
                        .symbolMismatch(declared: declared, expected: expected, number: document.number),
                        line: record.line, needle: "symbol=\"\(declared)\""))
            }
        }
        if document.holdsNumber, let number = document.number,
            let holder = try lookup.holder(
                ofNumber: number, cellID: document.cellID, kind: document.kind, termID: document.termID,
                excluding: document.id)
        {
            let symbol = Document.symbol(number: number, kind: document.kind, issuerCode: issuerCode)
            problems.append(
                Problem(
                    .numberTaken(symbol: symbol, termID: document.termID, cellID: document.cellID, holder: holder),
                    line: record.line, needle: "number=\"\(number)\""))
        }
        for task in document.tasks {
            if let owner = try lookup.owner(ofTask: task.id), owner != document.id {
                problems.append(
                    Problem(
                        .taskOfOtherDocument(task: task.id, owner: owner), line: record.line,
                        needle: "id=\"\(task.id)\""))
            }
        }
        return problems
    }

    /// A task of `old` that `document` drops although minutes reported on it (the report
    /// refers to it, so it stays); `nil` when none is.
    package static func droppedReportedTask(
        from old: Document?, in document: Document, line: Int, lookup: some ArchiveLookup
    ) throws -> Problem? {
        let kept = Set(document.tasks.map(\.id))
        for task in old?.tasks ?? [] where !kept.contains(task.id) {
            if let meeting = try lookup.meeting(reportingOnTask: task.id) {
                return Problem(
                    .reportedTaskDropped(task: task.id, document: document.id, meeting: meeting), line: line,
                    needle: "id=\"\(document.id)\"")
            }
        }
        return nil
    }

    /// Whether `incoming` (of canonical hash `hash`, with the `<lifecycle>` the file wrote)
    /// may replace `old`: a locked record keeps its content (same hash), moves only forward
    /// through its statuses (`Meeting.Status.allows`, `Document.Status.allows`), and keeps its
    /// version. `nil` when it may; the problem is at the record's `line`.
    package static func admits(
        _ incoming: LockableRecord, hash: String, old: LockableRecord?, lifecycle: RecordLifecycle?, line: Int,
        lookup: some ArchiveLookup
    ) throws -> Problem? {
        guard let old, old.isLocked else { return nil }
        let stored = try lookup.lock(of: old.kind, id: old.id) ?? RecordLifecycle()
        let backwards: ImportRefusal?
        switch (old, incoming) {
        case (.meeting(let before), .meeting(let after)):
            backwards =
                before.status.allows(after.status)
                ? nil : .meetingStatusBackwards(id: before.id, from: before.status, to: after.status)
        case (.document(let before), .document(let after)):
            backwards =
                before.status.allows(after.status)
                ? nil : .documentStatusBackwards(id: before.id, from: before.status, to: after.status)
        default:
            return nil
        }
        let needle = "id=\"\(old.id)\""
        if stored.sha256 != hash {
            return Problem(.lockedContentChanged(old.kind, id: old.id), line: line, needle: needle)
        }
        if let backwards { return Problem(backwards, line: line, needle: needle) }
        if let lifecycle, lifecycle.version != stored.version {
            return Problem(
                .versionMismatch(id: old.id, fileVersion: lifecycle.version, storedVersion: stored.version),
                line: line, needle: needle)
        }
        return nil
    }
}
