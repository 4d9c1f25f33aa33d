import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A form sent after its session ended (the server restarted while a secretary typed): nothing
/// is written, but nothing typed is lost either — the login form carries it, and after logging
/// in the person presses "Gửi lại". A form from another site is never offered again.
@Suite struct SessionLostTests {
    static let setups: [TestingSetup] = [.router, .live]

    /// Posts `fields` with `browser`'s cookie and the given `Origin`.
    static func post(
        _ browser: Browser, _ path: String, _ fields: [(String, String)], origin: String
    ) async throws -> Browser.Page {
        let body = fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: origin]
        if let cookie = browser.cookie { headers[.cookie] = cookie }
        let response = try await browser.client.executeRequest(
            uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        let page = Browser.Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        if let setCookie = page.setCookie, let pair = setCookie.split(separator: ";").first {
            browser.cookie = String(pair)
        }
        if let token = Browser.token(in: page.body) { browser.csrfToken = token }
        return page
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: setups)
    func whatWasTypedIsSentAgainAfterLoggingIn(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            try await office.get("/bao-cao")
            let oldToken = try #require(office.csrfToken)
            office.cookie = "sochibo_phien=phien-da-het"  // the server restarted meanwhile
            let typed = "Chi bộ nào cũng sinh hoạt đều & đúng giờ <như quy định>"
            let fields = [
                ("csrf_token", oldToken), ("dang-bo", "dbx-hop-thanh"), ("nam", "2024"), ("ky", "nam"),
                ("dia-danh", "Hợp Thành"), ("uu-diem", typed),
            ]
            let lost = try await Self.post(office, "/bao-cao", fields, origin: "http://localhost")
            #expect(lost.status == .forbidden)
            #expect(lost.body.contains("Phiên làm việc đã hết nên chưa lưu được"))
            #expect(Self.hidden("tiep", in: lost.body) == "/bao-cao")
            #expect(lost.body.contains(#"name="gui-lai""#) && !lost.body.contains("<như"))
            let carried = try #require(Self.hidden("gui-lai", in: lost.body))

            let again = try await office.post(
                "/dang-nhap",
                [
                    ("username", "vanphong"), ("password", WebSupport.password), ("tiep", "/bao-cao"),
                    ("gui-lai", Self.unescape(carried)),
                ])
            #expect(again.status == .ok && again.body.contains("Đã đăng nhập lại"))
            #expect(again.body.contains(#"<form class="card" method="post" action="/bao-cao">"#))
            #expect(
                Self.hidden("uu-diem", in: again.body)
                    == "Chi bộ nào cũng sinh hoạt đều &amp; đúng giờ &lt;như quy định&gt;")
            // The old session's token is not carried: only the new one (resend and logout forms).
            #expect(!again.body.contains(oldToken))
            #expect(try await archive.auditLog(record: "dbx-hop-thanh/2024").isEmpty)

            let sent = try await office.post("/bao-cao", Self.fields(in: again.body))
            #expect(sent.status == .seeOther)
        }
        let report = try await archive.committeeReport(
            of: SummaryPeriod(year: 2024), organizationID: "dbx-hop-thanh", today: LocalDate("2024-12-31")!)
        #expect(report.text.strengths == "Chi bộ nào cũng sinh hoạt đều & đúng giờ <như quy định>")
        #expect(report.saved?.by == "vanphong")
    }

    @Test(arguments: setups)
    func aFormFromAnotherSiteIsNeverOfferedAgain(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let visitor = Browser(client)
            visitor.cookie = "sochibo_phien=khong-co"
            let fields = [
                ("csrf_token", "gia"), ("dang-bo", "dbx-hop-thanh"), ("dia-danh", "X"), ("uu-diem", "gia mao"),
            ]
            let forged = try await Self.post(visitor, "/bao-cao", fields, origin: "http://evil.example")
            #expect(forged.status == .forbidden && !forged.body.contains("gui-lai"))
            // After logging in, a carried form is only ever sent to a page of this site.
            try await visitor.get("/dang-nhap")
            let elsewhere = try await visitor.post(
                "/dang-nhap",
                [
                    ("username", "vanphong"), ("password", WebSupport.password), ("tiep", "//evil.example/x"),
                    ("gui-lai", "a=b"),
                ])
            #expect(elsewhere.status == .seeOther && elsewhere.location == "/")
        }
        #expect(try await archive.auditLog(record: "dbx-hop-thanh/2024").isEmpty)
    }

    /// The hidden fields of the page's form, decoded as the browser would send them.
    static func fields(in html: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        var rest = html[...]
        while let range = rest.range(of: #"<input type="hidden" name=""#) {
            rest = rest[range.upperBound...]
            let name = String(rest.prefix { $0 != "\"" })
            guard let valueRange = rest.range(of: #"value=""#) else { break }
            rest = rest[valueRange.upperBound...]
            let value = String(rest.prefix { $0 != "\"" })
            fields.append((name, Self.unescape(value)))
        }
        return fields.filter { $0.0 != "csrf_token" }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
