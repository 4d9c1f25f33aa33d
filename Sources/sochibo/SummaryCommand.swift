import ArchiveCore
import ArchivePages
import ArchiveSQLite
import ArchiveSpreadsheets
import ArgumentParser
import Foundation

struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract:
            "Tổng hợp chất lượng sinh hoạt trong năm, quý hoặc tháng của một chi bộ hoặc của các chi bộ thuộc một đảng bộ."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, xml, html, xlsx
    }

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp("Năm cần tổng hợp.", valueName: "NĂM"))
    var year: Int

    @Option(help: ArgumentHelp("Chỉ tổng hợp quý này của năm (1–4).", valueName: "SỐ"))
    var quarter: Int?

    @Option(help: ArgumentHelp("Chỉ tổng hợp tháng này của năm (1–12).", valueName: "SỐ"))
    var month: Int?

    /// The period asked for: the year, or one of its quarters or months.
    var period: SummaryPeriod? {
        if let quarter { return SummaryPeriod(year: year, quarter: quarter) }
        if let month { return SummaryPeriod(year: year, month: month) }
        return SummaryPeriod(year: year)
    }

    @Option(help: ArgumentHelp("Tổng hợp chi bộ này.", valueName: "CHI_BỘ"))
    var cell: String?

    @Option(help: ArgumentHelp("Tổng hợp các chi bộ thuộc đảng bộ này (cả đảng bộ cấp dưới).", valueName: "ĐẢNG_BỘ"))
    var organization: String?

    @Option(
        help: ArgumentHelp(
            "Định dạng: text (mặc định), json, csv, xml, html (báo cáo in khổ A4) hoặc xlsx (bảng tính Excel, cần -o TỆP).",
            valueName: "ĐỊNH_DẠNG")
    )
    var format: Format = .text

    enum Ratings: String, ExpressibleByArgument, CaseIterable {
        case committee, cell
    }

    @Option(
        help: ArgumentHelp(
            """
            Xếp loại tính theo: committee (đảng ủy xếp loại, kỳ nào chưa có thì theo chi bộ tự đánh giá; mặc định) \
            hoặc cell (chỉ theo chi bộ tự đánh giá).
            """, valueName: "THEO"))
    var ratings: Ratings = .committee

    @Option(
        name: .short, help: ArgumentHelp("Ghi ra tệp này thay vì đầu ra chuẩn (- là đầu ra chuẩn).", valueName: "TỆP"))
    var output: String?

    func validate() throws {
        if format == .xlsx, output == nil {
            throw ValidationError("bảng tính xlsx phải ghi ra tệp: thêm -o bao-cao.xlsx.")
        }
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
            let cell = try await archive.cellID(cell)
            let organization = try await archive.organizationID(organization)
            let today = Today.date
            let basis: Rating.Basis = ratings == .committee ? .committeeFirst : .cell
            let period = period ?? SummaryPeriod(year: year)
            if format == .html, cell == nil, let organization {
                // The committee's report in the form it sends, with what the office wrote into it
                // in the web app: it reads its own figures, the period's and a year earlier's.
                let report = try await archive.committeeReport(
                    of: period, organizationID: organization, today: today, ratingBasis: basis)
                let page = try Pages().render(report, logHead: try await archive.auditLogHead())
                try FileWriting.write(Data(page.utf8), to: output)
                return
            }
            let summary =
                if let cell {
                    try await archive.summary(of: period, cellID: cell, today: today, ratingBasis: basis)
                } else {
                    try await archive.summary(
                        of: period, organizationID: organization ?? "", today: today, ratingBasis: basis)
                }
            let data: Data =
                switch format {
                case .text: Data((SummaryText.render(summary) + "\n").utf8)
                case .json: Data((try JSONOutput.string(summary) + "\n").utf8)
                case .csv: Data(SummaryCSV.render(summary).utf8)
                case .xml: Data(try SummaryXML.render(summary).utf8)
                case .html:
                    Data(try Pages().render(summary, issued: today, logHead: try await archive.auditLogHead()).utf8)
                case .xlsx: try SummaryWorkbook.data(summary)
                }
            try FileWriting.write(data, to: output)
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
