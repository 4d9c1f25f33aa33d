import ArchiveCore
import ArchiveSQLite
import ArgumentParser

/// The `--by NAME` option of every command that changes the archive: who, for the audit log.
struct ActorOptions: ParsableArguments {
    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            "Người thực hiện, ghi vào nhật ký (mặc định: tên người dùng hệ điều hành).", valueName: "TÊN"))
    var name: String?

    /// Who and when, for the audit log.
    var context: AuditContext { AuditContext(actor: name ?? AuditContext.systemUser) }
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Thông qua biên bản một kỳ sinh hoạt (đã đọc lại và nhất trí); từ đó biên bản bị khóa.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Mã kỳ sinh hoạt.", valueName: "MEETING"))
    var meeting: String

    func run() throws {
        try Failure.guarding {
            let approved = try options.open().approve(meetingID: meeting, context: actor.context)
            print("Đã thông qua biên bản \(approved.id) ngày \(approved.date.vietnameseShort); biên bản đã được khóa.")
        }
    }
}

struct IssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Ban hành một văn bản dự thảo: cấp số tiếp theo của loại văn bản trong nhiệm kỳ và khóa văn bản.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Mã văn bản.", valueName: "DOCUMENT"))
    var document: String

    func run() throws {
        try Failure.guarding {
            let archive = try options.open()
            let issued = try archive.issue(documentID: document, context: actor.context)
            guard case .document(_, let cell) = try archive.record(id: issued.id),
                let symbol = issued.symbol(issuerCode: cell.issuerCode)
            else { return }
            print(symbol)
        }
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Xem nhật ký thay đổi của kho, hoặc của một bản ghi.")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("Chỉ các mục về bản ghi này.", valueName: "ID"))
    var id: String?

    @Option(help: "Định dạng: text (mặc định) hoặc json.")
    var format: OutputFormat = .text

    func run() throws {
        try Failure.guarding {
            let entries = try options.open().auditLog(record: id)
            switch format {
            case .text: print(AuditText.render(entries))
            case .json: print(try JSONOutput.string(entries))
            }
        }
    }
}
