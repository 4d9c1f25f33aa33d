import ArchiveCore
import GRDB

extension Archive {
    /// Every cell, in Vietnamese order of names, with counts (members as of `date`).
    public func cells(on date: LocalDate) async throws -> [CellOverview] {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            return try String.fetchAll(db, sql: "SELECT id FROM cell ORDER BY id").compactMap { id -> CellOverview? in
                guard let cell = try reader.cell(id: id) else { return nil }
                let meetings = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM meeting WHERE cell_id = ?", arguments: [id])
                let documents = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM document WHERE cell_id = ?", arguments: [id])
                return CellOverview(
                    id: id, name: cell.name, organization: cell.organizationID, issuerCode: cell.issuerCode,
                    members: cell.members.filter { $0.belongsToCell(on: date) }.count, meetings: meetings ?? 0,
                    documents: documents ?? 0)
            }
        }.sorted(byVietnameseName: \CellOverview.name)
    }

    /// Every cell's identifier and name, in Vietnamese order of names (ties by identifier, as
    /// `cells(on:)` orders them): one statement, no members read, nothing counted.
    public func cellNames() async throws -> [CellName] {
        try await pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM cell ORDER BY id")).map {
                CellName(id: $0[0], name: $0[1])
            }
        }.sorted(byVietnameseName: \CellName.name)
    }

    /// The members of one cell, or of all cells, with their status on `date`.
    ///
    /// - throws: `ArchiveError.notFound` for an unknown cell.
    public func members(cellID: String?, on date: LocalDate) async throws -> [MemberOverview] {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            let cellIDs =
                try cellID.map { id in
                    try reader.requireCell(id)
                    return [id]
                } ?? String.fetchAll(db, sql: "SELECT id FROM cell ORDER BY id")
            return try cellIDs.flatMap { id in
                try reader.members(cellID: id).map { member in
                    MemberOverview(
                        id: member.id, cell: id, fullName: member.fullName, status: member.status(on: date),
                        statusOn: date, roles: member.roles(on: date).map(\.title),
                        concurrentPosts: member.concurrentPosts.filter {
                            $0.from <= date && ($0.to.map { date <= $0 } ?? true)
                        }
                        .map(\.title),
                        leftCell: member.leftCell.flatMap { $0 <= date ? $0 : nil },
                        leaveReason: member.leftCell.flatMap { $0 <= date ? member.leaveReason : nil })
                }
            }
        }
    }

    private static func scope(cellID: String?, year: Int?) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let cellID {
            clauses.append("cell_id = ?")
            arguments += [cellID]
        }
        if let year {
            clauses.append("date BETWEEN ? AND ?")
            arguments += ["\(year)-01-01", "\(year)-12-31"]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// Meetings, oldest first, of one cell or all, in one year or all.
    public func meetings(cellID: String?, year: Int?) async throws -> [MeetingOverview] {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            if let cellID { try reader.requireCell(cellID) }
            let (filter, arguments) = Self.scope(cellID: cellID, year: year)
            var membersByCell: [String: [Member]] = [:]
            return try Row.fetchAll(
                db, sql: "SELECT * FROM meeting \(filter) ORDER BY date, start_time, id", arguments: arguments
            ).map { row in
                let meeting = try reader.meeting(row, withAttachments: false)
                if membersByCell[meeting.cellID] == nil {
                    membersByCell[meeting.cellID] = try reader.members(cellID: meeting.cellID)
                }
                let count = meeting.attendanceCount(members: membersByCell[meeting.cellID] ?? [])
                return MeetingOverview(
                    id: meeting.id, cell: meeting.cellID, kind: meeting.kind, date: meeting.date, start: meeting.start,
                    end: meeting.end, durationMinutes: meeting.durationMinutes, minimumMinutes: meeting.minimumMinutes,
                    topic: meeting.topic, present: count.present, expected: count.expected,
                    attendanceRate: count.rate, rating: meeting.rating?.level, score: meeting.rating?.score,
                    committeeRating: meeting.committeeRating?.level, committeeScore: meeting.committeeRating?.score,
                    status: meeting.status)
            }
        }
    }

    /// Documents, oldest first, of one cell or all, in one year or all.
    public func documents(cellID: String?, year: Int?) async throws -> [DocumentOverview] {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            if let cellID { try reader.requireCell(cellID) }
            let (filter, arguments) = Self.scope(cellID: cellID, year: year)
            // The issuer codes of the cells listed: one cell's, or every cell's.
            let codes = Dictionary(
                try Row.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT id, issuer_code FROM cell" + (cellID == nil ? "" : " WHERE id = ?")),
                    arguments: cellID.map { [$0] } ?? []
                ).map { ($0[0] as String, $0[1] as String) },
                uniquingKeysWith: { first, _ in first })
            return try Row.fetchAll(
                db.cachedStatement(
                    sql:
                        "SELECT id, cell_id, type, number, term_id, date, status, classification, title FROM document \(filter) ORDER BY date, id"
                ), arguments: arguments
            ).map { row in
                guard let kind = Document.Kind(rawValue: row["type"]), let date = LocalDate(row["date"]),
                    let status = Document.Status(rawValue: row["status"]),
                    let classification = Document.Classification(rawValue: row["classification"])
                else { throw ArchiveError.corrupt("văn bản \(row["id"] as String) có giá trị không hợp lệ") }
                let number: Int? = row["number"]
                let cell: String = row["cell_id"]
                return DocumentOverview(
                    id: row["id"], cell: cell, type: kind, number: number,
                    symbol: number.map { Document.symbol(number: $0, kind: kind, issuerCode: codes[cell] ?? "CB") },
                    term: row["term_id"], date: date, status: status, classification: classification,
                    title: row["title"])
            }
        }
    }

    public func documentIDs(adoptedAt meetingID: String) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM document WHERE meeting_id = ? ORDER BY date, id", arguments: [meetingID])
        }
    }

    /// The record with this identifier, whatever its kind.
    ///
    /// - throws: `ArchiveError.notFound` when no record has it.
    public func record(id: String) async throws -> ArchiveRecord {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            func cell(_ id: String) throws -> Cell {
                guard let cell = try reader.cell(id: id) else { throw ArchiveError.corrupt("thiếu chi bộ \(id)") }
                return cell
            }
            if let meeting = try reader.meeting(id: id) { return .meeting(meeting, cell: try cell(meeting.cellID)) }
            if let document = try reader.document(id: id) {
                return .document(document, cell: try cell(document.cellID))
            }
            if let member = try reader.member(id: id), let cellID = try reader.cellID(ofMember: id) {
                return .member(member, cell: try cell(cellID))
            }
            if let found = try reader.cell(id: id) { return .cell(found) }
            if let organization = try reader.organization(id: id) { return .organization(organization) }
            throw ArchiveError.notFound(id: id)
        }
    }
}

extension Array {
    /// The elements in Vietnamese order of their names (`VietnameseCollation.sorted`).
    fileprivate func sorted(byVietnameseName name: (Element) -> String) -> [Element] {
        VietnameseCollation.sorted(self, byName: name)
    }
}
