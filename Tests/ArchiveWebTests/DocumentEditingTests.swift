import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A draft document edited in the browser, and an issued one corrected with a reason: what
/// the page keeps (type, classification, number, signing authority, task identifiers), what
/// it refuses, and who may do it.
@Suite struct DocumentEditingTests {
    static let setups: [TestingSetup] = [.router, .live]

    /// A confidential draft report of Nà Pàn, signed by the deputy secretary for the cell, with
    /// one task, filed as `sochibo file` would.
    static let draftReport = """
        Chi bộ: Chi bộ thôn Nà Pàn [cb-na-pan]
        Mã văn bản:
        Loại: BC
        Ngày: 20/12/2024
        Nơi ban hành: Nà Pàn
        Độ mật: mật
        Trích yếu: Báo cáo tình hình an ninh trật tự thôn
        [Nội dung]
        Tình hình an ninh trật tự trong thôn ổn định.

        Còn hai vụ trộm vặt chưa rõ đối tượng.

        [Nhiệm vụ]
        Tổ chức tuần tra ban đêm | np-03 | 15/01/2025

        [Ký]
        Thẩm quyền: KT. BÍ THƯ
        Chức vụ: PHÓ BÍ THƯ
        Người ký: np-02

        [Nơi nhận]
        - Đảng ủy xã
        - Lưu Chi bộ

        """

    func document(_ archive: Archive, _ id: String) async throws -> Document? {
        guard case .document(let document, _)? = try? await archive.record(id: id) else { return nil }
        return document
    }

    /// The report filed as a draft; its identifier.
    func fileDraftReport(_ archive: Archive) async throws -> String {
        try await archive.file(
            form: Self.draftReport, named: "bao-cao.txt", today: LocalDate(year: 2024, month: 12, day: 31)!,
            context: AuditContext(actor: "kiểm thử")
        ).id
    }

    /// The page's fields as posted, with the title, body and tasks changed.
    static func edited(taskID: String, forgedTaskID: String) -> [(String, String)] {
        [
            ("title", "Báo cáo tình hình an ninh trật tự thôn tháng 12"), ("date", "20/12/2024"), ("place", "Nà Pàn"),
            ("body", "Tình hình an ninh trật tự trong thôn ổn định.\n\nĐã làm rõ hai vụ trộm vặt."),
            ("task_id.0", taskID), ("task_text.0", "Tổ chức tuần tra ban đêm đến hết Tết"), ("task_who.0", "np-03"),
            ("task_due.0", "2025-02-15"),
            ("task_id.1", forgedTaskID), ("task_text.1", "Họp tổ an ninh xóm"), ("task_who.1", "np-14"),
            ("task_due.1", ""), ("task_text.2", ""), ("task_who.2", ""), ("task_due.2", ""),
            ("signer", "np-02"), ("recipients", "Đảng ủy xã\nLưu Chi bộ"),
        ]
    }

    @Test(arguments: setups)
    func aDraftIsEditedInPlaceKeepingWhatThePageDoesNotChange(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let id = try await fileDraftReport(archive)
        let before = try #require(try await document(archive, id))
        let taskID = try #require(before.tasks.first?.id)
        let otherTask = try #require(try await document(archive, "np-nq-2024-11")?.tasks.first)
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("bithu.mat")
            let record = try await browser.get("/ban-ghi/\(id)")
            #expect(record.body.contains(#"href="/ban-ghi/\#(id)/sua""#))
            let page = try await browser.get("/ban-ghi/\(id)/sua")
            #expect(page.status == .ok)
            #expect(page.body.contains("Sửa dự thảo báo cáo"))
            #expect(page.body.contains("Loại văn bản: Báo cáo") && page.body.contains("Độ mật: Mật"))
            #expect(page.body.contains(#"value="Báo cáo tình hình an ninh trật tự thôn""#))
            #expect(page.body.contains(#"name="task_id.0" value="\#(taskID)""#))
            #expect(page.body.contains("Người ký (KT. BÍ THƯ, phó bí thư)"))
            #expect(page.body.contains(#"action="/ban-ghi/\#(id)/sua""#))

            // A task row with a due date but no task is refused in the page's words.
            var untitled = Self.edited(taskID: taskID, forgedTaskID: otherTask.id)
            untitled[untitled.firstIndex { $0.0 == "task_due.2" }!] = ("task_due.2", "2025-03-01")
            let noTask = try await browser.post("/ban-ghi/\(id)/sua", untitled)
            #expect(noTask.status == .unprocessableContent)
            #expect(noTask.body.contains("Một dòng nhiệm vụ có người phụ trách hoặc hạn nhưng chưa ghi nội dung"))
            #expect(!noTask.body.contains("nội dung | người phụ trách"))
            #expect(try await document(archive, id) == before)

            // A bad date comes back with everything typed; nothing changes.
            var bad = Self.edited(taskID: taskID, forgedTaskID: otherTask.id)
            bad[1] = ("date", "20/12/24")
            let refused = try await browser.post("/ban-ghi/\(id)/sua", bad)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("hai chữ số"))
            #expect(refused.body.contains(#"value="Tổ chức tuần tra ban đêm đến hết Tết""#))
            #expect(try await document(archive, id) == before)

            let saved = try await browser.post(
                "/ban-ghi/\(id)/sua", Self.edited(taskID: taskID, forgedTaskID: otherTask.id))
            #expect(saved.status == .seeOther, "\(saved.body)")
            #expect(saved.location == "/ban-ghi/\(id)?xong=luu")
        }
        let after = try #require(try await document(archive, id))
        #expect(after.status == .draft && after.title == "Báo cáo tình hình an ninh trật tự thôn tháng 12")
        #expect(after.body == ["Tình hình an ninh trật tự trong thôn ổn định.", "Đã làm rõ hai vụ trộm vặt."])
        // Kept: the type, the classification, the signing authority.
        #expect(after.kind == .report && after.classification == .confidential)
        #expect(after.signature == Signature(memberID: "np-02", authority: "KT. BÍ THƯ", title: "PHÓ BÍ THƯ"))
        // The task keeps its identifier; the forged one does not name another record's task.
        #expect(after.tasks.map(\.text) == ["Tổ chức tuần tra ban đêm đến hết Tết", "Họp tổ an ninh xóm"])
        #expect(after.tasks[0].id == taskID && after.tasks[0].due == LocalDate(year: 2025, month: 2, day: 15))
        #expect(after.tasks[1].id != otherTask.id && after.tasks[1].id.hasPrefix(id))
        #expect(try await document(archive, "np-nq-2024-11")?.tasks.first == otherTask)
        #expect(try await archive.auditLog(record: id).last?.actor == "bithu.mat")
    }

    @Test(arguments: setups)
    func onlyTheCellsWritersWhoMayReadItEditADraft(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let id = try await fileDraftReport(archive)
        let before = try #require(try await document(archive, id))
        let taskID = try #require(before.tasks.first?.id)
        try await WebSupport.application(archive: archive).test(setup) { client in
            // The cell's secretary without the right to read Mật documents does not see it.
            let secretary = Browser(client)
            try await secretary.login("thu.napan")
            let hidden = try await secretary.get("/ban-ghi/\(id)/sua")
            #expect(hidden.status == .forbidden && hidden.body.contains("Đây là văn bản mật"))
            #expect(!hidden.body.contains("an ninh trật tự"))
            let posted = try await secretary.post("/ban-ghi/\(id)/sua", Self.edited(taskID: taskID, forgedTaskID: ""))
            #expect(posted.status == .forbidden && posted.body.contains("Đây là văn bản mật"))
            // A committee account reads but never writes; another cell's secretary neither.
            let office = Browser(client)
            try await office.login("vanphong.mat")
            #expect(try await office.get("/ban-ghi/\(id)/sua").status == .forbidden)
            let otherCell = Browser(client)
            try await otherCell.login("bithu.a")
            #expect(try await otherCell.get("/ban-ghi/np-nq-2024-11/dinh-chinh").status == .forbidden)
            // The right account without the token writes nothing.
            let writer = Browser(client)
            try await writer.login("bithu.mat")
            try await writer.get("/ban-ghi/\(id)/sua")
            let noToken = try await writer.post(
                "/ban-ghi/\(id)/sua", Self.edited(taskID: taskID, forgedTaskID: ""), csrf: false)
            #expect(noToken.status == .forbidden)
        }
        #expect(try await document(archive, id) == before)
    }

    /// The revision a page carries, as its hidden field says.
    static func revision(_ page: String) -> String? {
        guard let range = page.range(of: #"name="revision" value="(\d+)""#, options: .regularExpression) else {
            return nil
        }
        return String(page[range].dropFirst(#"name="revision" value=""#.count).dropLast())
    }

    @Test(arguments: setups)
    func aSaveOverSomeoneElsesComesBackWithWhatWasTyped(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let id = try await fileDraftReport(archive)
        let taskID = try #require(try await document(archive, id)?.tasks.first?.id)
        try await WebSupport.application(archive: archive).test(setup) { client in
            let first = Browser(client), second = Browser(client)
            try await first.login("bithu.mat")
            try await second.login("quantri")
            let firstPage = try await first.get("/ban-ghi/\(id)/sua")
            let secondPage = try await second.get("/ban-ghi/\(id)/sua")
            let opened = try #require(Self.revision(firstPage.body))
            #expect(Self.revision(secondPage.body) == opened)

            var mine = Self.edited(taskID: taskID, forgedTaskID: "")
            mine.append(("revision", opened))
            #expect(try await first.post("/ban-ghi/\(id)/sua", mine).status == .seeOther)

            // The second save was typed over the first one's page: refused, everything kept.
            var theirs = Self.edited(taskID: taskID, forgedTaskID: "")
            theirs[0] = ("title", "Báo cáo an ninh thôn (bản của quản trị)")
            theirs.append(("revision", opened))
            let refused = try await second.post("/ban-ghi/\(id)/sua", theirs)
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Trong lúc đồng chí sửa, bithu.mat đã lưu bản này."))
            #expect(refused.body.contains(#"value="Báo cáo an ninh thôn (bản của quản trị)""#))
            #expect(try await document(archive, id)?.title == "Báo cáo tình hình an ninh trật tự thôn tháng 12")
            // Saved again from that page, knowingly: it carries the new revision.
            let newer = try #require(Self.revision(refused.body))
            #expect(newer != opened)
            theirs[theirs.count - 1] = ("revision", newer)
            #expect(try await second.post("/ban-ghi/\(id)/sua", theirs).status == .seeOther)
            #expect(try await document(archive, id)?.title == "Báo cáo an ninh thôn (bản của quản trị)")

            // Issued while the first was still typing: the correction page, with what was typed.
            let stale = try #require(Self.revision(try await first.get("/ban-ghi/\(id)/sua").body))
            _ = try await archive.issue(documentID: id, context: AuditContext(actor: "quantri"))
            var late = Self.edited(taskID: taskID, forgedTaskID: "")
            late[0] = ("title", "Tiêu đề gõ muộn")
            late.append(("revision", stale))
            let locked = try await first.post("/ban-ghi/\(id)/sua", late)
            #expect(locked.status == .conflict)
            #expect(locked.body.contains("văn bản đã được ban hành nên đã khóa"))
            #expect(locked.body.contains(#"value="Tiêu đề gõ muộn""#) && locked.body.contains(#"name="reason""#))
            #expect(try await document(archive, id)?.title == "Báo cáo an ninh thôn (bản của quản trị)")
        }
    }

    @Test(arguments: setups)
    func aRevokedDocumentIsNeitherEditedNorCorrected(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        _ = try await archive.importFiles(
            [WebSupport.packageRoot + "/fixtures/valid/minimal-update.xml"], context: AuditContext(actor: "kiểm thử"))
        let before = try #require(try await document(archive, "a-nq-01"))
        #expect(before.status == .revoked)
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("bithu.a")
            for path in ["/ban-ghi/a-nq-01/sua", "/ban-ghi/a-nq-01/dinh-chinh"] {
                // Refused on its page, never sent back and forth between the two.
                let page = try await browser.get(path)
                #expect(page.status == .conflict, "\(path)")
                #expect(page.body.contains("Văn bản này đã bãi bỏ nên không sửa hay đính chính được nữa."))
                let posted = try await browser.post(path, [("title", "Khác"), ("reason", "Thử")])
                #expect(posted.status == .conflict, "\(path)")
            }
        }
        #expect(try await document(archive, "a-nq-01") == before)
    }

    @Test(arguments: setups)
    func anIssuedDocumentIsCorrectedWithAReasonAndKeepsItsNumber(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try #require(try await document(archive, "np-nq-2024-11"))
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            let record = try await browser.get("/ban-ghi/np-nq-2024-11")
            #expect(record.body.contains(#"href="/ban-ghi/np-nq-2024-11/dinh-chinh""#))
            #expect(!record.body.contains("/ban-ghi/np-nq-2024-11/sua"))
            let toCorrection = try await browser.get("/ban-ghi/np-nq-2024-11/sua")
            #expect(toCorrection.status == .seeOther && toCorrection.location == "/ban-ghi/np-nq-2024-11/dinh-chinh")
            let page = try await browser.get("/ban-ghi/np-nq-2024-11/dinh-chinh")
            #expect(page.status == .ok)
            #expect(page.body.contains("Đính chính nghị quyết đã ban hành") && page.body.contains("Số: 23-NQ/CB"))
            #expect(page.body.contains(#"name="reason""#))

            var fields: [(String, String)] = [
                ("title", before.title), ("date", before.date.description), ("place", before.place),
                ("body", before.body.joined(separator: "\n\n") + "\n\nChi bộ giao đồng chí Bí thư theo dõi."),
                ("signer", before.signature?.memberID ?? ""), ("recipients", before.recipients.joined(separator: "\n")),
            ]
            for (index, task) in before.tasks.enumerated() {
                fields += [
                    ("task_id.\(index)", task.id), ("task_text.\(index)", task.text),
                    ("task_who.\(index)", task.assigneeID ?? ""), ("task_due.\(index)", task.due?.description ?? ""),
                ]
            }
            let refused = try await browser.post("/ban-ghi/np-nq-2024-11/dinh-chinh", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Hãy ghi lý do đính chính"))
            #expect(refused.body.contains("Chi bộ giao đồng chí Bí thư theo dõi."))
            #expect(try await archive.lifecycle(of: "np-nq-2024-11").version == 1)

            fields.append(("reason", "Bổ sung người theo dõi"))
            let corrected = try await browser.post("/ban-ghi/np-nq-2024-11/dinh-chinh", fields)
            #expect(corrected.status == .seeOther, "\(corrected.body)")
            #expect(corrected.location == "/ban-ghi/np-nq-2024-11?xong=dinh-chinh")
            let done = try await browser.get("/ban-ghi/np-nq-2024-11?xong=dinh-chinh")
            #expect(done.body.contains("Đã ghi đính chính"))
        }
        let lifecycle = try await archive.lifecycle(of: "np-nq-2024-11")
        #expect(lifecycle.version == 2 && lifecycle.previous.first?.replacedBecause == "Bổ sung người theo dõi")
        let after = try #require(try await document(archive, "np-nq-2024-11"))
        #expect(after.number == before.number && after.status == .issued)
        #expect(after.body.last == "Chi bộ giao đồng chí Bí thư theo dõi.")
        #expect(after.tasks.map(\.id) == before.tasks.map(\.id))
        #expect(try await archive.auditLog(record: "np-nq-2024-11").last?.actor == "thu.napan")
    }
}
