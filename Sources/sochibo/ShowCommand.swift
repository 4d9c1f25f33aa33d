import ArgumentParser
import CellArchive

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Xem một bản ghi (đảng bộ, chi bộ, đảng viên, kỳ sinh hoạt, văn bản) theo mã.")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("Mã của bản ghi.", valueName: "ID"))
    var id: String

    @Option(help: "Định dạng: text (mặc định) hoặc json.")
    var format: OutputFormat = .text

    func run() throws {
        try Failure.guarding {
            let record = try options.open().record(id: id)
            switch format {
            case .text: print(RecordText.render(record, today: Today.date))
            case .json: print(try JSONOutput.string(RecordDetail(record, today: Today.date)))
            }
        }
    }
}
