import Foundation
import Testing

/// Through the real program, over `fixtures/summary/hoa-binh-2024.xml`: a cell that met twice
/// in May and not in November reads "11/12 tháng", never "12/12", with the missing month and the
/// second session said as such, in the text, the table and the CSV.
@Suite struct RegularMonthsCommandTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    func run(_ arguments: [String]) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive])
    }

    func filled() throws {
        #expect(try run(["init"]).status == 0)
        let imported = try run(["import", Sochibo.path("fixtures/summary/hoa-binh-2024.xml")])
        #expect(imported.status == 0, "\(imported.errors)")
    }

    /// The value of the line `label:` of a cell's figures, after the padding.
    func figure(_ label: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(label + ":") }.map {
            $0.dropFirst(label.count + 1).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func aCellThatMetTwiceInMayAndNotInNovember() throws {
        try filled()
        let text = try run(["summary", "--year", "2024", "--cell", "cb-an-lac"])
        #expect(text.status == 0, "\(text.errors)")
        #expect(
            figure("Sinh hoạt thường kỳ", in: text.output) == "11/12 tháng (thiếu tháng 11; tháng 5 họp 2 lần)",
            "\(text.output)")
        #expect(
            text.output.contains(
                "[missing-regular-month] cb-an-lac: Chi bộ thôn An Lạc không sinh hoạt thường kỳ tháng 11/2024."))
        #expect(!text.output.contains("12/12"), "\(text.output)")
    }

    @Test func theCommitteesTableTotalsAndCSV() throws {
        try filled()
        let text = try run(["summary", "--year", "2024", "--organization", "dbx-hoa-binh"])
        #expect(text.status == 0, "\(text.errors)")
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(
            lines.contains("2/3 chi bộ sinh hoạt đủ 11–12 kỳ thường kỳ; 1 chi bộ sinh hoạt ít hơn."), "\(text.output)")
        let header = try #require(lines.first { $0.hasPrefix("Chi bộ ") && $0.contains("Tháng thiếu") })
        #expect(header.contains("Thường kỳ (tháng)"))
        // Columns: name, months held over months counted, missing months as months.
        func cells(_ name: String) throws -> [String] {
            let row = try #require(lines.first { $0.hasPrefix(name) })
            return row.dropFirst(name.count).components(separatedBy: "  ").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
        }
        #expect(try cells("Chi bộ thôn An Lạc").prefix(2) == ["11/12", "T11"])
        #expect(try cells("Chi bộ thôn Bình Minh").prefix(2) == ["12/12", "—"])
        #expect(try cells("Chi bộ thôn Cầu Đá").prefix(2) == ["10/12", "T8, T11"])

        let csv = try run(["summary", "--year", "2024", "--organization", "dbx-hoa-binh", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.errors)")
        let rows = String(csv.output.drop { $0 == "\u{FEFF}" }).components(separatedBy: "\r\n")
        let headers = rows[0].components(separatedBy: ",")
        let at = try #require(headers.firstIndex(of: "Số tháng có sinh hoạt thường kỳ"))
        #expect(
            Array(headers[(at - 1)...(at + 2)]) == [
                "Số buổi thường kỳ", "Số tháng có sinh hoạt thường kỳ", "Số tháng tính",
                "Tháng không sinh hoạt thường kỳ",
            ])
        let anLac = try #require(rows.first { $0.contains(",cb-an-lac,") }).components(separatedBy: ",")
        #expect(Array(anLac[(at - 1)...(at + 2)]) == ["12", "11", "12", "T11"])
        let cauDa = try #require(rows.first { $0.contains(",cb-cau-da,") })
        #expect(cauDa.contains(",12,10,12,\"T8, T11\","), "\(cauDa)")
    }
}
