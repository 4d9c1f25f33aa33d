import ArchiveCore
import ArchivePages
import Foundation
import Hummingbird
import Logging

/// What the web app asks of an archive: reading, accounts and the member register.
public typealias WebArchive = ArchiveService & AccountService & MemberRegister

/// How `sochibo serve` runs the web app.
public struct WebConfiguration: Sendable {
    /// The address to listen on; `127.0.0.1` serves this machine only.
    public var host: String
    /// The port; 0 lets the system choose (tests).
    public var port: Int
    /// Marks the session cookie Secure on every response, for a server behind an HTTPS proxy
    /// that does not send `X-Forwarded-Proto` (requests over HTTPS get it anyway).
    public var secureCookies: Bool
    /// Seconds of inactivity after which a session ends.
    public var sessionIdleLifetime: TimeInterval
    /// Today's date, for the months that are over and the members of the day.
    public var today: @Sendable () -> LocalDate
    /// The one-time setup link's token (`/thiet-lap?ma=…`), when the archive has no account
    /// yet; nil serves no setup page.
    public var setupToken: String?
    /// The bcrypt cost of the passwords set in the web app (12; tests pass less).
    public var passwordCost: Int

    /// A configuration; by default this machine only, port 8080, sessions of 8 idle hours.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
        sessionIdleLifetime: TimeInterval = 8 * 3600,
        today: @escaping @Sendable () -> LocalDate = WebConfiguration.localToday, setupToken: String? = nil,
        passwordCost: Int = AccountRules.productionCost
    ) {
        self.setupToken = setupToken
        self.passwordCost = passwordCost
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.sessionIdleLifetime = sessionIdleLifetime
        self.today = today
    }

    /// Today in the machine's time zone.
    @Sendable public static func localToday() -> LocalDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}

/// The web app on `archive`: Hummingbird's application with the router below, logging to
/// `logger`. Run it with `runService()`, which stops gracefully on SIGINT and SIGTERM: the
/// server stops accepting, requests under way finish (a write under way finishes or rolls
/// back in its own transaction).
///
/// ```swift
/// let archive = try Archive(opening: "/srv/so-chi-bo")
/// let app = try buildApplication(archive: archive, configuration: WebConfiguration(port: 8080), logger: logger)
/// try await app.runService()
/// ```
///
/// - parameters:
///   - onServerRunning: called once the server listens, with the port it listens on.
/// - throws: `Pages.TemplateError` if a built-in template does not parse (a program fault).
public func buildApplication(
    archive: any WebArchive, configuration: WebConfiguration, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let router = try buildRouter(archive: archive, configuration: configuration)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "sochibo"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The router: `SecurityMiddleware` in front of every route, then the login and reading
/// controllers and the stylesheet.
///
/// Routes: `GET /dang-nhap`, `POST /dang-nhap`, `POST /dang-xuat`, `GET /` (the account's
/// cells), `GET /chi-bo/{cellID}[?nam=YYYY]`, `GET /ban-ghi/{id}`, `GET /ban-ghi/{id}/in`,
/// `GET /tim-kiem?q=…&chi-bo=…&loai=…&nam=…&trang=…`, `GET /tai-khoan` and
/// `POST /tai-khoan/tao|mat-khau|khoa` (admins: create an account, set its password, disable it),
/// `GET /chi-bo/{cellID}/dang-vien` and `POST …/ket-nap|chuyen-den|tam-thoi` (a cell's
/// member register), `GET /dang-vien/{id}` and `POST /dang-vien/{id}/{event}` (one member's
/// events), `GET|POST /thiet-lap` (the one-time setup), `GET /quan-tri` and
/// `POST /quan-tri/dang-bo|chi-bo|nhiem-ky` (admins: committees, cells, terms),
/// `GET /giao-dien.css`.
/// `GET /giao-dien.css`; for the secretary of the cell and admins (`FilingController`):
/// `GET|POST /chi-bo/{cellID}/lap-bien-ban`, `GET|POST /ban-ghi/{id}/sua`,
/// `POST /ban-ghi/{id}/thong-qua`, `GET|POST /ban-ghi/{id}/dinh-chinh`, `POST /ban-ghi/{id}/bo`,
/// `GET|POST /ban-ghi/{id}/soan-nghi-quyet`, `POST /ban-ghi/{id}/ban-hanh`.
///
/// - throws: `Pages.TemplateError` if a built-in template does not parse.
public func buildRouter(
    archive: any WebArchive, configuration: WebConfiguration
) throws -> Router<WebRequestContext> {
    let pages = try Pages()
    let sessions = SessionStore(idleLifetime: configuration.sessionIdleLifetime)
    let security = SecurityMiddleware(archive: archive, sessions: sessions, pages: pages, configuration: configuration)
    let router = Router(context: WebRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: security)
    LoginController(archive: archive, sessions: sessions, throttle: LoginThrottle(), pages: pages, security: security)
        .add(to: router)
    ReadingController(pages: pages, today: configuration.today).add(to: router)
    RegisterController(pages: pages, today: configuration.today).add(to: router)
    SetupController(
        archive: archive, sessions: sessions, gate: SetupGate(token: configuration.setupToken), pages: pages,
        security: security, passwordCost: configuration.passwordCost
    ).add(to: router)
    AccountsController(
        pages: pages, sessions: sessions, today: configuration.today, passwordCost: configuration.passwordCost
    ).add(to: router)
    FilingController(pages: pages, today: configuration.today).add(to: router)
    RatingController(pages: pages).add(to: router)
    ReportController(pages: pages, today: configuration.today).add(to: router)
    InboxController(pages: pages, pending: PendingUploads()).add(to: router)
    DownloadController(today: configuration.today).add(to: router)
    let stylesheet = ByteBuffer(string: pages.webStylesheet)
    router.get("/giao-dien.css") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: stylesheet))
    }
    return router
}
