import ArchiveCore
import Foundation
import GRDB

/// Reads whole records back from the database into model values.
///
/// Used inside a read (or write) of the façade; every method runs a few cached statements.
struct RecordReader {
    let db: Database

    private func date(_ text: String) throws -> LocalDate {
        guard let date = LocalDate(text) else { throw ArchiveError.corrupt("ngày không hợp lệ: \(text)") }
        return date
    }

    private func optionalDate(_ text: String?) throws -> LocalDate? {
        try text.map(date)
    }

    private func time(_ text: String) throws -> TimeOfDay {
        guard let time = TimeOfDay(text) else { throw ArchiveError.corrupt("giờ không hợp lệ: \(text)") }
        return time
    }

    private func value<T: RawRepresentable>(_ type: T.Type, _ raw: T.RawValue) throws -> T {
        guard let value = T(rawValue: raw) else { throw ArchiveError.corrupt("giá trị không hợp lệ: \(raw)") }
        return value
    }

    // MARK: Organizations and cells

    func organization(_ row: Row) -> Organization {
        Organization(id: row["id"], parentID: row["parent_id"], name: row["name"])
    }

    func organization(id: String) throws -> Organization? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM organization WHERE id = ?"), arguments: [id])
            .map(organization)
    }

    /// A cell with its terms and, when asked, its members.
    func cell(id: String, withMembers: Bool = true) throws -> Cell? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM cell WHERE id = ?"), arguments: [id])
        else {
            return nil
        }
        let terms = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM term WHERE cell_id = ? ORDER BY position"), arguments: [id]
        ).map { try Term(id: $0["id"], start: date($0["start_date"]), end: optionalDate($0["end_date"])) }
        let members = withMembers ? try self.members(cellID: id) : []
        return Cell(
            id: row["id"], organizationID: row["organization_id"], issuerCode: row["issuer_code"],
            name: row["name"], terms: terms, members: members)
    }

    /// Throws `ArchiveError.notFound` unless the cell exists.
    func requireCell(_ id: String) throws {
        let found = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM cell WHERE id = ?)"), arguments: [id])
        if found != true { throw ArchiveError.notFound(id: id) }
    }

    /// A cell's members in register order, with their exemptions, roles and concurrent posts:
    /// four statements for the whole cell whatever its size, since a summary reads every cell.
    func members(cellID: String) throws -> [Member] {
        let exemptions = try grouped(
            sql: """
                SELECT t.* FROM exemption t JOIN member m ON m.id = t.member_id
                WHERE m.cell_id = ? ORDER BY t.member_id, t.position
                """, arguments: [cellID], by: "member_id", exemption)
        let roles = try grouped(
            sql: """
                SELECT t.* FROM role t JOIN member m ON m.id = t.member_id
                WHERE m.cell_id = ? ORDER BY t.member_id, t.position
                """, arguments: [cellID], by: "member_id", role)
        let posts = try grouped(
            sql: """
                SELECT t.* FROM concurrent_post t JOIN member m ON m.id = t.member_id
                WHERE m.cell_id = ? ORDER BY t.member_id, t.position
                """, arguments: [cellID], by: "member_id", concurrentPost)
        return try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM member WHERE cell_id = ? ORDER BY position"),
            arguments: [cellID]
        ).map { row in
            let id: String = row["id"]
            return try member(row, exemptions: exemptions[id] ?? [], roles: roles[id] ?? [], posts: posts[id] ?? [])
        }
    }

    /// The rows of one statement made into values and grouped by the owner named in `column`,
    /// each group in the statement's order.
    private func grouped<Value>(
        sql: String, arguments: StatementArguments, by column: String, _ make: (Row) throws -> Value
    ) throws -> [String: [Value]] {
        var groups: [String: [Value]] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            groups[row[column], default: []].append(try make(row))
        }
        return groups
    }

    func member(id: String) throws -> Member? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM member WHERE id = ?"), arguments: [id]).map(member)
    }

    /// The cell a member belongs to.
    func cellID(ofMember id: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT cell_id FROM member WHERE id = ?"), arguments: [id])
    }

    private func member(_ row: Row) throws -> Member {
        let id: String = row["id"]
        let exemptions = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM exemption WHERE member_id = ? ORDER BY position"), arguments: [id]
        ).map(exemption)
        let roles = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM role WHERE member_id = ? ORDER BY position"), arguments: [id]
        ).map(role)
        let posts = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM concurrent_post WHERE member_id = ? ORDER BY position"),
            arguments: [id]
        ).map(concurrentPost)
        return try member(row, exemptions: exemptions, roles: roles, posts: posts)
    }

    private func exemption(_ row: Row) throws -> Exemption {
        try Exemption(from: date(row["from_date"]), to: optionalDate(row["to_date"]), reason: row["reason"])
    }

    private func role(_ row: Row) throws -> Role {
        try Role(
            title: value(Role.Title.self, row["title"]), from: date(row["from_date"]), to: optionalDate(row["to_date"]))
    }

    private func concurrentPost(_ row: Row) throws -> ConcurrentPost {
        try ConcurrentPost(title: row["title"], from: date(row["from_date"]), to: optionalDate(row["to_date"]))
    }

    private func member(_ row: Row, exemptions: [Exemption], roles: [Role], posts: [ConcurrentPost]) throws -> Member {
        let leaveReason: String? = row["leave_reason"]
        return Member(
            id: row["id"], fullName: row["full_name"], birthYear: row["birth_year"],
            admitted: try date(row["admitted"]),
            confirmed: try optionalDate(row["confirmed"]), joinedCell: try optionalDate(row["joined_cell"]),
            leftCell: try optionalDate(row["left_cell"]),
            leaveReason: try leaveReason.map { try value(Member.LeaveReason.self, $0) },
            temporary: row["temporary"], exemptions: exemptions, roles: roles, concurrentPosts: posts)
    }

    // MARK: Meetings

    func meeting(id: String) throws -> Meeting? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM meeting WHERE id = ?"), arguments: [id]).map {
            try meeting($0)
        }
    }

    /// A meeting from its row, whole: attendance, votes, task reports, every text section and,
    /// unless `withAttachments` is false (their bytes can be large), its attachments.
    func meeting(_ row: Row, withAttachments: Bool = true) throws -> Meeting {
        let id: String = row["id"]
        var texts: [String: [String]] = [:]
        for textRow in try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT section, text FROM meeting_text WHERE meeting_id = ? ORDER BY section, position"),
            arguments: [id])
        {
            texts[textRow[0], default: []].append(textRow[1])
        }
        let attendance = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position"), arguments: [id]
        ).map(attendance)
        let votes = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM vote WHERE meeting_id = ? ORDER BY position"), arguments: [id]
        ).map(vote)
        let reports = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM task_report WHERE meeting_id = ? ORDER BY position"), arguments: [id]
        ).map(taskReport)
        return try meeting(
            row, texts: texts, attendance: attendance, votes: votes, reports: reports,
            attachments: withAttachments
                ? try attachments(table: "meeting_attachment", ownerColumn: "meeting_id", ownerID: id) : [])
    }

    /// A cell's meetings held from `first` through `last` (both included), read for counting:
    /// attendance, votes, task reports and the conclusion, without guests, agenda, proceedings
    /// or attachments, which no count reads. Five statements for the whole period rather than
    /// four per meeting: a province's yearly summary reads 120,000 meetings.
    ///
    /// - returns: the meetings in no particular order.
    func meetingsForCounting(cellID: String, from first: LocalDate, through last: LocalDate) throws -> [Meeting] {
        let arguments: StatementArguments = [cellID, first.description, last.description]
        func parts<Value>(
            _ table: String, section: String? = nil, _ make: (Row) throws -> Value
        ) throws -> [String: [Value]] {
            try grouped(
                sql: """
                    SELECT t.* FROM \(table) t JOIN meeting m ON m.id = t.meeting_id
                    WHERE m.cell_id = ? AND m.date BETWEEN ? AND ?\(section.map { " AND t.section = '\($0)'" } ?? "")
                    ORDER BY t.meeting_id, t.position
                    """, arguments: arguments, by: "meeting_id", make)
        }
        let conclusions = try parts("meeting_text", section: "conclusion") { row -> String in row["text"] }
        let attendance = try parts("attendance", attendance)
        let votes = try parts("vote", vote)
        let reports = try parts("task_report", taskReport)
        return try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM meeting WHERE cell_id = ? AND date BETWEEN ? AND ?"),
            arguments: arguments
        ).map { row in
            let id: String = row["id"]
            return try meeting(
                row, texts: ["conclusion": conclusions[id] ?? []], attendance: attendance[id] ?? [],
                votes: votes[id] ?? [], reports: reports[id] ?? [], attachments: [])
        }
    }

    private func meeting(
        _ row: Row, texts: [String: [String]], attendance: [Attendance], votes: [Vote], reports: [TaskReport],
        attachments: [Attachment]
    ) throws -> Meeting {
        func rating(_ prefix: String) throws -> Rating? {
            let level: String? = row[prefix + "level"]
            return try level.map {
                try Rating(
                    level: value(Rating.Level.self, $0), score: row[prefix + "score"], note: row[prefix + "note"])
            }
        }
        return Meeting(
            id: row["id"], cellID: row["cell_id"], kind: try value(Meeting.Kind.self, row["kind"]),
            date: try date(row["date"]),
            start: try time(row["start_time"]), end: try time(row["end_time"]), place: row["place"],
            topic: row["topic"],
            chairID: row["chair_id"], recorderID: row["recorder_id"], guests: texts["guest"] ?? [],
            attendance: attendance, agenda: texts["agenda"] ?? [], proceedings: texts["proceedings"] ?? [],
            conclusion: texts["conclusion"] ?? [], votes: votes, taskReports: reports, rating: try rating("rating_"),
            committeeRating: try rating("committee_rating_"), attachments: attachments,
            status: try value(Meeting.Status.self, row["status"]))
    }

    private func attendance(_ row: Row) throws -> Attendance {
        try Attendance(
            memberID: row["member_id"], presence: value(Attendance.Presence.self, row["presence"]),
            reason: row["reason"])
    }

    private func vote(_ row: Row) -> Vote {
        Vote(
            subject: row["subject"], votesFor: row["votes_for"], votesAgainst: row["votes_against"],
            abstentions: row["abstentions"])
    }

    private func taskReport(_ row: Row) throws -> TaskReport {
        try TaskReport(taskID: row["task_id"], status: value(TaskReport.Status.self, row["status"]), note: row["note"])
    }

    private func attachments(table: String, ownerColumn: String, ownerID: String) throws -> [Attachment] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT a.name, a.media_type, a.sha256, c.bytes FROM \(table) a
                    JOIN content c ON c.sha256 = a.sha256 WHERE a.\(ownerColumn) = ? ORDER BY a.position
                    """), arguments: [ownerID]
        ).map { Attachment(name: $0[0], mediaType: $0[1], sha256: $0[2], content: $0[3]) }
    }

    // MARK: Documents

    func document(id: String) throws -> Document? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM document WHERE id = ?"), arguments: [id]).map {
            try document($0)
        }
    }

    /// A document from its row, whole: body, recipients, tasks and, unless `withAttachments` is
    /// false, its attachments.
    func document(_ row: Row, withAttachments: Bool = true) throws -> Document {
        let id: String = row["id"]
        var texts: [String: [String]] = [:]
        for textRow in try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT section, text FROM document_text WHERE document_id = ? ORDER BY section, position"),
            arguments: [id])
        {
            texts[textRow[0], default: []].append(textRow[1])
        }
        let tasks = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM task WHERE document_id = ? ORDER BY position"), arguments: [id]
        ).map(task)
        return try document(
            row, texts: texts, tasks: tasks,
            attachments: withAttachments
                ? try attachments(table: "document_attachment", ownerColumn: "document_id", ownerID: id) : [])
    }

    /// A cell's documents dated from `first` through `last` (both included), read for
    /// counting: with their tasks, without body, recipients or attachments, which no count
    /// reads. Two statements for the whole period.
    ///
    /// - returns: the documents in no particular order.
    func documentsForCounting(cellID: String, from first: LocalDate, through last: LocalDate) throws -> [Document] {
        let arguments: StatementArguments = [cellID, first.description, last.description]
        let tasks = try grouped(
            sql: """
                SELECT t.* FROM task t JOIN document d ON d.id = t.document_id
                WHERE d.cell_id = ? AND d.date BETWEEN ? AND ? ORDER BY t.document_id, t.position
                """, arguments: arguments, by: "document_id", task)
        return try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM document WHERE cell_id = ? AND date BETWEEN ? AND ?"),
            arguments: arguments
        ).map { row in
            let id: String = row["id"]
            return try document(row, texts: [:], tasks: tasks[id] ?? [], attachments: [])
        }
    }

    private func task(_ row: Row) throws -> DocumentTask {
        try DocumentTask(
            id: row["id"], assigneeID: row["assignee_id"], due: optionalDate(row["due"]), text: row["text"])
    }

    private func document(
        _ row: Row, texts: [String: [String]], tasks: [DocumentTask], attachments: [Attachment]
    ) throws -> Document {
        let signerID: String? = row["signer_id"]
        return Document(
            id: row["id"], cellID: row["cell_id"], kind: try value(Document.Kind.self, row["type"]),
            number: row["number"], termID: row["term_id"], date: try date(row["date"]),
            status: try value(Document.Status.self, row["status"]),
            classification: try value(Document.Classification.self, row["classification"]),
            meetingID: row["meeting_id"],
            place: row["place"], title: row["title"], body: texts["body"] ?? [], tasks: tasks,
            signature: signerID.map {
                Signature(memberID: $0, authority: row["signature_authority"], title: row["signature_title"])
            },
            recipients: texts["recipient"] ?? [], supersedesID: row["supersedes_id"], attachments: attachments)
    }
}
