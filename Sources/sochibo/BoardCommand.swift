import ArchiveCore
import ArgumentParser

struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract:
            "Bảng theo dõi của đảng ủy: mỗi chi bộ × 12 tháng, biên bản nào thiếu, nháp, đã thông qua, đã xếp loại.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp("Các chi bộ thuộc đảng bộ này (cả đảng bộ cấp dưới).", valueName: "ĐẢNG_BỘ"))
    var organization: String

    @Option(help: ArgumentHelp("Năm theo dõi.", valueName: "NĂM"))
    var year: Int

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: Format = .text

    @Option(
        name: .short, help: ArgumentHelp("Ghi ra tệp này thay vì đầu ra chuẩn (- là đầu ra chuẩn).", valueName: "TỆP"))
    var output: String?

    func validate() throws {
        guard (1930...9999).contains(year) else { throw ValidationError("--year phải là một năm, ví dụ 2024.") }
        guard year <= Today.date.year else {
            throw ValidationError("năm \(year) chưa bắt đầu, chưa có gì để theo dõi.")
        }
    }

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let board = try await archive.board(
                year: year, organizationID: try await archive.organizationID(organization) ?? organization,
                today: Today.date)
            let text =
                switch format {
                case .text: BoardText.render(board) + "\n"
                case .json: try JSONOutput.string(board) + "\n"
                }
            try OutputFile.write(text, to: output)
        }
    }
}
