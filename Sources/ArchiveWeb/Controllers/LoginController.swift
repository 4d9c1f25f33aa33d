import ArchiveCore
import ArchivePages
import Foundation
import Hummingbird
import Logging

/// Logging in and out: `GET /dang-nhap` (the form), `POST /dang-nhap` (fields `username`,
/// `password`, `csrf_token`), `POST /dang-xuat`. The CSRF token has been checked by
/// `SecurityMiddleware` before these run.
struct LoginController {
    let archive: any WebArchive
    let sessions: SessionStore
    let throttle: LoginThrottle
    let pages: Pages
    let security: SecurityMiddleware

    func add(to router: Router<WebRequestContext>) {
        router.get("/dang-nhap", use: form)
        router.post("/dang-nhap", use: login)
        router.post("/dang-xuat", use: logout)
    }

    /// The form; a visitor already logged in goes to the home page.
    @Sendable func form(request: Request, context: WebRequestContext) async throws -> Response {
        guard let visitor = context.visitor else { throw WebError.loginRequired }
        if visitor.account != nil { return .redirect(to: "/", type: .normal) }
        return HTMLResponse(pages.render(LoginPage(csrfToken: visitor.csrfToken))).response
    }

    struct LoginForm: Decodable {
        var username: String?
        var password: String?
        /// Where a form went whose session ended, and its body as sent (`WebError.sessionLost`).
        var resumePath: String?
        var resumeForm: String?

        enum CodingKeys: String, CodingKey {
            case username, password
            case resumePath = "tiep"
            case resumeForm = "gui-lai"
        }
    }

    /// Checks the name and password: a new session and the home page, or the form again with
    /// one sentence; the fifth failure in 15 minutes locks the name for 15 minutes (429).
    @Sendable func login(request: Request, context: WebRequestContext) async throws -> Response {
        guard let visitor = context.visitor else { throw WebError.invalidCSRFToken }
        let form = try await request.decode(as: LoginForm.self, context: context)
        let name = AccountRules.normalizedName(form.username ?? "")
        if let end = await throttle.lockEnd(for: name) {
            throw WebError.loginLocked(minutes: Self.minutes(until: end))
        }
        if !name.isEmpty, let account = try await archive.authenticate(name: name, password: form.password ?? "") {
            await throttle.clear(name)
            await sessions.remove(id: visitor.sessionID)
            let session = await sessions.create(accountName: account.name)
            context.logger.info("login: \(account.name) (\(account.role.rawValue))")
            var response = Response.redirect(to: "/", type: .normal)
            if let path = form.resumePath, Self.isLocalPath(path), let sent = form.resumeForm, !sent.isEmpty {
                // What was typed before the session ended, to send again with the new token.
                let page = ResendPage(
                    bar: WebAccountBar(account: account, csrfToken: session.csrfToken), path: path,
                    fields: FormQuery.pairs(sent))
                response = HTMLResponse(pages.render(page)).response
            }
            response.setCookie(security.sessionCookie(session.id, for: request))
            return response
        }
        context.logger.notice("failed login for \(name.isEmpty ? "(no name)" : name)")
        if !name.isEmpty, let end = await throttle.recordFailure(for: name) {
            throw WebError.loginLocked(minutes: Self.minutes(until: end))
        }
        let resume = form.resumePath.flatMap { path in
            form.resumeForm.map { LoginPage.Resume(path: path, form: $0) }
        }
        let page = LoginPage(
            csrfToken: visitor.csrfToken, typedName: name,
            problem:
                "Tên đăng nhập hoặc mật khẩu không đúng. Hãy gõ lại; lưu ý chữ hoa, chữ thường và bộ gõ tiếng Việt.",
            resume: resume)
        return HTMLResponse(pages.render(page), status: .unauthorized).response
    }

    /// Ends the session and returns to the login form.
    @Sendable func logout(request: Request, context: WebRequestContext) async throws -> Response {
        if let visitor = context.visitor {
            await sessions.remove(id: visitor.sessionID)
            if let account = visitor.account { context.logger.info("logout: \(account.name)") }
        }
        var response = Response.redirect(to: "/dang-nhap", type: .normal)
        response.setCookie(security.sessionCookie("", for: request, clearing: true))
        return response
    }

    /// Whether `path` is a page of this site: starts with one `/`, no scheme, no host.
    static func isLocalPath(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") && !path.contains("://")
            && URL(string: path)?.host == nil
    }

    static func minutes(until end: Date, now: Date = Date()) -> Int {
        max(1, Int((end.timeIntervalSince(now) / 60).rounded(.up)))
    }
}
