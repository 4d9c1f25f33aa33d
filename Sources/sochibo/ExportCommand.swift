import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Xuất kho lưu trữ (hoặc một phần) ra tệp XML định dạng v1.")

    @OptionGroup var options: ArchiveOptions

    @Option(name: .customLong("cell"), help: ArgumentHelp("Chỉ xuất chi bộ này (có thể lặp lại).", valueName: "CHI_BỘ"))
    var cells: [String] = []

    @Option(help: ArgumentHelp("Chỉ xuất các chi bộ thuộc đảng bộ này.", valueName: "ĐẢNG_BỘ"))
    var organization: String?

    @Option(help: ArgumentHelp("Chỉ xuất kỳ sinh hoạt và văn bản của năm này.", valueName: "NĂM"))
    var year: Int?

    @Option(
        name: .short, help: ArgumentHelp("Ghi ra tệp này thay vì đầu ra chuẩn (- là đầu ra chuẩn).", valueName: "TỆP"))
    var output: String?

    @Flag(help: "Kèm nhật ký thay đổi (chỉ khi xuất toàn bộ kho): nhập tệp vào kho trống sẽ khôi phục nhật ký.")
    var withLog = false

    @Flag(
        help:
            "Mang theo cả văn bản mật (Mật, Tối mật, Tuyệt mật) khi xuất một phần kho (mặc định để lại, cùng các bản ghi dẫn chiếu tới chúng). Xuất toàn bộ kho luôn mang theo tất cả."
    )
    var includeConfidential = false

    func validate() throws {
        if let year, !(1930...9999).contains(year) {
            throw ValidationError("--year phải là một năm, ví dụ 2023.")
        }
    }

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            var cellIDs: [String] = []
            for cell in cells { cellIDs.append(try await archive.identifier(naming: cell, kind: .cell)) }
            let selection = ExportSelection(
                cellIDs: cellIDs, organizationID: try await archive.organizationID(organization), year: year,
                withLog: withLog, includeConfidential: includeConfidential)
            let summary = try await archive.export(selection, to: output)
            if let sentence = Self.withheldSentence(summary) { Failure.note(sentence) }
        }
    }

    /// What a partial export left out, in one sentence, or `nil` when nothing was:
    /// "đã để lại 1 văn bản mật; thêm --include-confidential nếu được phép mang theo."
    static func withheldSentence(_ summary: ExportSummary) -> String? {
        guard summary.withheldConfidentialDocuments > 0 else { return nil }
        var sentence = "đã để lại \(summary.withheldConfidentialDocuments) văn bản mật"
        let referring = [
            summary.withheldReferring[.meeting].map { "\($0) biên bản" },
            summary.withheldReferring[.document].map { "\($0) văn bản khác" },
        ].compactMap { $0 }
        if !referring.isEmpty {
            sentence +=
                ", cùng \(referring.joined(separator: " và ")) dẫn chiếu tới chúng (để tệp vẫn nhập được)"
        }
        return sentence + "; thêm --include-confidential nếu được phép mang theo."
    }
}
