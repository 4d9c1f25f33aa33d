import ArchiveCore
import ArchivePages
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Every request passes here first, and every refusal and error is made here, in one place:
///
/// 1. the session, from the `sochibo_phien` cookie (HttpOnly, SameSite=Lax, Secure when the
///    request came over HTTPS); the login form gets an anonymous session for its token;
/// 2. any method but GET and HEAD needs the session's CSRF token in the form field
///    `csrf_token` (a part of a `multipart/form-data` upload), compared in constant time;
///    without it: 403, and the controller never runs;
/// 3. the route table of `AccessPolicy`: no account → 303 to `/dang-nhap`; wrong role → 403;
/// 4. the account's `ArchiveScope` (its cells, its right to confidential documents), the only
///    way controllers read the archive;
/// 5. errors become Vietnamese pages (404, 403, 429, 500…), never a trace or SQL; unexpected
///    ones are logged here;
/// 6. every response carries Content-Security-Policy (no script at all, `frame-ancestors
///    'none'`), X-Content-Type-Options, Referrer-Policy and X-Frame-Options; pages behind
///    login are not cached.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    static let cookieName = "sochibo_phien"
    static let headers: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        HTTPField.Name("X-Frame-Options")!: "DENY",
    ]

    let archive: any WebArchive
    let sessions: SessionStore
    let pages: Pages
    let configuration: WebConfiguration

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        var newSession: SessionStore.Session?
        var account: Account?
        var visitor: Visitor?
        do {
            var request = request
            var context = context
            let existing = await session(of: request)
            var session = existing
            let requirement = AccessPolicy.requirement(for: request.uri.path)
            context.uploadLimit = AccessPolicy.uploadLimit(for: request.uri.path)
            if session == nil, requirement == .anyone, AccessPolicy.anonymousFormPaths.contains(request.uri.path) {
                session = await sessions.create(accountName: nil)
                newSession = session
            }
            if let name = session?.accountName {
                account = try await archive.account(named: name)
                if account == nil || account?.disabled == true {
                    // Disabled or removed since login: the session ends now.
                    await sessions.remove(id: session!.id)
                    session = nil
                    account = nil
                }
            }
            if request.method != .get, request.method != .head {
                try await checkCSRF(&request, session: session, context: context)
            }
            guard AccessPolicy.allows(account, requirement) else {
                throw account == nil
                    ? WebError.loginRequired : requirement == .writer ? WebError.mayNotWrite : WebError.wrongRole
            }
            if let session {
                var scope: ArchiveScope?
                if let account {
                    scope = ArchiveScope(
                        account: account, visibleCells: try await AccessPolicy.visibleCells(of: account, in: archive),
                        archive: archive)
                }
                visitor = Visitor(sessionID: session.id, csrfToken: session.csrfToken, account: account, scope: scope)
                context.visitor = visitor
            }
            response = try await next(request, context)
            if let newSession { response.setCookie(sessionCookie(newSession.id, for: request)) }
            if account != nil { response.headers[.cacheControl] = "no-store" }
        } catch WebError.sessionLost(let path, let form) {
            // The login form again, in a new anonymous session, carrying what was sent.
            let anonymous = await sessions.create(accountName: nil)
            context.logger.notice("session gone on \(request.method) \(path): login offered again")
            let page = LoginPage(
                csrfToken: anonymous.csrfToken, problem: WebError.sessionLost(path: path, form: form).detail,
                resume: LoginPage.Resume(path: path, form: form))
            response = HTMLResponse(pages.render(page), status: .forbidden).response
            response.setCookie(sessionCookie(anonymous.id, for: request))
        } catch {
            response = refusal(error, request: request, context: context, visitor: visitor)
        }
        response.headers.append(contentsOf: Self.headers)
        return response
    }

    /// The live session the request's cookie names, if any.
    private func session(of request: Request) async -> SessionStore.Session? {
        guard let id = request.cookies[Self.cookieName]?.value, !id.isEmpty else { return nil }
        return await sessions.session(id: id)
    }

    /// Reads the form body (kept for the controller) and compares its `csrf_token` with the
    /// session's. - throws: `WebError.invalidCSRFToken`.
    private func checkCSRF(_ request: inout Request, session: SessionStore.Session?, context: Context) async throws {
        struct Token: Decodable {
            var csrfToken: String?
            enum CodingKeys: String, CodingKey { case csrfToken = "csrf_token" }
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw WebError.tooLarge(
                limitBytes: context.maxUploadSize,
                isFile: MultipartForm.boundary(of: request.headers[.contentType]) != nil)
        }
        guard let session else {
            // A form of this site whose session has gone: offered again after a new login.
            let form = String(buffer: body)
            if MultipartForm.boundary(of: request.headers[.contentType]) == nil, Self.isSameOrigin(request),
                AccessPolicy.requirement(for: request.uri.path) != .anyone, request.uri.query == nil,
                form.contains("csrf_token=")
            {
                throw WebError.sessionLost(path: request.uri.path, form: form)
            }
            throw WebError.invalidCSRFToken
        }
        let sent: String?
        if let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
            // A file upload: the token is one of its parts.
            sent = MultipartForm(body: Array(body.readableBytesView), boundary: boundary)["csrf_token"]
        } else {
            sent = try? URLEncodedFormDecoder().decode(Token.self, from: String(buffer: body)).csrfToken
        }
        guard let sent, Self.constantTimeEqual(sent, session.csrfToken) else { throw WebError.invalidCSRFToken }
    }

    /// Whether the browser says the request comes from a page of this site (`Origin`, else
    /// `Referer`, naming the request's own host): a form of another site is never sent again.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        let source = request.headers[.origin] ?? request.headers[.referer]
        guard let source, let url = URL(string: source), let sourceHost = url.host else { return false }
        return sourceHost + (url.port.map { ":\($0)" } ?? "") == host
    }

    /// The session cookie: HttpOnly, SameSite=Lax, for the whole site; Secure when the request
    /// came over HTTPS (directly or through a proxy that says so) or the configuration asks.
    func sessionCookie(_ id: String, for request: Request, clearing: Bool = false) -> Cookie {
        let secure =
            configuration.secureCookies || request.head.scheme == "https"
            || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        return Cookie(
            name: Self.cookieName, value: clearing ? "" : id, maxAge: clearing ? 0 : nil, path: "/", secure: secure,
            httpOnly: true, sameSite: .lax)
    }

    /// The response for a refusal or an error: a redirect to login, or a Vietnamese page.
    private func refusal(_ error: any Error, request: Request, context: Context, visitor: Visitor?) -> Response {
        let bar = visitor.flatMap { visitor in
            visitor.account.map { WebAccountBar(account: $0, csrfToken: visitor.csrfToken) }
        }
        let status: Int
        var detail: String?
        var title: String?
        var extra: HTTPFields = [:]
        switch error {
        case WebError.loginRequired:
            return Response.redirect(to: "/dang-nhap", type: .normal)
        case let refusal as WebError:
            status = refusal.status.code
            detail = refusal.detail
            title = refusal.title
            if case .loginLocked(let minutes) = refusal { extra[.retryAfter] = String(minutes * 60) }
            context.logger.notice("refused \(request.method) \(request.uri.path): \(refusal)")
        case ArchiveError.notFound:
            status = 404
        case let error as HTTPError where error.status == .contentTooLarge:
            status = 413
            detail = "Nội dung gửi lên quá lớn. Hãy gửi ít hơn rồi thử lại."
        case let error as HTTPError where (400..<500).contains(error.status.code):
            status = error.status.code == 405 ? 404 : error.status.code
        default:
            status = 500
            context.logger.error("error on \(request.method) \(request.uri.path): \(String(reflecting: error))")
        }
        let page = ErrorPage(status: status, title: title, detail: detail, bar: bar)
        var response = HTMLResponse(pages.render(page), status: .init(code: status)).response
        response.headers.append(contentsOf: extra)
        return response
    }

    /// Compares two tokens in time that depends on their lengths only.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let left = Array(left.utf8), right = Array(right.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

/// An HTML page as a response (UTF-8).
struct HTMLResponse: ResponseGenerator {
    let html: String
    let status: HTTPResponse.Status

    init(_ html: String, status: HTTPResponse.Status = .ok) {
        self.html = html
        self.status = status
    }

    var response: Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response { response }
}
