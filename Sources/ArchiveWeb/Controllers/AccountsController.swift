import ArchiveCore
import ArchivePages
import Hummingbird

/// The administrators' accounts (issue 12, "Start from nothing"; `AccessPolicy` lets only
/// admins reach `/tai-khoan` and what is under it): `GET /tai-khoan` lists them and
/// `POST /tai-khoan/tao` (create), `POST /tai-khoan/mat-khau` (a new password) and
/// `POST /tai-khoan/khoa` (disable), `POST /tai-khoan/mo-lai` (enable again) and
/// `GET`/`POST /tai-khoan/doi` (the page that changes a role) change them through the
/// visitor's `ArchiveScope`, each
/// one transaction with its audit entry in the administrator's name. A refused form comes
/// back (422) with what was typed, never a password, and a sentence beside the field,
/// having written nothing; an accepted one returns to the list (303) with a note.
struct AccountsController {
    let pages: Pages
    let sessions: SessionStore
    let today: @Sendable () -> LocalDate
    /// The bcrypt cost of the passwords set here (12; tests pass less).
    let passwordCost: Int

    private typealias Field = AccountsPage.Field

    func add(to router: Router<WebRequestContext>) {
        router.get("/tai-khoan", use: list)
        router.post(RouterPath(AccountsPage.Action.create), use: create)
        router.post(RouterPath(AccountsPage.Action.setPassword), use: setPassword)
        router.post(RouterPath(AccountsPage.Action.disable), use: disable)
        router.post(RouterPath(AccountsPage.Action.enable), use: enable)
        router.get(RouterPath(AccountsPage.Action.change), use: changePage)
        router.post(RouterPath(AccountsPage.Action.change), use: change)
    }

    /// The note's query parameters after a change, and what each says was done.
    private static let notes: [(parameter: String, done: @Sendable (String) -> AccountsPage.Done)] = [
        ("da-tao", { .created($0) }), ("da-doi", { .passwordSet($0) }), ("da-khoa", { .disabled($0) }),
        ("da-mo-lai", { .enabled($0) }), ("da-doi-vai-tro", { .changed($0) }),
    ]

    @Sendable func list(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let query = FormQuery(request)
        var done: AccountsPage.Done?
        for note in Self.notes {
            if let name = query[note.parameter], !name.isEmpty { done = note.done(AccountRules.normalizedName(name)) }
        }
        return try await page(context: context, done: done, refused: nil)
    }

    private func page(
        context: WebRequestContext, done: AccountsPage.Done?, refused: AccountsPage.Refusal?
    ) async throws -> HTMLResponse {
        let scope = try context.scope()
        let accounts = try await scope.accounts()
        // A note names only an account that exists: a crafted link cannot make the page say more.
        let note = done.flatMap { done -> AccountsPage.Done? in
            switch done {
            case .created(let name), .passwordSet(let name), .disabled(let name), .enabled(let name),
                .changed(let name):
                accounts.contains { $0.name == name } ? done : nil
            }
        }
        let page = AccountsPage(
            bar: try context.bar(), viewer: scope.account, accounts: accounts,
            organizations: try await scope.organizations(), cells: try await scope.cells(on: today()), done: note,
            refused: refused)
        return HTMLResponse(pages.render(page), status: refused == nil ? .ok : .unprocessableContent)
    }

    private func redirect(_ parameter: String, _ name: String) -> Response {
        .redirect(to: "/tai-khoan?\(parameter)=\(WebPath.segment(name))", type: .normal)
    }

    /// The problems of a password typed twice, by field: too short, or the two differ.
    private static func passwordProblems(_ fields: [String: String]) -> [String: String] {
        var problems: [String: String] = [:]
        let password = fields[Field.password] ?? ""
        if password.count < AccountRules.minimumPasswordLength {
            problems[Field.password] = AccountError.passwordTooShort.formSentence
        }
        if password != fields[Field.passwordAgain] ?? "" {
            problems[Field.passwordAgain] = "Hai lần gõ mật khẩu không khớp nhau. Hãy gõ lại cả hai ô mật khẩu."
        }
        return problems
    }

    /// The field beside which an account's refusal is said.
    private static func field(of error: AccountError) -> String {
        switch error {
        case .passwordTooShort: Field.password
        case .missingScope(.secretary), .unknownCell: Field.cell
        case .missingScope(.committee), .unknownOrganization: Field.organization
        case .missingScope(.admin): Field.role
        case .invalidName, .alreadyExists, .notFound, .lastAdministrator, .ownAccount, .lastAdministratorRole,
            .ownRole:
            Field.name
        }
    }

    /// `POST /tai-khoan/tao`: a new account, its password typed twice.
    @Sendable func create(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let fields = try await RegisterController.fields(of: request, context: context)
        func text(_ field: String) -> String { TextNormalization.trimmed(fields[field] ?? "") }
        let name = AccountRules.normalizedName(fields[Field.name] ?? "")
        let role = Account.Role(rawValue: text(Field.role))
        let cellID = text(Field.cell)
        let organizationID = text(Field.organization)
        var problems = Self.passwordProblems(fields)
        if let problem = AccountRules.problem(withName: name) { problems[Field.name] = problem.formSentence }
        switch role {
        case nil:
            problems[Field.role] =
                "Hãy chọn vai trò của tài khoản: bí thư chi bộ, văn phòng đảng ủy hoặc quản trị."
        case .secretary? where cellID.isEmpty:
            problems[Field.cell] = AccountError.missingScope(.secretary).formSentence
        case .committee? where organizationID.isEmpty:
            problems[Field.organization] = AccountError.missingScope(.committee).formSentence
        default: break
        }
        func again(_ problems: [String: String]) async throws -> Response {
            try await page(
                context: context, done: nil,
                refused: AccountsPage.Refusal(form: .create, typed: fields, problems: problems)
            ).response
        }
        guard let role, problems.isEmpty else { return try await again(problems) }
        // Only the place that goes with the role: a cell chosen for an administrator is ignored.
        let new = Account(
            name: name, role: role, cellID: role == .secretary ? cellID : nil,
            organizationID: role == .committee ? organizationID : nil,
            confidential: !(fields[Field.confidential] ?? "").isEmpty)
        let created: Account
        do {
            created = try await scope.addAccount(new, password: fields[Field.password] ?? "", cost: passwordCost)
        } catch let error as AccountError {
            return try await again([Self.field(of: error): error.formSentence])
        }
        context.logger.info("accounts: \(scope.account.name) created \(created.name) (\(created.role.rawValue))")
        return redirect("da-tao", created.name)
    }

    /// `POST /tai-khoan/mat-khau` (fields `ten`, `mat-khau`, `mat-khau-2`): a new password;
    /// the account's other sessions end.
    @Sendable func setPassword(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let fields = try await RegisterController.fields(of: request, context: context)
        let name = AccountRules.normalizedName(fields[Field.name] ?? "")
        var problems = Self.passwordProblems(fields)
        if problems.isEmpty {
            do {
                try await scope.setPassword(of: name, to: fields[Field.password] ?? "", cost: passwordCost)
            } catch let error as AccountError {
                if case .notFound = error { throw WebError.notFound(detail: error.formSentence) }
                problems[Self.field(of: error)] = error.formSentence
            }
        }
        guard problems.isEmpty else {
            return try await page(
                context: context, done: nil,
                refused: AccountsPage.Refusal(form: .setPassword(account: name), problems: problems)
            ).response
        }
        await sessions.removeAll(accountName: name, keeping: context.visitor?.sessionID)
        context.logger.info("accounts: \(scope.account.name) set a new password for \(name)")
        return redirect("da-doi", name)
    }

    /// `POST /tai-khoan/khoa` (field `ten`): disables an account, never one's own nor the
    /// last administrator; its sessions end.
    @Sendable func disable(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let fields = try await RegisterController.fields(of: request, context: context)
        let name = AccountRules.normalizedName(fields[Field.name] ?? "")
        do {
            _ = try await scope.disableAccount(named: name)
        } catch let error as AccountError {
            if case .notFound = error { throw WebError.notFound(detail: error.formSentence) }
            return try await page(
                context: context, done: nil,
                refused: AccountsPage.Refusal(form: .disable(account: name), problems: [Field.name: error.formSentence])
            ).response
        }
        await sessions.removeAll(accountName: name)
        context.logger.info("accounts: \(scope.account.name) disabled \(name)")
        return redirect("da-khoa", name)
    }

    /// `POST /tai-khoan/mo-lai` (field `ten`): lets a disabled account log in again with its
    /// old password.
    @Sendable func enable(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let fields = try await RegisterController.fields(of: request, context: context)
        let name = AccountRules.normalizedName(fields[Field.name] ?? "")
        do {
            _ = try await scope.enableAccount(named: name)
        } catch let error as AccountError {
            if case .notFound = error { throw WebError.notFound(detail: error.formSentence) }
            return try await page(
                context: context, done: nil,
                refused: AccountsPage.Refusal(form: .enable(account: name), problems: [Field.name: error.formSentence])
            ).response
        }
        context.logger.info("accounts: \(scope.account.name) enabled \(name)")
        return redirect("da-mo-lai", name)
    }

    /// `GET /tai-khoan/doi?ten=…`: the form that changes an account's role, place and
    /// clearance; 404 for a name the archive does not hold.
    @Sendable func changePage(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let name = AccountRules.normalizedName(FormQuery(request)[Field.name] ?? "")
        guard let account = try await scope.accounts().first(where: { $0.name == name }) else {
            throw WebError.notFound(detail: AccountError.notFound(name).formSentence)
        }
        return try await changePage(context: context, account: account, typed: nil, problems: [:])
    }

    private func changePage(
        context: WebRequestContext, account: Account, typed: [String: String]?, problems: [String: String]
    ) async throws -> HTMLResponse {
        let scope = try context.scope()
        let page = AccountChangePage(
            bar: try context.bar(), account: account, organizations: try await scope.organizations(),
            cells: try await scope.cells(on: today()), typed: typed, problems: problems)
        return HTMLResponse(pages.render(page), status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// `POST /tai-khoan/doi` (fields `ten`, `vai-tro`, `chi-bo`, `dang-bo`, `xem-mat`): gives
    /// the account the role chosen, with the place that goes with it (a cell chosen for a
    /// committee account is ignored), keeping its password. Never the administrator's own
    /// account, nor the last administrator's role.
    @Sendable func change(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let fields = try await RegisterController.fields(of: request, context: context)
        func text(_ field: String) -> String { TextNormalization.trimmed(fields[field] ?? "") }
        let name = AccountRules.normalizedName(fields[Field.name] ?? "")
        guard let account = try await scope.accounts().first(where: { $0.name == name }) else {
            throw WebError.notFound(detail: AccountError.notFound(name).formSentence)
        }
        func again(_ problems: [String: String]) async throws -> Response {
            try await changePage(context: context, account: account, typed: fields, problems: problems).response
        }
        guard let role = Account.Role(rawValue: text(Field.role)) else {
            return try await again([
                Field.role: "Hãy chọn vai trò của tài khoản: bí thư chi bộ, văn phòng đảng ủy hoặc quản trị."
            ])
        }
        var changed = account
        changed.role = role
        changed.cellID = role == .secretary ? text(Field.cell) : nil
        changed.organizationID = role == .committee ? text(Field.organization) : nil
        changed.confidential = !(fields[Field.confidential] ?? "").isEmpty
        do {
            changed = try await scope.changeAccount(changed)
        } catch let error as AccountError {
            return try await again([Self.field(of: error): error.formSentence])
        }
        context.logger.info("accounts: \(scope.account.name) changed \(name) to \(changed.role.rawValue)")
        return redirect("da-doi-vai-tro", name)
    }
}
