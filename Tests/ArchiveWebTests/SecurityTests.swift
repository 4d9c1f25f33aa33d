import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every refusal of the web app, through the router and live on loopback.
@Suite struct SecurityTests {
    static let setups: [TestingSetup] = [.router, .live]

    @Test(arguments: setups)
    func loginFormCarriesTokenCookieAndHeaders(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            let page = try await browser.get("/dang-nhap")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"name="username""#))
            #expect(page.body.contains(#"name="password""#))
            #expect(page.body.contains(#"name="csrf_token""#))
            #expect(page.body.contains("Đăng nhập"))
            let cookie = try #require(page.setCookie)
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(csp.contains("default-src 'none'"))
            #expect(!csp.contains("script-src"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
        }
    }

    @Test func sessionCookieIsSecureOverHTTPS() async throws {
        try await WebSupport.application().test(.router) { client in
            let page = try await Browser(client).get(
                "/dang-nhap", headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(page.setCookie?.contains("Secure") == true)
        }
    }

    @Test(arguments: setups)
    func everyPageWithoutLoginGoesToTheLoginForm(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            for path in [
                "/", "/chi-bo/cb-na-pan", "/ban-ghi/np-2023-08", "/ban-ghi/np-2023-08/in", "/tim-kiem?q=dang",
                "/tai-khoan", "/khong-co-trang-nay",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location == "/dang-nhap", "\(path)")
            }
        }
    }

    @Test(arguments: setups)
    func loginGivesANewSessionAndLogoutEndsIt(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.get("/dang-nhap")
            let anonymous = browser.cookie
            let login = try await browser.post(
                "/dang-nhap", [("username", "thu.napan"), ("password", WebSupport.password)])
            #expect(login.status == .seeOther)
            #expect(login.location == "/")
            #expect(browser.cookie != nil && browser.cookie != anonymous)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Chi bộ thôn Nà Pàn"))
            #expect(home.headers[.cacheControl] == "no-store")
            // The old anonymous session is worth nothing now.
            let stale = try await client.executeRequest(
                uri: "/", method: .get, headers: [.cookie: anonymous!], body: nil)
            #expect(stale.status == .seeOther)
            let logout = try await browser.post("/dang-xuat", [])
            #expect(logout.status == .seeOther)
            #expect(logout.location == "/dang-nhap")
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test(arguments: setups)
    func aWrongPasswordSaysSoInVietnamese(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            let page = try await browser.login("thu.napan", password: "sai-mat-khau")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
            #expect(page.body.contains(#"value="thu.napan""#))
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test(arguments: setups)
    func fiveFailuresLockTheNameWithA429Page(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            for attempt in 1...4 {
                #expect(try await browser.login("vanphong", password: "sai-\(attempt)").status == .unauthorized)
            }
            let fifth = try await browser.login("vanphong", password: "sai-5")
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.contains("Tạm khóa đăng nhập"))
            #expect(fifth.headers[.retryAfter] == "900")
            // Even the right password is refused while the lock holds, and nothing is logged in.
            let right = try await browser.login("vanphong")
            #expect(right.status == .tooManyRequests)
            #expect(right.body.contains("đợi khoảng 15 phút"))
            #expect(try await browser.get("/").status == .seeOther)
            // Another name is not locked.
            #expect(try await browser.login("quantri").status == .seeOther)
        }
    }

    @Test(arguments: setups)
    func aPostWithoutAValidTokenIsRefusedAndChangesNothing(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            // Login without a token: refused, and no one is logged in.
            try await browser.get("/dang-nhap")
            let noToken = try await browser.post(
                "/dang-nhap", [("username", "thu.napan"), ("password", WebSupport.password)], csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.contains("không có gì bị thay đổi"))
            // It is a stale page, not a permission: the heading says so.
            #expect(noToken.body.contains("Trang đã cũ nên chưa lưu gì"))
            #expect(!noToken.body.contains("không được xem trang này"))
            #expect(try await browser.get("/").status == .seeOther)
            // Logged in, a logout with a wrong token or none leaves the session as it was.
            #expect(try await browser.login("thu.napan").status == .seeOther)
            try await browser.get("/")
            let wrong = try await browser.post("/dang-xuat", [("csrf_token", "gia-mao")], csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await browser.post("/dang-xuat", [], csrf: false).status == .forbidden)
            #expect(try await browser.get("/").status == .ok)
            // A token from another session is no better.
            let other = Browser(client)
            try await other.login("quantri")
            try await other.get("/")
            let borrowed = try await browser.post("/dang-xuat", [("csrf_token", other.csrfToken!)], csrf: false)
            #expect(borrowed.status == .forbidden)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test(arguments: setups)
    func aSecretarySeesOnlyItsOwnCell(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            let home = try await browser.get("/")
            #expect(home.body.contains("Chi bộ thôn Nà Pàn"))
            #expect(!home.body.contains("Phai Luông"))
            #expect(try await browser.get("/chi-bo/cb-na-pan").status == .ok)
            for path in [
                "/chi-bo/cb-phai-luong", "/ban-ghi/pl-2023-01", "/ban-ghi/pl-2023-01/in",
                "/tim-kiem?q=dang&chi-bo=cb-phai-luong",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .forbidden, "\(path)")
                #expect(page.body.contains("không được xem"), "\(path)")
                #expect(!page.body.contains("Phai Luông"), "\(path)")
            }
        }
    }

    @Test(arguments: setups)
    func aCommitteeSeesTheCellsUnderItsOrganizationOnly(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let committee = Browser(client)
            try await committee.login("vanphong")
            let home = try await committee.get("/")
            for name in ["Nà Pàn", "Phai Luông", "Khuổi Mạ"] { #expect(home.body.contains(name)) }
            #expect(try await committee.get("/chi-bo/cb-phai-luong").status == .ok)
            #expect(try await committee.get("/chi-bo/cb-a").status == .forbidden)
            // Through a sub-committee: hu-cao-loc holds dbx-hop-thanh.
            let upper = Browser(client)
            try await upper.login("vanphong.mat")
            #expect(try await upper.get("/chi-bo/cb-khuoi-ma").status == .ok)
            #expect(try await upper.get("/chi-bo/cb-a").status == .forbidden)
            // The admin sees every cell.
            let admin = Browser(client)
            try await admin.login("quantri")
            #expect(try await admin.get("/chi-bo/cb-a").status == .ok)
        }
    }

    @Test(arguments: setups)
    func theAccountListIsForAdminsOnly(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let secretary = Browser(client)
            try await secretary.login("thu.napan")
            let refused = try await secretary.get("/tai-khoan")
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("chỉ dành cho quản trị viên"))
            let committee = Browser(client)
            try await committee.login("vanphong")
            #expect(try await committee.get("/tai-khoan").status == .forbidden)
            let admin = Browser(client)
            try await admin.login("quantri")
            let list = try await admin.get("/tai-khoan")
            #expect(list.status == .ok)
            #expect(list.body.contains("thu.napan"))
            #expect(!list.body.contains("$2"))
        }
    }

    @Test(arguments: setups)
    func confidentialDocumentsOnlyForConfidentialAccounts(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let plain = Browser(client)
            try await plain.login("thu.napan")
            for path in ["/ban-ghi/np-nq-2024-12", "/ban-ghi/np-nq-2024-12/in"] {
                let page = try await plain.get(path)
                #expect(page.status == .forbidden, "\(path)")
                #expect(page.body.contains("văn bản mật"))
                #expect(!page.body.contains("tháng 12 năm 2024"))
            }
            let cell = try await plain.get("/chi-bo/cb-na-pan?nam=2024")
            #expect(!cell.body.contains("24-NQ/CB"))
            let search = try await plain.get("/tim-kiem?q=" + Browser.encode("nhiệm vụ tháng 12 năm 2024"))
            #expect(!search.body.contains("np-nq-2024-12"))
            // One search counts both: 16 the account may read, the one Mật resolution hidden.
            #expect(search.body.contains("Có 1 văn bản mật khớp với từ tìm"))
            #expect(search.body.contains("Tìm thấy 16 kết quả"))

            let cleared = Browser(client)
            try await cleared.login("bithu.mat")
            let page = try await cleared.get("/ban-ghi/np-nq-2024-12")
            #expect(page.status == .ok)
            #expect(page.body.contains("Mật"))
            #expect(try await cleared.get("/ban-ghi/np-nq-2024-12/in").status == .ok)
            #expect(try await cleared.get("/chi-bo/cb-na-pan?nam=2024").body.contains("24-NQ/CB"))
            let found = try await cleared.get("/tim-kiem?q=" + Browser.encode("nhiệm vụ tháng 12 năm 2024"))
            #expect(found.body.contains("/ban-ghi/np-nq-2024-12"))
            #expect(!found.body.contains("văn bản mật khớp với từ tìm"))
        }
    }

    @Test(arguments: setups)
    func errorPagesAreVietnameseAndPlain(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("quantri")
            for path in ["/khong-co-trang-nay", "/ban-ghi/khong-co", "/chi-bo/khong-co", "/ban-ghi/cb-na-pan"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.body.contains("Về trang đầu"), "\(path)")
                #expect(page.headers[.contentSecurityPolicy] != nil)
                #expect(!page.body.contains("Error"), "\(path)")
            }
            let badYear = try await browser.get("/chi-bo/cb-na-pan?nam=abc")
            #expect(badYear.status == .badRequest)
            #expect(badYear.body.contains("Năm không hợp lệ"))
        }
    }

    @Test func aDisabledAccountIsLoggedOutAtOnce() async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(.router) { client in
            let browser = Browser(client)
            try await browser.login("bithu.a")
            #expect(try await browser.get("/").status == .ok)
            _ = try await archive.disableAccount(name: "bithu.a", context: AuditContext(actor: "quantri"))
            #expect(try await browser.get("/").status == .seeOther)
            #expect(try await browser.login("bithu.a").status == .unauthorized)
        }
    }
}
