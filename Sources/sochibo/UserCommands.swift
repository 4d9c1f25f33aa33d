import ArchiveCore
import ArchiveSQLite
import ArgumentParser
import Foundation

/// `sochibo user …`: the web app's accounts, kept in the archive.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Quản lý tài khoản đăng nhập trang web (lưu trong kho).",
        subcommands: [
            UserAddCommand.self, UserListCommand.self, UserPasswordCommand.self, UserDisableCommand.self,
            UserEnableCommand.self, UserChangeCommand.self,
        ])
}

extension Account.Role: ExpressibleByArgument {}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Tạo tài khoản; mật khẩu đọc từ đầu vào chuẩn (hỏi hai lần khi gõ tại màn hình).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Tên đăng nhập.", valueName: "TÊN_ĐĂNG_NHẬP"))
    var name: String

    @Option(
        help: ArgumentHelp(
            "Vai trò: admin (quản trị), committee (văn phòng đảng ủy) hoặc secretary (bí thư chi bộ).",
            valueName: "VAI_TRÒ"))
    var role: Account.Role

    @Option(help: ArgumentHelp("Chi bộ của tài khoản bí thư.", valueName: "CHI_BỘ"))
    var cell: String?

    @Option(help: ArgumentHelp("Đảng bộ của tài khoản văn phòng đảng ủy.", valueName: "ĐẢNG_BỘ"))
    var organization: String?

    @Flag(help: "Cho phép xem văn bản Mật, Tối mật, Tuyệt mật.")
    var confidential = false

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let cellID = try await archive.cellID(cell)
            let organizationID = try await archive.organizationID(organization)
            let password = try PasswordInput.read(confirm: true)
            let account = try await archive.addAccount(
                Account(
                    name: name, role: role, cellID: cellID, organizationID: organizationID, confidential: confidential),
                password: password, context: actor.context)
            print("Đã tạo tài khoản \(account.name) (\(UserText.scope(account))).")
        }
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê các tài khoản.")

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: OutputFormat = .text

    func run() async throws {
        try await Failure.guarding {
            let accounts = try await options.open().accounts()
            switch format {
            case .text: print(UserText.render(accounts))
            case .json: print(try JSONOutput.string(accounts))
            }
        }
    }
}

struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Đặt mật khẩu mới cho một tài khoản (đọc từ đầu vào chuẩn).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Tên đăng nhập.", valueName: "TÊN_ĐĂNG_NHẬP"))
    var name: String

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let password = try PasswordInput.read(confirm: true)
            try await archive.setPassword(name: name, password: password, context: actor.context)
            print("Đã đổi mật khẩu của \(AccountRules.normalizedName(name)).")
        }
    }
}

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Khóa một tài khoản: không đăng nhập được nữa (vẫn giữ trong nhật ký).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Tên đăng nhập.", valueName: "TÊN_ĐĂNG_NHẬP"))
    var name: String

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            if let before = try await archive.account(named: name), before.disabled {
                print("Tài khoản \(before.name) đã khóa từ trước; không có gì thay đổi.")
                return
            }
            let account = try await archive.disableAccount(name: name, context: actor.context)
            print("Đã khóa tài khoản \(account.name).")
        }
    }
}

struct UserEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Mở lại một tài khoản đã khóa: đăng nhập lại được bằng mật khẩu cũ.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Tên đăng nhập.", valueName: "TÊN_ĐĂNG_NHẬP"))
    var name: String

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            if let before = try await archive.account(named: name), !before.disabled {
                print("Tài khoản \(before.name) vẫn đang mở (\(UserText.scope(before))); không có gì thay đổi.")
                return
            }
            let account = try await archive.enableAccount(name: name, context: actor.context)
            print("Đã mở lại tài khoản \(account.name) (\(UserText.scope(account))).")
        }
    }
}

/// `sochibo user change NAME [--role R] [--cell ID] [--organization ID] [--confidential |
/// --no-confidential]`: what is not given stays; a new role drops the place of the old one.
struct UserChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Đổi vai trò, chi bộ, đảng bộ hoặc quyền xem văn bản mật của một tài khoản (giữ mật khẩu).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Tên đăng nhập.", valueName: "TÊN_ĐĂNG_NHẬP"))
    var name: String

    @Option(
        help: ArgumentHelp(
            "Vai trò mới: admin (quản trị), committee (văn phòng đảng ủy) hoặc secretary (bí thư chi bộ).",
            valueName: "VAI_TRÒ"))
    var role: Account.Role?

    @Option(help: ArgumentHelp("Chi bộ mới của tài khoản bí thư (mã hoặc tên).", valueName: "CHI_BỘ"))
    var cell: String?

    @Option(help: ArgumentHelp("Đảng bộ mới của tài khoản văn phòng đảng ủy (mã hoặc tên).", valueName: "ĐẢNG_BỘ"))
    var organization: String?

    @Flag(inversion: .prefixedNo, help: "Cho phép (hoặc thôi cho phép) xem văn bản Mật, Tối mật, Tuyệt mật.")
    var confidential: Bool?

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            guard var account = try await archive.account(named: name) else {
                throw AccountError.notFound(AccountRules.normalizedName(name))
            }
            let original = account
            if let role, role != account.role {
                account.role = role
                account.cellID = nil
                account.organizationID = nil
            }
            if let cellID = try await archive.cellID(cell) { account.cellID = cellID }
            if let organizationID = try await archive.organizationID(organization) {
                account.organizationID = organizationID
            }
            if let confidential { account.confidential = confidential }
            let changed = try await archive.changeAccount(account, context: actor.context)
            if changed.role == original.role && changed.cellID == original.cellID
                && changed.organizationID == original.organizationID && changed.confidential == original.confidential
            {
                print("Tài khoản \(changed.name) vẫn là \(UserText.scope(changed)); không có gì thay đổi.")
                return
            }
            print("Tài khoản \(changed.name) nay là \(UserText.scope(changed)).")
        }
    }
}

/// The words `user` prints.
enum UserText {
    /// "bí thư chi bộ cb-na-pan, xem văn bản mật"
    static func scope(_ account: Account) -> String {
        var text = account.role.vietnameseName
        if let cell = account.cellID { text += " \(cell)" }
        if let organization = account.organizationID { text += " \(organization)" }
        if account.confidential { text += ", xem văn bản mật" }
        if account.disabled { text += ", đã khóa" }
        return text
    }

    /// One line per account; a sentence when there is none.
    static func render(_ accounts: [Account]) -> String {
        if accounts.isEmpty { return "Chưa có tài khoản nào; tạo bằng `sochibo user add TÊN --role admin`." }
        return accounts.map { "\($0.name)\t\(scope($0))\ttạo lúc \($0.created)" }.joined(separator: "\n")
    }
}

/// Reads a password: from a terminal, twice without echo; else one line of standard input.
enum PasswordInput {
    struct Mismatch: Error, CustomStringConvertible {
        var description: String { "hai lần gõ mật khẩu không khớp nhau; hãy chạy lại lệnh" }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "không đọc được mật khẩu từ đầu vào chuẩn" }
    }

    static func read(confirm: Bool) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw Missing() }
            return line
        }
        let first = try prompt("Mật khẩu: ")
        if confirm, try prompt("Gõ lại mật khẩu: ") != first { throw Mismatch() }
        return first
    }

    /// Asks on standard error with the terminal's echo off, and restores it.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw Missing() }
        return line
    }
}
