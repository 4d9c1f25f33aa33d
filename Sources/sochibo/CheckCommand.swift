import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra toàn vẹn kho lưu trữ và các quy định trong biên bản.",
        discussion: """
            Thoát với mã 1 nếu kho bị hỏng (SQLite, tham chiếu, số văn bản trùng, mã sha256 tệp đính kèm). \
            Các vi phạm quy định trong hồ sơ cũ (họp thiếu giờ, danh sách dự họp thiếu, biểu quyết không đạt) \
            được liệt kê là lưu ý; thêm --strict để chúng cũng cho mã thoát 1.
            """)

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "Coi các lưu ý về quy định cũng là lỗi (mã thoát 1).")
    var strict = false

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: OutputFormat = .text

    func run() async throws {
        let report = try await Failure.guarding { try await options.open().check() }
        switch format {
        case .text: print(CheckText.render(report))
        case .json: print(try JSONOutput.string(report))
        }
        if !report.isSound || (strict && !report.findings.isEmpty) { throw ExitCode.failure }
    }
}
