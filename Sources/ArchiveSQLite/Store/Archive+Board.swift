import ArchiveCore
import GRDB

extension Archive {
    /// The commune office's board of `year`: every cell under `organizationID` (sub-committees
    /// included) × twelve months, late cells first; a square's level is the committee's rating
    /// where it exists, else the cell's own. Two queries whatever the number of cells:
    /// the cells with their founding, and the year's meetings by kind, date, status and level.
    ///
    /// ```swift
    /// let board = try await archive.board(year: 2024, organizationID: "dbx-hop-thanh", today: LocalDate("2025-01-10")!)
    /// board.rows.first?.late   // months without approved regular minutes
    /// ```
    ///
    /// - parameter today: the day the board is drawn; months not over by then are not late.
    /// - throws: `ArchiveError.notFound` for an unknown committee.
    public func board(year: Int, organizationID: String, today: LocalDate) async throws -> Board {
        try await pool.read { db in
            guard let organization = try RecordReader(db: db).organization(id: organizationID) else {
                throw ArchiveError.notFound(id: organizationID)
            }
            let below = """
                WITH RECURSIVE below(id) AS (
                    SELECT id FROM organization WHERE id = ?
                    UNION SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
                """
            let cells = try Self.boardCells(
                db, sql: "\(below) \(Self.boardCellColumns) WHERE c.organization_id IN (SELECT id FROM below)",
                arguments: [organizationID])
            let meetings = try Self.boardMeetings(
                db,
                sql: """
                    \(below) \(Self.boardMeetingColumns) JOIN cell c ON c.id = m.cell_id
                    WHERE c.organization_id IN (SELECT id FROM below) AND m.date BETWEEN ? AND ?
                    """, arguments: [organizationID, "\(year)-01-01", "\(year)-12-31"])
            return BoardBuilder(year: year, today: today).board(
                organization: OrganizationName(id: organization.id, name: organization.name), cells: cells,
                meetings: meetings)
        }
    }

    /// A cell's year for its home page: its board row, the year's minutes (with both ratings
    /// and status), and what needs doing on `today` (`CellAgenda.toDo`): open tasks past their
    /// due date (those of confidential documents only with `includeConfidential`), and members
    /// absent without reason in two months or more of the year.
    ///
    /// - throws: `ArchiveError.notFound` for an unknown cell.
    public func cellAgenda(
        cellID: String, year: Int, today: LocalDate, includeConfidential: Bool
    ) async throws -> CellAgenda {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            guard let cell = try reader.cell(id: cellID) else { throw ArchiveError.notFound(id: cellID) }
            guard
                let boardCell = try Self.boardCells(
                    db, sql: "\(Self.boardCellColumns) WHERE c.id = ?", arguments: [cellID]
                ).first
            else { throw ArchiveError.notFound(id: cellID) }
            let facts = try Self.boardMeetings(
                db, sql: "\(Self.boardMeetingColumns) WHERE m.cell_id = ? AND m.date BETWEEN ? AND ?",
                arguments: [cellID, "\(year)-01-01", "\(year)-12-31"])
            let row = BoardBuilder(year: year, today: today).row(of: boardCell, meetings: facts)
            let names = Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
            // What needs doing is for the year under way only (`CellAgenda.toDo`): another
            // year's page reads neither the open tasks nor the absences.
            let underWay = year == today.year
            let open = try (underWay ? Self.openTasks(db, cell: cell, on: today) : []).filter {
                includeConfidential || !$0.confidential
            }.map { open in
                CellAgenda.OpenTask(
                    task: open.task, document: open.documentID, source: open.source,
                    assignee: open.task.assigneeID.flatMap { names[$0] })
            }
            let absences: [CellAgenda.Absences] =
                try !underWay
                ? []
                : Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT a.member_id, count(DISTINCT substr(m.date, 1, 7)) AS months
                            FROM attendance a JOIN meeting m ON m.id = a.meeting_id
                            WHERE m.cell_id = ? AND m.status = 'approved' AND a.presence = 'unexcused'
                                AND m.date BETWEEN ? AND ?
                            GROUP BY a.member_id ORDER BY months DESC, a.member_id
                            """), arguments: [cellID, "\(year)-01-01", today.description]
                ).map { row in
                    let member: String = row["member_id"]
                    return CellAgenda.Absences(member: member, fullName: names[member] ?? member, months: row["months"])
                }
            // One query for the years, rather than reading every minutes of every year.
            let years = try Int.fetchAll(
                db.cachedStatement(
                    sql: "SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) FROM meeting WHERE cell_id = ? ORDER BY 1"
                ),
                arguments: [cellID])
            // The grid links each month to its minutes: the board's facts say all it shows, so
            // no minutes are read whole (texts, attendance, votes) for it.
            let meetings = facts.sorted { a, b in
                if a.date != b.date { return a.date < b.date }
                if a.startMinutes != b.startMinutes { return a.startMinutes < b.startMinutes }
                return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
            }
            return CellAgenda(
                row: row, meetings: meetings,
                toDo: CellAgenda.toDo(row: row, year: year, today: today, openTasks: open, absences: absences),
                yearsWithMeetings: years)
        }
    }

    private static let boardCellColumns = """
        SELECT c.id, c.name, (SELECT min(start_date) FROM term t WHERE t.cell_id = c.id) AS founded FROM cell c
        """

    private static let boardMeetingColumns = """
        SELECT m.id, m.cell_id, m.kind, m.date, m.start_time, m.status,
            coalesce(m.committee_rating_level, m.rating_level) AS rating_level
        FROM meeting m
        """

    private static func boardCells(_ db: Database, sql: String, arguments: StatementArguments) throws -> [BoardCell] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            BoardCell(id: row["id"], name: row["name"], founded: (row["founded"] as String?).flatMap(LocalDate.init))
        }
    }

    private static func boardMeetings(
        _ db: Database, sql: String, arguments: StatementArguments
    ) throws -> [BoardMeeting] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(boardMeeting)
    }

    private static func boardMeeting(_ row: Row) throws -> BoardMeeting {
        let id: String = row["id"]
        let kind: String = row["kind"], date: String = row["date"], start: String = row["start_time"]
        let status: String = row["status"], level: String? = row["rating_level"]
        guard let kind = Meeting.Kind(rawValue: kind), let date = LocalDate(date), let start = TimeOfDay(start),
            let status = Meeting.Status(rawValue: status)
        else { throw ArchiveError.corrupt("biên bản \(id) có loại, ngày, giờ hoặc trạng thái không đọc được") }
        return BoardMeeting(
            id: id, cell: row["cell_id"], kind: kind, date: date, startMinutes: start.minutesSinceMidnight,
            status: status, level: level.flatMap(Rating.Level.init(rawValue:)))
    }
}
