import ArchiveCore
import GRDB

extension Archive {
    /// The meeting or document with this identifier and what its printed page needs, read in
    /// one transaction so that the page never mixes two states of the archive.
    ///
    /// ```swift
    /// let html = try Pages().render(try archive.printable(id: "pl-nq-2023-01"))
    /// ```
    ///
    /// The minutes' date line needs the locality ("Phai Luông"), which the model keeps on
    /// documents, not on cells: it is the place of the document adopted at the meeting, else
    /// of the cell's document nearest in date (never a confidential document's), else the
    /// place the cell's or its committee's name gives (`PartyNames.locality`), never the hall. Tasks of confidential documents are marked so, for the front
    /// end to withhold (`PrintableRecord.withholdingConfidentialTasks`). Attachments are
    /// not read: the page does not show them.
    ///
    /// - throws: `ArchiveError.notFound` when no record has the identifier;
    ///   `ArchiveError.notPrintable` when it names an organization, a cell or a member.
    public func printable(id: String) async throws -> PrintableRecord {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            func context(_ cellID: String) throws -> (Cell, Organization) {
                guard let cell = try reader.cell(id: cellID) else {
                    throw ArchiveError.corrupt("thiếu chi bộ \(cellID)")
                }
                guard let organization = try reader.organization(id: cell.organizationID) else {
                    throw ArchiveError.corrupt("thiếu đảng bộ \(cell.organizationID) của chi bộ \(cellID)")
                }
                return (cell, organization)
            }
            if let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM meeting WHERE id = ?"), arguments: [id])
            {
                let meeting = try reader.meeting(row, withAttachments: false)
                let (cell, organization) = try context(meeting.cellID)
                let locality = try String.fetchOne(
                    db,
                    sql: """
                        SELECT place FROM document WHERE cell_id = ? AND classification = 'none'
                        ORDER BY meeting_id IS ? DESC, abs(julianday(date) - julianday(?)), date, id LIMIT 1
                        """, arguments: [meeting.cellID, meeting.id, meeting.date.description])
                let tasks = try meeting.taskReports.compactMap { try reviewedTask(db, id: $0.taskID) }
                return .minutes(
                    meeting, cell: cell, organization: organization,
                    locality: locality
                        ?? PartyNames.locality(ofCell: cell.name, organizationName: organization.name),
                    tasks: tasks)
            }
            if let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM document WHERE id = ?"), arguments: [id])
            {
                let document = try reader.document(row, withAttachments: false)
                let (cell, organization) = try context(document.cellID)
                return .document(document, cell: cell, organization: organization)
            }
            if try reader.member(id: id) != nil { throw ArchiveError.notPrintable(id: id, kind: .member) }
            if try reader.cell(id: id, withMembers: false) != nil {
                throw ArchiveError.notPrintable(id: id, kind: .cell)
            }
            if try reader.organization(id: id) != nil { throw ArchiveError.notPrintable(id: id, kind: .organization) }
            throw ArchiveError.notFound(id: id)
        }
    }

    private func reviewedTask(_ db: Database, id: String) throws -> ReviewedTask? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT t.id, t.assignee_id, t.due, t.text, d.type, d.number, d.status, c.issuer_code,
                        d.classification <> 'none' AS confidential
                    FROM task t JOIN document d ON d.id = t.document_id JOIN cell c ON c.id = d.cell_id
                    WHERE t.id = ?
                    """, arguments: [id])
        else { return nil }
        let dueText: String? = row["due"]
        guard let kind = Document.Kind(rawValue: row["type"]), let status = Document.Status(rawValue: row["status"])
        else { throw ArchiveError.corrupt("văn bản giao nhiệm vụ \(id) có giá trị không hợp lệ") }
        let due = try dueText.map { text in
            guard let date = LocalDate(text) else { throw ArchiveError.corrupt("ngày không hợp lệ: \(text)") }
            return date
        }
        let number: Int? = row["number"]
        let symbol =
            status == .draft
            ? nil : number.map { Document.symbol(number: $0, kind: kind, issuerCode: row["issuer_code"]) }
        return ReviewedTask(
            task: DocumentTask(id: row["id"], assigneeID: row["assignee_id"], due: due, text: row["text"]),
            documentKind: kind, documentSymbol: symbol, confidential: row["confidential"])
    }
}
