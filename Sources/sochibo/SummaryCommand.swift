import ArchiveCore
import ArchivePages
import ArchiveSQLite
import ArgumentParser
import Foundation

struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract:
            "Tổng hợp chất lượng sinh hoạt trong năm, quý hoặc tháng của một chi bộ hoặc của các chi bộ thuộc một đảng bộ."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, xml, html
    }

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp("Năm cần tổng hợp.", valueName: "YYYY"))
    var year: Int

    @Option(help: ArgumentHelp("Chỉ tổng hợp quý này của năm (1–4).", valueName: "N"))
    var quarter: Int?

    @Option(help: ArgumentHelp("Chỉ tổng hợp tháng này của năm (1–12).", valueName: "N"))
    var month: Int?

    /// The period asked for: the year, or one of its quarters or months.
    var period: SummaryPeriod? {
        if let quarter { return SummaryPeriod(year: year, quarter: quarter) }
        if let month { return SummaryPeriod(year: year, month: month) }
        return SummaryPeriod(year: year)
    }

    @Option(help: ArgumentHelp("Tổng hợp chi bộ này.", valueName: "ID"))
    var cell: String?

    @Option(help: ArgumentHelp("Tổng hợp các chi bộ thuộc đảng bộ này (cả đảng bộ cấp dưới).", valueName: "ID"))
    var organization: String?

    @Option(help: "Định dạng: text (mặc định), json, csv, xml hoặc html (báo cáo in khổ A4).")
    var format: Format = .text

    enum Ratings: String, ExpressibleByArgument, CaseIterable {
        case committee, cell
    }

    @Option(
        help: """
            Xếp loại tính theo: committee (đảng ủy xếp loại, kỳ nào chưa có thì theo chi bộ tự đánh giá; mặc định) \
            hoặc cell (chỉ theo chi bộ tự đánh giá).
            """)
    var ratings: Ratings = .committee

    @Option(
        name: .short, help: ArgumentHelp("Ghi ra tệp này thay vì đầu ra chuẩn (- là đầu ra chuẩn).", valueName: "FILE"))
    var output: String?

    func validate() throws {
        guard (cell == nil) != (organization == nil) else {
            throw ValidationError("hãy chọn đúng một trong hai: --cell ID hoặc --organization ID.")
        }
        guard (1930...9999).contains(year) else { throw ValidationError("--year phải là một năm, ví dụ 2024.") }
        guard quarter == nil || month == nil else {
            throw ValidationError("hãy chọn một trong hai: --quarter hoặc --month, không cả hai.")
        }
        if let quarter, !(1...4).contains(quarter) { throw ValidationError("--quarter phải từ 1 đến 4.") }
        if let month, !(1...12).contains(month) { throw ValidationError("--month phải từ 1 đến 12.") }
        guard let period, period.firstDay <= Today.date else {
            throw ValidationError("\(period?.vietnameseName ?? "năm \(year)") chưa bắt đầu, chưa có gì để tổng hợp.")
        }
    }

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let today = Today.date
            let basis: Rating.Basis = ratings == .committee ? .committeeFirst : .cell
            let period = period ?? SummaryPeriod(year: year)
            let summary =
                if let cell {
                    try await archive.summary(of: period, cellID: cell, today: today, ratingBasis: basis)
                } else {
                    try await archive.summary(
                        of: period, organizationID: organization ?? "", today: today, ratingBasis: basis)
                }
            let text =
                switch format {
                case .text: SummaryText.render(summary) + "\n"
                case .json: try JSONOutput.string(summary) + "\n"
                case .csv: SummaryCSV.render(summary)
                case .xml: try SummaryXML.render(summary)
                case .html: try Pages().render(summary, issued: today)
                }
            try OutputFile.write(text, to: output)
        }
    }
}

/// Writes a command's output (`-o PATH`, or standard output without it) the one way every
/// output is written: `FileWriting`.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        try FileWriting.write(Data(text.utf8), to: path)
    }
}
