import Foundation
import Testing

@testable import ArchiveCore
@testable import ArchivePages
@testable import ArchiveSQLite

@Suite("Lifecycle, versions, hashes and the audit log")
struct LifecycleTests {
    let clerk = AuditContext(actor: "Hà Văn Thành")

    func fixture() async throws -> Archive { try await Support.archive(with: [SummaryTests.fixture]) }

    func meeting(_ archive: Archive, _ id: String) async throws -> Meeting {
        guard case .meeting(let meeting, _) = try await archive.record(id: id) else {
            throw ArchiveError.notFound(id: id)
        }
        return meeting
    }

    @Test func recordsWithoutLifecycleAreTakenAsTheyStand() async throws {
        let archive = try await fixture()
        await #expect(try meeting(archive, "dt-2024-01").status == .approved)  // rated
        await #expect(try meeting(archive, "dt-2024-12").status == .draft)  // not rated
        await #expect(try await archive.lifecycle(of: "dt-2024-01").sha256 != nil)
        await #expect(try await archive.lifecycle(of: "dt-2024-12").sha256 == nil)
        await #expect(try await archive.lifecycle(of: "dt-nq-01").sha256 != nil)  // issued
        await #expect(try await archive.lifecycle(of: "dt-nq-du-thao").sha256 == nil)  // draft
        let log: [AuditEntry] = try await archive.auditLog()
        #expect(log.map(\.sequence) == Array(1...log.count))
        #expect(log.allSatisfy { $0.action == .import })
        await #expect(try await archive.check().isSound)
    }

    @Test func approvingLocksTheMinutesOnce() async throws {
        let archive = try await fixture()
        let approved = try await archive.approve(meetingID: "dt-2024-12", context: clerk)
        #expect(approved.status == .approved)
        let lifecycle = try await archive.lifecycle(of: "dt-2024-12")
        #expect(lifecycle.sha256 == (try CanonicalContent.sha256(.meeting(approved))))
        let last = try await #require(try await archive.auditLog(record: "dt-2024-12").last)
        #expect(last.action == .approve && last.actor == "Hà Văn Thành" && last.sha256 == lifecycle.sha256)
        await #expect(throws: ArchiveError.lifecycle(.alreadyApproved(meetingID: "dt-2024-12"))) {
            try await archive.approve(meetingID: "dt-2024-12", context: clerk)
        }
        #expect(
            ArchiveError.lifecycle(.alreadyApproved(meetingID: "dt-2024-12")).vietnameseDescription
                == "biên bản dt-2024-12 đã được thông qua rồi")
        await #expect(throws: ArchiveError.notFound(id: "dt-2099-01")) {
            try await archive.approve(meetingID: "dt-2099-01", context: clerk)
        }
        await #expect(try await archive.check().isSound)
    }

    @Test func issuingNumbersWithinTheTermAndLocks() async throws {
        let archive = try await fixture()
        // NQ 12 (2023) to 15 are taken in term 2022-2025: the draft gets 16.
        let issued = try await archive.issue(documentID: "dt-nq-du-thao", context: clerk).document
        #expect(issued.status == .issued && issued.number == 16 && issued.termID == "2022-2025")
        #expect(issued.symbol(issuerCode: "CB") == "16-NQ/CB")
        await #expect(try await archive.lifecycle(of: "dt-nq-du-thao").sha256 != nil)
        await #expect(try await archive.auditLog(record: "dt-nq-du-thao").last?.action == .issue)
        await #expect(throws: ArchiveError.self) {
            try await archive.issue(documentID: "dt-nq-du-thao", context: clerk)
        }
        await #expect(try await archive.search("16-NQ/CB").first?.id == "dt-nq-du-thao")
        await #expect(try await archive.check().isSound)
    }

    @Test func aCorrectionKeepsEveryVersionReadable() async throws {
        let archive = try await fixture()
        let original = try await meeting(archive, "dt-2024-01")
        var corrected = original
        corrected.conclusion = ["Chi bộ thống nhất nhiệm vụ tháng 01 và giao đồng chí Triệu Văn Đức thu đảng phí."]
        let lifecycle = try await archive.correct(.meeting(corrected), confirmingWarnings: false, context: clerk)
        #expect(lifecycle.version == 2 && lifecycle.previous.map(\.version) == [1])
        await #expect(try meeting(archive, "dt-2024-01").conclusion == corrected.conclusion)
        await #expect(try await archive.version(1, of: "dt-2024-01") == .meeting(original))
        await #expect(try await archive.version(2, of: "dt-2024-01") == .meeting(try meeting(archive, "dt-2024-01")))
        await #expect(throws: ArchiveError.self) { try await archive.version(3, of: "dt-2024-01") }
        // Search and summaries use the latest version.
        await #expect(try await archive.search("thu dang phi trieu van duc").map(\.id) == ["dt-2024-01"])
        await #expect(try await archive.auditLog(record: "dt-2024-01").last?.action == .correct)
        await #expect(try await archive.check().isSound)
        // Nothing to correct, a draft, or another cell: refused, nothing written.
        let before = try await archive.auditLog().count
        await #expect(throws: ArchiveError.self) {
            try await archive.correct(.meeting(corrected), confirmingWarnings: false, context: clerk)
        }
        var draft = try await meeting(archive, "dt-2024-12")
        draft.place = "Nhà ông Thành"
        await #expect(throws: ArchiveError.self) {
            try await archive.correct(.meeting(draft), confirmingWarnings: false, context: clerk)
        }
        var moved = corrected
        moved.cellID = "cb-bac-son"
        await #expect(throws: ArchiveError.self) {
            try await archive.correct(.meeting(moved), confirmingWarnings: false, context: clerk)
        }
        await #expect(try await archive.auditLog().count == before)
    }

    /// An issued document's number belongs to its term: a correction may fix its date within
    /// that term, never carry it into the term before or after.
    @Test func aCorrectionKeepsAnIssuedDocumentInTheTermOfItsNumber() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        guard case .document(let issued, _) = try await archive.record(id: "np-nq-2024-11") else {
            Issue.record("np-nq-2024-11 is not a document")
            return
        }
        #expect(issued.termID == "2022-2025" && issued.number == 23)
        let before = try await archive.auditLog().count
        for (day, term) in [("2025-06-10", "2025-2030"), ("2021-01-05", "2020-2022")] {
            var moved = issued
            moved.date = .d(day)
            await #expect(
                throws: ArchiveError.lifecycle(.correctionLeavesTerm(termID: "2022-2025", date: .d(day))), "\(term)"
            ) {
                try await archive.correct(.document(moved), confirmingWarnings: false, context: clerk)
            }
        }
        #expect(try await archive.auditLog().count == before)
        #expect(
            ArchiveError.lifecycle(.correctionLeavesTerm(termID: "2022-2025", date: .d("2025-06-10")))
                .vietnameseDescription.hasPrefix("ngày 10/06/2025 nằm ngoài nhiệm kỳ 2022-2025"))
        var fixed = issued
        fixed.date = .d("2024-11-10")
        let lifecycle = try await archive.correct(.document(fixed), confirmingWarnings: false, context: clerk)
        #expect(lifecycle.version == 2)
        guard case .document(let after, _) = try await archive.record(id: "np-nq-2024-11") else { return }
        #expect(after.date == .d("2024-11-10") && after.number == 23 && after.termID == "2022-2025")
    }

    @Test func aCorrectionCannotDropATaskMeetingsReportedOn() async throws {
        let archive = try await fixture()
        guard case .document(var document, _) = try await archive.record(id: "dt-nq-01") else {
            Issue.record("dt-nq-01 missing")
            return
        }
        document.tasks.removeLast()  // dt-nq-01-t2, reported on in February and April
        let refusal = LifecycleRefusal.correctionDropsReportedTask(taskID: "dt-nq-01-t2", meetingID: "dt-2024-02")
        await #expect(throws: ArchiveError.lifecycle(refusal)) {
            try await archive.correct(.document(document), confirmingWarnings: false, context: clerk)
        }
        #expect(
            refusal.vietnameseDescription
                == "không bỏ được nhiệm vụ dt-nq-01-t2: kỳ sinh hoạt dt-2024-02 đã báo cáo về nhiệm vụ này")
        await #expect(try await archive.lifecycle(of: "dt-nq-01").version == 1)
    }

    @Test func anImportCannotDropATaskMeetingsReportedOn() async throws {
        let archive = try await fixture()
        let original = try String(contentsOfFile: Support.path(SummaryTests.fixture), encoding: .utf8)
        // First the draft minutes of 5 December report on the draft resolution's task…
        let start = try #require(original.range(of: "<meeting id=\"dt-2024-12\" "))
        let end = try #require(original.range(of: "</conclusion>", range: start.upperBound..<original.endIndex))
        var reported = original
        reported.replaceSubrange(
            end,
            with: "</conclusion>\n    <taskReport task=\"dt-nq-dt-t1\" status=\"in-progress\">Đang làm</taskReport>")
        _ = try await archive.importFiles([try Support.write(Data(reported.utf8))], context: .tester)
        // …then a file drops that task from the draft: refused at the document's line.
        let task = "\n    <task id=\"dt-nq-dt-t1\" assignee=\"dt-07\">Xây dựng kế hoạch năm 2025</task>"
        #expect(reported.contains(task))
        let dropped = reported.replacingOccurrences(of: task, with: "")
        let before = try await Support.export(archive)
        let problems = await Support.problems(importing: [try Support.write(Data(dropped.utf8))], into: archive)
        #expect(problems.count == 1)
        #expect(
            problems.first?.message
                == "tệp bỏ nhiệm vụ dt-nq-dt-t1 khỏi văn bản dt-nq-du-thao, nhưng kỳ sinh hoạt dt-2024-12 đã báo cáo về nhiệm vụ này"
        )
        #expect((problems.first?.line ?? 0) > 0)
        await #expect(try await Support.export(archive) == before)
    }

    @Test func versionsAndHashesTravelInTheExport() async throws {
        let archive = try await fixture()
        var corrected = try await meeting(archive, "dt-2024-03")
        corrected.proceedings.append("Bổ sung: đồng chí Lý Văn Bình phát biểu về truyền thống của thôn.")
        try await archive.correct(.meeting(corrected), confirmingWarnings: false, context: clerk)
        _ = try await archive.approve(meetingID: "dt-2024-12", context: clerk)
        let exported = try await Support.export(archive)
        let text = String(decoding: exported, as: UTF8.self)
        #expect(text.contains("<previousVersion version=\"1\""))
        let copy = try Support.emptyArchive()
        _ = try await copy.importFiles([try Support.write(exported)], context: .tester)
        await #expect(try await Support.export(copy) == exported)
        await #expect(try await copy.lifecycle(of: "dt-2024-03") == (try await archive.lifecycle(of: "dt-2024-03")))
        await #expect(try await copy.lifecycle(of: "dt-2024-12").sha256 != nil)
        await #expect(try await copy.check().isSound)
        // The copy is locked too: the original file's content is refused there now.
        let problems = await Support.problems(importing: [Support.path(SummaryTests.fixture)], into: copy)
        #expect(problems.map(\.message).contains { $0.contains("dt-2024-03") && $0.contains("đã khóa") })
    }

    @Test func aFileThatChangesALockedRecordIsRefusedWhole() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let before = try await Support.export(archive)
        let log: [AuditEntry] = try await archive.auditLog()
        let problems = await Support.problems(
            importing: [Support.path("fixtures/invalid/locked-change.xml")], into: archive)
        #expect(problems.map(\.line) == [40, 63])
        #expect(problems[0].message.contains("biên bản a-2023-01 đã được thông qua nên đã khóa"))
        #expect(problems[1].message.contains("văn bản a-nq-01 đã ban hành nên đã khóa"))
        #expect(problems.allSatisfy { $0.message.contains("ghi đính chính") })
        await #expect(try await Support.export(archive) == before)
        await #expect(try await archive.auditLog() == log)
    }

    @Test func aLockedRecordCannotGoBackToDraft() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        var text = try String(contentsOfFile: Support.path("fixtures/valid/minimal.xml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "status=\"issued\"", with: "status=\"draft\"")
        let problems = await Support.problems(importing: [try Support.write(Data(text.utf8))], into: archive)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("không thể chuyển từ trạng thái “đã ban hành” sang “dự thảo”") == true)
    }

    @Test func aDeclaredHashThatDoesNotMatchIsRefused() async throws {
        let archive = try await fixture()
        var text = await String(decoding: try Support.export(archive), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "Nhà văn hóa thôn Bắc Sơn</place>", with: "Nhà văn hoá thôn Bắc Sơn</place>")
        let problems = await Support.problems(
            importing: [try Support.write(Data(text.utf8))], into: try Support.emptyArchive())
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.message.contains("mã sha256 không khớp với nội dung") })
    }

    @Test func checkSeesContentChangedBehindTheProgramsBack() async throws {
        let archive = try await fixture()
        try SQLiteShell.query(
            archive,
            "UPDATE meeting_text SET text = 'Sửa lén' WHERE meeting_id = 'dt-2024-02' AND section = 'proceedings' AND position = 0"
        )
        let report = try await archive.check()
        #expect(report.problems.contains { $0.contains("dt-2024-02") && $0.contains("sha256") })
    }

    @Test func theLogIsAppendOnlyAndItsChainShowsTampering() async throws {
        let archive = try await fixture()
        // The sqlite3 shell cannot change or remove a line: the triggers refuse.
        try SQLiteShell.query(archive, "UPDATE audit_log SET actor = 'ai đó' WHERE seq = 3")
        try SQLiteShell.query(archive, "DELETE FROM audit_log WHERE seq = 4")
        await #expect(try await archive.auditLog().first { $0.sequence == 3 }?.actor != "ai đó")
        await #expect(try await archive.auditLog().contains { $0.sequence == 4 })
        await #expect(try await archive.check().isSound)
        // Someone who drops the triggers first is still caught by the chain.
        try SQLiteShell.query(
            archive,
            "DROP TRIGGER audit_log_append_only; UPDATE audit_log SET actor = 'ai đó' WHERE seq = 3")
        await #expect(try await archive.check().problems.contains { $0.contains("nhật ký bị sửa ở mục 3") })
    }

    @Test func removingARecordsLogEntriesIsSeen() async throws {
        let archive = try await fixture()
        try SQLiteShell.query(
            archive,
            "DROP TRIGGER audit_log_never_deleted; DELETE FROM audit_log WHERE record_id = 'dt-nq-01'")
        let problems = try await archive.check().problems
        #expect(problems.contains { $0.contains("nhật ký không có mục nào cho dt-nq-01") })
        #expect(problems.contains { $0.contains("nhật ký thiếu mục") })
    }

    @Test func ratingALockedMeetingKeepsItsHashAndIsLogged() async throws {
        let archive = try await fixture()
        let before = try await archive.lifecycle(of: "dt-2024-05")
        let points: [(criterion: String, points: Int)] = [
            ("time", 5), ("attendance", 4), ("preparation", 9), ("conduct", 27), ("steering", 9), ("principles", 5),
            ("results", 28), ("closing", 5),
        ]
        _ = try await archive.rate(meetingID: "dt-2024-05", points: points, context: clerk)
        await #expect(try await archive.lifecycle(of: "dt-2024-05") == before)
        await #expect(try await archive.auditLog(record: "dt-2024-05").last?.action == .rate)
        await #expect(try await archive.check().isSound)
    }

    @Test func anArchiveFromBeforeTheLogIsBroughtIntoIt() async throws {
        let archive = try await fixture()
        // Make it look like an archive from before migration v4: no hashes, an empty log.
        try SQLiteShell.query(
            archive,
            """
            DROP TRIGGER audit_log_never_deleted; DELETE FROM audit_log; DELETE FROM audit_head;
            UPDATE meeting SET content_sha256 = NULL; UPDATE document SET content_sha256 = NULL;
            """)
        try await archive.writer().write { db in try LifecycleUpgrade(db: db).run() }
        let log: [AuditEntry] = try await archive.auditLog()
        #expect(log.allSatisfy { (entry: AuditEntry) -> Bool in entry.action == .upgrade && entry.actor == "sochibo" })
        #expect(log.allSatisfy { $0.action == .upgrade && $0.actor == "sochibo" })
        await #expect(try await archive.lifecycle(of: "dt-2024-01").sha256 != nil)
        await #expect(try await archive.check().isSound)
    }
}
