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
            let cells = try Row.fetchAll(
                db,
                sql: """
                    \(below)
                    SELECT c.id, c.name, (SELECT min(start_date) FROM term t WHERE t.cell_id = c.id) AS founded
                    FROM cell c WHERE c.organization_id IN (SELECT id FROM below)
                    """, arguments: [organizationID]
            ).map { row in
                BoardCell(
                    id: row["id"], name: row["name"], founded: (row["founded"] as String?).flatMap(LocalDate.init))
            }
            let meetings = try Row.fetchAll(
                db,
                sql: """
                    \(below)
                    SELECT m.id, m.cell_id, m.kind, m.date, m.start_time, m.status,
                        coalesce(m.committee_rating_level, m.rating_level) AS rating_level
                    FROM meeting m JOIN cell c ON c.id = m.cell_id
                    WHERE c.organization_id IN (SELECT id FROM below) AND m.date BETWEEN ? AND ?
                    """, arguments: [organizationID, "\(year)-01-01", "\(year)-12-31"]
            ).map(Self.boardMeeting)
            return BoardBuilder(year: year, today: today).board(
                organization: OrganizationName(id: organization.id, name: organization.name), cells: cells,
                meetings: meetings)
        }
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
