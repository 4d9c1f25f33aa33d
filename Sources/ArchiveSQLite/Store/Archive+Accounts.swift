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
        var stored = account
        stored.name = AccountRules.normalizedName(account.name)
        stored.cellID = account.cellID.map(TextNormalization.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        stored.organizationID = account.organizationID.map(TextNormalization.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        stored.disabled = false
        stored.created = context.time
        if let problem = AccountRules.problem(withName: stored.name) { throw problem }
        switch stored.role {
        case .secretary:
            guard stored.cellID != nil, stored.organizationID == nil else {
                throw AccountError.missingScope(.secretary)
            }
        case .committee:
            guard stored.organizationID != nil, stored.cellID == nil else {
                throw AccountError.missingScope(.committee)
            }
        case .admin:
            guard stored.cellID == nil, stored.organizationID == nil else { throw AccountError.missingScope(.admin) }
        }
        let hash = try await Self.hash(password, cost: cost)
        let account = stored
        return try await write { db in
            let stored = account
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [stored.name]) != nil {
                throw AccountError.alreadyExists(stored.name)
            }
            if let cell = stored.cellID,
                try Bool.fetchOne(db, sql: "SELECT 1 FROM cell WHERE id = ?", arguments: [cell]) == nil
            {
                throw AccountError.unknownCell(cell)
            }
            if let organization = stored.organizationID,
                try Bool.fetchOne(db, sql: "SELECT 1 FROM organization WHERE id = ?", arguments: [organization]) == nil
            {
                throw AccountError.unknownOrganization(organization)
            }
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
            try Row.fetchOne(db, sql: "SELECT * FROM account WHERE name = ?", arguments: [name]).map(Self.account)
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
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE name = ?", arguments: [name]) else {
                throw AccountError.notFound(name)
            }
            var account = try Self.account(row)
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
                    db,
                    sql: """
                        WITH RECURSIVE below(id) AS (
                            SELECT id FROM organization WHERE id = ?
                            UNION SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
                        SELECT id FROM cell WHERE organization_id IN (SELECT id FROM below)
                        """, arguments: [organizationID]))
        }
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
