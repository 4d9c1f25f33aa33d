/// The accounts of the web app, kept in the archive: what `sochibo user …` and the web app's
/// login ask of a store. Every write is one transaction with its entry in the audit log
/// (action `add-account`, `change-password`, `disable-account`, `enable-account` or
/// `change-account`, kind `account`, the
/// account's name as the record; never the password or its hash).
///
/// Passwords are hashed with bcrypt at `cost` (12 in production; tests pass a lower one).
///
/// ```swift
/// let admin = try await archive.addAccount(
///     Account(name: "quantri", role: .admin), password: "mật khẩu dài", context: AuditContext(actor: "root"))
/// try await archive.authenticate(name: "quantri", password: "mật khẩu dài")   // the account
/// ```
public protocol AccountService: Sendable {
    /// Stores a new account with the bcrypt hash of `password`.
    ///
    /// - returns: the account as stored (name in NFC, `created` set).
    /// - throws: `AccountError.invalidName`, `.passwordTooShort`, `.alreadyExists`,
    ///   `.missingScope` (a secretary without a cell, a committee account without an
    ///   organization), `.unknownCell`, `.unknownOrganization`.
    func addAccount(_ account: Account, password: String, cost: Int, context: AuditContext) async throws -> Account
    /// Every account, by name.
    func accounts() async throws -> [Account]
    /// The account named `name` (NFC, trimmed), disabled or not; nil when there is none.
    func account(named name: String) async throws -> Account?
    /// Replaces an account's password. - throws: `AccountError.notFound`, `.passwordTooShort`.
    func setPassword(name: String, password: String, cost: Int, context: AuditContext) async throws
    /// Disables an account; it cannot log in again. The last enabled administrator stays
    /// (someone must be left to keep the accounts; issue 12, "admin: accounts, setup…").
    ///
    /// - throws: `AccountError.notFound`, `AccountError.lastAdministrator`.
    func disableAccount(name: String, context: AuditContext) async throws -> Account
    /// Lets a disabled account log in again; an enabled one is returned unchanged.
    ///
    /// - throws: `AccountError.notFound`.
    func enableAccount(name: String, context: AuditContext) async throws -> Account
    /// Gives the account named `changed.name` the role, committee or cell and confidential
    /// clearance of `changed`, keeping its password; the administrator's role is never taken
    /// from the last enabled administrator.
    ///
    /// - throws: `AccountError.notFound`, `.missingScope`, `.unknownCell`,
    ///   `.unknownOrganization`, `.lastAdministratorRole`.
    func changeAccount(_ changed: Account, context: AuditContext) async throws -> Account
    /// The enabled account whose password is `password`; nil for an unknown name, a wrong
    /// password or a disabled account (all three take a bcrypt verification's time).
    func authenticate(name: String, password: String) async throws -> Account?
    /// The cells under a committee, its sub-committees' included, by identifier.
    func cellIDs(underOrganization organizationID: String) async throws -> Set<String>
}

extension AccountService {
    /// Stores a new account, hashing at the production cost (12).
    public func addAccount(_ account: Account, password: String, context: AuditContext) async throws -> Account {
        try await addAccount(account, password: password, cost: AccountRules.productionCost, context: context)
    }

    /// Replaces an account's password, hashing at the production cost (12).
    public func setPassword(name: String, password: String, context: AuditContext) async throws {
        try await setPassword(name: name, password: password, cost: AccountRules.productionCost, context: context)
    }
}

/// The rules an account's name and password must follow, as pure functions.
public enum AccountRules {
    /// The bcrypt cost of stored passwords.
    public static let productionCost = 12
    /// The shortest password accepted, in characters.
    public static let minimumPasswordLength = 8
    /// The longest name accepted, in characters.
    public static let maximumNameLength = 64

    /// `name` as it is stored and looked up: trimmed, NFC.
    public static func normalizedName(_ name: String) -> String {
        TextNormalization.nfc(TextNormalization.trimmed(name))
    }

    /// Why `name` cannot be an account's name, or nil when it can.
    public static func problem(withName name: String) -> AccountError? {
        let name = normalizedName(name)
        if name.isEmpty || name.count > maximumNameLength
            || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            return .invalidName(name)
        }
        return nil
    }
}

/// What can go wrong with accounts, typed; `vietnameseDescription` says it to a person.
public enum AccountError: Error, Sendable, Equatable {
    /// The name is empty, too long, or holds control characters.
    case invalidName(String)
    /// An account with this name exists already.
    case alreadyExists(String)
    /// No account has this name.
    case notFound(String)
    /// The password is shorter than `AccountRules.minimumPasswordLength`.
    case passwordTooShort
    /// A secretary needs a cell; a committee account an organization.
    case missingScope(Account.Role)
    /// The cell named does not exist in the archive.
    case unknownCell(String)
    /// The organization named does not exist in the archive.
    case unknownOrganization(String)
    /// Disabling the only enabled administrator would leave no one to keep the accounts.
    case lastAdministrator(String)
    /// An administrator disabling the account they are logged in with (the web app refuses
    /// it; the store cannot know who is logged in).
    case ownAccount(String)
    /// Taking the administrator's role from the only enabled administrator.
    case lastAdministratorRole(String)
    /// An administrator changing the role or clearance of the account they are logged in
    /// with (the web app refuses it, as it refuses disabling it).
    case ownRole(String)

    /// One sentence in Vietnamese, without the program's name, that says what to do.
    public var vietnameseDescription: String {
        switch self {
        case .invalidName(let name):
            "tên đăng nhập «\(name)» không dùng được: cần từ 1 đến \(AccountRules.maximumNameLength) ký tự, không có ký tự điều khiển"
        case .alreadyExists(let name): "đã có tài khoản «\(name)»; hãy chọn tên khác"
        case .notFound(let name): "không có tài khoản «\(name)»"
        case .passwordTooShort: "mật khẩu cần ít nhất \(AccountRules.minimumPasswordLength) ký tự"
        case .missingScope(.secretary): "tài khoản bí thư cần chỉ rõ chi bộ của mình"
        case .missingScope(.committee): "tài khoản văn phòng đảng ủy cần chỉ rõ đảng bộ của mình"
        case .missingScope(.admin): "tài khoản quản trị không gắn với chi bộ hay đảng bộ nào"
        case .unknownCell(let id): "không có chi bộ «\(id)» trong kho lưu trữ"
        case .unknownOrganization(let id): "không có đảng bộ «\(id)» trong kho lưu trữ"
        case .lastAdministrator(let name):
            "«\(name)» là tài khoản quản trị cuối cùng còn dùng được; hãy tạo một tài khoản quản trị khác trước khi khóa tài khoản này"
        case .ownAccount(let name):
            "«\(name)» là tài khoản đồng chí đang đăng nhập; không tự khóa được, hãy nhờ một quản trị viên khác"
        case .lastAdministratorRole(let name):
            "«\(name)» là tài khoản quản trị cuối cùng còn dùng được; hãy tạo một tài khoản quản trị khác trước khi đổi vai trò của tài khoản này"
        case .ownRole(let name):
            "«\(name)» là tài khoản đồng chí đang đăng nhập; không tự đổi vai trò hay quyền của mình được, hãy nhờ một quản trị viên khác"
        }
    }
}
