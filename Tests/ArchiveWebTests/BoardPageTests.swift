import ArchiveCore
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The commune office's board (`GET /bang-theo-doi`): who may open it, and what it shows.
/// Today is fixed at 31/12/2024 in these tests; the sample's Khuổi Mạ has no February 2024.
@Suite struct BoardPageTests {
    static let setups: [TestingSetup] = [.router, .live]

    @Test(arguments: setups)
    func theCommitteeSeesItsCellsLateFirstWithLinksToTheMinutes(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("vanphong")
            let home = try await browser.get("/")
            #expect(home.body.contains(#"<a href="/bang-theo-doi">Bảng theo dõi</a>"#))
            let page = try await browser.get("/bang-theo-doi")
            #expect(page.status == .ok)
            #expect(page.body.contains("Bảng theo dõi sinh hoạt chi bộ năm 2024"))
            #expect(page.body.contains("Đảng bộ xã Hợp Thành"))
            #expect(page.body.contains("3 chi bộ · 1 chi bộ còn tháng chưa có biên bản được thông qua"))
            // Late first: Khuổi Mạ's row comes before the others.
            let khuoiMa = try #require(page.body.range(of: "Chi bộ thôn Khuổi Mạ"))
            let naPan = try #require(page.body.range(of: "Chi bộ thôn Nà Pàn"))
            #expect(khuoiMa.lowerBound < naPan.lowerBound)
            #expect(page.body.contains(#"title="Tháng 2/2024, thường kỳ: không có biên bản""#))
            #expect(page.body.contains(#"href="/ban-ghi/km-2024-01""#))
            #expect(page.body.contains(#"href="/chi-bo/cb-khuoi-ma?nam=2024""#))
            #expect(!page.body.contains("<script"))
            // Another year, through the buttons' links.
            let earlier = try await browser.get("/bang-theo-doi?nam=2023")
            #expect(earlier.status == .ok && earlier.body.contains("năm 2023"))
        }
    }

    @Test(arguments: setups)
    func aSecretaryAndAnotherCommitteeAreRefused(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let secretary = Browser(client)
            try await secretary.login("thu.napan")
            #expect(!(try await secretary.get("/").body.contains("/bang-theo-doi")))
            let refused = try await secretary.get("/bang-theo-doi")
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("không được xem trang này") && !refused.body.contains("Khuổi Mạ"))

            let office = Browser(client)
            try await office.login("vanphong")
            let otherCommittee = try await office.get("/bang-theo-doi?dang-bo=dbx-test")
            #expect(otherCommittee.status == .forbidden && !otherCommittee.body.contains("cb-a"))
            let above = try await office.get("/bang-theo-doi?dang-bo=hu-cao-loc")
            #expect(above.status == .forbidden)
            #expect(try await office.get("/bang-theo-doi?nam=abc").status == .badRequest)
            #expect(try await office.get("/bang-theo-doi?nam=2031").status == .badRequest)

            let visitor = Browser(client)
            let anonymous = try await visitor.get("/bang-theo-doi")
            #expect(anonymous.status == .seeOther)
        }
    }

    @Test(arguments: setups)
    func aDistrictCommitteeAndAnAdministratorMaySwitchCommittees(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let district = Browser(client)
            try await district.login("vanphong.mat")
            let own = try await district.get("/bang-theo-doi")
            #expect(own.status == .ok && own.body.contains("Đảng bộ huyện Cao Lộc"))
            #expect(own.body.contains("Chi bộ thôn Nà Pàn"))
            #expect(own.body.contains(#"href="/bang-theo-doi?nam=2024&amp;dang-bo=dbx-hop-thanh""#))
            let below = try await district.get("/bang-theo-doi?dang-bo=dbx-hop-thanh")
            #expect(below.status == .ok && below.body.contains("Đảng bộ xã Hợp Thành"))
            #expect(try await district.get("/bang-theo-doi?dang-bo=dbx-test").status == .forbidden)

            let admin = Browser(client)
            try await admin.login("quantri")
            let test = try await admin.get("/bang-theo-doi?dang-bo=dbx-test&nam=2023")
            #expect(test.status == .ok && test.body.contains(#"href="/chi-bo/cb-a?nam=2023""#))
            #expect(!test.body.contains("Chi bộ thôn Nà Pàn"))
        }
    }
}

/// The search page says which typed word it read as what, and offers a word when nothing is
/// found (issue 14).
@Suite struct ForgivingSearchPageTests {
    @Test(arguments: [TestingSetup.router, .live])
    func aTypoIsReadAsTheIndexedWordAndSaidSo(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            let corrected = try await office.get("/tim-kiem?q=camra")
            #expect(corrected.status == .ok)
            #expect(corrected.body.contains("Hiển thị kết quả cho: camera (đã gõ: camra)"), "\(corrected.body)")
            #expect(corrected.body.contains("<mark>"))
            let typing = try await office.get("/tim-kiem?q=camera%20an%20nin")
            #expect(typing.body.contains("<mark>") && !typing.body.contains("Không tìm thấy"))
        }
    }
}
