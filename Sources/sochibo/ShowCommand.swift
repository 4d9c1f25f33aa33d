import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Xem một bản ghi (đảng bộ, chi bộ, đảng viên, kỳ sinh hoạt, văn bản) theo mã.")

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("Mã của bản ghi.", valueName: "ID"))
    var id: String

    @Option(
        name: .customLong("version"),
        help: ArgumentHelp("Xem phiên bản này của biên bản hay văn bản đã đính chính.", valueName: "N"))
    var version: Int?

    @Option(help: "Định dạng: text (mặc định) hoặc json.")
    var format: OutputFormat = .text

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            var record = try await archive.record(id: id)
            var lifecycle: RecordLifecycle?
            switch record {
            case .meeting, .document: lifecycle = try await archive.lifecycle(of: id)
            default: break
            }
            var header: String?
            if let version, let current = lifecycle {
                if version != current.version {
                    switch await (try archive.version(version, of: id), record) {
                    case (.meeting(let meeting), .meeting(_, let cell)): record = .meeting(meeting, cell: cell)
                    case (.document(let document), .document(_, let cell)): record = .document(document, cell: cell)
                    default: break
                    }
                    let replaced = current.previous.first { $0.version == version }
                    header =
                        "Phiên bản \(version) của \(id) (phiên bản hiện hành là \(current.version); đã được thay lúc \(replaced?.replaced ?? "?"))"
                    lifecycle = RecordLifecycle(
                        version: version, sha256: replaced?.sha256,
                        previous: current.previous.filter { $0.version < version })
                }
            } else if version != nil {
                throw ArchiveError.notAllowed("\(id) không có phiên bản: --version chỉ dùng cho biên bản và văn bản")
            }
            switch format {
            case .text:
                if let header { print(header) }
                print(RecordText.render(record, today: Today.date, lifecycle: lifecycle))
            case .json: print(try JSONOutput.string(RecordDetail(record, today: Today.date, lifecycle: lifecycle)))
            }
        }
    }
}
