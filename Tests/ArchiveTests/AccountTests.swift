import ArchiveCore
import ArchiveSQLite
import Foundation
import Testing

/// The web app's accounts in the archive: rules, bcrypt, audit log, migration.
@Suite struct AccountTests {
    static let actor = AuditContext(actor: "Hà Văn Lợi")

    @Test func accountsAreStoredHashedAndLogged() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let added = try await archive.addAccount(
            Account(name: "  thu.napan ", role: .secretary, cellID: "cb-na-pan"), password: "mật khẩu dài", cost: 4,
            context: Self.actor)
        #expect(added.name == "thu.napan")
        #expect(!added.created.isEmpty)
        #expect(try await archive.authenticate(name: "thu.napan", password: "mật khẩu dài") == added)
        #expect(try await archive.authenticate(name: "thu.napan", password: "mat khau dai") == nil)
        #expect(try await archive.authenticate(name: "khong-co", password: "mật khẩu dài") == nil)
        try await archive.setPassword(name: "thu.napan", password: "mật khẩu mới", cost: 4, context: Self.actor)
        #expect(try await archive.authenticate(name: "thu.napan", password: "mật khẩu dài") == nil)
        #expect(try await archive.authenticate(name: "thu.napan", password: "mật khẩu mới") != nil)
        let disabled = try await archive.disableAccount(name: "thu.napan", context: Self.actor)
        #expect(disabled.disabled)
        #expect(try await archive.authenticate(name: "thu.napan", password: "mật khẩu mới") == nil)
        #expect(try await archive.accounts().map(\.name) == ["thu.napan"])

        let log = try await archive.auditLog(record: "thu.napan")
        #expect(log.map(\.action) == [.addAccount, .changePassword, .disableAccount])
        #expect(log.allSatisfy { $0.actor == "Hà Văn Lợi" && $0.kind == "account" && $0.sha256 == nil })
        // The hash is in the database, in bcrypt's form, and nowhere in the log.
        let hash = try SQLiteShell.query(archive, "SELECT password_bcrypt FROM account")
        #expect(hash.hasPrefix("$2"))
        #expect(try await archive.check().problems.isEmpty)
    }

    @Test func accountsFollowTheirRules() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        func add(_ account: Account, _ password: String = "đủ tám ký tự") async -> AccountError? {
            do {
                _ = try await archive.addAccount(account, password: password, cost: 4, context: Self.actor)
                return nil
            } catch {
                return error as? AccountError
            }
        }
        #expect(await add(Account(name: "a", role: .secretary)) == .missingScope(.secretary))
        #expect(await add(Account(name: "a", role: .committee)) == .missingScope(.committee))
        #expect(await add(Account(name: "a", role: .admin, cellID: "cb-na-pan")) == .missingScope(.admin))
        #expect(await add(Account(name: "a", role: .secretary, cellID: "cb-khong-co")) == .unknownCell("cb-khong-co"))
        #expect(
            await add(Account(name: "a", role: .committee, organizationID: "khong-co"))
                == .unknownOrganization("khong-co"))
        #expect(await add(Account(name: " ", role: .admin)) == .invalidName(""))
        #expect(await add(Account(name: "a", role: .admin), "ngắn") == .passwordTooShort)
        #expect(await add(Account(name: "Quản trị", role: .admin)) == nil)
        #expect(await add(Account(name: "Quản trị", role: .admin)) == .alreadyExists("Quản trị"))
        await #expect(throws: AccountError.notFound("x")) {
            try await archive.setPassword(name: "x", password: "đủ tám ký tự", cost: 4, context: Self.actor)
        }
        #expect(try await archive.accounts().count == 1)
        #expect(try await archive.auditLog(record: "a").isEmpty)
    }

    @Test func theLastAdministratorIsNeverDisabled() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        for name in ["quantri", "quantri2"] {
            _ = try await archive.addAccount(
                Account(name: name, role: .admin), password: "đủ tám ký tự", cost: 4, context: Self.actor)
        }
        _ = try await archive.addAccount(
            Account(name: "thu.napan", role: .secretary, cellID: "cb-na-pan"), password: "đủ tám ký tự", cost: 4,
            context: Self.actor)
        #expect(try await archive.disableAccount(name: "quantri2", context: Self.actor).disabled)
        let before = try await archive.auditLog(record: nil).count
        await #expect(throws: AccountError.lastAdministrator("quantri")) {
            _ = try await archive.disableAccount(name: "quantri", context: Self.actor)
        }
        #expect(try await archive.account(named: "quantri")?.disabled == false)
        #expect(try await archive.auditLog(record: nil).count == before)
        // Any other account still can be disabled, and a disabled admin asked again writes nothing.
        #expect(try await archive.disableAccount(name: "thu.napan", context: Self.actor).disabled)
        #expect(try await archive.disableAccount(name: "quantri2", context: Self.actor).disabled)
        #expect(AccountError.lastAdministrator("quantri").formSentence.contains("quản trị cuối cùng"))
    }

    @Test func aDisabledAccountIsEnabledAgainWithItsOldPassword() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        _ = try await archive.addAccount(
            Account(name: "thu.napan", role: .secretary, cellID: "cb-na-pan"), password: "mật khẩu dài", cost: 4,
            context: Self.actor)
        _ = try await archive.disableAccount(name: "thu.napan", context: Self.actor)
        #expect(try await archive.authenticate(name: "thu.napan", password: "mật khẩu dài") == nil)
        let enabled = try await archive.enableAccount(name: " thu.napan ", context: Self.actor)
        #expect(!enabled.disabled && enabled.cellID == "cb-na-pan")
        #expect(try await archive.authenticate(name: "thu.napan", password: "mật khẩu dài") != nil)
        // Enabling an enabled account writes nothing; an unknown name is refused.
        let before = try await archive.auditLog(record: nil).count
        #expect(try await !archive.enableAccount(name: "thu.napan", context: Self.actor).disabled)
        #expect(try await archive.auditLog(record: nil).count == before)
        await #expect(throws: AccountError.notFound("khong-co")) {
            _ = try await archive.enableAccount(name: "khong-co", context: Self.actor)
        }
        let log = try await archive.auditLog(record: "thu.napan")
        #expect(log.map(\.action) == [.addAccount, .disableAccount, .enableAccount])
        #expect(try await archive.check().problems.isEmpty)
    }

    @Test func anAccountChangesRoleKeepingItsPassword() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        _ = try await archive.addAccount(
            Account(name: "quantri", role: .admin), password: "đủ tám ký tự", cost: 4, context: Self.actor)
        _ = try await archive.addAccount(
            Account(name: "thu.napan", role: .secretary, cellID: "cb-na-pan"), password: "mật khẩu dài", cost: 4,
            context: Self.actor)
        let office = try await archive.changeAccount(
            Account(name: "thu.napan", role: .committee, organizationID: " dbx-hop-thanh ", confidential: true),
            context: Self.actor)
        #expect(office.role == .committee && office.organizationID == "dbx-hop-thanh" && office.cellID == nil)
        #expect(office.confidential && !office.created.isEmpty)
        #expect(try await archive.authenticate(name: "thu.napan", password: "mật khẩu dài") == office)

        let before = try await archive.auditLog(record: nil).count
        func refused(_ account: Account) async -> AccountError? {
            do {
                _ = try await archive.changeAccount(account, context: Self.actor)
                return nil
            } catch { return error as? AccountError }
        }
        #expect(await refused(Account(name: "thu.napan", role: .secretary)) == .missingScope(.secretary))
        #expect(await refused(Account(name: "thu.napan", role: .secretary, cellID: "cb-x")) == .unknownCell("cb-x"))
        #expect(
            await refused(Account(name: "thu.napan", role: .committee, organizationID: "x"))
                == .unknownOrganization("x"))
        #expect(await refused(Account(name: "khong-co", role: .admin)) == .notFound("khong-co"))
        // The only administrator keeps the role: someone must be left to keep the accounts.
        #expect(
            await refused(Account(name: "quantri", role: .secretary, cellID: "cb-na-pan"))
                == .lastAdministratorRole("quantri"))
        // The same account as stored changes nothing and writes nothing.
        #expect(try await archive.changeAccount(office, context: Self.actor) == office)
        #expect(try await archive.auditLog(record: nil).count == before)
        #expect(try await archive.account(named: "quantri")?.role == .admin)

        // With a second administrator, the first may become a secretary.
        _ = try await archive.changeAccount(Account(name: "thu.napan", role: .admin), context: Self.actor)
        let secretary = try await archive.changeAccount(
            Account(name: "quantri", role: .secretary, cellID: "cb-khuoi-ma"), context: Self.actor)
        #expect(secretary.role == .secretary && secretary.cellID == "cb-khuoi-ma" && !secretary.confidential)
        let log = try await archive.auditLog(record: "thu.napan")
        #expect(log.map(\.action) == [.addAccount, .changeAccount, .changeAccount])
        #expect(try await archive.check().problems.isEmpty)
    }

    @Test func committeesReachTheCellsOfTheirSubCommittees() async throws {
        let archive = try await Support.archive(with: [
            "archive/samples/dbx-hop-thanh.xml", "fixtures/valid/minimal.xml",
        ])
        let cells: Set<String> = ["cb-na-pan", "cb-phai-luong", "cb-khuoi-ma"]
        #expect(try await archive.cellIDs(underOrganization: "dbx-hop-thanh") == cells)
        #expect(try await archive.cellIDs(underOrganization: "tu-lang-son") == cells)
        #expect(try await archive.cellIDs(underOrganization: "dbx-test") == ["cb-a"])
        #expect(try await archive.cellIDs(underOrganization: "khong-co").isEmpty)
    }

    @Test func aBackupWithAccountEntriesInItsLogStillImports() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        _ = try await archive.addAccount(
            Account(name: "quantri", role: .admin), password: "đủ tám ký tự", cost: 4, context: Self.actor)
        let file = Support.temporaryDirectory("backup") + "/sao-luu.xml"
        try await archive.export(ExportSelection(withLog: true), to: file)
        let restored = try Support.emptyArchive()
        _ = try await restored.importFiles([file], context: Self.actor)
        #expect(try await restored.auditLog(record: "quantri").map(\.action) == [.addAccount])
        #expect(try await restored.check().problems.isEmpty)
    }
}
