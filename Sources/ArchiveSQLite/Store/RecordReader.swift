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
        try Row.fetchOne(db, sql: "SELECT * FROM organization WHERE id = ?", arguments: [id]).map(organization)
    }

    /// A cell with its terms and, when asked, its members.
    func cell(id: String, withMembers: Bool = true) throws -> Cell? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cell WHERE id = ?", arguments: [id]) else {
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

    func members(cellID: String) throws -> [Member] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM member WHERE cell_id = ? ORDER BY position"),
            arguments: [cellID]
        ).map(member)
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
        ).map { try Exemption(from: date($0["from_date"]), to: optionalDate($0["to_date"]), reason: $0["reason"]) }
        let roles = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM role WHERE member_id = ? ORDER BY position"), arguments: [id]
        ).map {
            try Role(
                title: value(Role.Title.self, $0["title"]), from: date($0["from_date"]), to: optionalDate($0["to_date"])
            )
        }
        let posts = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM concurrent_post WHERE member_id = ? ORDER BY position"),
            arguments: [id]
        ).map { try ConcurrentPost(title: $0["title"], from: date($0["from_date"]), to: optionalDate($0["to_date"])) }
        let leaveReason: String? = row["leave_reason"]
        return Member(
            id: id, fullName: row["full_name"], birthYear: row["birth_year"], admitted: try date(row["admitted"]),
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

    /// A meeting from its row; without attachments (their bytes can be large) when a caller
    /// such as a summary needs only the minutes.
    ///
    /// - parameter withNarrative: false leaves out the guests, agenda and proceedings (kept
    ///   empty), which no count reads: summaries read thousands of meetings.
    func meeting(_ row: Row, withAttachments: Bool = true, withNarrative: Bool = true) throws -> Meeting {
        let id: String = row["id"]
        var texts: [String: [String]] = [:]
        for textRow in try Row.fetchAll(
            db.cachedStatement(
                sql: withNarrative
                    ? "SELECT section, text FROM meeting_text WHERE meeting_id = ? ORDER BY section, position"
                    : "SELECT section, text FROM meeting_text WHERE meeting_id = ? AND section = 'conclusion' ORDER BY position"
            ),
            arguments: [id])
        {
            texts[textRow[0], default: []].append(textRow[1])
        }
        let attendance = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position"), arguments: [id]
        ).map {
            try Attendance(
                memberID: $0["member_id"], presence: value(Attendance.Presence.self, $0["presence"]),
                reason: $0["reason"])
        }
        let votes = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM vote WHERE meeting_id = ? ORDER BY position"), arguments: [id]
        ).map {
            Vote(
                subject: $0["subject"], votesFor: $0["votes_for"], votesAgainst: $0["votes_against"],
                abstentions: $0["abstentions"])
        }
        let reports = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM task_report WHERE meeting_id = ? ORDER BY position"), arguments: [id]
        ).map {
            try TaskReport(taskID: $0["task_id"], status: value(TaskReport.Status.self, $0["status"]), note: $0["note"])
        }
        func rating(_ prefix: String) throws -> Rating? {
            let level: String? = row[prefix + "level"]
            return try level.map {
                try Rating(
                    level: value(Rating.Level.self, $0), score: row[prefix + "score"], note: row[prefix + "note"])
            }
        }
        return Meeting(
            id: id, cellID: row["cell_id"], kind: try value(Meeting.Kind.self, row["kind"]),
            date: try date(row["date"]),
            start: try time(row["start_time"]), end: try time(row["end_time"]), place: row["place"],
            topic: row["topic"],
            chairID: row["chair_id"], recorderID: row["recorder_id"], guests: texts["guest"] ?? [],
            attendance: attendance, agenda: texts["agenda"] ?? [], proceedings: texts["proceedings"] ?? [],
            conclusion: texts["conclusion"] ?? [], votes: votes, taskReports: reports, rating: try rating("rating_"),
            committeeRating: try rating("committee_rating_"),
            attachments: withAttachments
                ? try attachments(table: "meeting_attachment", ownerColumn: "meeting_id", ownerID: id) : [],
            status: try value(Meeting.Status.self, row["status"]))
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

    /// A document from its row; without attachments when `withAttachments` is false.
    ///
    /// - parameter withText: false leaves out the body and recipients (kept empty), which no
    ///   count reads.
    func document(_ row: Row, withAttachments: Bool = true, withText: Bool = true) throws -> Document {
        let id: String = row["id"]
        var texts: [String: [String]] = [:]
        if withText {
            for textRow in try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT section, text FROM document_text WHERE document_id = ? ORDER BY section, position"),
                arguments: [id])
            {
                texts[textRow[0], default: []].append(textRow[1])
            }
        }
        let tasks = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM task WHERE document_id = ? ORDER BY position"), arguments: [id]
        ).map {
            try DocumentTask(
                id: $0["id"], assigneeID: $0["assignee_id"], due: optionalDate($0["due"]), text: $0["text"])
        }
        let signerID: String? = row["signer_id"]
        return Document(
            id: id, cellID: row["cell_id"], kind: try value(Document.Kind.self, row["type"]), number: row["number"],
            termID: row["term_id"], date: try date(row["date"]), status: try value(Document.Status.self, row["status"]),
            classification: try value(Document.Classification.self, row["classification"]),
            meetingID: row["meeting_id"],
            place: row["place"], title: row["title"], body: texts["body"] ?? [], tasks: tasks,
            signature: signerID.map {
                Signature(memberID: $0, authority: row["signature_authority"], title: row["signature_title"])
            },
            recipients: texts["recipient"] ?? [], supersedesID: row["supersedes_id"],
            attachments: withAttachments
                ? try attachments(table: "document_attachment", ownerColumn: "document_id", ownerID: id) : [])
    }
}
