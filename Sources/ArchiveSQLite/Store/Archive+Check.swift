import ArchiveCore
import Foundation
import GRDB

extension Archive {
    /// Checks the archive: SQLite's integrity check, foreign keys, issued numbers, attachment
    /// hashes, and the rules of `domain.md` over every meeting, among them two minutes of one
    /// sitting (`same-sitting-twice`, `SameSitting`).
    public func check() async throws -> CheckReport {
        var report = try await checkRecords()
        // FTS5's structural check needs the write lock. While an import holds it, or when the
        // archive can only be read, the records are still checked (from the last committed
        // state) and the note says so.
        do {
            let indexProblems = try await write { db in SearchIndexer(db: db).integrityProblems() }
            report.problems += indexProblems
            report.searchIndexStale = report.searchIndexStale || !indexProblems.isEmpty
        } catch ArchiveError.busy {
            report.notes.append("bỏ qua kiểm tra cấu trúc chỉ mục FTS5 vì kho đang có một lần nhập khác ghi")
        } catch ArchiveError.readOnly {
            report.notes.append("bỏ qua kiểm tra cấu trúc chỉ mục FTS5 vì kho chỉ cho đọc")
        }
        return report
    }

    private func checkRecords() async throws -> CheckReport {
        try await pool.read { db in
            var problems: [String] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                problems.append("SQLite: \(line)")
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0], parent: String = row[2]
                let rowID: Int64? = row[1]
                problems.append(
                    "tham chiếu hỏng: bảng \(table) (dòng \(rowID.map(String.init) ?? "?")) trỏ tới \(parent) không tồn tại"
                )
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT cell_id, type, ifnull(term_id, ''), number, group_concat(id, ', ') FROM document
                    WHERE status <> 'draft' GROUP BY cell_id, type, ifnull(term_id, ''), number HAVING count(*) > 1
                    """)
            {
                let cell: String = row[0], type: String = row[1], number: Int = row[3], ids: String = row[4]
                problems.append("số \(number) loại \(type) của chi bộ \(cell) bị trùng: \(ids)")
            }
            // One attachment at a time: together they can be far larger than memory.
            let contents = try Row.fetchCursor(db, sql: "SELECT sha256, bytes FROM content")
            while let row = try contents.next() {
                let declared: String = row[0]
                let bytes: Data = row[1]
                if Attachment.digest(of: bytes) != declared {
                    problems.append("nội dung tệp đính kèm \(declared) không khớp mã sha256")
                }
            }
            let indexProblems = try SearchIndexer(db: db).verify()
            problems += indexProblems
            problems += try VersionStore(db: db).problems(reader: RecordReader(db: db))
            problems += try AuditLog(db: db).problems()
            let logHead = try AuditLog(db: db).head()
            let reader = RecordReader(db: db)
            let rubric = try RubricStore(db: db).load()
            var findings: [Finding] = []
            var checked: [RecordKind: Int] = [:]
            for cellID in try String.fetchAll(db, sql: "SELECT id FROM cell ORDER BY id") {
                let members = try reader.members(cellID: cellID)
                checked[.cell, default: 0] += 1
                checked[.member, default: 0] += members.count
                let meetings = try Row.fetchAll(
                    db, sql: "SELECT * FROM meeting WHERE cell_id = ? ORDER BY date, start_time, id",
                    arguments: [cellID]
                ).map { try reader.meeting($0, withAttachments: false) }
                // The approval warnings of every minutes, drafts included (a draft that would be
                // warned at approval is named before it), as findings; the second regular
                // meeting of a month is counted against approved minutes.
                let approved = meetings.filter { $0.status == .approved }.map {
                    ApprovalWarnings.OtherMeeting(id: $0.id, kind: $0.kind, date: $0.date)
                }
                let cell = try reader.cell(id: cellID)
                for meeting in meetings {
                    findings += meeting.findings(members: members)
                    findings += meeting.ratingFindings(rubric: rubric)
                    if let cell {
                        findings += ApprovalWarnings.findings(meeting, cell: cell, otherMeetings: approved)
                    }
                    if meeting.conclusion.isEmpty { findings.append(.noConclusion(meeting)) }
                    checked[.meeting, default: 0] += 1
                }
                // Two minutes of one sitting, which filing and importing now refuse but an older
                // archive (or one changed by hand) may hold: each pair, whatever its status.
                for pair in SameSitting.pairs(meetings) {
                    findings.append(.sameSittingTwice(pair.first, pair.second, cellName: cell?.name ?? cellID))
                }
            }
            checked[.document] = try Int.fetchOne(db, sql: "SELECT count(*) FROM document")
            checked[.organization] = try Int.fetchOne(db, sql: "SELECT count(*) FROM organization")
            var report = CheckReport(problems: problems, findings: findings, checked: checked)
            report.searchIndexStale = !indexProblems.isEmpty
            report.logHead = logHead
            return report
        }
    }
}
