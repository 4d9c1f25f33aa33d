import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Xuất kho lưu trữ (hoặc một phần) ra tệp XML định dạng v1.")

    @OptionGroup var options: ArchiveOptions

    @Option(name: .customLong("cell"), help: ArgumentHelp("Chỉ xuất chi bộ này (có thể lặp lại).", valueName: "ID"))
    var cells: [String] = []

    @Option(help: ArgumentHelp("Chỉ xuất các chi bộ thuộc đảng bộ này.", valueName: "ID"))
    var organization: String?

    @Option(help: ArgumentHelp("Chỉ xuất kỳ sinh hoạt và văn bản của năm này.", valueName: "YYYY"))
    var year: Int?

    @Option(
        name: .short, help: ArgumentHelp("Ghi ra tệp này thay vì đầu ra chuẩn (- là đầu ra chuẩn).", valueName: "FILE"))
    var output: String?

    @Flag(help: "Kèm nhật ký thay đổi (chỉ khi xuất toàn bộ kho): nhập tệp vào kho trống sẽ khôi phục nhật ký.")
    var withLog = false

    func validate() throws {
        if let year, !(1930...9999).contains(year) {
            throw ValidationError("--year phải là một năm, ví dụ 2023.")
        }
    }

    func run() async throws {
        try await Failure.guarding {
            let selection = ExportSelection(
                cellIDs: cells, organizationID: organization, year: year, withLog: withLog)
            try await options.open().export(selection, to: output)
        }
    }
}
