import ArchiveCore
import GRDB

/// The member register and the setting up of committees, cells and terms: each event reads
/// the member and its cell, applies the rule of `MemberRules`, writes the member and one
/// audit entry in one transaction. A refused event writes nothing.
extension Archive: MemberRegister {
    public func admit(_ newMember: NewMember, today: LocalDate, context: AuditContext) async throws -> Member {
        try await enter(newMember, temporary: false, action: .admit, today: today, context: context) { newMember in
            var probationary = newMember
            probationary.confirmed = nil
            return probationary
        }
    }

    public func transferIn(_ newMember: NewMember, today: LocalDate, context: AuditContext) async throws -> Member {
        try await enter(newMember, temporary: false, action: .transferIn, today: today, context: context) { $0 }
    }

    public func attach(_ newMember: NewMember, today: LocalDate, context: AuditContext) async throws -> Member {
        try await enter(newMember, temporary: true, action: .attach, today: today, context: context) { $0 }
    }

    public func confirm(
        memberID: String, on date: LocalDate, today: LocalDate, context: AuditContext
    ) async throws
        -> Member
    {
        try await change(memberID, action: .confirm, context: context) { member, _ in
            try MemberRules.confirmed(member, on: date, today: today)
        }
    }

    public func exempt(
        memberID: String, _ exemption: Exemption, today: LocalDate, context: AuditContext
    ) async throws
        -> Member
    {
        try await change(memberID, action: .exempt, context: context) { member, _ in
            try MemberRules.exempted(member, exemption, today: today)
        }
    }

    public func endExemption(
        memberID: String, on date: LocalDate, today: LocalDate, context: AuditContext
    )
        async throws -> Member
    {
        try await change(memberID, action: .endExemption, context: context) { member, _ in
            try MemberRules.exemptionEnded(member, on: date, today: today)
        }
    }

    public func leave(
        memberID: String, on date: LocalDate, reason: Member.LeaveReason, today: LocalDate, context: AuditContext
    ) async throws -> Member {
        let action: AuditEntry.Action =
            switch reason {
            case .transferred: .transferOut
            case .deceased: .death
            case .removed: .remove
            case .other: .leave
            }
        return try await change(memberID, action: action, context: context) { member, _ in
            try MemberRules.left(member, on: date, reason: reason, today: today)
        }
    }

    public func takeOffice(
        memberID: String, _ role: Role, today: LocalDate, context: AuditContext
    ) async throws
        -> Member
    {
        try await change(memberID, action: .takeOffice, context: context) { member, cell in
            try MemberRules.tookOffice(member, role, in: cell, today: today)
        }
    }

    public func leaveOffice(
        memberID: String, title: Role.Title, on date: LocalDate, today: LocalDate, context: AuditContext
    ) async throws -> Member {
        try await change(memberID, action: .leaveOffice, context: context) { member, _ in
            try MemberRules.leftOffice(member, title: title, on: date, today: today)
        }
    }

    public func addConcurrentPost(
        memberID: String, _ post: ConcurrentPost, today: LocalDate, context: AuditContext
    )
        async throws -> Member
    {
        try await change(memberID, action: .addPost, context: context) { member, _ in
            try MemberRules.withPost(member, post, today: today)
        }
    }

    public func discard(memberID: String, context: AuditContext) async throws -> Member {
        try await write { db in
            guard let member = try RecordReader(db: db).member(id: memberID) else {
                throw ArchiveError.notFound(id: memberID)
            }
            let referrers = try String.fetchAll(
                db,
                sql: """
                    SELECT meeting_id FROM attendance WHERE member_id = ?1
                    UNION SELECT id FROM meeting WHERE chair_id = ?1 OR recorder_id = ?1
                    UNION SELECT id FROM document WHERE signer_id = ?1
                    UNION SELECT document_id FROM task WHERE assignee_id = ?1
                    ORDER BY 1
                    """, arguments: [memberID])
            guard referrers.isEmpty else {
                throw ArchiveError.register(.memberStillNamed(member: member.fullName, referrers: referrers))
            }
            try db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [memberID])
            try AuditLog(db: db).append(
                .discard, kind: .member, record: memberID, version: nil, sha256: nil, context: context)
            return member
        }
    }

    public func load(_ list: MemberList, today: LocalDate, context: AuditContext) async throws -> [Member] {
        return try await write { db in
            let problems = try Self.loadProblems(list, today: today, db: db)
            guard problems.isEmpty else { throw ArchiveError.register(.listRefused(problems)) }
            var loaded: [Member] = []
            for entry in list.entries {
                try RecordReader(db: db).requireCell(entry.member.cellID)
                let id = try MemberRules.newMemberID(cellID: entry.member.cellID) { try Self.isTaken($0, db) }
                let member = try MemberRules.entering(entry.member, id: id, temporary: false, today: today)
                try RecordWriter(db: db).write(member, cellID: entry.member.cellID)
                try AuditLog(db: db).append(
                    .import, kind: .member, record: id, version: nil, sha256: nil, context: context)
                loaded.append(member)
            }
            return loaded
        }
    }

    public func loadProblems(_ list: MemberList, today: LocalDate) async throws -> [MemberList.Problem] {
        try await pool.read { db in try Self.loadProblems(list, today: today, db: db) }
    }

    /// `loadProblems`, inside the caller's transaction.
    private static func loadProblems(_ list: MemberList, today: LocalDate, db: Database) throws -> [MemberList.Problem]
    {
        let reader = RecordReader(db: db)
        let cells = try Set(list.entries.map(\.member.cellID)).compactMap { try reader.cell(id: $0) }
        let ruled = list.problems + list.ruleProblems(today: today, cells: cells)
        let earliest = list.entries.map(\.member.admitted).min() ?? today
        let meetings = try cells.flatMap {
            try reader.approvedMeetings(cellID: $0.id, from: earliest)
        }
        let refusedRows = Set(ruled.map(\.row))
        return ruled
            + list.approvedMinutesProblems(today: today, cells: cells, meetings: meetings).filter {
                !refusedRows.contains($0.row)
            }
    }

    public func createOrganization(_ organization: Organization, context: AuditContext) async throws -> Organization {
        var organization = organization
        organization.id = TextNormalization.trimmed(organization.id)
        organization.name = TextNormalization.collapsed(organization.name)
        organization.parentID = organization.parentID.map(TextNormalization.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        guard !organization.name.isEmpty else { throw ArchiveError.register(.emptyUnitName(.organization)) }
        try MemberRules.checkIdentifier(organization.id)
        let created = organization
        return try await write { db in
            if let kind = try db.recordKinds(holding: created.id).first {
                throw ArchiveError.register(.identifierTaken(created.id, kind: kind))
            }
            if let parent = created.parentID, try RecordReader(db: db).organization(id: parent) == nil {
                throw ArchiveError.notFound(id: parent)
            }
            try RecordWriter(db: db).write(created)
            try AuditLog(db: db).append(
                .create, kind: .organization, record: created.id, version: nil, sha256: nil, context: context)
            return created
        }
    }

    public func createCell(_ cell: Cell, context: AuditContext) async throws -> Cell {
        var cell = Cell(
            id: TextNormalization.trimmed(cell.id), organizationID: TextNormalization.trimmed(cell.organizationID),
            issuerCode: cell.issuerCode, name: TextNormalization.collapsed(cell.name))
        guard !cell.name.isEmpty else { throw ArchiveError.register(.emptyUnitName(.cell)) }
        cell.issuerCode = try MemberRules.issuerCode(cell.issuerCode)
        try MemberRules.checkIdentifier(cell.id)
        let created = cell
        return try await write { db in
            if let kind = try db.recordKinds(holding: created.id).first {
                throw ArchiveError.register(.identifierTaken(created.id, kind: kind))
            }
            guard try RecordReader(db: db).organization(id: created.organizationID) != nil else {
                throw ArchiveError.notFound(id: created.organizationID)
            }
            try RecordWriter(db: db).write(created)
            try AuditLog(db: db).append(
                .create, kind: .cell, record: created.id, version: nil, sha256: nil, context: context)
            return created
        }
    }

    public func addTerm(cellID: String, _ term: Term, context: AuditContext) async throws -> Cell {
        let term = Term(id: TextNormalization.trimmed(term.id), start: term.start, end: term.end)
        return try await write { db in
            guard var cell = try RecordReader(db: db).cell(id: cellID, withMembers: false) else {
                throw ArchiveError.notFound(id: cellID)
            }
            try MemberRules.checkNewTerm(term, of: cell)
            try db.execute(
                sql: "INSERT INTO term (cell_id, id, position, start_date, end_date) VALUES (?, ?, ?, ?, ?)",
                arguments: [cellID, term.id, cell.terms.count, term.start.description, term.end?.description])
            try AuditLog(db: db).append(
                .addTerm, kind: .cell, record: cellID, version: nil, sha256: nil, context: context)
            cell.terms.append(term)
            return cell
        }
    }

    public func organizations() async throws -> [Organization] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM organization").map(RecordReader(db: db).organization)
        }
        .sorted { VietnameseCollation.precedes($0.name, $1.name) }
    }

    public func member(id: String) async throws -> (member: Member, cellID: String) {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            guard let member = try reader.member(id: id), let cellID = try reader.cellID(ofMember: id) else {
                throw ArchiveError.notFound(id: id)
            }
            return (member, cellID)
        }
    }

    // MARK: One transaction per event

    /// A new member of `newMember.cellID` under the next free identifier, with its audit entry.
    private func enter(
        _ newMember: NewMember, temporary: Bool, action: AuditEntry.Action, today: LocalDate, context: AuditContext,
        adjust: @escaping @Sendable (NewMember) -> NewMember
    ) async throws -> Member {
        let newMember = adjust(newMember)
        return try await write { db in
            let reader = RecordReader(db: db)
            try reader.requireCell(newMember.cellID)
            let id = try MemberRules.newMemberID(cellID: newMember.cellID) { try Self.isTaken($0, db) }
            let member = try MemberRules.entering(newMember, id: id, temporary: temporary, today: today)
            if let cell = try reader.cell(id: newMember.cellID) {
                try MemberRules.checkNotInCell(newMember, cell: cell)
                try Self.checkApprovedMinutes(
                    of: cell, after: cell.members + [member], from: MemberRules.membershipStart(of: member),
                    member: member, context: context, db: db)
            }
            try RecordWriter(db: db).write(member, cellID: newMember.cellID)
            try AuditLog(db: db).append(action, kind: .member, record: id, version: nil, sha256: nil, context: context)
            return member
        }
    }

    /// Whether `id` names a record, or a member the log speaks of (one discarded): a new
    /// member never takes the identifier of another's history.
    private static func isTaken(_ id: String, _ db: Database) throws -> Bool {
        try !db.recordKinds(holding: id).isEmpty
            || Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM audit_log WHERE kind = 'member' AND record_id = ?)",
                arguments: [id]) == true
    }

    /// Refuses an event that changes the figures of `cell`'s approved minutes held from
    /// `from` on (`ApprovedMinutesChange`) unless the person confirmed it.
    private static func checkApprovedMinutes(
        of cell: Cell, after: [Member], from: LocalDate, member: Member, context: AuditContext, db: Database
    ) throws {
        guard !context.confirmedChangesToApprovedMinutes else { return }
        let meetings = try RecordReader(db: db).approvedMeetings(cellID: cell.id, from: from)
        let changes = MemberRules.approvedMinutesChanges(of: meetings, before: cell.members, after: after)
        if !changes.isEmpty {
            throw ArchiveError.unconfirmedRegisterChange(member: member.fullName, changes: changes)
        }
    }

    /// Applies `rule` to a member and its cell; writes the result and its audit entry.
    private func change(
        _ memberID: String, action: AuditEntry.Action, context: AuditContext,
        rule: @escaping @Sendable (Member, Cell) throws -> Member
    ) async throws -> Member {
        try await write { db in
            let reader = RecordReader(db: db)
            guard let cellID = try reader.cellID(ofMember: memberID), let cell = try reader.cell(id: cellID),
                let member = cell.members.first(where: { $0.id == memberID })
            else { throw ArchiveError.notFound(id: memberID) }
            let changed = try rule(member, cell)
            try Self.checkApprovedMinutes(
                of: cell, after: cell.members.map { $0.id == memberID ? changed : $0 },
                from: MemberRules.membershipStart(of: member), member: changed, context: context, db: db)
            try RecordWriter(db: db).write(changed, cellID: cellID)
            try AuditLog(db: db).append(
                action, kind: .member, record: memberID, version: nil, sha256: nil, context: context)
            return changed
        }
    }
}
