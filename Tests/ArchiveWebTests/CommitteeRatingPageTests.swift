import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The committee rates approved minutes on their page, beside the cell's own rating, which
/// it never changes; secretaries, other committees and forged requests are refused.
@Suite struct CommitteeRatingPageTests {
    static let setups: [TestingSetup] = [.router, .live]

    /// 84 points (Khá) in the standard rubric's order.
    static let points: [(String, String)] = [
        ("diem-time", "5"), ("diem-attendance", "4"), ("diem-preparation", "9"), ("diem-conduct", "27"),
        ("diem-steering", "9"), ("diem-principles", "5"), ("diem-results", "20"), ("diem-closing", "5"),
        ("nhan-xet", "Cần chuẩn bị kỹ hơn"),
    ]

    func meeting(_ archive: Archive, _ id: String) async throws -> Meeting? {
        guard case .meeting(let meeting, _) = try await archive.record(id: id) else { return nil }
        return meeting
    }

    @Test(arguments: setups)
    func theCommitteeRatesApprovedMinutesAndTheCellsRatingStays(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try #require(try await meeting(archive, "np-2024-11"))
        try await WebSupport.application(archive: archive).test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            let page = try await office.get("/ban-ghi/np-2024-11")
            #expect(page.body.contains("Đảng ủy xếp loại kỳ sinh hoạt"))
            #expect(page.body.contains(#"name="diem-results""#) && page.body.contains("(tối đa 30 điểm)"))
            #expect(page.body.contains("Chi bộ tự đánh giá"))
            let rated = try await office.post("/ban-ghi/np-2024-11/xep-loai", Self.points)
            #expect(rated.status == .seeOther)
            let after = try await office.get("/ban-ghi/np-2024-11?xong=xep-loai")
            #expect(after.body.contains("Đã ghi xếp loại của đảng ủy: Khá (84 điểm)."))
            // A mistake keeps what was typed and writes nothing more.
            var wrong = Self.points
            wrong[6] = ("diem-results", "31")
            let refused = try await office.post("/ban-ghi/np-2024-11/xep-loai", wrong)
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.body.contains("Tiêu chí “Kết quả thực hiện nghị quyết kỳ trước” chỉ được từ 0 đến 30 điểm")
                    && refused.body.contains(#"value="31""#))
            var blank = Self.points
            blank[0] = ("diem-time", "năm")
            let unreadable = try await office.post("/ban-ghi/np-2024-11/xep-loai", blank)
            #expect(unreadable.body.contains("hãy cho điểm bằng số ở các tiêu chí Thời gian sinh hoạt"))
        }
        let after = try #require(try await meeting(archive, "np-2024-11"))
        #expect(after.rating == before.rating)
        #expect(after.committeeRating == Rating(level: .fair, score: 84, note: "Cần chuẩn bị kỹ hơn"))
        #expect(try await archive.auditLog(record: "np-2024-11").last?.actor == "vanphong")
    }

    @Test(arguments: setups)
    func secretariesOtherCommitteesDraftsAndForgedRequestsAreRefused(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try await archive.auditLog(record: nil).count
        try await WebSupport.application(archive: archive).test(setup) { client in
            let secretary = Browser(client)
            try await secretary.login("thu.napan")
            #expect(!(try await secretary.get("/ban-ghi/np-2024-11").body.contains("Đảng ủy xếp loại kỳ sinh hoạt")))
            #expect(try await secretary.post("/ban-ghi/np-2024-11/xep-loai", Self.points).status == .forbidden)
            let office = Browser(client)
            try await office.login("vanphong")
            // Another committee's cell.
            #expect(try await office.post("/ban-ghi/a-2023-01/xep-loai", Self.points).status == .forbidden)
            // Without the CSRF token.
            _ = try await office.get("/ban-ghi/np-2024-11")
            #expect(
                try await office.post("/ban-ghi/np-2024-11/xep-loai", Self.points, csrf: false).status == .forbidden)
        }
        #expect(try await archive.auditLog(record: nil).count == before)
    }
}

/// What is drawn from a confidential document into another page is shown only to accounts
/// allowed to read it (issue 15, item 8).
@Suite struct ConfidentialTextPagesTests {
    @Test(arguments: [TestingSetup.router, .live])
    func theMinutesPrintWithholdsTheTasksOfAConfidentialResolution(_ setup: TestingSetup) async throws {
        let secret = "Hoàn thiện hồ sơ đề nghị kết nạp quần chúng"
        try await WebSupport.application().test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            let withheld = try await office.get("/ban-ghi/pl-2023-02/in")
            #expect(withheld.status == .ok && !withheld.body.contains(secret))
            #expect(withheld.body.contains("nhiệm vụ của văn bản mật, không in ở đây"))
            let admin = Browser(client)
            try await admin.login("quantri")
            #expect(try await admin.get("/ban-ghi/pl-2023-02/in").body.contains(secret))
        }
    }
}

/// The audit log on screen: a record's for whoever reads it, the archive's for administrators.
@Suite struct AuditLogPagesTests {
    @Test(arguments: [TestingSetup.router, .live])
    func aRecordsLogShowsWhoDidWhatInLocalTime(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            _ = try await office.get("/ban-ghi/np-2024-11")
            _ = try await office.post("/ban-ghi/np-2024-11/xep-loai", CommitteeRatingPageTests.points)
            let record = try await office.get("/ban-ghi/np-2024-11")
            #expect(record.body.contains(#"href="/ban-ghi/np-2024-11/nhat-ky""#))
            let log = try await office.get("/ban-ghi/np-2024-11/nhat-ky")
            #expect(log.status == .ok && log.body.contains("Nhật ký: "))
            #expect(log.body.contains("<td>vanphong</td>") && log.body.contains("<td>kiểm thử</td>"))
            // Local time as Vietnamese readers write it: "14:05 ngày 02/12/2026".
            #expect(log.body.range(of: #"<td>\d\d:\d\d ngày \d\d/\d\d/\d{4}</td>"#, options: .regularExpression) != nil)
            #expect(try await office.get("/ban-ghi/a-2023-01/nhat-ky").status == .forbidden)
            #expect(try await office.get("/nhat-ky").status == .forbidden)
            let admin = Browser(client)
            try await admin.login("quantri")
            let whole = try await admin.get("/nhat-ky")
            #expect(whole.status == .ok && whole.body.contains("Nhật ký của sổ"))
            #expect(whole.body.contains(#"href="/ban-ghi/np-2024-11""#))
        }
    }
}
