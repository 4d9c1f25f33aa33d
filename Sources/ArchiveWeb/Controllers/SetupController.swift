import ArchiveCore
import ArchivePages
import Hummingbird

/// The one-time setup link's token, held by the running server: valid until the first
/// administrator is created with it, then never again.
actor SetupGate {
    private var token: String?

    /// A gate open with `token` (nil: closed from the start).
    init(token: String?) { self.token = token }

    /// Whether `candidate` is the token, compared in constant time.
    func accepts(_ candidate: String) -> Bool {
        guard let token else { return false }
        return SecurityMiddleware.constantTimeEqual(candidate, token)
    }

    /// Takes the token for one attempt: true when it was `candidate` (no other attempt can
    /// take it meanwhile); `giveBack` returns it after a refused attempt.
    func take(_ candidate: String) -> Bool {
        guard accepts(candidate) else { return false }
        token = nil
        return true
    }

    /// Returns the token after an attempt that created nothing.
    func giveBack(_ candidate: String) {
        if token == nil { token = candidate }
    }
}

/// Starting from nothing: `GET|POST /thiet-lap?ma=…` creates the first administrator (only
/// while the archive has no account, with the token `sochibo serve` printed), and the
/// administrators' page `GET /quan-tri` with `POST /quan-tri/dang-bo|chi-bo|nhiem-ky`
/// creates committees, cells and terms, each audited with the administrator's name.
struct SetupController {
    let archive: any WebArchive
    let sessions: SessionStore
    let gate: SetupGate
    let pages: Pages
    let security: SecurityMiddleware
    let passwordCost: Int

    func add(to router: Router<WebRequestContext>) {
        router.get("/thiet-lap", use: setupForm)
        router.post("/thiet-lap", use: setup)
        router.get("/quan-tri", use: admin)
        router.post("/quan-tri/:what", use: create)
    }

    /// The setup form, while the archive has no account and the token is right.
    @Sendable func setupForm(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        guard let visitor = context.visitor else { throw WebError.setupClosed }
        let token = FormQuery(request)["ma"] ?? ""
        guard try await archive.accounts().isEmpty, await gate.accepts(token) else { throw WebError.setupClosed }
        return HTMLResponse(pages.render(SetupPage(csrfToken: visitor.csrfToken, setupToken: token)))
    }

    /// Creates the first administrator, logs them in, and opens the administrators' page.
    @Sendable func setup(request: Request, context: WebRequestContext) async throws -> Response {
        guard let visitor = context.visitor else { throw WebError.setupClosed }
        let fields = try await RegisterController.fields(of: request, context: context)
        let token = fields["ma"] ?? ""
        let name = AccountRules.normalizedName(fields["username"] ?? "")
        guard try await archive.accounts().isEmpty, await gate.take(token) else { throw WebError.setupClosed }
        func again(_ problem: String) async -> Response {
            await gate.giveBack(token)
            let page = SetupPage(csrfToken: visitor.csrfToken, setupToken: token, typedName: name, problem: problem)
            return HTMLResponse(pages.render(page), status: .unprocessableContent).response
        }
        guard fields["password"] == fields["password2"] else {
            return await again("Hai lần gõ mật khẩu không khớp nhau. Hãy gõ lại cả hai.")
        }
        let account: Account
        do {
            account = try await archive.addAccount(
                Account(name: name, role: .admin), password: fields["password"] ?? "", cost: passwordCost,
                context: AuditContext(actor: name.isEmpty ? "thiết lập" : name))
        } catch let error as AccountError {
            return await again(error.formSentence)
        }
        context.logger.info("setup: first administrator \(account.name) created")
        await sessions.remove(id: visitor.sessionID)
        let session = await sessions.create(accountName: account.name)
        var response = Response.redirect(to: "/quan-tri", type: .normal)
        response.setCookie(security.sessionCookie(session.id, for: request))
        return response
    }

    @Sendable func admin(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        try await adminPage(context: context, saved: FormQuery(request)["da-ghi"] != nil, refused: nil)
    }

    private func adminPage(
        context: WebRequestContext, saved: Bool, refused: (action: String, typed: [String: String], problem: String)?
    ) async throws -> HTMLResponse {
        let scope = try context.scope()
        guard let visitor = context.visitor, let account = visitor.account else { throw WebError.loginRequired }
        let page = AdminPage(
            bar: WebAccountBar(account: account, csrfToken: visitor.csrfToken),
            organizations: try await scope.organizations(),
            cells: try await scope.cells(on: LocalDate(year: 2000, month: 1, day: 1)!),
            forms: RegisterForms(csrfToken: visitor.csrfToken, refused: refused), saved: saved)
        return HTMLResponse(pages.render(page), status: refused == nil ? .ok : .unprocessableContent)
    }

    /// `POST /quan-tri/dang-bo|chi-bo|nhiem-ky`.
    @Sendable func create(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let register = try scope.setup()
        let what = try context.parameters.require("what")
        let fields = try await RegisterController.fields(of: request, context: context)
        let form = RegisterInput(fields)
        guard let account = context.visitor?.account else { throw WebError.loginRequired }
        let audit = AuditContext(actor: account.name)
        do {
            switch what {
            case "dang-bo":
                let parent = form.text("cap-tren")
                _ = try await register.createOrganization(
                    Organization(id: form.text("ma"), parentID: parent.isEmpty ? nil : parent, name: form.text("ten")),
                    context: audit)
            case "chi-bo":
                guard !form.text("dang-bo").isEmpty else {
                    throw RegisterInput.Problem(
                        sentence: "Chưa chọn đảng bộ mà chi bộ trực thuộc. Hãy chọn trong ô “Thuộc đảng bộ”.")
                }
                _ = try await register.createCell(
                    Cell(
                        id: form.text("ma"), organizationID: form.text("dang-bo"), issuerCode: form.text("ky-hieu"),
                        name: form.text("ten")), context: audit)
            case "nhiem-ky":
                guard !form.text("chi-bo").isEmpty else {
                    throw RegisterInput.Problem(
                        sentence: "Chưa chọn chi bộ. Hãy chọn chi bộ mở nhiệm kỳ trong ô “Chi bộ”.")
                }
                _ = try await register.addTerm(
                    cellID: form.text("chi-bo"),
                    Term(
                        id: form.text("ma"), start: try form.date("tu-ngay", "Từ ngày"),
                        end: try form.optionalDate("den-ngay", "Đến ngày")), context: audit)
            default:
                throw WebError.notFound(detail: nil)
            }
            return .redirect(to: "/quan-tri?da-ghi=1", type: .normal)
        } catch let problem as RegisterInput.Problem {
            return try await adminPage(
                context: context, saved: false, refused: ("/quan-tri/" + what, fields, problem.sentence)
            ).response
        } catch let error as ArchiveError {
            return try await adminPage(
                context: context, saved: false,
                refused: ("/quan-tri/" + what, fields, RegisterController.sentence(error))
            ).response
        }
    }
}
