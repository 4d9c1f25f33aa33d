import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Filing, approving, correcting, discarding minutes and issuing the resolution in the
/// browser, through the router and live on loopback, with every refusal.
@Suite struct FilingTests {
    static let setups: [TestingSetup] = [.router, .live]

    /// A month's minutes of Nà Pàn on 28/12/2024 as a secretary ticks them.
    static func minutes(
        date: String = "2024-12-28", start: String = "19h30", place: String = "Nhà văn hóa thôn"
    )
        -> [(String, String)]
    {
        var fields: [(String, String)] = [
            ("kind", "regular"), ("date", date), ("start", start), ("end", "21h20"), ("place", place),
            ("topic", ""), ("chair", "np-01"), ("recorder", "np-02"),
            ("guests", "Đồng chí Nông Văn Quý, Đảng ủy viên phụ trách chi bộ"),
            ("agenda", "Đánh giá tháng 12\nNhiệm vụ tháng 01"),
            ("proceedings", "Đồng chí Hà Văn Lợi báo cáo.\n\nĐồng chí Vi Văn Dũng đề nghị rà soát hộ khó khăn."),
            ("conclusion", "Chi bộ nhất trí các nhiệm vụ tháng 01."),
            ("vote_subject.0", "Thông qua nghị quyết tháng 12"), ("vote_for.0", "11"), ("vote_against.0", "0"),
            ("vote_abstain.0", "0"), ("vote_subject.1", ""), ("vote_for.1", ""), ("vote_against.1", ""),
            ("vote_abstain.1", ""), ("rating_level", ""), ("rating_score", ""), ("rating_note", ""), ("step", "save"),
        ]
        for index in 1...14 where index != 4 {
            let id = String(format: "np-%02d", index)
            fields.append(("att.\(id)", index == 6 ? "excused" : "present"))
            fields.append(("why.\(id)", index == 6 ? "đi viện thăm mẹ ốm" : ""))
        }
        return fields
    }

    func meeting(_ archive: Archive, _ id: String) async throws -> Meeting? {
        guard case .meeting(let meeting, _)? = try? await archive.record(id: id) else { return nil }
        return meeting
    }

    /// The fresh tester's case in the browser: a member admitted before a draft's date after it
    /// was filed is named among the warnings on the record page, and approval waits for the
    /// box to be ticked.
    @Test func aMemberMissingFromTheDraftsListsIsAWarningOnItsPage() async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(.router) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            _ = try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            let filed = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes())
            #expect(filed.status == .seeOther, "\(filed.body)")
            let before = try await browser.get("/ban-ghi/cb-na-pan-2024-12-28")
            #expect(!before.body.contains("Danh sách dự họp thiếu"))
            _ = try await archive.admit(
                NewMember(
                    cellID: "cb-na-pan", fullName: "Lò Văn Mới", birthYear: 1995, admitted: LocalDate("2024-12-20")!),
                today: LocalDate("2025-01-10")!, context: AuditContext(actor: "kiểm thử"))
            let record = try await browser.get("/ban-ghi/cb-na-pan-2024-12-28")
            #expect(record.body.contains("Cảnh báo trước khi thông qua"))
            #expect(
                record.body.contains("Danh sách dự họp thiếu 1 đảng viên của chi bộ ngày đó")
                    && record.body.contains("Lò Văn Mới"), "\(record.body)")
            let unconfirmed = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/thong-qua", [])
            #expect(unconfirmed.status == .conflict)
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28")?.status == .draft)
        }
    }

    @Test(arguments: setups)
    func secretaryFilesApprovesAndIssuesTheResolution(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            let cellPage = try await browser.get("/chi-bo/cb-na-pan")
            #expect(cellPage.body.contains(#"href="/chi-bo/cb-na-pan/lap-bien-ban""#))
            let blank = try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            #expect(blank.status == .ok)
            #expect(blank.body.contains(#"type="date""#))
            #expect(blank.body.contains("Hoàng Văn Mạc"))
            #expect(blank.body.contains("miễn sinh hoạt"))
            #expect(blank.body.contains(#"name="att.np-14" value="present""#))
            #expect(blank.body.contains("có quyền biểu quyết"))

            let filed = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes())
            #expect(filed.status == .seeOther, "\(filed.body)")
            #expect(filed.location == "/ban-ghi/cb-na-pan-2024-12-28?xong=luu")
            let draft = try #require(try await meeting(archive, "cb-na-pan-2024-12-28"))
            #expect(draft.status == .draft && draft.start == TimeOfDay("19:30"))
            #expect(draft.attendance.first { $0.memberID == "np-06" }?.reason == "đi viện thăm mẹ ốm")
            #expect(try await archive.auditLog(record: draft.id).last?.actor == "thu.napan")

            // Filed again (the same date and kind): the draft is updated, never a second one.
            let again = try await browser.post(
                "/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes(place: "Nhà văn hóa thôn Nà Pàn"))
            #expect(again.location == "/ban-ghi/cb-na-pan-2024-12-28?xong=luu")
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28-2") == nil)
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28")?.place == "Nhà văn hóa thôn Nà Pàn")

            // Come back to the draft: the same page, filled.
            let edit = try await browser.get("/ban-ghi/cb-na-pan-2024-12-28/sua")
            #expect(edit.status == .ok)
            #expect(edit.body.contains(#"value="Nhà văn hóa thôn Nà Pàn""#))
            #expect(edit.body.contains(#"name="att.np-06" value="excused" checked"#))

            // Approve: the warning (np-2024-12 is the month's regular meeting) must be confirmed.
            let record = try await browser.get("/ban-ghi/cb-na-pan-2024-12-28")
            #expect(record.body.contains("Cảnh báo trước khi thông qua"))
            #expect(record.body.contains("thường kỳ khác (ngày 15/12/2024)"))
            let unconfirmed = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/thong-qua", [])
            #expect(unconfirmed.status == .conflict)
            #expect(unconfirmed.body.contains("Chưa thông qua"))
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28")?.status == .draft)
            let approved = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/thong-qua", [("confirm", "1")])
            #expect(approved.status == .seeOther)
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28")?.status == .approved)
            #expect(try await archive.auditLog(record: "cb-na-pan-2024-12-28").last?.actor == "thu.napan")

            // The resolution, filled from the meeting, then issued with the next number.
            let approvedPage = try await browser.get("/ban-ghi/cb-na-pan-2024-12-28?xong=thong-qua")
            #expect(approvedPage.body.contains("/ban-ghi/cb-na-pan-2024-12-28/soan-nghi-quyet"))
            let resolutionForm = try await browser.get("/ban-ghi/cb-na-pan-2024-12-28/soan-nghi-quyet")
            #expect(resolutionForm.status == .ok)
            #expect(resolutionForm.body.contains("Căn cứ biên bản kỳ sinh hoạt"))
            #expect(resolutionForm.body.contains("có mặt 12/13 đảng viên"))
            // The date line's place is the village as the cell's documents write it, not the
            // hall; the summary under "NGHỊ QUYẾT" does not say "Nghị quyết" again.
            #expect(resolutionForm.body.contains(#"id="place" name="place" type="text" value="Nà Pàn""#))
            #expect(resolutionForm.body.contains(#"value="Lãnh đạo thực hiện nhiệm vụ tháng 12 năm 2024""#))
            let badDue = try await browser.post(
                "/ban-ghi/cb-na-pan-2024-12-28/soan-nghi-quyet",
                [
                    ("title", "Nghị quyết tháng 12 năm 2024"), ("date", "2024-12-28"), ("place", "Nà Pàn"),
                    ("body", "Căn cứ biên bản."), ("task_text.0", "Rà soát hộ khó khăn"), ("task_who.0", "np-03"),
                    ("task_due.0", "15/01/25"), ("signer", "np-01"), ("recipients", "Lưu Chi bộ"),
                ])
            #expect(badDue.status == .unprocessableContent)
            #expect(badDue.body.contains("hai chữ số"))
            #expect(badDue.body.contains(#"type="text" value="15/01/25""#))
            #expect(badDue.body.contains(#"value="Rà soát hộ khó khăn""#))
            let filedResolution = try await browser.post(
                "/ban-ghi/cb-na-pan-2024-12-28/soan-nghi-quyet",
                [
                    ("title", "Nghị quyết tháng 12 năm 2024"), ("date", "2024-12-28"), ("place", "Nà Pàn"),
                    ("body", "Căn cứ biên bản.\n\nChi bộ quyết nghị."), ("task_text.0", "Rà soát hộ khó khăn"),
                    ("task_who.0", "np-03"), ("task_due.0", "2025-01-15"), ("task_text.1", ""), ("task_who.1", ""),
                    ("task_due.1", ""), ("signer", "np-01"), ("recipients", "Đảng ủy xã\nLưu Chi bộ"),
                ])
            #expect(filedResolution.status == .seeOther, "\(filedResolution.body)")
            let documentPath = try #require(filedResolution.location?.split(separator: "?").first.map(String.init))
            let issued = try await browser.post(documentPath + "/ban-hanh", [])
            #expect(issued.status == .seeOther)
            let issuedPage = try await browser.get(try #require(issued.location))
            #expect(issuedPage.body.contains("Đã ban hành nghị quyết số 25-NQ/CB"))
        }
    }

    @Test(arguments: setups)
    func anAdminFilesInAnyCellAndProbationaryMembersAreMarked(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("quantri")
            let blank = try await browser.get("/chi-bo/cb-phai-luong/lap-bien-ban")
            #expect(blank.status == .ok)
            // Hoàng Thị Ngọc Ánh was admitted on 05/03/2023 and confirmed a year later.
            let june = try await browser.post(
                "/chi-bo/cb-phai-luong/lap-bien-ban", [("date", "2023-06-20"), ("kind", "regular"), ("step", "date")])
            #expect(june.status == .ok)
            #expect(june.body.contains("Hoàng Thị Ngọc Ánh</strong> <span class=\"mark\">(dự bị"))
            let later = try await browser.post(
                "/chi-bo/cb-phai-luong/lap-bien-ban", [("date", "2024-06-20"), ("kind", "regular"), ("step", "date")])
            #expect(later.body.contains("Hoàng Thị Ngọc Ánh</strong></p>"))
        }
    }

    @Test(arguments: setups)
    func committeeAccountsMayNotFile(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("vanphong")
            #expect(!(try await browser.get("/chi-bo/cb-na-pan").body.contains("lap-bien-ban")))
            let page = try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("không ghi biên bản, văn bản hay sổ đảng viên"))
            let posted = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes())
            #expect(posted.status == .forbidden)
            #expect(posted.body.contains("không ghi biên bản, văn bản hay sổ đảng viên"))  // the role, not the token
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28") == nil)
            #expect(try await browser.post("/ban-ghi/np-2024-12/dinh-chinh", Self.minutes()).status == .forbidden)
            #expect(try await archive.lifecycle(of: "np-2024-12").version == 1)
        }
    }

    @Test(arguments: setups)
    func secretaryOfAnotherCellIsRefused(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("bithu.a")
            #expect(try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban").status == .forbidden)
            let posted = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes())
            #expect(posted.status == .forbidden)
            #expect(posted.body.contains("thuộc một chi bộ mà tài khoản"))  // the cell, not the token
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28") == nil)
            #expect(try await browser.get("/ban-ghi/np-2024-12/sua").status == .forbidden)
            #expect(try await browser.post("/ban-ghi/np-2024-12/bo", [("confirm", "1")]).status == .forbidden)
            #expect(try await meeting(archive, "np-2024-12") != nil)
        }
    }

    @Test(arguments: setups)
    func postWithoutTheTokenWritesNothing(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            let posted = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes(), csrf: false)
            #expect(posted.status == .forbidden)
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28") == nil)
            _ = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes())
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28")?.status == .draft)
            let approve = try await browser.post(
                "/ban-ghi/cb-na-pan-2024-12-28/thong-qua", [("confirm", "1")], csrf: false)
            #expect(approve.status == .forbidden)
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28")?.status == .draft)
        }
    }

    @Test(arguments: setups)
    func aBadFormIsShownAgainWithWhatWasTyped(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            var fields = Self.minutes(start: "giờ nào đó", place: "Nhà văn hóa <b>thôn</b> & sân")
            fields.removeAll { $0.0 == "att.np-13" }
            let page = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("phải là giờ, ví dụ 19:30"))
            #expect(page.body.contains("Chưa ghi Hoàng Văn Kiên có mặt hay vắng"))
            #expect(page.body.contains(#"value="giờ nào đó""#))
            #expect(page.body.contains("Nhà văn hóa &lt;b&gt;thôn&lt;/b&gt; &amp; sân"))
            #expect(page.body.contains("Đồng chí Vi Văn Dũng đề nghị rà soát hộ khó khăn."))
            #expect(page.body.contains(#"name="att.np-06" value="excused" checked"#))
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28") == nil)

            // A date typed by hand with a two-digit year: refused, and kept as typed.
            let shortYear = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes(date: "28/12/24"))
            #expect(shortYear.status == .unprocessableContent)
            #expect(shortYear.body.contains("ghi năm bằng hai chữ số"))
            #expect(shortYear.body.contains(#"type="text" value="28/12/24""#))

            // "Lấy danh sách ngày này": the rows of another day, nothing filed, nothing lost.
            var earlier = Self.minutes(date: "2023-09-15")
            earlier.removeAll { $0.0 == "step" }
            earlier.append(("step", "date"))
            let reloaded = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", earlier)
            #expect(reloaded.status == .ok)
            #expect(reloaded.body.contains("của chi bộ ngày 15/09/2023"))
            #expect(!reloaded.body.contains("Vi Văn Hùng"))  // joined the cell on 01/10/2023
            #expect(reloaded.body.contains("Đồng chí Vi Văn Dũng đề nghị rà soát hộ khó khăn."))
            #expect(!reloaded.body.contains("Chưa lưu"))
            #expect(try await meeting(archive, "cb-na-pan-2023-09-15") == nil)
        }
    }

    @Test(arguments: setups)
    func correctionNeedsAReasonAndDiscardNeedsConfirmation(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            _ = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes())
            _ = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/thong-qua", [("confirm", "1")])
            let form = try await browser.get("/ban-ghi/cb-na-pan-2024-12-28/dinh-chinh")
            #expect(form.status == .ok)
            #expect(form.body.contains(#"name="reason""#))
            var fields = Self.minutes(place: "Hội trường thôn")
            let refused = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/dinh-chinh", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Hãy ghi lý do đính chính"))
            #expect(refused.body.contains(#"value="Hội trường thôn""#))
            #expect(try await archive.lifecycle(of: "cb-na-pan-2024-12-28").version == 1)
            fields.append(("reason", "Ghi nhầm địa điểm"))
            let corrected = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/dinh-chinh", fields)
            #expect(corrected.status == .seeOther, "\(corrected.body)")
            let lifecycle = try await archive.lifecycle(of: "cb-na-pan-2024-12-28")
            #expect(lifecycle.version == 2)
            #expect(lifecycle.previous.first?.replacedBecause == "Ghi nhầm địa điểm")
            let correctedPage = try await browser.get("/ban-ghi/cb-na-pan-2024-12-28")
            #expect(correctedPage.body.contains("lý do: Ghi nhầm địa điểm"))
            #expect(correctedPage.body.contains("Hội trường thôn"))
            #expect(try await archive.auditLog(record: "cb-na-pan-2024-12-28").last?.actor == "thu.napan")

            // A correction that brings a warning (votes beyond the members present) is locked at
            // once, so it comes back with the warnings and a box to tick, having written nothing.
            var overcounted = Self.minutes(place: "Hội trường thôn")
            overcounted.removeAll { $0.0 == "vote_for.0" }
            overcounted += [("vote_for.0", "40"), ("reason", "Ghi lại số biểu quyết")]
            let warned = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/dinh-chinh", overcounted)
            #expect(warned.status == .conflict)
            #expect(warned.body.contains("Chưa ghi đính chính: bản sửa có cảnh báo"))
            #expect(warned.body.contains(#"name="confirm" value="1""#))
            #expect(warned.body.contains("40"))
            #expect(try await archive.lifecycle(of: "cb-na-pan-2024-12-28").version == 2)
            let confirmed = try await browser.post(
                "/ban-ghi/cb-na-pan-2024-12-28/dinh-chinh", overcounted + [("confirm", "1")])
            #expect(confirmed.status == .seeOther, "\(confirmed.body)")
            #expect(try await archive.lifecycle(of: "cb-na-pan-2024-12-28").version == 3)

            // Discarding a draft asks for confirmation; a locked record is never discarded.
            var extraordinary = Self.minutes(date: "2024-12-30")
            extraordinary[0] = ("kind", "extraordinary")
            let filed = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", extraordinary)
            #expect(filed.location == "/ban-ghi/cb-na-pan-2024-12-30?xong=luu", "\(filed.body)")
            let draftPage = try await browser.get("/ban-ghi/cb-na-pan-2024-12-30")
            #expect(draftPage.body.contains("Bỏ dự thảo"))
            let unconfirmed = try await browser.post("/ban-ghi/cb-na-pan-2024-12-30/bo", [])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(try await meeting(archive, "cb-na-pan-2024-12-30") != nil)
            let locked = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/bo", [("confirm", "1")])
            #expect(locked.status == .conflict)
            #expect(try await meeting(archive, "cb-na-pan-2024-12-28") != nil)
            let discarded = try await browser.post("/ban-ghi/cb-na-pan-2024-12-30/bo", [("confirm", "1")])
            #expect(discarded.status == .seeOther)
            #expect(try await meeting(archive, "cb-na-pan-2024-12-30") == nil)
            let log = try await archive.auditLog(record: "cb-na-pan-2024-12-30")
            #expect(log.last?.action == .discard && log.last?.actor == "thu.napan")
        }
    }
}
