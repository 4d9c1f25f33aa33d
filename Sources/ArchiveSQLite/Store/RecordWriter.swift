import ArchiveCore
import GRDB

/// Writes whole records into the database inside the caller's transaction.
///
/// Records owned by a record (a meeting's attendance, a document's tasks…) are replaced as a
/// whole; members are upserted, never deleted, because older meetings refer to them.
struct RecordWriter {
    let db: Database

    private func execute(_ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func write(_ organization: Organization) throws {
        try execute(
            """
            INSERT INTO organization (id, parent_id, name) VALUES (?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name
            """, [organization.id, organization.parentID, organization.name])
    }

    /// Writes the cell and its terms (upserted by id), then each member (upserted, appended
    /// after the cell's existing members when new).
    func write(_ cell: Cell) throws {
        try execute(
            """
            INSERT INTO cell (id, organization_id, issuer_code, name) VALUES (?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET organization_id = excluded.organization_id,
                issuer_code = excluded.issuer_code, name = excluded.name
            """, [cell.id, cell.organizationID, cell.issuerCode, cell.name])
        for (position, term) in cell.terms.enumerated() {
            try execute(
                """
                INSERT INTO term (cell_id, id, position, start_date, end_date) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(cell_id, id) DO UPDATE SET position = excluded.position,
                    start_date = excluded.start_date, end_date = excluded.end_date
                """, [cell.id, term.id, position, term.start.description, term.end?.description])
        }
        for (position, member) in cell.members.enumerated() {
            try write(member, cellID: cell.id, position: position)
        }
    }

    /// Writes one member of `cellID` at its place in the cell (after the others when new).
    func write(_ member: Member, cellID: String) throws {
        let position =
            try Int.fetchOne(db, sql: "SELECT position FROM member WHERE id = ?", arguments: [member.id])
            ?? Int.fetchOne(
                db, sql: "SELECT coalesce(max(position) + 1, 0) FROM member WHERE cell_id = ?", arguments: [cellID])
            ?? 0
        try write(member, cellID: cellID, position: position)
    }

    private func write(_ member: Member, cellID: String, position: Int) throws {
        try execute(
            """
            INSERT INTO member (id, cell_id, position, full_name, birth_year, admitted, confirmed,
                joined_cell, left_cell, leave_reason, temporary, given_name_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET cell_id = excluded.cell_id, position = excluded.position,
                full_name = excluded.full_name, given_name_key = excluded.given_name_key,
                birth_year = excluded.birth_year, admitted = excluded.admitted,
                confirmed = excluded.confirmed, joined_cell = excluded.joined_cell, left_cell = excluded.left_cell,
                leave_reason = excluded.leave_reason, temporary = excluded.temporary
            """,
            [
                member.id, cellID, position, member.fullName, member.birthYear, member.admitted.description,
                member.confirmed?.description, member.joinedCell?.description, member.leftCell?.description,
                member.leaveReason?.rawValue, member.temporary, NamedPerson.givenNameKey(of: member.fullName),
            ])
        for table in ["exemption", "role", "concurrent_post"] {
            try execute("DELETE FROM \(table) WHERE member_id = ?", [member.id])
        }
        for (index, exemption) in member.exemptions.enumerated() {
            try execute(
                "INSERT INTO exemption (member_id, position, from_date, to_date, reason) VALUES (?, ?, ?, ?, ?)",
                [member.id, index, exemption.from.description, exemption.to?.description, exemption.reason])
        }
        for (index, role) in member.roles.enumerated() {
            try execute(
                "INSERT INTO role (member_id, position, title, from_date, to_date) VALUES (?, ?, ?, ?, ?)",
                [member.id, index, role.title.rawValue, role.from.description, role.to?.description])
        }
        for (index, post) in member.concurrentPosts.enumerated() {
            try execute(
                "INSERT INTO concurrent_post (member_id, position, title, from_date, to_date) VALUES (?, ?, ?, ?, ?)",
                [member.id, index, post.title, post.from.description, post.to?.description])
        }
    }

    /// Writes the meeting and everything it owns, replacing an existing one; `version` and
    /// `sha256` are its lifecycle columns (the hash is kept for locked minutes).
    func write(_ meeting: Meeting, replacing: Bool, version: Int = 1, sha256: String? = nil) throws {
        if replacing { try execute("DELETE FROM meeting WHERE id = ?", [meeting.id]) }
        try execute(
            """
            INSERT INTO meeting (id, cell_id, kind, date, start_time, end_time, place, topic, chair_id,
                recorder_id, rating_level, rating_score, rating_note, committee_rating_level,
                committee_rating_score, committee_rating_note, status, version, content_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                meeting.id, meeting.cellID, meeting.kind.rawValue, meeting.date.description,
                meeting.start.description, meeting.end.description, meeting.place, meeting.topic, meeting.chairID,
                meeting.recorderID, meeting.rating?.level.rawValue, meeting.rating?.score, meeting.rating?.note,
                meeting.committeeRating?.level.rawValue, meeting.committeeRating?.score, meeting.committeeRating?.note,
                meeting.status.rawValue, version, sha256,
            ])
        let sections: [(String, [String])] = [
            ("guest", meeting.guests), ("agenda", meeting.agenda), ("proceedings", meeting.proceedings),
            ("conclusion", meeting.conclusion),
        ]
        for (section, texts) in sections {
            for (position, text) in texts.enumerated() {
                try execute(
                    "INSERT INTO meeting_text (meeting_id, section, position, text) VALUES (?, ?, ?, ?)",
                    [meeting.id, section, position, text])
            }
        }
        for (position, entry) in meeting.attendance.enumerated() {
            try execute(
                "INSERT INTO attendance (meeting_id, member_id, position, presence, reason) VALUES (?, ?, ?, ?, ?)",
                [meeting.id, entry.memberID, position, entry.presence.rawValue, entry.reason])
        }
        for (position, vote) in meeting.votes.enumerated() {
            try execute(
                """
                INSERT INTO vote (meeting_id, position, subject, votes_for, votes_against, abstentions)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [meeting.id, position, vote.subject, vote.votesFor, vote.votesAgainst, vote.abstentions])
        }
        for (position, report) in meeting.taskReports.enumerated() {
            try execute(
                "INSERT INTO task_report (meeting_id, position, task_id, status, note) VALUES (?, ?, ?, ?, ?)",
                [meeting.id, position, report.taskID, report.status.rawValue, report.note])
        }
        try write(meeting.attachments, table: "meeting_attachment", ownerColumn: "meeting_id", ownerID: meeting.id)
        try SearchIndexer(db: db).index(meeting)
    }

    /// Writes the document and everything it owns, replacing an existing one; `version` and
    /// `sha256` are its lifecycle columns (the hash is kept for locked documents).
    func write(_ document: Document, replacing: Bool, version: Int = 1, sha256: String? = nil) throws {
        if replacing { try execute("DELETE FROM document WHERE id = ?", [document.id]) }
        try execute(
            """
            INSERT INTO document (id, cell_id, type, number, term_id, date, status, classification, meeting_id,
                place, title, signer_id, signature_authority, signature_title, supersedes_id, version, content_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                document.id, document.cellID, document.kind.rawValue, document.number, document.termID,
                document.date.description, document.status.rawValue, document.classification.rawValue,
                document.meetingID, document.place, document.title, document.signature?.memberID,
                document.signature?.authority, document.signature?.title, document.supersedesID, version, sha256,
            ])
        let sections: [(String, [String])] = [("body", document.body), ("recipient", document.recipients)]
        for (section, texts) in sections {
            for (position, text) in texts.enumerated() {
                try execute(
                    "INSERT INTO document_text (document_id, section, position, text) VALUES (?, ?, ?, ?)",
                    [document.id, section, position, text])
            }
        }
        for (position, task) in document.tasks.enumerated() {
            try execute(
                "INSERT INTO task (id, document_id, position, assignee_id, due, text) VALUES (?, ?, ?, ?, ?, ?)",
                [task.id, document.id, position, task.assigneeID, task.due?.description, task.text])
        }
        try write(document.attachments, table: "document_attachment", ownerColumn: "document_id", ownerID: document.id)
        try SearchIndexer(db: db).index(document)
    }

    private func write(_ attachments: [Attachment], table: String, ownerColumn: String, ownerID: String) throws {
        for (position, attachment) in attachments.enumerated() {
            try execute(
                "INSERT INTO content (sha256, bytes) VALUES (?, ?) ON CONFLICT(sha256) DO NOTHING",
                [attachment.sha256, attachment.content])
            try execute(
                "INSERT INTO \(table) (\(ownerColumn), position, name, media_type, sha256) VALUES (?, ?, ?, ?, ?)",
                [ownerID, position, attachment.name, attachment.mediaType, attachment.sha256])
        }
    }
}
