import ArchiveCore
import Dispatch
import GRDB
import HummingbirdBcrypt

extension Archive: AccountService {
    /// Stores a new account with the bcrypt hash of `password`, and an `add-account` entry in
    /// the audit log, in one transaction.
    ///
    /// ```swift
    /// try await archive.addAccount(
    ///     Account(name: "thu.napan", role: .secretary, cellID: "cb-na-pan"), password: "…",
    ///     context: AuditContext(actor: "quantri"))
    /// ```
    ///
    /// - returns: the account as stored (name in NFC, `created` set, not disabled).
    /// - throws: `AccountError` (see `AccountService.addAccount`).
    public func addAccount(
        _ account: Account, password: String, cost: Int, context: AuditContext
    ) async throws
        -> Account
    {
        var stored = try Self.scoped(account)
        stored.disabled = false
        stored.created = context.time
        if let problem = AccountRules.problem(withName: stored.name) { throw problem }
        let hash = try await Self.hash(password, cost: cost)
        let account = stored
        return try await write { db in
            let stored = account
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [stored.name]) != nil {
                throw AccountError.alreadyExists(stored.name)
            }
            try Self.checkPlace(of: stored, db)
            try db.execute(
                sql: """
                    INSERT INTO account (name, role, cell_id, organization_id, confidential, password_bcrypt, created)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    stored.name, stored.role.rawValue, stored.cellID, stored.organizationID, stored.confidential,
                    hash, stored.created,
                ])
            try AuditLog(db: db).append(
                .addAccount, subject: "account", record: stored.name, version: nil, sha256: nil, context: context)
            return stored
        }
    }

    /// Every account, by name.
    public func accounts() async throws -> [Account] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY name").map(Self.account)
        }
    }

    /// The account named `name` (NFC, trimmed), disabled or not; nil when there is none.
    public func account(named name: String) async throws -> Account? {
        let name = AccountRules.normalizedName(name)
        return try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM account WHERE name = ?"), arguments: [name])
                .map(Self.account)
        }
    }

    /// Replaces an account's password, with a `change-password` entry in the audit log.
    ///
    /// - throws: `AccountError.notFound`, `AccountError.passwordTooShort`.
    public func setPassword(name: String, password: String, cost: Int, context: AuditContext) async throws {
        let name = AccountRules.normalizedName(name)
        guard try await account(named: name) != nil else { throw AccountError.notFound(name) }
        let hash = try await Self.hash(password, cost: cost)
        try await write { db in
            try db.execute(sql: "UPDATE account SET password_bcrypt = ? WHERE name = ?", arguments: [hash, name])
            guard db.changesCount == 1 else { throw AccountError.notFound(name) }
            try AuditLog(db: db).append(
                .changePassword, subject: "account", record: name, version: nil, sha256: nil, context: context)
        }
    }

    /// Disables an account, with a `disable-account` entry in the audit log; disabling a
    /// disabled account changes nothing and writes nothing. The last enabled administrator
    /// is refused, counted in the same transaction (two administrators disabling each other
    /// at once cannot both succeed).
    ///
    /// - returns: the account, disabled.
    /// - throws: `AccountError.notFound`, `AccountError.lastAdministrator`.
    public func disableAccount(name: String, context: AuditContext) async throws -> Account {
        let name = AccountRules.normalizedName(name)
        return try await write { db in
            var account = try Self.stored(db, named: name)
            if account.disabled { return account }
            if account.role == .admin {
                let enabled =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM account WHERE role = 'admin' AND disabled = 0") ?? 0
                if enabled <= 1 { throw AccountError.lastAdministrator(name) }
            }
            try db.execute(sql: "UPDATE account SET disabled = 1 WHERE name = ?", arguments: [name])
            try AuditLog(db: db).append(
                .disableAccount, subject: "account", record: name, version: nil, sha256: nil, context: context)
            account.disabled = true
            return account
        }
    }

    /// Lets a disabled account log in again, with an `enable-account` entry in the audit log;
    /// an enabled account is returned as it is and nothing is written.
    ///
    /// - returns: the account, enabled.
    /// - throws: `AccountError.notFound`.
    public func enableAccount(name: String, context: AuditContext) async throws -> Account {
        let name = AccountRules.normalizedName(name)
        return try await write { db in
            var account = try Self.stored(db, named: name)
            guard account.disabled else { return account }
            try db.execute(sql: "UPDATE account SET disabled = 0 WHERE name = ?", arguments: [name])
            try AuditLog(db: db).append(
                .enableAccount, subject: "account", record: name, version: nil, sha256: nil, context: context)
            account.disabled = false
            return account
        }
    }

    /// Gives the account named `changed.name` the role, committee or cell, and confidential
    /// clearance of `changed` (its password, creation and disabled state are kept), with a
    /// `change-account` entry in the audit log; when nothing differs, nothing is written.
    /// Taking the administrator's role from the last enabled administrator is refused, counted
    /// in the same transaction.
    ///
    /// - returns: the account as stored.
    /// - throws: `AccountError.notFound`, `.missingScope`, `.unknownCell`,
    ///   `.unknownOrganization`, `.lastAdministratorRole`.
    public func changeAccount(_ changed: Account, context: AuditContext) async throws -> Account {
        let wanted = try Self.scoped(changed)
        return try await write { db in
            var account = try Self.stored(db, named: wanted.name)
            guard
                account.role != wanted.role || account.cellID != wanted.cellID
                    || account.organizationID != wanted.organizationID || account.confidential != wanted.confidential
            else { return account }
            try Self.checkPlace(of: wanted, db)
            if account.role == .admin, wanted.role != .admin, !account.disabled {
                let enabled =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM account WHERE role = 'admin' AND disabled = 0") ?? 0
                if enabled <= 1 { throw AccountError.lastAdministratorRole(account.name) }
            }
            account.role = wanted.role
            account.cellID = wanted.cellID
            account.organizationID = wanted.organizationID
            account.confidential = wanted.confidential
            try db.execute(
                sql: "UPDATE account SET role = ?, cell_id = ?, organization_id = ?, confidential = ? WHERE name = ?",
                arguments: [
                    account.role.rawValue, account.cellID, account.organizationID, account.confidential, account.name,
                ])
            try AuditLog(db: db).append(
                .changeAccount, subject: "account", record: account.name, version: nil, sha256: nil,
                context: context)
            return account
        }
    }

    /// `account` with its name normalized and the place its role needs (a secretary's cell, a
    /// committee account's committee, nothing for an administrator), blank places as none.
    ///
    /// - throws: `AccountError.missingScope` when the place does not go with the role.
    private static func scoped(_ account: Account) throws -> Account {
        var scoped = account
        scoped.name = AccountRules.normalizedName(account.name)
        scoped.cellID = account.cellID.map(TextNormalization.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        scoped.organizationID = account.organizationID.map(TextNormalization.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        switch scoped.role {
        case .secretary:
            guard scoped.cellID != nil, scoped.organizationID == nil else {
                throw AccountError.missingScope(.secretary)
            }
        case .committee:
            guard scoped.organizationID != nil, scoped.cellID == nil else {
                throw AccountError.missingScope(.committee)
            }
        case .admin:
            guard scoped.cellID == nil, scoped.organizationID == nil else { throw AccountError.missingScope(.admin) }
        }
        return scoped
    }

    /// Refuses a cell or committee the archive does not hold.
    ///
    /// - throws: `AccountError.unknownCell`, `AccountError.unknownOrganization`.
    private static func checkPlace(of account: Account, _ db: Database) throws {
        if let cell = account.cellID,
            try Bool.fetchOne(db, sql: "SELECT 1 FROM cell WHERE id = ?", arguments: [cell]) == nil
        {
            throw AccountError.unknownCell(cell)
        }
        if let organization = account.organizationID,
            try Bool.fetchOne(db, sql: "SELECT 1 FROM organization WHERE id = ?", arguments: [organization]) == nil
        {
            throw AccountError.unknownOrganization(organization)
        }
    }

    /// The enabled account whose password is `password`, or nil. An unknown name is checked
    /// against a fixed hash, so that the answer takes as long as for a known one.
    public func authenticate(name: String, password: String) async throws -> Account? {
        let name = AccountRules.normalizedName(name)
        let found = try await pool.read { db -> (Account, String)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE name = ?", arguments: [name]) else {
                return nil
            }
            return (try Self.account(row), row["password_bcrypt"])
        }
        let matches = try await Self.verify(password, hash: found?.1 ?? Self.unknownAccountHash)
        guard let account = found?.0, matches, !account.disabled else { return nil }
        return account
    }

    /// The cells under a committee and its sub-committees.
    public func cellIDs(underOrganization organizationID: String) async throws -> Set<String> {
        try await pool.read { db in
            Set(
                try String.fetchAll(
                    db.cachedStatement(
                        sql: """
                            WITH RECURSIVE below(id) AS (
                                SELECT id FROM organization WHERE id = ?
                                UNION SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
                            SELECT id FROM cell WHERE organization_id IN (SELECT id FROM below)
                            """), arguments: [organizationID]))
        }
    }

    /// The account named `name` (already normalized), read inside the caller's transaction.
    ///
    /// - throws: `AccountError.notFound`.
    private static func stored(_ db: Database, named name: String) throws -> Account {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE name = ?", arguments: [name]) else {
            throw AccountError.notFound(name)
        }
        return try account(row)
    }

    private static func account(_ row: Row) throws -> Account {
        let role: String = row["role"]
        guard let known = Account.Role(rawValue: role) else {
            throw ArchiveError.corrupt("tài khoản có vai trò lạ: \(role)")
        }
        return Account(
            name: row["name"], role: known, cellID: row["cell_id"], organizationID: row["organization_id"],
            confidential: row["confidential"], disabled: row["disabled"], created: row["created"])
    }

    /// A hash no password is checked against but an unknown name's, at the production cost.
    private static let unknownAccountHash = Bcrypt.hash("không có tài khoản này", cost: 12)

    /// Bcrypt takes a quarter of a second at cost 12: it runs on a dispatch queue, off the
    /// tasks that serve requests.
    private static func hash(_ password: String, cost: Int) async throws -> String {
        guard password.count >= AccountRules.minimumPasswordLength else { throw AccountError.passwordTooShort }
        let cost = UInt8(clamping: max(4, min(cost, 31)))
        return await offloaded { Bcrypt.hash(password, cost: cost) }
    }

    private static func verify(_ password: String, hash: String) async throws -> Bool {
        await offloaded { Bcrypt.verify(password, hash: hash) }
    }

    private static func offloaded<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
