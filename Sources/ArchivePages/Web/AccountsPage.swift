import ArchiveCore

/// The administrators' accounts page (`GET /tai-khoan`): the form that creates an account,
/// then every account in use with its role, its committee's or cell's name, whether it reads
/// confidential documents, two small forms — a new password (typed twice) and disabling it —
/// and a link to the page that changes its role (`AccountChangePage`); then the disabled
/// accounts, each with a form that enables it again. Each form posts with the CSRF token; a
/// refused one comes back open with what was typed (never a password) and a sentence beside
/// the field.
public struct AccountsPage: Sendable {
    /// The forms' field names, as posted.
    public enum Field {
        /// The login name.
        public static let name = "ten"
        /// `admin`, `committee` or `secretary` (`Account.Role`).
        public static let role = "vai-tro"
        /// A committee account's committee (identifier).
        public static let organization = "dang-bo"
        /// A secretary's cell (identifier).
        public static let cell = "chi-bo"
        /// Present ("co") when the account may read documents marked Mật or higher.
        public static let confidential = "xem-mat"
        /// The password, and again.
        public static let password = "mat-khau"
        public static let passwordAgain = "mat-khau-2"
    }

    /// Where the forms post.
    public enum Action {
        public static let create = "/tai-khoan/tao"
        public static let setPassword = "/tai-khoan/mat-khau"
        public static let disable = "/tai-khoan/khoa"
        /// Enables a disabled account again (field `ten`).
        public static let enable = "/tai-khoan/mo-lai"
        /// The page (GET, `?ten=`) and form (POST) that change an account's role, place and
        /// clearance.
        public static let change = "/tai-khoan/doi"
    }

    /// What was done, for the note at the top after a form was accepted.
    public enum Done: Sendable, Equatable {
        case created(String)
        case passwordSet(String)
        case disabled(String)
        case enabled(String)
        case changed(String)
    }

    /// A form that was refused: which one, what was typed (never a password), and the
    /// sentences by field name (`Field`).
    public struct Refusal: Sendable {
        public enum Form: Sendable, Equatable {
            case create
            case setPassword(account: String)
            case disable(account: String)
            case enable(account: String)
            case change(account: String)
        }

        public var form: Form
        public var typed: [String: String]
        public var problems: [String: String]

        /// A refusal of `form`; `typed` must not hold the password fields.
        public init(form: Form, typed: [String: String] = [:], problems: [String: String]) {
            self.form = form
            self.typed = typed.filter { $0.key != Field.password && $0.key != Field.passwordAgain }
            self.problems = problems
        }
    }

    /// One choice of a select, or one radio button.
    struct Choice: Sendable {
        let value: String
        let text: String
        let explanation: String?
        let selected: Bool
        let choiceID: String
    }

    /// The fields that give an account its role, its cell or committee and its clearance, as
    /// the form that creates an account and the one that changes it show them (the partial
    /// `account-scope-fields`), with the choices as typed or stored and the sentences by field.
    struct ScopeFields: Sendable {
        /// Starts every element id of the fields (`tao`, `doi`).
        let idPrefix: String
        let roles: [Choice]
        let roleProblem: String?
        let cells: [Choice]
        let cellProblem: String?
        let organizations: [Choice]
        let organizationProblem: String?
        let confidentialChecked: Bool

        /// The fields with `typed` chosen (`Field` names to values) and `problems` beside them.
        init(
            idPrefix: String, typed: [String: String], problems: [String: String], organizations: [Organization],
            cells: [CellOverview]
        ) {
            self.idPrefix = idPrefix
            let names = PlaceNames(organizations: organizations, cells: cells)
            func cellLabel(_ cell: CellOverview) -> String { names.label(of: cell) }
            let roleTyped = typed[Field.role] ?? ""
            let explained: [(Account.Role, String)] = [
                (.secretary, "Ghi biên bản, văn bản và sổ đảng viên của một chi bộ."),
                (.committee, "Xem và xếp loại các chi bộ của một đảng bộ; không ghi sổ của chi bộ."),
                (.admin, "Làm được mọi việc: tài khoản, thiết lập, nhận và tải tệp."),
            ]
            roles = explained.map { role, explanation in
                Choice(
                    value: role.rawValue, text: role.vietnameseName.capitalizedFirst, explanation: explanation,
                    selected: role.rawValue == roleTyped, choiceID: "\(idPrefix)-vai-tro-\(role.rawValue)")
            }
            roleProblem = problems[Field.role]
            let cellTyped = typed[Field.cell] ?? ""
            let sortedCells = cells.sorted { VietnameseCollation.precedes(cellLabel($0), cellLabel($1)) }
            self.cells =
                [
                    Choice(
                        value: "", text: "— chọn chi bộ —", explanation: nil, selected: cellTyped.isEmpty, choiceID: "")
                ]
                + sortedCells.map {
                    Choice(
                        value: $0.id, text: cellLabel($0), explanation: nil, selected: $0.id == cellTyped, choiceID: "")
                }
            cellProblem = problems[Field.cell]
            let organizationTyped = typed[Field.organization] ?? ""
            self.organizations =
                [
                    Choice(
                        value: "", text: "— chọn đảng bộ —", explanation: nil, selected: organizationTyped.isEmpty,
                        choiceID: "")
                ]
                + CommitteeTree.paths(organizations).map {
                    Choice(
                        value: $0.organization.id, text: $0.path, explanation: nil,
                        selected: $0.organization.id == organizationTyped, choiceID: "")
                }
            organizationProblem = problems[Field.organization]
            confidentialChecked = !(typed[Field.confidential] ?? "").isEmpty
        }
    }

    /// The form that creates an account.
    struct CreateForm: Sendable {
        let action = Action.create
        let csrfToken: String
        let isOpen: Bool
        let summary: String?
        let nameValue: String
        let nameProblem: String?
        let scope: ScopeFields
        let passwordProblem: String?
        let passwordAgainProblem: String?
        let minimumLength = AccountRules.minimumPasswordLength
    }

    /// One account in the list, with its forms.
    struct Row: Sendable {
        let accountName: String
        let roleName: String
        let place: String?
        let confidential: String
        let created: String
        let anchor: String
        let csrfToken: String
        /// The new-password form (nil for a disabled account).
        let passwordOpen: Bool
        let passwordProblem: String?
        let passwordAgainProblem: String?
        /// Whether the disable form is shown; else `whyNotDisable` says why.
        let canDisable: Bool
        let whyNotDisable: String?
        let disableOpen: Bool
        let disableProblem: String?
        let isDisabled: Bool
        /// The page that changes the account's role (nil for one's own account).
        let changeLink: String?
        /// The enable form, open when it was refused, with its sentence.
        let enableOpen: Bool
        let enableProblem: String?
    }

    let pageTitle = "Tài khoản – Sổ Chi Bộ"
    let bar: WebAccountBar
    let savedNote: String?
    let create: CreateForm
    let rows: [Row]
    let disabledRows: [Row]
    let hasDisabled: Bool
    let countLine: String
    let passwordAction = Action.setPassword
    let disableAction = Action.disable
    let enableAction = Action.enable
    let minimumLength = AccountRules.minimumPasswordLength

    /// The page for the administrator `viewer`.
    ///
    /// - parameters:
    ///   - organizations: every committee (for names and the committee select, parents first).
    ///   - cells: every cell (for names and the cell select).
    ///   - done: what was just done, for the note; nil for none.
    ///   - refused: the form to show again, open, with its sentences.
    public init(
        bar: WebAccountBar, viewer: Account, accounts: [Account], organizations: [Organization],
        cells: [CellOverview], done: Done? = nil, refused: Refusal? = nil
    ) {
        self.bar = bar
        let csrfToken = bar.csrfToken
        let describe = PlaceNames(organizations: organizations, cells: cells)

        // The form that creates an account.
        let creating = refused?.form == .create ? refused : nil
        let typed = creating?.typed ?? [:]
        let problems = creating?.problems ?? [:]
        create = CreateForm(
            csrfToken: csrfToken, isOpen: creating != nil || accounts.count < 2,
            summary: creating.map { _ in
                "Chưa tạo tài khoản: hãy sửa chỗ có dấu ⚠ bên dưới, gõ lại mật khẩu hai lần rồi bấm “Tạo tài khoản”."
            },
            nameValue: typed[Field.name] ?? "", nameProblem: problems[Field.name],
            scope: ScopeFields(
                idPrefix: "tao", typed: typed, problems: problems, organizations: organizations, cells: cells),
            passwordProblem: problems[Field.password], passwordAgainProblem: problems[Field.passwordAgain])

        // The accounts.
        let enabledAdmins = accounts.filter { $0.role == .admin && !$0.disabled }.count
        let sorted = accounts.sorted { VietnameseCollation.precedes($0.name, $1.name) }
        var index = 0
        func row(_ account: Account) -> Row {
            index += 1
            let place = describe.place(of: account)
            let settingPassword = refused?.form == .setPassword(account: account.name) ? refused : nil
            let disabling = refused?.form == .disable(account: account.name) ? refused : nil
            let enabling = refused?.form == .enable(account: account.name) ? refused : nil
            let whyNot: String? =
                account.name == viewer.name
                ? "Đây là tài khoản đồng chí đang dùng: không tự khóa được."
                : account.role == .admin && enabledAdmins <= 1
                    ? "Đây là tài khoản quản trị cuối cùng còn dùng được: hãy tạo một tài khoản quản trị khác trước khi khóa."
                    : nil
            return Row(
                accountName: account.name, roleName: account.role.vietnameseName.capitalizedFirst, place: place,
                confidential: account.confidential ? "Được xem văn bản mật" : "Không xem văn bản mật",
                created: Self.createdDay(account.created), anchor: "tai-khoan-\(index)", csrfToken: csrfToken,
                passwordOpen: settingPassword != nil, passwordProblem: settingPassword?.problems[Field.password],
                passwordAgainProblem: settingPassword?.problems[Field.passwordAgain],
                canDisable: whyNot == nil && !account.disabled, whyNotDisable: whyNot,
                disableOpen: disabling != nil, disableProblem: disabling?.problems.values.first,
                isDisabled: account.disabled,
                changeLink: account.name == viewer.name || account.disabled
                    ? nil : Action.change + "?ten=" + WebPath.segment(account.name),
                enableOpen: enabling != nil, enableProblem: enabling?.problems.values.first)
        }
        rows = sorted.filter { !$0.disabled }.map(row)
        disabledRows = sorted.filter(\.disabled).map(row)
        hasDisabled = !disabledRows.isEmpty
        countLine =
            "\(rows.count) tài khoản đang dùng" + (disabledRows.isEmpty ? "" : ", \(disabledRows.count) đã khóa") + "."
        savedNote =
            switch done {
            case .created(let name)?:
                "Đã tạo tài khoản «\(name)». Hãy báo cho người dùng tên đăng nhập và mật khẩu; họ đăng nhập ở trang Đăng nhập của Sổ Chi Bộ."
            case .passwordSet(let name)?:
                "Đã đặt mật khẩu mới cho «\(name)». Mật khẩu cũ không dùng được nữa; hãy báo mật khẩu mới cho người dùng."
            case .disabled(let name)?:
                "Đã khóa tài khoản «\(name)». Tài khoản này không đăng nhập được nữa, cho đến khi được mở lại."
            case .enabled(let name)?:
                "Đã mở lại tài khoản «\(name)». Người dùng đăng nhập được bằng mật khẩu cũ; nếu họ quên, hãy đặt mật khẩu mới."
            case .changed(let name)?:
                "Đã đổi tài khoản «\(name)». Vai trò và quyền mới có hiệu lực ngay ở trang tiếp theo người dùng mở."
            case nil: nil
            }
    }

    /// "21/11/2026" from the stored ISO 8601 time, or the text as stored.
    private static func createdDay(_ created: String) -> String {
        guard let date = LocalDate(String(created.prefix(10))) else { return created }
        return "tạo ngày " + date.vietnameseShort
    }
}

/// The administrator's page that changes an account (`GET /tai-khoan/doi?ten=…`): what the
/// account is now, and one form with its role, its cell or committee and its clearance chosen
/// as stored, posted with the CSRF token to `AccountsPage.Action.change`. A refused change
/// comes back (422) with what was chosen and a sentence beside the field.
public struct AccountChangePage: Sendable {
    let pageTitle: String
    let bar: WebAccountBar
    let accountName: String
    let now: String
    let action = AccountsPage.Action.change
    let csrfToken: String
    let summary: String?
    let problem: String?
    let scope: AccountsPage.ScopeFields
    let backLink = "/tai-khoan"

    /// The page for `account`; `typed` (`AccountsPage.Field` names to values) and `problems`
    /// when a change was refused, else the account's own role and place are chosen.
    public init(
        bar: WebAccountBar, account: Account, organizations: [Organization], cells: [CellOverview],
        typed: [String: String]? = nil, problems: [String: String] = [:]
    ) {
        typealias Field = AccountsPage.Field
        self.bar = bar
        pageTitle = "Đổi tài khoản \(account.name) – Sổ Chi Bộ"
        accountName = account.name
        csrfToken = bar.csrfToken
        let names = PlaceNames(organizations: organizations, cells: cells)
        now =
            account.role.vietnameseName.capitalizedFirst
            + (names.place(of: account).map { " · " + $0 } ?? "")
            + (account.confidential ? " · được xem văn bản mật" : " · không xem văn bản mật")
        let chosen =
            typed ?? [
                Field.role: account.role.rawValue, Field.cell: account.cellID ?? "",
                Field.organization: account.organizationID ?? "", Field.confidential: account.confidential ? "co" : "",
            ]
        scope = AccountsPage.ScopeFields(
            idPrefix: "doi", typed: chosen, problems: problems, organizations: organizations, cells: cells)
        problem = problems[Field.name]
        summary =
            problems.isEmpty
            ? nil : "Chưa đổi gì: hãy sửa chỗ có dấu ⚠ bên dưới rồi bấm “Lưu thay đổi”."
    }
}

/// The names an account's place is shown by: a committee's name, or a cell's with its
/// committee's ("Chi bộ thôn Nà Pàn (Đảng bộ xã Hợp Thành)"); the identifier when the archive
/// no longer holds it.
struct PlaceNames {
    let organizationNames: [String: String]
    let cells: [String: CellOverview]

    init(organizations: [Organization], cells: [CellOverview]) {
        organizationNames = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.cells = Dictionary(cells.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// "Chi bộ thôn Nà Pàn (Đảng bộ xã Hợp Thành)".
    func label(of cell: CellOverview) -> String {
        "\(cell.name) (\(organizationNames[cell.organization] ?? cell.organization))"
    }

    /// "Toàn bộ sổ" for an administrator, else the name of the account's committee or cell.
    func place(of account: Account) -> String? {
        switch account.role {
        case .admin: "Toàn bộ sổ"
        case .committee: account.organizationID.map { organizationNames[$0] ?? $0 }
        case .secretary: account.cellID.map { id in cells[id].map(label) ?? id }
        }
    }
}

/// Committees in the order of their tree: each parent before the committees under it,
/// siblings in Vietnamese order, each with the path of names from the top ("Đảng bộ tỉnh
/// Lạng Sơn › Đảng bộ xã Hợp Thành"), so that two communes of the same name in different
/// provinces are told apart. A committee whose parent is not in the list starts a tree.
public enum CommitteeTree {
    /// The committees of `organizations` in tree order, with their paths.
    public static func paths(_ organizations: [Organization]) -> [(organization: Organization, path: String)] {
        let ids = Set(organizations.map(\.id))
        var children: [String?: [Organization]] = [:]
        for organization in organizations {
            let parent = organization.parentID.flatMap { ids.contains($0) ? $0 : nil }
            children[parent, default: []].append(organization)
        }
        var result: [(organization: Organization, path: String)] = []
        var seen: Set<String> = []
        func visit(_ parent: String?, prefix: String) {
            let siblings = (children[parent] ?? []).sorted { VietnameseCollation.precedes($0.name, $1.name) }
            for organization in siblings where seen.insert(organization.id).inserted {
                let path = prefix.isEmpty ? organization.name : prefix + " › " + organization.name
                result.append((organization, path))
                visit(organization.id, prefix: path)
            }
        }
        visit(nil, prefix: "")
        // A cycle of parents has no top: list what is left after the rest.
        for organization in organizations.sorted(by: { VietnameseCollation.precedes($0.name, $1.name) })
        where !seen.contains(organization.id) {
            seen.insert(organization.id)
            result.append((organization, organization.name))
        }
        return result
    }
}
