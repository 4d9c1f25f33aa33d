import ArchiveCore
import ArchiveSQLite
import ArgumentParser
import Foundation

/// The `--by NAME` option of every command that changes the archive: who, for the audit log.
struct ActorOptions: ParsableArguments {
    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            "Người thực hiện, ghi vào nhật ký (mặc định: tên người dùng hệ điều hành).", valueName: "TÊN"))
    var name: String?

    /// Who and when, for the audit log.
    var context: AuditContext { AuditContext(actor: name ?? Self.systemUser) }

    /// The operating-system user running the program, for when no name is given.
    static var systemUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let user = String(cString: name)
            if !user.isEmpty { return user }
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "không rõ"
    }
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Thông qua biên bản một kỳ sinh hoạt (đã đọc lại và nhất trí); từ đó biên bản bị khóa.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Mã kỳ sinh hoạt.", valueName: "BIÊN_BẢN"))
    var meeting: String

    @Flag(help: "Xác nhận các cảnh báo của biên bản (đã đọc và vẫn thông qua).")
    var confirm = false

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let approved = try await archive.approve(
                meetingID: try await archive.recordID(naming: meeting, expecting: .meeting),
                confirmingWarnings: confirm,
                context: actor.context)
            print("Đã thông qua biên bản \(approved.id) ngày \(approved.date.vietnameseShort); biên bản đã được khóa.")
        }
    }
}

struct IssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Ban hành một văn bản dự thảo: cấp số tiếp theo của loại văn bản trong nhiệm kỳ và khóa văn bản.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Mã văn bản.", valueName: "VĂN_BẢN"))
    var document: String

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            print(
                try await archive.issue(
                    documentID: try await archive.recordID(naming: document, expecting: .document),
                    context: actor.context
                )
                .symbol)
        }
    }
}

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Xem nhật ký thay đổi của kho, hoặc của một bản ghi.")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("Chỉ các mục về bản ghi này.", valueName: "MÃ"))
    var id: String?

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: OutputFormat = .text

    func run() async throws {
        try await Failure.guarding {
            let entries = try await options.open().auditLog(naming: id)
            switch format {
            case .text: print(AuditText.render(entries))
            case .json: print(try JSONOutput.string(entries))
            }
        }
    }
}
