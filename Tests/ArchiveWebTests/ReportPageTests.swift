import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The committee's report in the web app (`/bao-cao`): the office sees the figures, writes its
/// own parts, and prints; every refusal. Today is fixed at 31/12/2024; the sample's Khuổi Mạ
/// has no February 2024.
@Suite struct ReportPageTests {
    static let setups: [TestingSetup] = [.router, .live]

    @Test(arguments: setups)
    func theOfficeWritesItsPartsAndPrintsTheReport(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            let board = try await office.get("/bang-theo-doi")
            #expect(board.body.contains(#"href="/bao-cao?dang-bo=dbx-hop-thanh&amp;nam=2024&amp;ky=nam""#))
            let page = try await office.get("/bao-cao?dang-bo=dbx-hop-thanh&nam=2024&ky=nam")
            #expect(page.status == .ok)
            #expect(page.body.contains("Báo cáo kết quả sinh hoạt chi bộ năm 2024"))
            #expect(page.body.contains("3/3 chi bộ sinh hoạt đủ 11–12 kỳ thường kỳ, với 35 buổi sinh hoạt thường kỳ."))
            #expect(page.body.contains("Chi bộ có tháng không sinh hoạt thường kỳ: Chi bộ thôn Khuổi Mạ (tháng 2)."))
            #expect(page.body.contains("So sánh với năm 2023"))
            #expect(page.body.contains(#"value="Hợp Thành""#))

            let saved = try await office.post(
                "/bao-cao",
                [
                    ("dang-bo", "dbx-hop-thanh"), ("nam", "2024"), ("ky", "nam"), ("so", "25"),
                    ("dia-danh", "Hợp Thành"), ("ngay", "05/01/2025"),
                    ("uu-diem", "Các chi bộ duy trì nền nếp sinh hoạt.\r\nNội dung bám sát nhiệm vụ của thôn."),
                    ("han-che", "Một chi bộ <còn> thiếu biên bản tháng 2."), ("phuong-huong", "Sinh hoạt đủ 12 kỳ."),
                    ("nguoi-ky", "deputy-secretary"), ("ho-ten", "Hoàng\u{A0}Văn Thụ"),
                    ("noi-nhan", "Ban Tổ chức Tỉnh ủy (để báo cáo)\r\n\r\nLưu VPĐU"),
                ])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/bao-cao?dang-bo=dbx-hop-thanh&nam=2024&ky=nam&xong=luu")
            let after = try await office.get(try #require(saved.location))
            #expect(after.body.contains("Đã lưu phần văn phòng viết"))
            #expect(after.body.contains("tài khoản vanphong"))
            #expect(after.body.contains("Một chi bộ &lt;còn&gt; thiếu biên bản tháng 2."))

            let print = try await office.get("/bao-cao/in?dang-bo=dbx-hop-thanh&nam=2024&ky=nam")
            #expect(print.status == .ok)
            for line in [
                "ĐẢNG BỘ HUYỆN CAO LỘC", "ĐẢNG ỦY XÃ HỢP THÀNH", "25-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                "Hợp Thành, ngày 05 tháng 01 năm 2025", "<h1>BÁO CÁO</h1>", "Kết quả sinh hoạt chi bộ năm 2024",
                "<p>Nội dung bám sát nhiệm vụ của thôn.</p>", "KT. BÍ THƯ", "PHÓ BÍ THƯ", "Hoàng Văn Thụ",
                "- Lưu VPĐU.</div>", "PHỤ LỤC",
                "(Kèm theo Báo cáo số 25-BC/ĐU ngày 05/01/2025 của Đảng ủy xã Hợp Thành)",
            ] {
                #expect(print.body.contains(line), "\(line)")
            }
            #expect(!print.body.contains("[missing-regular-month]") && !print.body.contains("cb-khuoi-ma"))

            // A quarter keeps its own text: the year's is not shown there.
            let quarter = try await office.get("/bao-cao?dang-bo=dbx-hop-thanh&nam=2024&ky=quy-1")
            #expect(quarter.status == .ok && quarter.body.contains("quý I năm 2024"))
            #expect(!quarter.body.contains("Hoàng Văn Thụ"))
            #expect(quarter.body.contains("So sánh với quý I năm 2023"))
        }
        let entries = try await archive.auditLog(record: "dbx-hop-thanh/2024")
        #expect(entries.map(\.action) == [.writeReport] && entries.first?.actor == "vanphong")
    }

    @Test(arguments: setups)
    func aRefusedSaveKeepsWhatWasTypedAndWritesNothing(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            try await office.get("/bao-cao")
            for (field, value, sentence) in [
                ("so", "25a", "Số báo cáo «25a» không dùng được"),
                ("ngay", "31/02/2025", "ngày 31/02/2025 không có thật: tháng 2 năm 2025 chỉ có 28 ngày"),
                ("dia-danh", "  ", "Chưa ghi “Địa danh”"),
                ("uu-diem", String(repeating: "x", count: ReportText.maximumSectionLength + 1), "dài quá 20.000 ký tự"),
            ] {
                var fields = [
                    ("dang-bo", "dbx-hop-thanh"), ("nam", "2024"), ("ky", "nam"), ("so", "7"),
                    ("dia-danh", "Hợp Thành"),
                    ("han-che", "Điều đã gõ còn nguyên"),
                ]
                fields.removeAll { $0.0 == field }
                fields.append((field, value))
                let refused = try await office.post("/bao-cao", fields)
                #expect(refused.status == .unprocessableContent, "\(field)")
                #expect(refused.body.contains("Chưa lưu:") && refused.body.contains(sentence), "\(field)")
                #expect(refused.body.contains("Điều đã gõ còn nguyên"), "\(field)")
            }
        }
        #expect(try await archive.auditLog(record: "dbx-hop-thanh/2024").isEmpty)
        let report = try await archive.committeeReport(
            of: SummaryPeriod(year: 2024), organizationID: "dbx-hop-thanh", today: LocalDate("2024-12-31")!)
        #expect(report.saved == nil && report.text == ReportText.defaults(for: report.organization))
    }

    @Test(arguments: setups)
    func everyoneElseIsRefused(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let secretary = Browser(client)
            try await secretary.login("thu.napan")
            #expect(try await secretary.get("/bao-cao").status == .forbidden)
            #expect(try await secretary.get("/bao-cao/in?dang-bo=dbx-hop-thanh").status == .forbidden)
            let posted = try await secretary.post(
                "/bao-cao", [("dang-bo", "dbx-hop-thanh"), ("nam", "2024"), ("dia-danh", "X")])
            #expect(posted.status == .forbidden)

            let office = Browser(client)
            try await office.login("vanphong")
            #expect(try await office.get("/bao-cao?dang-bo=dbx-test").status == .forbidden)
            #expect(try await office.get("/bao-cao?dang-bo=hu-cao-loc").status == .forbidden)
            let other = try await office.post(
                "/bao-cao", [("dang-bo", "dbx-test"), ("nam", "2024"), ("ky", "nam"), ("dia-danh", "X")])
            #expect(other.status == .forbidden)
            let withoutToken = try await office.post(
                "/bao-cao", [("dang-bo", "dbx-hop-thanh"), ("nam", "2024"), ("ky", "nam"), ("dia-danh", "X")],
                csrf: false)
            #expect(withoutToken.status == .forbidden)
            #expect(try await office.get("/bao-cao?nam=abc").status == .badRequest)
            #expect(try await office.get("/bao-cao?nam=2024&ky=quy-9").status == .badRequest)
            #expect(try await office.get("/bao-cao?nam=2025&ky=thang-1").status == .badRequest)

            let visitor = Browser(client)
            #expect(try await visitor.get("/bao-cao").status == .seeOther)
        }
        #expect(try await archive.auditLog(record: "dbx-test/2024").isEmpty)
        #expect(try await archive.auditLog(record: "dbx-hop-thanh/2024").isEmpty)
    }
}
