import Foundation
import Testing

/// Through the real program, over `fixtures/summary/hoa-binh-2024.xml`: a cell that met twice
/// in May and not in November reads "11/12 tháng", never "12/12", with the missing month and the
/// second session said as such, in the text, the table and the CSV; and `check` names two
/// minutes of one sitting that an archive changed by hand holds, which `summary` counts once.
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

    /// Copies approved minutes `id` under `copy` as a draft with the `sqlite3` shell, as an
    /// archive written before the rule (or by hand) holds them, and rebuilds the search index.
    func duplicate(_ id: String, as copy: String) throws {
        let sql = """
            CREATE TEMP TABLE m AS SELECT * FROM meeting WHERE id = '\(id)';
            UPDATE m SET id = '\(copy)', status = 'draft', version = 1, content_sha256 = NULL;
            INSERT INTO meeting SELECT * FROM m;
            CREATE TEMP TABLE t AS SELECT * FROM meeting_text WHERE meeting_id = '\(id)';
            UPDATE t SET meeting_id = '\(copy)';
            INSERT INTO meeting_text SELECT * FROM t;
            CREATE TEMP TABLE a AS SELECT * FROM attendance WHERE meeting_id = '\(id)';
            UPDATE a SET meeting_id = '\(copy)';
            INSERT INTO attendance SELECT * FROM a;
            """
        let shell = try Sochibo.tool("/usr/bin/sqlite3", [archive + "/archive.sqlite", sql])
        #expect(shell.status == 0, "\(shell.errors)")
        #expect(try run(["reindex"]).status == 0)
    }

    @Test func checkNamesTwoMinutesOfOneSitting() throws {
        try filled()
        #expect(!(try run(["check"]).output.contains("same-sitting-twice")))
        try duplicate("bm-2024-04", as: "bm-2024-04-b")
        let checked = try run(["check"])
        #expect(checked.status == 0, "findings are notes: \(checked.output)")
        #expect(checked.output.contains("Toàn vẹn dữ liệu: đạt"), "\(checked.output)")
        #expect(
            checked.output.contains(
                "lưu ý [same-sitting-twice] bm-2024-04-b: Chi bộ thôn Bình Minh (cb-binh-minh) có hai biên bản của cùng một kỳ sinh hoạt ngày 08/04/2024: bm-2024-04 (thường kỳ, đã thông qua) và bm-2024-04-b (thường kỳ, dự thảo). Nếu bm-2024-04-b là bản ghi thừa, hãy bỏ dự thảo đó; nếu là một kỳ sinh hoạt khác, hãy sửa lại ngày hoặc loại sinh hoạt của nó."
            ), "\(checked.output)")
        #expect(!checked.output.contains("[second-regular-in-month] bm-"), "one mistake, one finding")
        #expect(try run(["check", "--strict"]).status == 1)
        let json = try run(["check", "--format", "json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(
            findings.filter { $0["code"] as? String == "same-sitting-twice" }.map { $0["subject"] as? String }
                == ["bm-2024-04-b"])

        // Approved too (approval does not look for it): still one sitting in the summary.
        let approved = try run(["approve", "bm-2024-04-b", "--confirm"])
        #expect(approved.status == 0, "\(approved.errors)")
        let again = try run(["check"])
        #expect(again.output.contains("Toàn vẹn dữ liệu: đạt"), "\(again.output)")
        #expect(
            again.output.contains(
                "bm-2024-04 (thường kỳ, đã thông qua) và bm-2024-04-b (thường kỳ, đã thông qua). Cả hai đã thông qua nên không bỏ được: hãy đính chính biên bản ghi sai (ngày hoặc loại sinh hoạt). Đến khi đó, tổng hợp chỉ tính biên bản bm-2024-04."
            ), "\(again.output)")
        let summary = try run(["summary", "--year", "2024", "--cell", "cb-binh-minh"])
        #expect(figure("Sinh hoạt thường kỳ", in: summary.output) == "12/12 tháng (không thiếu tháng nào)")
        #expect(figure("Xếp loại 12 kỳ", in: summary.output) == "Tốt 12, Khá 0, Trung bình 0, Kém 0, chưa xếp loại 0")
        #expect(figure("Chưa tính", in: summary.output) == "1 biên bản ghi trùng một kỳ đã tính (bm-2024-04-b)")
        #expect(summary.output.contains("[same-sitting-twice] bm-2024-04-b: "), "\(summary.output)")
    }
}
