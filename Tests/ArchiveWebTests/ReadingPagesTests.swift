import ArchiveCore
import ArchivePages
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The pages a logged-in person reads, through the router and live on loopback.
@Suite struct ReadingPagesTests {
    static let setups: [TestingSetup] = [.router, .live]

    @Test(arguments: setups)
    func theHomePageListsTheAccountsCells(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("vanphong")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.body.contains("Các chi bộ đồng chí được xem (3)"))
            #expect(home.body.contains(#"href="/chi-bo/cb-na-pan""#))
            #expect(home.body.contains("Đảng bộ xã Hợp Thành"))
            #expect(home.body.contains("vanphong · văn phòng đảng ủy"))
            #expect(!home.body.contains("<script"))
        }
    }

    @Test(arguments: setups)
    func aCellsYearShowsMonthsQuartersAndDocuments(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            let page = try await browser.get("/chi-bo/cb-na-pan?nam=2024")
            #expect(page.status == .ok)
            #expect(page.body.contains("Chi bộ thôn Nà Pàn · năm 2024"))
            for month in 1...12 { #expect(page.body.contains("<span class=\"name\">Tháng \(month)</span>")) }
            for quarter in ["I", "II", "III", "IV"] { #expect(page.body.contains("Quý \(quarter)")) }
            #expect(page.body.contains("Đã xếp loại: Tốt"))
            #expect(page.body.contains(#"href="/ban-ghi/np-2024-12""#))
            #expect(page.body.contains("Văn bản gần đây"))
            #expect(page.body.contains("Sinh hoạt thường kỳ"))
            // Without a year: the current one (fixed at 2024 in the tests).
            #expect(try await browser.get("/chi-bo/cb-na-pan").body.contains("năm 2024"))
            // The months before the cell existed owe nothing; on 31 December the year is over.
            let admin = Browser(client)
            try await admin.login("quantri")
            let lastDay = try await admin.get("/chi-bo/cb-a?nam=2024")
            #expect(lastDay.body.contains(#"Tháng 12</span><span class="state">Chưa có kỳ sinh hoạt thường kỳ"#))
            let founding = try await admin.get("/chi-bo/cb-a?nam=2022")
            #expect(founding.body.contains("Chi bộ chưa thành lập"))
        }
    }

    /// Mid-December: the month under way is not yet owed, and the page says what needs doing.
    @Test(arguments: setups)
    func aCellsHomeSaysWhatNeedsDoing(_ setup: TestingSetup) async throws {
        try await WebSupport.application(today: LocalDate(year: 2024, month: 12, day: 10)!).test(setup) { client in
            let admin = Browser(client)
            try await admin.login("quantri")
            let page = try await admin.get("/chi-bo/cb-a?nam=2024")
            #expect(page.body.contains(#"Tháng 12</span><span class="state">Tháng này chưa có kỳ sinh hoạt"#))
            #expect(page.body.contains("Việc cần làm"))
            #expect(
                page.body.contains(
                    "Tháng 12 chưa có kỳ sinh hoạt thường kỳ: cần họp và lập biên bản trước ngày 31/12/2024."))
            #expect(page.body.contains("Các tháng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 đã qua mà không có biên bản"))
            #expect(page.body.contains("Quý IV chưa sinh hoạt chuyên đề"))
            // A past year asks for nothing.
            let past = try await admin.get("/chi-bo/cb-a?nam=2023")
            #expect(past.status == .ok && !past.body.contains("Việc cần làm"))
        }
    }

    @Test(arguments: setups)
    func minutesAndDocumentsReadOnScreenAndPrint(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            let minutes = try await browser.get("/ban-ghi/np-2023-08")
            #expect(minutes.status == .ok)
            #expect(minutes.body.contains("Biên bản sinh hoạt"))
            #expect(minutes.body.contains("Chủ trì"))
            #expect(minutes.body.contains(#"href="/ban-ghi/np-2023-08/in""#))
            let resolution = try await browser.get("/ban-ghi/np-nq-2023-08")
            #expect(resolution.status == .ok)
            #expect(resolution.body.contains("Nghị quyết số"))
            let print = try await browser.get("/ban-ghi/np-nq-2023-08/in")
            #expect(print.status == .ok)
            #expect(print.body.contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
            #expect(print.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
        }
    }

    @Test(arguments: setups)
    func searchCountsPagesAndMarksMatches(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("quantri")
            let empty = try await browser.get("/tim-kiem")
            #expect(empty.status == .ok)
            #expect(empty.body.contains(#"name="q""#))
            let page = try await browser.get("/tim-kiem?q=dang+phi")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"value="dang phi""#))
            #expect(page.body.contains("Tìm thấy"))
            #expect(page.body.contains("<mark>"))
            #expect(page.body.contains(#"class="pages""#))
            let second = try await browser.get("/tim-kiem?q=dang+phi&trang=2")
            #expect(second.body.contains(#"<span class="current">2</span>"#))
            // Each page shows its own hits, with their snippets; the total is the same on both.
            func links(_ body: String) -> [String] {
                body.components(separatedBy: #"<li><a href=""#).dropFirst().map {
                    String($0.prefix { $0 != Character("\u{22}") })
                }
            }
            let (first, next) = (links(page.body), links(second.body))
            #expect(first.count == SearchPage.pageSize && !next.isEmpty && Set(first).isDisjoint(with: next))
            #expect(second.body.contains("<mark>"))
            let count = { (body: String) in body.components(separatedBy: "Tìm thấy ").dropFirst().first?.prefix(8) }
            #expect(count(page.body) == count(second.body))
            let filtered = try await browser.get("/tim-kiem?q=dang+phi&chi-bo=cb-na-pan&loai=NQ&nam=2024")
            #expect(filtered.status == .ok)
            #expect(filtered.body.contains(#"<option value="cb-na-pan" selected>"#))
            #expect(!filtered.body.contains("/ban-ghi/pl-"))
            let none = try await browser.get("/tim-kiem?q=khongcotunay")
            #expect(none.body.contains("Không tìm thấy kết quả nào"))
        }
    }

    @Test func snippetsAreEscapedBeforeTheirMarksBecomeMarkup() throws {
        let pages = try Pages()
        let account = Account(name: "quantri", role: .admin)
        let hit = SearchHit(
            id: "x-1", kind: .document, type: "NQ", symbol: "01-NQ/CB", date: LocalDate(year: 2024, month: 1, day: 2)!,
            cell: "cb-a", title: "Nghị quyết <b>đậm</b>", snippet: "<script>alert(1)</script> ⟦đảng⟧ & \"phí\" ⟦<i>⟧",
            score: 1)
        let html = pages.render(
            SearchPage(
                bar: WebAccountBar(account: account, csrfToken: "t"), request: .init(text: "đảng"),
                cells: [(id: "cb-a", name: "Chi bộ A")], years: [2024], hits: [hit], total: 1, cappedAt: 500,
                hiddenConfidential: 0))
        #expect(!html.contains("<script>"))
        #expect(
            html.contains(
                "&lt;script&gt;alert(1)&lt;/script&gt; <mark>đảng</mark> &amp; &quot;phí&quot; <mark>&lt;i&gt;</mark>"))
        #expect(html.contains("Nghị quyết &lt;b&gt;đậm&lt;/b&gt;"))
        #expect(
            SearchPage.segments(of: "a ⟦b⟧ c ⟦d") == [
                .init(text: "a ", marked: false), .init(text: "b", marked: true), .init(text: " c ", marked: false),
                .init(text: "d", marked: true),
            ])
        #expect(SearchPage.segments(of: "⟧x⟦⟦y⟧") == [.init(text: "x", marked: false), .init(text: "y", marked: true)])
    }

    @Test func everyWebTemplateRendersWithoutScript() throws {
        let pages = try Pages()
        let bar = WebAccountBar(account: Account(name: "a", role: .admin), csrfToken: "token")
        for status in [400, 403, 404, 429, 500] {
            let html = pages.render(ErrorPage(status: status, bar: bar))
            #expect(html.contains("Mã lỗi \(status)"))
            #expect(!html.contains("<script"))
        }
        #expect(pages.render(LoginPage(csrfToken: "abc")).contains(#"name="csrf_token" value="abc""#))
        #expect(pages.webStylesheet.contains("font-size: 20px"))
    }
}
