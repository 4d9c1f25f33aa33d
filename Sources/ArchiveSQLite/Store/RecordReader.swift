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
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, organization_id, issuer_code, name FROM cell WHERE id = ?"),
                arguments: [id])
        else {
            return nil
        }
        var terms: [Term] = []
        let termRows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT id, start_date, end_date FROM term WHERE cell_id = ? ORDER BY position"),
            arguments: [id])
        while let term = try termRows.next() {
            terms.append(try Term(id: term[0], start: date(term[1]), end: optionalDate(term[2])))
        }
        let members = withMembers ? try self.members(cellID: id) : []
        return Cell(
            id: row[0], organizationID: row[1], issuerCode: row[2], name: row[3], terms: terms, members: members)
    }

    /// Throws `ArchiveError.notFound` unless the cell exists.
    func requireCell(_ id: String) throws {
        let found = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM cell WHERE id = ?)"), arguments: [id])
        if found != true { throw ArchiveError.notFound(id: id) }
    }

    /// A cell's members in register order, with their exemptions, roles and concurrent posts:
    /// four statements for the whole cell whatever its size, since a summary reads every cell.
    /// Columns are named in each statement and read by position (`memberColumns` and the like).
    func members(cellID: String) throws -> [Member] {
        let exemptions = try grouped(
            sql: """
                SELECT t.member_id, \(Self.exemptionColumns) FROM exemption t JOIN member m ON m.id = t.member_id
                WHERE m.cell_id = ? ORDER BY t.member_id, t.position
                """, arguments: [cellID], exemption)
        let roles = try grouped(
            sql: """
                SELECT t.member_id, \(Self.roleColumns) FROM role t JOIN member m ON m.id = t.member_id
                WHERE m.cell_id = ? ORDER BY t.member_id, t.position
                """, arguments: [cellID], role)
        let posts = try grouped(
            sql: """
                SELECT t.member_id, \(Self.concurrentPostColumns) FROM concurrent_post t
                JOIN member m ON m.id = t.member_id
                WHERE m.cell_id = ? ORDER BY t.member_id, t.position
                """, arguments: [cellID], concurrentPost)
        var members: [Member] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT \(Self.memberColumns) FROM member WHERE cell_id = ? ORDER BY position"),
            arguments: [cellID])
        while let row = try rows.next() {
            let id: String = row[0]
            members.append(
                try member(row, exemptions: exemptions[id] ?? [], roles: roles[id] ?? [], posts: posts[id] ?? []))
        }
        return members
    }

    /// The rows of one statement made into values and grouped by the owner in the first column,
    /// each group in the statement's order; `make` reads the row from the second column on. The
    /// statement orders its rows by owner, so that each group is made in one run.
    private func grouped<Value>(
        sql: String, arguments: StatementArguments, _ make: (Row, Int) throws -> Value
    ) throws -> [String: [Value]] {
        var groups: [String: [Value]] = [:]
        var owner: String?
        var group: [Value] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            let rowOwner: String = row[0]
            if rowOwner != owner {
                if let owner { groups[owner, default: []] += group }
                owner = rowOwner
                group = []
            }
            group.append(try make(row, 1))
        }
        if let owner { groups[owner, default: []] += group }
        return groups
    }

    func member(id: String) throws -> Member? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Self.memberColumns) FROM member WHERE id = ?"), arguments: [id])
        else { return nil }
        let exemptions = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT \(Self.exemptionColumns) FROM exemption WHERE member_id = ? ORDER BY position"),
            arguments: [id]
        ).map { try exemption($0, 0) }
        let roles = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT \(Self.roleColumns) FROM role WHERE member_id = ? ORDER BY position"),
            arguments: [id]
        ).map { try role($0, 0) }
        let posts = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT \(Self.concurrentPostColumns) FROM concurrent_post WHERE member_id = ? ORDER BY position"),
            arguments: [id]
        ).map { try concurrentPost($0, 0) }
        return try member(row, exemptions: exemptions, roles: roles, posts: posts)
    }

    /// The cell a member belongs to.
    func cellID(ofMember id: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT cell_id FROM member WHERE id = ?"), arguments: [id])
    }

    /// The columns `exemption(_:_:)` reads, in its order.
    private static let exemptionColumns = "from_date, to_date, reason"

    /// An exemption from the columns `exemptionColumns` starting at `first`.
    private func exemption(_ row: Row, _ first: Int) throws -> Exemption {
        try Exemption(from: date(row[first]), to: optionalDate(row[first + 1]), reason: row[first + 2])
    }

    /// The columns `role(_:_:)` reads, in its order.
    private static let roleColumns = "title, from_date, to_date"

    /// A role from the columns `roleColumns` starting at `first`.
    private func role(_ row: Row, _ first: Int) throws -> Role {
        try Role(
            title: value(Role.Title.self, row[first]), from: date(row[first + 1]), to: optionalDate(row[first + 2]))
    }

    /// The columns `concurrentPost(_:_:)` reads, in its order.
    private static let concurrentPostColumns = "title, from_date, to_date"

    /// A concurrent post from the columns `concurrentPostColumns` starting at `first`.
    private func concurrentPost(_ row: Row, _ first: Int) throws -> ConcurrentPost {
        try ConcurrentPost(title: row[first], from: date(row[first + 1]), to: optionalDate(row[first + 2]))
    }

    /// The columns `member(_:exemptions:roles:posts:)` reads, in its order.
    private static let memberColumns =
        "id, full_name, birth_year, admitted, confirmed, joined_cell, left_cell, leave_reason, temporary"

    /// A member from the columns `memberColumns`, first in the row.
    private func member(_ row: Row, exemptions: [Exemption], roles: [Role], posts: [ConcurrentPost]) throws -> Member {
        let leaveReason: String? = row[7]
        return Member(
            id: row[0], fullName: row[1], birthYear: row[2], admitted: try date(row[3]),
            confirmed: try optionalDate(row[4]), joinedCell: try optionalDate(row[5]),
            leftCell: try optionalDate(row[6]),
            leaveReason: try leaveReason.map { try value(Member.LeaveReason.self, $0) },
            temporary: row[8], exemptions: exemptions, roles: roles, concurrentPosts: posts)
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
    /// what the summary's figures and rules read (kind, day, times, officers, ratings, status,
    /// attendance without the reasons given, votes, the conclusion), without guests, agenda,
    /// proceedings, task reports (the summary reads the tasks' statuses on its own) or
    /// attachments. Four statements for the whole period rather than four per meeting: a
    /// province's yearly summary reads 120,000 meetings. Columns are named and read by position.
    ///
    /// - returns: the meetings in no particular order.
    /// The approved minutes of `cellID` held on or after `first` (every one when nil), as
    /// `meetingsForCounting` reads them: what a register event or an import must not change
    /// (`MemberRules.approvedMinutesChanges`).
    func approvedMeetings(cellID: String, from first: LocalDate? = nil) throws -> [Meeting] {
        try meetingsForCounting(
            cellID: cellID, from: first ?? LocalDate(year: 1, month: 1, day: 1)!,
            through: LocalDate(year: 9999, month: 12, day: 31)!
        ).filter(\.isLocked)
    }

    func meetingsForCounting(cellID: String, from first: LocalDate, through last: LocalDate) throws -> [Meeting] {
        let arguments: StatementArguments = [cellID, first.description, last.description]
        func parts<Value>(
            _ columns: String, from table: String, section: String? = nil, _ make: (Row, Int) throws -> Value
        ) throws -> [String: [Value]] {
            try grouped(
                sql: """
                    SELECT t.meeting_id, \(columns) FROM \(table) t JOIN meeting m ON m.id = t.meeting_id
                    WHERE m.cell_id = ? AND m.date BETWEEN ? AND ?\(section.map { " AND t.section = '\($0)'" } ?? "")
                    ORDER BY t.meeting_id, t.position
                    """, arguments: arguments, make)
        }
        let conclusions = try parts("t.text", from: "meeting_text", section: "conclusion") { row, at -> String in
            row[at]
        }
        let attendance = try parts("t.member_id, t.presence", from: "attendance") { row, at in
            try Attendance(memberID: row[at], presence: value(Attendance.Presence.self, row[at + 1]))
        }
        let votes = try parts("t.subject, t.votes_for, t.votes_against, t.abstentions", from: "vote") { row, at in
            Vote(subject: row[at], votesFor: row[at + 1], votesAgainst: row[at + 2], abstentions: row[at + 3])
        }
        var meetings: [Meeting] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT id, kind, date, start_time, end_time, place, topic, chair_id, recorder_id,
                        rating_level, rating_score, rating_note,
                        committee_rating_level, committee_rating_score, committee_rating_note, status
                    FROM meeting WHERE cell_id = ? AND date BETWEEN ? AND ?
                    """), arguments: arguments)
        while let row = try rows.next() {
            func rating(_ at: Int) throws -> Rating? {
                let level: String? = row[at]
                return try level.map {
                    try Rating(level: value(Rating.Level.self, $0), score: row[at + 1], note: row[at + 2])
                }
            }
            let id: String = row[0]
            meetings.append(
                Meeting(
                    id: id, cellID: cellID, kind: try value(Meeting.Kind.self, row[1]), date: try date(row[2]),
                    start: try time(row[3]), end: try time(row[4]), place: row[5], topic: row[6],
                    chairID: row[7], recorderID: row[8], attendance: attendance[id] ?? [], agenda: [],
                    proceedings: [], conclusion: conclusions[id] ?? [], votes: votes[id] ?? [],
                    rating: try rating(9), committeeRating: try rating(12),
                    status: try value(Meeting.Status.self, row[15])))
        }
        return meetings
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
    /// counting: with their tasks' identifiers (a task's text, assignee and due date are left
    /// empty: a summary counts tasks by their reported status), without body, recipients or
    /// attachments, which no count reads. Two statements for the whole period, columns named
    /// and read by position. (The tasks' text was a third of a province summary's reading.)
    ///
    /// - returns: the documents in no particular order.
    func documentsForCounting(cellID: String, from first: LocalDate, through last: LocalDate) throws -> [Document] {
        let arguments: StatementArguments = [cellID, first.description, last.description]
        let tasks = try grouped(
            sql: """
                SELECT t.document_id, t.id FROM task t
                JOIN document d ON d.id = t.document_id
                WHERE d.cell_id = ? AND d.date BETWEEN ? AND ? ORDER BY t.document_id, t.position
                """, arguments: arguments
        ) { row, at in
            DocumentTask(id: row[at], text: "")
        }
        var documents: [Document] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT id, type, number, term_id, date, status, classification, meeting_id, place, title,
                        signer_id, signature_authority, signature_title, supersedes_id
                    FROM document WHERE cell_id = ? AND date BETWEEN ? AND ?
                    """), arguments: arguments)
        while let row = try rows.next() {
            let id: String = row[0]
            let signerID: String? = row[10]
            documents.append(
                Document(
                    id: id, cellID: cellID, kind: try value(Document.Kind.self, row[1]), number: row[2],
                    termID: row[3], date: try date(row[4]), status: try value(Document.Status.self, row[5]),
                    classification: try value(Document.Classification.self, row[6]), meetingID: row[7],
                    place: row[8], title: row[9], body: [], tasks: tasks[id] ?? [],
                    signature: signerID.map { Signature(memberID: $0, authority: row[11], title: row[12]) },
                    recipients: [], supersedesID: row[13], attachments: []))
        }
        return documents
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
