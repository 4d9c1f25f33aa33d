import Foundation
import Testing

/// `sochibo member …` and the setup link of `sochibo serve`, run as the real program.
@Suite struct MemberCommandTests {
    func sampleArchive() throws -> String {
        let archive = Sochibo.temporaryDirectory() + "/kho"
        try Sochibo.run(["init", "--archive", archive])
        try Sochibo.run(["import", "--archive", archive, Sochibo.path("archive/samples/dbx-hop-thanh.xml")])
        return archive
    }

    @Test func theRegisterIsKeptFromTheCommandLine() throws {
        let archive = try sampleArchive()
        func member(_ arguments: [String]) throws -> Sochibo.Result {
            try Sochibo.run(["member"] + arguments + ["--archive", archive])
        }
        let admission = [
            "admit", "--cell", "cb-na-pan", "--name", "Lò Thị Hoa", "--birth-year", "1998", "--admitted", "02/03/2023",
            "--by", "Hà Văn Lợi",
        ]
        // The sample's approved minutes from March 2023 on do not name her: entering her from
        // then changes what they say, so the register asks first, and writes nothing.
        let unconfirmed = try member(admission)
        #expect(unconfirmed.status == 1)
        #expect(
            unconfirmed.errors.contains("số liệu của ") && unconfirmed.errors.contains("biên bản đã thông qua sẽ đổi")
                && unconfirmed.errors.contains("ngày 08/03/2023: có mặt 12/12 thành 12/13")
                && unconfirmed.errors.contains("--confirm"), "\(unconfirmed.errors)")
        #expect(!(try member(["list", "--cell", "cb-na-pan"]).output.contains("Lò Thị Hoa")))
        let admitted = try member(admission + ["--confirm"])
        #expect(admitted.status == 0)
        #expect(admitted.output.contains("mã cb-na-pan-dv-01"))
        #expect(
            try member(["confirm", "cb-na-pan-dv-01", "--date", "2024-03-02", "--by", "Hà Văn Lợi", "--confirm"])
                .status == 0)
        #expect(
            try member([
                "exempt", "np-05", "--from", "01/10/2024", "--reason", "Đi chữa bệnh", "--by", "Hà Văn Lợi",
                "--confirm",
            ])
            .status
                == 0)
        #expect(try member(["role", "np-02", "--title", "committee-member", "--from", "01/01/2024"]).status == 0)
        #expect(try member(["post", "np-02", "--title", "Trưởng thôn", "--from", "01/01/2024"]).status == 0)
        let transferred = try member([
            "transfer-in", "--cell", "cb-na-pan", "--name", "Vi Văn Tâm", "--admitted", "2001-01-01", "--official",
            "2002-01-01", "--joined", "2024-02-01", "--confirm",
        ])
        #expect(transferred.output.contains("cb-na-pan-dv-02"))
        // A death dated before approved minutes that still count the member: asked, then written.
        let death = try member(["death", "np-09", "--date", "15/11/2024"])
        #expect(death.status == 1 && death.errors.contains("ngày 15/12/2024"), "\(death.errors)")
        #expect(try member(["death", "np-09", "--date", "15/11/2024", "--confirm"]).status == 0)
        // An event after the last approved minutes changes none of them: no question asked.
        #expect(
            try member(["death", "np-08", "--date", "01/01/2025"]).status == 0,
            "the sample's minutes end in December 2024")

        let list = try member(["list", "--cell", "cb-na-pan", "--date", "2024-12-31"])
        #expect(list.status == 0)
        let lines = list.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("cb-na-pan-dv-01\tLò Thị Hoa\tchính thức") })
        #expect(lines.contains { $0.hasPrefix("np-05\t") && $0.contains("miễn sinh hoạt") })
        #expect(
            lines.contains { $0.hasPrefix("np-09\t") && $0.contains("không thuộc chi bộ (từ trần ngày 15/11/2024)") })
        // On a day before np-08's death (01/01/2025) nothing is said of it.
        #expect(lines.contains { $0.hasPrefix("np-08\t") && !$0.contains("từ trần") })
        // By given name: Bình before Dũng before Hoa.
        let names = lines.map { $0.split(separator: "\t")[1] }
        let binh = try #require(names.firstIndex(of: "Chu Văn Bình"))
        let hoa = try #require(names.firstIndex(of: "Lò Thị Hoa"))
        #expect(binh < hoa)

        let log = try Sochibo.run(["log", "cb-na-pan-dv-01", "--archive", archive])
        #expect(log.output.contains("kết nạp đảng viên") && log.output.contains("công nhận chính thức"))
        #expect(log.output.contains("Hà Văn Lợi"))

        // The export carries the new facts.
        let exported = Sochibo.temporaryDirectory() + "/kho.xml"
        #expect(try Sochibo.run(["export", "--archive", archive, "-o", exported]).status == 0)
        let xml = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(xml.contains("Lò Thị Hoa") && xml.contains("Đi chữa bệnh") && xml.contains("Trưởng thôn"))
    }

    @Test func refusalsAreOneVietnameseLine() throws {
        let archive = try sampleArchive()
        func refusal(_ arguments: [String]) throws -> [String] {
            let result = try Sochibo.run(["member"] + arguments + ["--archive", archive])
            #expect(result.status != 0)
            return result.errorLines
        }
        let early = try refusal(["admit", "--cell", "cb-na-pan", "--name", "A", "--admitted", "28/12/24"])
        #expect(early.count == 1 && early[0].contains("hai chữ số"))
        let probation = try refusal(["confirm", "np-01", "--date", "2024-01-01"])
        #expect(probation.count == 1 && probation[0].contains("đã là đảng viên chính thức"))
        let future = try refusal(["exempt", "np-04", "--from", "31/12/2999", "--reason", "x"])
        #expect(future.count == 1 && future[0].contains("chưa đến"))
        let secretary = try refusal(["role", "np-02", "--title", "secretary", "--from", "2024-01-01"])
        #expect(
            secretary == [
                "sochibo: chi bộ đang có bí thư là đồng chí Hà Văn Lợi (từ ngày 16/04/2020); mỗi lúc chỉ có một bí thư, hãy ghi ngày thôi giữ chức của đồng chí ấy trước."
            ])
        let title = try refusal(["role", "np-02", "--title", "chairman", "--from", "2024-01-01"])
        #expect(title.count == 1 && title[0].contains("không có chức vụ «chairman»"))
        let unknown = try refusal(["death", "khong-co", "--date", "2024-01-01"])
        #expect(
            unknown == [
                "sochibo: không có đảng viên nào tên hay mã «khong-co»; xem danh sách đảng viên bằng `sochibo member list --cell CHI_BỘ`."
            ])
        // Nothing of it was written.
        let log = try Sochibo.run(["log", "--archive", archive])
        #expect(!log.output.contains("kết nạp đảng viên") && !log.output.contains("miễn sinh hoạt"))
    }

    @Test func aSpreadsheetListIsPreviewedThenLoadedAllOrNothing() throws {
        let archive = try sampleArchive()
        let folder = Sochibo.temporaryDirectory()
        let bad = folder + "/sai.csv"
        try Data("\u{FEFF}Họ và tên;Năm sinh;Ngày kết nạp\nLò Thị Hoa;1998;02/03/2023\nVi Văn Tâm;19x0;28/12/24\n".utf8)
            .write(to: URL(fileURLWithPath: bad))
        let preview = try Sochibo.run(["member", "load", "--cell", "cb-na-pan", bad, "--dry-run", "--archive", archive])
        #expect(preview.status != 0)
        #expect(preview.output.contains("dòng 2\tLò Thị Hoa"))
        let rowThree = preview.errorLines.filter { $0.contains("dòng 3: ") }
        #expect(rowThree.count == 2 && preview.errorLines.count == 4, "\(preview.errorLines)")
        #expect(
            preview.errorLines.last == "sochibo: xem trước: 3 lỗi, nên lệnh nạp sẽ không nạp ai; chưa ghi gì cả.",
            "\(preview.errorLines)")
        // Row 2 reads, but without "Ngày vào chi bộ" she would count in the approved minutes
        // since March 2023, which do not name her.
        #expect(
            preview.errorLines.contains {
                $0.contains("dòng 2: chưa ghi “Ngày vào chi bộ” nên lấy ngày kết nạp 02/03/2023")
                    && $0.contains("biên bản đã thông qua (từ ngày 08/03/2023 đến ngày 15/12/2024) sẽ đổi")
            }, "\(preview.errorLines)")
        let refused = try Sochibo.run(["member", "load", "--cell", "cb-na-pan", bad, "--archive", archive])
        #expect(refused.status != 0)
        #expect(refused.errorLines.last?.contains("chưa nạp ai cả") == true)
        // The members of the last report of issue 11: admitted long ago, no joining day.
        let undated = folder + "/khong-ngay-vao.csv"
        try Data(
            "Họ và tên,Ngày kết nạp,Ngày chính thức\nLò Thị Hoa,02/03/2023,02/03/2024\nVi Văn Tâm,01/07/2001,\n".utf8
        )
        .write(to: URL(fileURLWithPath: undated))
        let guessed = try Sochibo.run(["member", "load", "--cell", "cb-na-pan", undated, "--archive", archive])
        #expect(guessed.status != 0)
        #expect(guessed.errorLines.filter { $0.contains("chưa ghi “Ngày vào chi bộ”") }.count == 2)
        #expect(
            !(try Sochibo.run(["member", "list", "--cell", "cb-na-pan", "--archive", archive]).output
                .contains("Vi Văn Tâm")))
        let good = folder + "/dung.csv"
        try Data(
            ("Họ và tên,Ngày kết nạp,Ngày chính thức,Ngày vào chi bộ\nLò Thị Hoa,02/03/2023,02/03/2024,05/01/2025\n"
                + "Vi Văn Tâm,01/07/2001,,05/01/2025\n").utf8
        )
        .write(to: URL(fileURLWithPath: good))
        let clean = try Sochibo.run(["member", "load", "--cell", "cb-na-pan", good, "--dry-run", "--archive", archive])
        // Vi Văn Tâm, admitted in 2001 with no official day, loads as probationary: warned, not refused.
        #expect(clean.status == 0, "\(clean.errors)")
        #expect(
            clean.errorLines == [
                "\(good): dòng 3: kết nạp đã hơn 12 tháng mà chưa ghi “Ngày chính thức”: sẽ nạp là đảng viên dự bị; "
                    + "nếu đồng chí đã là đảng viên chính thức, hãy ghi ngày đó"
            ], "\(clean.errors)")
        #expect(
            clean.output.hasSuffix(
                "Xem trước: đọc được 2 đảng viên, không có lỗi; chưa ghi gì cả. Nạp thật bằng cùng lệnh, bỏ --dry-run.\n"
            ),
            "\(clean.output)")
        let loaded = try Sochibo.run([
            "member", "load", "--cell", "cb-na-pan", good, "--archive", archive, "--by", "quantri",
        ])
        #expect(loaded.output.contains("Đã nạp 2 đảng viên"))
        #expect(
            loaded.errorLines.count == 1 && loaded.errors.contains("dòng 3: kết nạp đã hơn 12 tháng"),
            "\(loaded.errors)")
        let list = try Sochibo.run(["member", "list", "--cell", "cb-na-pan", "--archive", archive]).output
        #expect(list.contains("cb-na-pan-dv-01\tLò Thị Hoa\tchính thức"))
        #expect(list.contains("cb-na-pan-dv-02\tVi Văn Tâm\tdự bị"))
    }

    /// The fresh tester's report on the register's sentences: each says what happened in the
    /// words a secretary would use.
    @Test func theRegisterSpeaksOfDaysAndYearsAsTheyAre() throws {
        let archive = try sampleArchive()
        func member(_ arguments: [String]) throws -> Sochibo.Result {
            try Sochibo.run(["member"] + arguments + ["--archive", archive])
        }
        let admission = ["admit", "--cell", "cb-na-pan", "--name", "Lò Văn Mới", "--admitted", "05/01/2025"]
        let unborn = try member(admission + ["--birth-year", "2030"])
        #expect(unborn.status == 1 && unborn.errors.contains("năm sinh 2030 chưa đến (năm nay là "), "\(unborn.errors)")
        #expect(!unborn.errors.contains("-5 tuổi"))
        #expect(try member(admission + ["--birth-year", "1995"]).status == 0)
        let early = try member(["confirm", "cb-na-pan-dv-01", "--date", "31/01/2025"])
        #expect(
            early.errorLines == [
                "sochibo: chưa thể công nhận đồng chí Lò Văn Mới là đảng viên chính thức ngày 31/01/2025: "
                    + "phải đủ 12 tháng dự bị kể từ ngày kết nạp, tức từ ngày 05/01/2026."
            ], "\(early.errors)")
        let sameDay = try member(["remove", "cb-na-pan-dv-01", "--date", "05/01/2025"])
        #expect(sameDay.status == 1)
        #expect(
            sameDay.errors.contains("ngày ra khỏi chi bộ phải sau ngày vào chi bộ")
                && !sameDay.errors.contains("trước khi"),
            "\(sameDay.errors)")
        // Admitted in the cell: its joining day is not a transfer.
        #expect(!(try Sochibo.run(["show", "cb-na-pan-dv-01", "--archive", archive]).output.contains("chuyển đến")))
        let moved = try member([
            "transfer-in", "--cell", "cb-na-pan", "--name", "Vi Văn Tâm", "--admitted", "2001-01-01", "--official",
            "2002-01-01", "--joined", "2025-02-01",
        ])
        #expect(moved.status == 0, "\(moved.errors)")
        #expect(
            try Sochibo.run(["show", "cb-na-pan-dv-02", "--archive", archive]).output.contains(
                "Ngày chuyển đến: 01/02/2025"))
        let exempt = try member([
            "exempt", "np-03", "--from", "09/08/2023", "--to", "09/09/2023", "--reason", "Đi chữa bệnh", "--confirm",
        ])
        #expect(exempt.output.contains("từ 09/08/2023 đến 09/09/2023"), "\(exempt.output) \(exempt.errors)")
        let death = try member(["death", "cb-na-pan-dv-01", "--date", "10/01/2025"])
        #expect(death.output.contains("Lò Văn Mới: từ trần ngày 10/01/2025."), "\(death.output) \(death.errors)")
        // The form's example names nobody of the cell by a code that is not theirs.
        let form = Sochibo.temporaryDirectory() + "/mau.txt"
        #expect(try Sochibo.run(["template", "--from", "np-2024-09", "-o", form, "--archive", archive]).status == 0)
        let text = try String(contentsOfFile: form, encoding: .utf8)
        #expect(text.contains("Nguyễn Văn A [mã-đảng-viên]") && !text.contains("Hoàng Văn Kiên [np-01]"))
    }

    /// The fresh tester's report: a list's problems and warnings come in row order whichever
    /// check found them, name the joining-day column as the file heads it, say one approved
    /// minutes in the singular, and warn of a probation long over with no official day.
    @Test func aListsProblemsComeByRowNamedAsTheFileHeadsThem() throws {
        let archive = try sampleArchive()
        let file = Sochibo.temporaryDirectory() + "/chuyen-den.csv"
        try Data(
            ("Họ và tên;Ngày kết nạp;Ngày chuyển đến\nVi Văn Tâm;01/07/2001;\nLò Thị Hoa;02/03/2023;10/12/2024\n"
                + "Lò Văn A;28/12/24;\nHà Thị Lan;01/07/2001;05/01/2025\n").utf8
        ).write(to: URL(fileURLWithPath: file))
        func rows(_ lines: [String]) -> [Int] {
            lines.compactMap { line in
                line.range(of: "dòng ").flatMap { Int(line[$0.upperBound...].prefix { $0.isNumber }) }
            }
        }
        let preview = try Sochibo.run([
            "member", "load", "--cell", "cb-na-pan", file, "--dry-run", "--archive", archive,
        ])
        #expect(preview.status == 1)
        #expect(rows(preview.errorLines) == [2, 3, 4, 5], "\(preview.errors)")
        #expect(
            preview.errorLines.contains {
                $0.contains("dòng 2: chưa ghi “Ngày chuyển đến” nên lấy ngày kết nạp 01/07/2001")
                    && $0.contains("vì các biên bản đó")
            }, "\(preview.errors)")
        #expect(
            preview.errorLines.contains {
                $0.contains(
                    "dòng 3: “Ngày chuyển đến” 10/12/2024 làm đổi số liệu của biên bản đã thông qua ngày 15/12/2024, "
                        + "vì biên bản đó không có tên đồng chí")
            }, "\(preview.errors)")
        #expect(!preview.errors.contains("Ngày vào chi bộ"), "\(preview.errors)")
        #expect(
            preview.errorLines.contains {
                $0.contains("dòng 5: kết nạp đã hơn 12 tháng mà chưa ghi “Ngày chính thức”: sẽ nạp là đảng viên dự bị")
            }, "\(preview.errors)")
        // Row 2 is refused: it is not also warned of its probation.
        #expect(rows(preview.errorLines).filter { $0 == 2 }.count == 1)
        // The load refuses in the same order.
        let load = try Sochibo.run(["member", "load", "--cell", "cb-na-pan", file, "--archive", archive])
        #expect(load.status == 1)
        #expect(rows(load.errorLines) == [2, 3, 4], "\(load.errors)")
        // The help names the columns the rule reads.
        var wide = ProcessInfo.processInfo.environment
        wide["COLUMNS"] = "400"
        let help = try Sochibo.run(["member", "load", "--help"], environment: wide).output
        #expect(help.contains("Ngày chính thức") && help.contains("Ngày vào chi bộ"), "\(help)")
    }

    /// The tester's report, item 7: a member already in the cell, written with the other tone
    /// placement ("Hoà" for "Hòa"), is refused by the preview as the load refuses it, whether
    /// `--cell` gives the code or the name people say.
    @Test(arguments: ["cb-na-pan", "Nà Pàn"])
    func thePreviewRefusesAMemberAlreadyInTheCellAsTheLoadDoes(cell: String) throws {
        let archive = try sampleArchive()
        let folder = Sochibo.temporaryDirectory()
        let list = folder + "/danh-sach.csv"
        // np-06 is "Lương Văn Hòa", born 1960.
        try Data("Họ và tên;Năm sinh;Ngày kết nạp\nLương Văn Hoà;1960;02/09/1981\nVi Văn Tâm;1990;01/07/2020\n".utf8)
            .write(to: URL(fileURLWithPath: list))
        let preview = try Sochibo.run(["member", "load", "--cell", cell, list, "--dry-run", "--archive", archive])
        #expect(preview.status == 1, "\(preview.output)")
        let previewed = preview.errorLines.filter { $0.hasPrefix(list + ": dòng 2: ") }
        #expect(previewed.count == 1, "\(preview.errors)")
        #expect(previewed.first?.contains("Lương Văn Hòa") == true, "\(preview.errors)")
        let loaded = try Sochibo.run(["member", "load", "--cell", cell, list, "--archive", archive, "--by", "quantri"])
        #expect(loaded.status == 1)
        // The same sentence, and nobody loaded.
        let sentence = String(previewed.first?.dropFirst((list + ": dòng 2: ").count) ?? "")
        #expect(!sentence.isEmpty && loaded.errors.contains(sentence), "\(loaded.errors)")
        let members = try Sochibo.run(["member", "list", "--cell", "cb-na-pan", "--archive", archive]).output
        #expect(!members.contains("Vi Văn Tâm"))
    }

    @Test func serveOnAnArchiveWithoutAccountsPrintsTheSetupLink() throws {
        let archive = Sochibo.temporaryDirectory() + "/kho"
        try Sochibo.run(["init", "--archive", archive])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Sochibo.executable)
        process.arguments = ["serve", "--archive", archive, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var text = ""
        while !text.contains("/thiet-lap?ma=") || !text.hasSuffix("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let link = try #require(text.split(separator: "\n").first { $0.contains("/thiet-lap?ma=") })
        #expect(link.hasPrefix("http://127.0.0.1:"))
        func status(_ url: String) throws -> String {
            try Sochibo.tool("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", url]).output
        }
        #expect(try status(String(link)) == "200")
        #expect(try status(String(link) + "x") == "403")
    }

    /// `member discard`: a member admitted by mistake comes out, with the log saying so.
    @Test func aMemberAdmittedByMistakeIsDiscardedFromTheCommandLine() throws {
        let archive = try sampleArchive()
        func member(_ arguments: [String]) throws -> Sochibo.Result {
            try Sochibo.run(["member"] + arguments + ["--archive", archive])
        }
        let admitted = try member([
            "admit", "--cell", "Nà Pàn", "--name", "Lò Thị Hoa", "--admitted", "02/01/2023", "--confirm", "--by", "t",
        ])
        #expect(admitted.status == 0, "\(admitted.errors)")
        let discarded = try member(["discard", "Lò Thị Hoa", "--cell", "Nà Pàn", "--by", "Hà Văn Lợi"])
        #expect(discarded.status == 0, "\(discarded.errors)")
        #expect(
            discarded.output
                == "Đã bỏ Lò Thị Hoa (mã cb-na-pan-dv-01) ghi nhầm; nhật ký giữ lại việc này, và mã cb-na-pan-dv-01 "
                + "không dùng cho ai khác.\n", "\(discarded.output)")
        #expect(!(try member(["list", "--cell", "cb-na-pan"]).output.contains("Lò Thị Hoa")))
        let log = try Sochibo.run(["log", "cb-na-pan-dv-01", "--archive", archive]).output
        #expect(log.contains("bỏ đảng viên ghi nhầm") && log.contains("Hà Văn Lợi"), "\(log)")
        let refused = try member(["discard", "np-01"])
        #expect(refused.status == 1 && refused.errorLines.count == 1, "\(refused.errors)")
        #expect(refused.errors.contains("chưa bỏ được đồng chí Hà Văn Lợi"), "\(refused.errors)")
    }
}
