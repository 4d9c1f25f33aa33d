import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging

/// A sample archive with one account per role, and a browser-like client for the tests.
enum WebSupport {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let password = "mat-khau-thu-nghiem"

    /// The accounts every test may log in with (bcrypt cost 4, for speed).
    static let accounts: [Account] = [
        Account(name: "quantri", role: .admin, confidential: true),
        Account(name: "vanphong", role: .committee, organizationID: "dbx-hop-thanh"),
        Account(name: "vanphong.mat", role: .committee, organizationID: "hu-cao-loc", confidential: true),
        Account(name: "thu.napan", role: .secretary, cellID: "cb-na-pan"),
        Account(name: "bithu.mat", role: .secretary, cellID: "cb-na-pan", confidential: true),
        Account(name: "bithu.a", role: .secretary, cellID: "cb-a"),
    ]

    /// A new directory under the system's temporary folder.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "sochibo-web-tests/\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The sample committee (three cells under dbx-hop-thanh) and a test cell `cb-a` of
    /// another committee, with the accounts above.
    static func makeArchive() async throws -> Archive {
        let archive = try Archive.create(at: temporaryDirectory() + "/archive")
        let context = AuditContext(actor: "kiểm thử")
        _ = try await archive.importFiles(
            [packageRoot + "/archive/samples/dbx-hop-thanh.xml", packageRoot + "/fixtures/valid/minimal.xml"],
            context: context)
        for account in accounts {
            _ = try await archive.addAccount(account, password: password, cost: 4, context: context)
        }
        return archive
    }

    /// The whole archive as format v1, to compare before and after a refused write.
    static func export(_ archive: Archive) async throws -> Data {
        let file = temporaryDirectory() + "/export.xml"
        try await archive.export(ExportSelection(), to: file)
        return try Data(contentsOf: URL(fileURLWithPath: file))
    }

    /// One archive for every reading test (they change nothing in it).
    static let shared = Task { try await makeArchive() }

    /// The web app on the shared archive (fresh sessions and login counts each time), with
    /// today fixed so that pages do not change with the calendar.
    static func application(
        archive: Archive? = nil, today: LocalDate = LocalDate(year: 2024, month: 12, day: 31)!
    ) async throws -> some ApplicationProtocol {
        let shared = try await shared.value
        let archive = archive ?? shared
        var logger = Logger(label: "sochibo-web-test")
        logger.logLevel = .warning
        return try buildApplication(
            archive: archive,
            configuration: WebConfiguration(
                host: "127.0.0.1", port: 0, today: { today }),
            logger: logger)
    }
}

/// A client that keeps the session cookie, as a browser does, and reads the CSRF token from
/// the last page's forms.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var csrfToken: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
        var setCookie: String? { headers[.setCookie] }
    }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// Posts a form; `csrf: true` adds the token read from the last page.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> Page {
        var fields = fields
        if csrf, let csrfToken { fields.append(("csrf_token", csrfToken)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    /// Opens the login form and logs in. - returns: the response to the POST.
    @discardableResult
    func login(_ name: String, password: String = WebSupport.password) async throws -> Page {
        try await get("/dang-nhap")
        return try await post("/dang-nhap", [("username", name), ("password", password)])
    }

    private func send(
        _ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?
    ) async throws
        -> Page
    {
        var headers = headers
        if let cookie { headers[.cookie] = cookie }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        if let setCookie = page.setCookie, let pair = setCookie.split(separator: ";").first {
            cookie = pair.hasSuffix("=") ? nil : String(pair)
        }
        if let token = Self.token(in: page.body) { csrfToken = token }
        return page
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf_token" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ text: String) -> String {
        let allowed = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
