import ArchiveGenerator
import Foundation
import Testing

@Suite("sochibo summary, rate and rubric")
struct SummaryCommandTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    func filled() throws -> String {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try Sochibo.run([
            "import", "--archive", archive, Sochibo.path("fixtures/summary/minh-tien-2024.xml"),
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        // Summaries count approved minutes only: the unrated December minutes, a draft in the
        // file, are read back and approved as the fixture's figures assume.
        #expect(try Sochibo.run(["approve", "--archive", archive, "dt-2024-12"]).status == 0)
        return archive
    }

    @Test func textForACellAndJSONForACommittee() throws {
        let archive = try filled()
        let text = try Sochibo.run(["summary", "--archive", archive, "--year", "2024", "--cell", "cb-dong-tam"])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.contains("Sinh hoạt thường kỳ:          11/12 tháng (thiếu tháng 8)"))
        #expect(text.output.contains("[unexcused-absences] dt-03: Đồng chí Hoàng Văn Khánh"))
        let json = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--organization", "dbx-minh-tien", "--format", "json",
        ])
        #expect(json.status == 0, "\(json.errors)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == 2024)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["cellsWithRegularSessions"] as? Int == 2 && totals["cells"] as? Int == 3)
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell"] as? String } == ["cb-bac-son", "cb-dong-tam", "cb-truong-th"])
    }

    /// The workbook read back by an independent reader, openpyxl (PyPI, installed by `.ci/install`).
    @Test func theXLSXOpensInAnotherReaderWithVietnameseHeadersAndPercentages() throws {
        let archive = try filled()
        let file = directory + "/bao-cao.xlsx"
        let written = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--organization", "dbx-minh-tien", "--format", "xlsx",
            "-o", file,
        ])
        #expect(written.status == 0 && written.output.isEmpty, "\(written.errors)")
        let script = """
            import sys, warnings, openpyxl
            warnings.simplefilter("error")
            book = openpyxl.load_workbook(sys.argv[1])
            print(book.sheetnames)
            cells = book["Chi bộ"]
            print([c.value for c in cells[1]][:5])
            for row in cells.iter_rows(min_row=2, values_only=True): print(row[1], row[4], row[17])
            print(cells["R2"].number_format, cells["A1"].font.b, cells.freeze_panes, cells.auto_filter.ref)
            findings = book["Vi phạm, lưu ý"]
            print(findings.max_row - 1, [c.value for c in findings[1]])
            """
        let read = try Sochibo.tool("/usr/bin/env", ["python3", "-c", script, file])
        #expect(read.status == 0, "\(read.errors)")
        let lines = read.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "['Chi bộ', 'Vi phạm, lưu ý']")
        #expect(lines[1] == "['Năm', 'Mã chi bộ', 'Chi bộ', 'Đảng bộ', 'Số buổi sinh hoạt']")
        // Vietnamese order; the share of Tốt a number shown as a percentage.
        #expect(lines[2] == "cb-bac-son 12 1.0", "\(lines)")
        #expect(lines[3].hasPrefix("cb-dong-tam 13 0.6153846153846") && lines[4].hasPrefix("cb-truong-th 6 "))
        #expect(lines[5] == "0.0% True A2 A1:AH4")
        #expect(lines[6] == "13 ['Chi bộ', 'Đối tượng', 'Nội dung']")
        let refused = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--cell", "cb-dong-tam", "--format", "xlsx",
        ])
        #expect(refused.status != 0 && refused.errors.contains("-o bao-cao.xlsx"))
    }

    @Test func aQuarterOrAMonthInsteadOfTheYear() throws {
        let archive = try filled()
        let quarter = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--quarter", "3", "--cell", "cb-dong-tam",
        ])
        #expect(quarter.status == 0, "\(quarter.errors)")
        #expect(quarter.output.contains("TỔNG HỢP SINH HOẠT CHI BỘ QUÝ III NĂM 2024"))
        #expect(quarter.output.contains("2/3 tháng (thiếu tháng 8)"))
        let month = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--month", "8", "--organization", "dbx-minh-tien",
        ])
        #expect(month.status == 0 && month.output.contains("THÁNG 8 NĂM 2024"))
        #expect(month.output.contains("chi bộ sinh hoạt thường kỳ đủ các tháng"))
        for (arguments, words) in [
            (["--quarter", "5"], "--quarter phải từ 1 đến 4"),
            (["--quarter", "1", "--month", "2"], "không cả hai"),
            (["--month", "13"], "--month phải từ 1 đến 12"),
        ] {
            let refused = try Sochibo.run(
                ["summary", "--archive", archive, "--year", "2024", "--cell", "cb-dong-tam"] + arguments)
            #expect(refused.status != 0 && refused.errors.contains(words), "\(refused.errors)")
        }
    }

    @Test func theBoardAsTextAndJSON() throws {
        let archive = try filled()
        let text = try Sochibo.run(["board", "--archive", archive, "--organization", "dbx-minh-tien", "--year", "2024"])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.contains("Bảng theo dõi sinh hoạt chi bộ năm 2024 — Đảng bộ xã Minh Tiến"))
        #expect(text.output.contains("2/3 chi bộ còn tháng chưa có biên bản được thông qua."))
        let lines = text.output.split(separator: "\n").map(String.init)
        let dongTam = try #require(lines.first { $0.hasPrefix("Chi bộ thôn Đồng Tâm") })
        #expect(dongTam.contains("✗") && dongTam.contains("11/12"))
        #expect(
            lines.firstIndex { $0.hasPrefix("Chi bộ thôn Đồng Tâm") }! < lines.firstIndex {
                $0.hasPrefix("Chi bộ thôn Bắc Sơn")
            }!)
        let json = try Sochibo.run([
            "board", "--archive", archive, "--organization", "dbbp-truong-hoc", "--year", "2024", "--format", "json",
        ])
        #expect(json.status == 0, "\(json.errors)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["cell"] as? String } == ["cb-truong-th"])
        let months = try #require(rows.first?["months"] as? [[String: Any]])
        #expect(
            months.map { $0["state"] as? String }.prefix(7) == [
                "before-founding", "before-founding", "before-founding", "before-founding", "before-founding",
                "before-founding", "rated",
            ])
        let unknown = try Sochibo.run([
            "board", "--archive", archive, "--organization", "dbx-khong-co", "--year", "2024",
        ])
        #expect(unknown.status != 0 && unknown.errors.contains("dbx-khong-co"))
        #expect(unknown.errors.split(separator: "\n").count == 1)
    }

    @Test func csvAndXMLGoToAFileWhenAsked() throws {
        let archive = try filled()
        for (format, check) in [("csv", "Năm,Mã chi bộ,Chi bộ,"), ("xml", "urn:sochibo:summary:1")] {
            let file = directory + "/summary.\(format)"
            let result = try Sochibo.run([
                "summary", "--archive", archive, "--year", "2024", "--organization", "dbx-minh-tien", "--format",
                format,
                "-o", file,
            ])
            #expect(result.status == 0 && result.output.isEmpty, "\(result.errors)")
            #expect(try String(contentsOfFile: file, encoding: .utf8).contains(check))
        }
    }

    @Test func mistakesAreOneLineAndExitOne() throws {
        let archive = try filled()
        for arguments in [
            ["--year", "2024"],
            ["--year", "2024", "--cell", "cb-dong-tam", "--organization", "dbx-minh-tien"],
            ["--year", "2999", "--cell", "cb-dong-tam"],
            ["--year", "2024", "--cell", "cb-khong-co"],
            ["--year", "2024", "--cell", "cb-dong-tam", "-o", directory + "/no/such/folder/report.html"],
        ] {
            let result = try Sochibo.run(["summary", "--archive", archive] + arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(!result.errors.isEmpty && result.output.isEmpty, "\(arguments): \(result.output)")
        }
        let unknown = try Sochibo.run(["summary", "--archive", archive, "--year", "2024", "--cell", "cb-khong-co"])
        #expect(
            unknown.status == 1
                && unknown.errorLines == [
                    "sochibo: không có chi bộ nào tên hay mã «cb-khong-co»; xem danh sách chi bộ bằng `sochibo list cells`."
                ])
    }

    @Test func rateScoresAMeetingAndRefusesMistakes() throws {
        let archive = try filled()
        let points = [
            "time=5", "attendance=4", "preparation=9", "conduct=27", "steering=9", "principles=5", "results=20",
            "closing=5",
        ]
        let rated = try Sochibo.run(["rate", "--archive", archive, "dt-2024-12"] + points)
        #expect(rated.status == 0, "\(rated.errors)")
        #expect(rated.output == "Chi bộ tự đánh giá kỳ sinh hoạt dt-2024-12: 84/100 điểm, loại Khá.\n")
        let missing = try Sochibo.run(["rate", "--archive", archive, "dt-2024-12", "time=5"])
        #expect(missing.status == 1 && missing.errorLines.count == 1)
        #expect(
            missing.errors.contains(
                "chưa cho điểm tiêu chí: “Tỷ lệ đảng viên dự sinh hoạt”, “Công tác chuẩn bị nội dung”"))
        let malformed = try Sochibo.run(["rate", "--archive", archive, "dt-2024-12", "time:5"])
        #expect(malformed.status != 0 && malformed.errors.contains("TIÊU_CHÍ=ĐIỂM"))
        let summary = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--cell", "cb-dong-tam", "--format", "json",
        ])
        #expect(summary.output.contains("\"unrated\" : 0"))
    }

    @Test func theCommitteeRatesByVietnameseNamesAndShowPrintsBothRatings() throws {
        let archive = try filled()
        let named = [
            "thời gian=5", "tỷ lệ=4", "chuẩn bị=9", "tiến hành=27", "vai trò=9", "thực hiện=5", "ket-qua=20",
            "kết luận=5",
        ]
        let rated = try Sochibo.run(["rate", "--archive", archive, "--as", "committee", "dt-2024-01"] + named)
        #expect(rated.status == 0, "\(rated.errors)")
        #expect(rated.output == "Đảng ủy xếp loại kỳ sinh hoạt dt-2024-01: 84/100 điểm, loại Khá.\n")
        let shown = try Sochibo.run(["show", "--archive", archive, "dt-2024-01"])
        #expect(shown.output.contains("Chi bộ tự đánh giá: Tốt (92 điểm)"), "\(shown.output)")
        #expect(shown.output.contains("Đảng ủy xếp loại: Khá (84 điểm)"))
        let listed = try Sochibo.run([
            "list", "meetings", "--archive", archive, "--cell", "cb-dong-tam", "--year", "2024",
        ])
        #expect(listed.output.contains("Tốt (92 điểm) · đảng ủy: Khá"))
        let text = try Sochibo.run(["summary", "--archive", archive, "--year", "2024", "--cell", "cb-dong-tam"])
        #expect(text.output.contains("Xếp loại tính theo đảng ủy xếp loại"))
        let own = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--cell", "cb-dong-tam", "--ratings", "cell",
            "--format", "json",
        ])
        #expect(own.output.contains("\"ratingBasis\" : \"cell\""))
        let ambiguous = try Sochibo.run(["rate", "--archive", archive, "--as", "committee", "dt-2024-01", "t=5"])
        #expect(ambiguous.status == 1 && ambiguous.errorLines.count == 1)
        #expect(ambiguous.errors.contains("có thể là nhiều tiêu chí"))
    }

    @Test func rubricShowsAndSetsFromJSON() throws {
        let archive = try filled()
        let shown = try Sochibo.run(["rubric", "--archive", archive, "--format", "json"])
        #expect(shown.status == 0)
        let edited = shown.output.replacingOccurrences(of: "\"good\" : 90", with: "\"good\" : 85")
        let file = directory + "/thang-diem.json"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: file))
        let set = try Sochibo.run(["rubric", "--archive", archive, "--set", file])
        #expect(set.status == 0, "\(set.errors)")
        #expect(set.output.contains("Tốt từ 85"))
        try Data(edited.replacingOccurrences(of: "\"points\" : 30", with: "\"points\" : 31").utf8).write(
            to: URL(fileURLWithPath: file))
        let refused = try Sochibo.run(["rubric", "--archive", archive, "--set", file])
        #expect(refused.status == 1 && refused.errorLines.count == 1)
        #expect(refused.errors.contains("tổng điểm các tiêu chí phải là 100"))
        try Data("{\"criteria\": []".utf8).write(to: URL(fileURLWithPath: file))
        let broken = try Sochibo.run(["rubric", "--archive", archive, "--set", file])
        #expect(broken.status == 1 && broken.errors.contains("không phải JSON hợp lệ"))
        #expect(try Sochibo.run(["rubric", "--archive", archive]).output.contains("Tốt từ 85"))
    }

    /// The HTML report as a person sees it: printed to PDF by a real Chromium and read back with
    /// pdftotext, and drawn to a PNG.
    @Test func theHTMLReportPrintsOnA4WithItsVietnameseText() throws {
        let archive = try filled()
        let html = directory + "/bao-cao.html"
        let made = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--cell", "cb-dong-tam", "--format", "html", "-o", html,
        ])
        #expect(made.status == 0, "\(made.errors)")
        let text = try Browser.printedText(html, in: directory, name: "bao-cao")
        for expected in [
            "ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ THÔN ĐỒNG TÂM", "ĐẢNG BỘ XÃ MINH TIẾN", "-BC/CB", "BÁO CÁO",
            "Kết quả sinh hoạt chi bộ năm 2024", "Số liệu đến ngày 31 tháng 12 năm 2024", "Đồng Tâm, ngày",
            "Hoàng Văn Khánh", "Đàm Thị Nguyệt", "Tháng 8", "Quý III", "T/M CHI BỘ", "thiếu", "Hà Văn Thành",
            "Nơi nhận:", "- Đảng ủy xã Minh Tiến (để báo cáo),", "- Lưu Chi bộ.",
        ] {
            #expect(text.contains(expected), "missing “\(expected)” in the PDF")
        }
        // Findings in words only: their stable codes are for scripts.
        #expect(!text.contains("[unexcused-absences]") && !text.contains("[short-meeting]") && !text.contains("dt-03"))
    }

    /// The commune committee's report as it is sent: a generated commune of 50 cells over two
    /// years, printed by Chromium to three to five A4 pages, the real heading, the figures in
    /// sentences, the annex with every cell, and no internal code anywhere.
    @Test func theCommitteeReportOfFiftyCellsPrintsOnThreeToFivePages() throws {
        let text = TextSource(
            titles: ["Nghị quyết lãnh đạo thực hiện nhiệm vụ"],
            paragraphs: ["Chi bộ thống nhất thông qua nghị quyết, phân công đảng viên phụ trách từng nhiệm vụ."])
        let file = directory + "/xa-mau.xml"
        try ArchiveGenerator(
            cells: 50, years: 2, firstYear: 2023, proceedingsParagraphs: 1, bodyParagraphs: 1, text: text, communes: 1
        ).write(to: file)
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try Sochibo.run(["import", "--archive", archive, file])
        #expect(imported.status == 0, "\(imported.errors)")
        let html = directory + "/bao-cao-xa.html"
        let made = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--organization", "dbx-0", "--format", "html", "-o",
            html,
        ])
        #expect(made.status == 0, "\(made.errors)")
        let printed = try Browser.printedText(html, in: directory, name: "bao-cao-xa")
        let pages = try Browser.pageCount(in: directory, name: "bao-cao-xa")
        #expect((3...5).contains(pages), "\(pages) pages")
        for expected in [
            "ĐẢNG BỘ HUYỆN MẪU", "ĐẢNG ỦY XÃ MẪU 1", "-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Mẫu 1, ngày", "BÁO CÁO",
            "Kết quả sinh hoạt chi bộ năm 2024", "Toàn Đảng bộ có 50 chi bộ trực thuộc",
            "50/50 chi bộ sinh hoạt đủ 11–12 kỳ",
            "So sánh với năm 2023", "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Hạn chế", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
            "T/M ĐẢNG ỦY", "BÍ THƯ", "Nơi nhận:", "PHỤ LỤC", "Chi bộ thôn Mẫu 1 ", "Chi bộ thôn Mẫu 50 ",
            "Cộng 50 chi bộ",
        ] {
            #expect(printed.contains(expected), "missing “\(expected)” in the PDF")
        }
        // No identifier or finding code on paper.
        #expect(printed.range(of: #"\[[a-z-]+\]|cb-\d|dbx-0|hu-mau"#, options: .regularExpression) == nil)
    }

    /// The tester's report, item 3: a draft's warnings (a meeting too short, no conclusion)
    /// are findings of `summary` as of `check`, with the same codes; the draft is still counted
    /// apart, in none of the figures of the minutes held.
    @Test func aDraftsFindingsAreThoseCheckGives() throws {
        let archive = directory + "/mau"
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let sample = Sochibo.path("archive/samples/dbx-hop-thanh.xml")
        #expect(try Sochibo.run(["import", "--archive", archive, sample]).status == 0)
        // The Nà Pàn form of 28/12/2024, 19:30–20:30 and without a conclusion.
        var form = try String(
            contentsOfFile: Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt"), encoding: .utf8)
        form = form.replacingOccurrences(of: "Kết thúc: 21:20", with: "Kết thúc: 20:30")
        let conclusion = try #require(form.range(of: "[Kết luận]\n"))
        let votes = try #require(form.range(of: "[Biểu quyết]"))
        form.replaceSubrange(conclusion.upperBound..<votes.lowerBound, with: "\n")
        let path = directory + "/ngan.txt"
        try Data(form.utf8).write(to: URL(fileURLWithPath: path))
        let filed = try Sochibo.run(["file", "--archive", archive, "--by", "Lý Thị Thu", path])
        #expect(filed.status == 0, "\(filed.errors)")
        let draft = "cb-na-pan-2024-12-28"
        func codes(_ findings: Any?) -> [String] {
            ((findings as? [[String: Any]]) ?? []).filter { $0["subject"] as? String == draft }
                .compactMap { $0["code"] as? String }.sorted()
        }
        let check = try Sochibo.run(["check", "--archive", archive, "--format", "json"])
        let checked = try #require(JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])
        let checkCodes = codes(checked["findings"])
        #expect(checkCodes.contains("short-meeting") && checkCodes.contains("no-conclusion"), "\(checkCodes)")
        let summary = try Sochibo.run([
            "summary", "--archive", archive, "--year", "2024", "--cell", "cb-na-pan", "--format", "json",
        ])
        #expect(summary.status == 0, "\(summary.errors)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: Any])
        let cell = try #require((object["cells"] as? [[String: Any]])?.first)
        #expect(codes(cell["findings"]) == (checkCodes + ["unapproved-minutes"]).sorted(), "\(cell["findings"] ?? "")")
        // Counted apart: not a meeting held, not among the short ones or those without a conclusion.
        #expect(cell["unapprovedMinutes"] as? [String] == [draft])
        let short = (cell["shortMeetings"] as? [[String: Any]] ?? []).compactMap { $0["meeting"] as? String }
        #expect(!short.contains(draft) && !(cell["meetingsWithoutConclusion"] as? [String] ?? []).contains(draft))
        let text = try Sochibo.run(["summary", "--archive", archive, "--year", "2024", "--cell", "cb-na-pan"])
        #expect(text.output.contains("[short-meeting] \(draft)"), "\(text.output)")
        #expect(text.output.contains("[no-conclusion] \(draft)"), "\(text.output)")
    }

    /// A draft's reports on tasks are in none of the figures, like the draft: filing the Nà
    /// Pàn form of 28/12/2024 (which reports a task done) leaves the year's tasks as they were.
    @Test func aDraftsTaskReportsAreNotCounted() throws {
        let archive = directory + "/nhiem-vu"
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let sample = Sochibo.path("archive/samples/dbx-hop-thanh.xml")
        #expect(try Sochibo.run(["import", "--archive", archive, sample]).status == 0)
        func tasks() throws -> [String: Int] {
            let summary = try Sochibo.run([
                "summary", "--archive", archive, "--year", "2024", "--cell", "cb-na-pan", "--format", "json",
            ])
            let object = try #require(JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: Any])
            let cell = try #require((object["cells"] as? [[String: Any]])?.first)
            return try #require(cell["tasks"] as? [String: Int])
        }
        let before = try tasks()
        let form = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")
        #expect(try String(contentsOfFile: form, encoding: .utf8).contains("hoàn thành"))
        let filed = try Sochibo.run(["file", "--archive", archive, "--by", "Lý Thị Thu", form])
        #expect(filed.status == 0, "\(filed.errors)")
        #expect(try tasks() == before)
        // Approved, its reports count.
        #expect(try Sochibo.run(["approve", "--archive", archive, "cb-na-pan-2024-12-28", "--confirm"]).status == 0)
        #expect(try tasks() != before)
    }
}
