import ArchiveCore
import ArchivePages
import ArchiveSQLite
import ArgumentParser

struct PrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "In biên bản một kỳ sinh hoạt hoặc một văn bản theo thể thức văn bản của Đảng (trang HTML khổ A4).",
        discussion: """
            Mở tệp HTML bằng trình duyệt rồi in (Ctrl+P) ra giấy A4 để ký; trong hộp thoại in, bỏ chọn
            “Đầu trang và chân trang” để trình duyệt không in thêm địa chỉ tệp và ngày giờ. Ví dụ:
              sochibo print --archive DIR pl-nq-2023-01 -o nghi-quyet-01.html
              sochibo print --archive DIR pl-2023-11 -o bien-ban-2023-11.html
            """)

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("Mã của kỳ sinh hoạt (in biên bản) hoặc của văn bản.", valueName: "MÃ"))
    var id: String

    @Option(
        name: .short,
        help: ArgumentHelp("Ghi ra tệp này thay vì đầu ra chuẩn (- là đầu ra chuẩn).", valueName: "TỆP.html"))
    var output: String?

    @Flag(help: "In cả nội dung các nhiệm vụ của văn bản mật mà biên bản báo cáo (mặc định để lại).")
    var includeConfidential = false

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let id = try await archive.recordID(naming: id)
            var printable = try await archive.printable(id: id)
            var withheld = 0
            if !includeConfidential { (printable, withheld) = printable.withholdingConfidentialTasks() }
            try OutputFile.write(
                try Pages().render(
                    printable, logHead: try await archive.auditLogHead(), lifecycle: try await archive.lifecycle(of: id)
                ),
                to: output)
            if withheld > 0 {
                Failure.note(
                    "đã để lại nội dung \(withheld) nhiệm vụ của văn bản mật; thêm --include-confidential nếu được phép in."
                )
            }
        }
    }
}
