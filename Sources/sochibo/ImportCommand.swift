import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập tệp XML (định dạng lưu trữ v1): nhập tất cả hoặc không nhập gì.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Các tệp XML cần nhập.", valueName: "TỆP"))
    var files: [String]

    @Flag(
        name: .customLong("without-log"),
        help: "Không khôi phục nhật ký mà tệp sao lưu mang theo (khi nhật ký đó hỏng); các bản ghi vẫn được nhập.")
    var withoutLog = false

    @Flag(
        help: "Xác nhận nhập cả khi các đảng viên trong tệp làm đổi số liệu của biên bản đã thông qua trong kho.")
    var confirm = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Cần ít nhất một tệp XML để nhập.") }
    }

    func run() async throws {
        try await Failure.guarding {
            var context = actor.context
            context.confirmedChangesToApprovedMinutes = confirm
            let report = try await options.open().importFiles(files, context: context, restoringLog: !withoutLog)
            print(report.summaryLine)
            for note in report.notes { print("Lưu ý: \(note).") }
        }
    }
}
