import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Xem một bản ghi (đảng bộ, chi bộ, đảng viên, kỳ sinh hoạt, văn bản) theo mã hoặc tên.")

    @OptionGroup var options: ArchiveOptions

    @Argument(
        help: ArgumentHelp(
            "Mã của bản ghi, tên chi bộ, đảng bộ hay đảng viên, hoặc chi bộ và ngày họp (\"Nà Pàn 15/12/2024\").",
            valueName: "MÃ"))
    var id: String

    @Option(
        name: .customLong("version"),
        help: ArgumentHelp("Xem phiên bản này của biên bản hay văn bản đã đính chính.", valueName: "SỐ"))
    var version: Int?

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: OutputFormat = .text

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let shown = try await archive.show(id: try await archive.anyRecordID(naming: id), version: version)
            let (record, lifecycle) = (shown.record, shown.lifecycle)
            switch format {
            case .text:
                if let earlier = shown.earlierVersion { print(earlier.vietnameseDescription()) }
                print(RecordText.render(record, today: Today.date, lifecycle: lifecycle))
            case .json: print(try JSONOutput.string(RecordDetail(record, today: Today.date, lifecycle: lifecycle)))
            }
        }
    }
}
