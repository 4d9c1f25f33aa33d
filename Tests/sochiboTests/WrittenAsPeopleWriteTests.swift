import Foundation
import Testing

/// Issue 11 through the real program: what a secretary files is never duplicated, dropped or
/// silently wrong, and the same text is the same text (the inputs of `../shared/cases/`).
@Suite("Written as people write")
struct WrittenAsPeopleWriteTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    static let cases = Sochibo.path("fixtures/cases")
    static let minutes = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")

    func run(_ arguments: [String]) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive])
    }

    func start(_ file: String = Sochibo.path("archive/samples/dbx-hop-thanh.xml")) throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try run(["import", file])
        #expect(imported.status == 0, "\(imported.errors)")
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try run(arguments + ["--format", "json"])
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    }

    // MARK: Item 9

    /// `--cell` and `--organization` take a name as well as a code; a name that is none gets
    /// the closest and how to list them, in one line.
    @Test func cellsAndCommitteesByTheirNames() throws {
        try start()
        let byName = try run(["summary", "--year", "2024", "--cell", "na pan"])
        #expect(byName.status == 0 && byName.output.contains("Chi bộ thôn Nà Pàn (cb-na-pan)"), "\(byName.errors)")
        let committee = try run(["summary", "--year", "2024", "--organization", "Hợp Thành", "--format", "json"])
        #expect(committee.status == 0 && committee.output.contains("\"dbx-hop-thanh\""), "\(committee.errors)")
        let meetings = try json(["list", "meetings", "--cell", "Chi bộ thôn Phai Luông", "--year", "2023"])
        #expect(meetings.count >= 12 && meetings.allSatisfy { ($0["cell"] as? String) == "cb-phai-luong" })
        let search = try run(["search", "--cell", "Khuổi Mạ", "nghị quyết"])
        #expect(search.status == 0 && !search.output.contains("Phai Luông"))
        let wrong = try run(["list", "meetings", "--cell", "Pai Luong"])
        #expect(wrong.status == 1 && wrong.errorLines.count == 1)
        #expect(
            wrong.errors.contains(
                "không có chi bộ nào tên hay mã «Pai Luong»; có phải: Chi bộ thôn Phai Luông (cb-phai-luong)?")
        )
        #expect(wrong.errors.contains("sochibo list cells"))
    }

    /// A meeting by its cell and day, as people know it: "Nà Pàn 08/11/2024".
    @Test func aMeetingByItsCellAndDay() throws {
        try start()
        let shown = try run(["show", "Nà Pàn 08/11/2024"])
        #expect(shown.status == 0 && shown.output.contains("Mã: np-2024-11"), "\(shown.errors)")
        let printed = try run(["print", "na pan 2024-11-08"])
        #expect(printed.status == 0 && printed.output.contains("BIÊN BẢN"))
        let form = try run(["template", "--from", "Chi bộ thôn Nà Pàn 08/11/2024"])
        #expect(form.status == 0 && form.output.contains("np-2024-11"))
        let none = try run(["show", "Nà Pàn 07/11/2024"])
        #expect(none.status == 1 && none.errorLines.count == 1)
        #expect(none.errors.contains("không có biên bản nào ứng với «Nà Pàn 07/11/2024»"))
        #expect(none.errors.contains("có phải: kỳ thường kỳ ngày 08/11/2024 (np-2024-11)"))
        // A code still means the record; an unknown code offers the closest, nearest first,
        // on every command that takes a record, and says how to list them.
        #expect(try run(["show", "np-2024-11"]).output.contains("Mã: np-2024-11"))
        let unknown = try run(["show", "khong-co"])
        #expect(unknown.status == 1 && unknown.errors.contains("không có biên bản hay văn bản nào mã «khong-co»."))
        #expect(unknown.errors.contains("sochibo list meetings --cell"))
        for command in [["show"], ["print"], ["approve"], ["discard"], ["rate"]] {
            let near = try run(command + ["np-2024-13"] + (command == ["rate"] ? ["time=5"] : []))
            #expect(near.status == 1 && near.errorLines.count == 1, "\(command): \(near.errors)")
            #expect(
                near.errors.contains(
                    "có phải: kỳ thường kỳ ngày 08/10/2024, Chi bộ thôn Nà Pàn (np-2024-10); "
                        + "kỳ thường kỳ ngày 08/11/2024, Chi bộ thôn Nà Pàn (np-2024-11); "
                        + "kỳ thường kỳ kết hợp chuyên đề ngày 15/12/2024, Chi bộ thôn Nà Pàn (np-2024-12)?"),
                "\(command): \(near.errors)")
        }
        // A document by its code typed in capitals: never its title (it may be confidential).
        let document = try run(["issue", "NP-NQ-2024-12"])
        #expect(document.errors.contains("có phải: nghị quyết 24-NQ/CB, Chi bộ thôn Nà Pàn (np-nq-2024-12)"))
        // A command that works on one kind offers that kind only, and says when a code is the
        // other kind's rather than that it does not exist.
        let issueMinutes = try run(["issue", "np-2024-13"])
        #expect(issueMinutes.status == 1 && !issueMinutes.errors.contains("np-2024-12"), "\(issueMinutes.errors)")
        let wrongKinds = [
            (
                ["rate", "np-nq-2024-12", "time=5"],
                "np-nq-2024-12 là mã của một văn bản, không phải biên bản kỳ sinh hoạt"
            ),
            (["approve", "np-nq-2024-12"], "np-nq-2024-12 là mã của một văn bản, không phải biên bản kỳ sinh hoạt"),
            (["issue", "np-2024-12"], "np-2024-12 là mã của một kỳ sinh hoạt, không phải văn bản"),
        ]
        for (arguments, sentence) in wrongKinds {
            let refused = try run(arguments)
            #expect(refused.status == 1 && refused.errorLines == ["sochibo: \(sentence)."], "\(refused.errors)")
        }
        // Nothing typed, or far too much: a sentence, not an echo of it.
        #expect(try run(["show", ""]).errors.hasPrefix("sochibo: chưa ghi mã biên bản hay văn bản"))
        let long = try run(["show", String(repeating: "x", count: 5_000)])
        #expect(long.status == 1 && long.errors.count < 400)
    }

    // MARK: Item 1

    @Test func theSameMinutesFiledTwiceUpdateTheirDraftAndALockedOneIsRefused() throws {
        try start()
        #expect(try run(["file", Self.minutes, "--by", "Lý Thị Thu"]).status == 0)
        let text = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let again = try write(text.replacingOccurrences(of: "Kết thúc: 21:20", with: "Kết thúc: 21:35"), "lai.txt")
        let second = try run(["file", again, "--by", "Lý Thị Thu"])
        #expect(second.status == 0 && second.output.contains("cb-na-pan-2024-12-28 "), "\(second.errors)")
        let meetings = try json(["list", "meetings", "--cell", "cb-na-pan", "--year", "2024"])
        #expect(meetings.filter { ($0["id"] as? String)?.hasPrefix("cb-na-pan-2024-12-28") == true }.count == 1)
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).output.contains("21:35"))

        #expect(try run(["approve", "cb-na-pan-2024-12-28", "--confirm"]).status == 0)
        let locked = try run(["file", again])
        #expect(locked.status == 1)
        let dateLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.hasPrefix("Ngày:")
        }.map { $0 + 1 }
        #expect(
            locked.errorLines.first?.hasPrefix(
                "\(again):\(dateLine ?? 0): lỗi: biên bản cb-na-pan-2024-12-28 đã được thông qua") == true,
            "\(locked.errors)")
        #expect(locked.errors.contains("sochibo correct cb-na-pan-2024-12-28"))
        #expect(
            try run(["list", "meetings", "--cell", "cb-na-pan", "--year", "2024"]).output.contains("-2028-2") == false)
        #expect(try run(["discard", "cb-na-pan-2024-12-28"]).status == 1)
    }

    @Test func aDraftFiledByMistakeIsDiscardedWithALogEntryAndCheckStillPasses() throws {
        try start()
        #expect(try run(["file", Self.minutes, "--by", "Lý Thị Thu"]).status == 0)
        let discarded = try run(["discard", "cb-na-pan-2024-12-28", "--by", "Lý Thị Thu"])
        #expect(discarded.status == 0, "\(discarded.errors)")
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).status == 1)
        let log = try json(["log", "cb-na-pan-2024-12-28"])
        #expect(log.map { $0["action"] as? String } == ["file", "discard"])
        #expect(log.last?["actor"] as? String == "Lý Thị Thu")
        let check = try run(["check"])
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        // The log with a discard travels in a backup and restores.
        let backup = directory + "/sao-luu.xml"
        #expect(try run(["export", "--with-log", "-o", backup]).status == 0)
        let restored = directory + "/restored"
        #expect(try Sochibo.run(["init", "--archive", restored]).status == 0)
        let restoring = try Sochibo.run(["import", "--archive", restored, backup])
        #expect(restoring.status == 0, "\(restoring.errors)")
        // An approved record is never discarded.
        #expect(try run(["discard", "np-2024-12"]).errors.contains("đã khóa"))
    }

    // MARK: Item 2

    @Test func draftsAreShownApartAndFillNoMonth() throws {
        try start()
        let before = try run(["summary", "--year", "2024", "--cell", "cb-na-pan", "--format", "json"])
        #expect(try run(["file", Self.minutes]).status == 0)
        let after = try run(["summary", "--year", "2024", "--cell", "cb-na-pan", "--format", "json"])
        func cell(_ output: String) throws -> [String: Any] {
            let object = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            return try #require((object["cells"] as? [[String: Any]])?.first)
        }
        #expect(try cell(after.output)["meetingsHeld"] as? Int == cell(before.output)["meetingsHeld"] as? Int)
        #expect(try cell(after.output)["regularHeld"] as? Int == cell(before.output)["regularHeld"] as? Int)
        #expect(try cell(after.output)["unapprovedMinutes"] as? [String] == ["cb-na-pan-2024-12-28"])
        let text = try run(["summary", "--year", "2024", "--cell", "cb-na-pan"])
        #expect(text.output.contains("1 biên bản chưa thông qua"), "\(text.output)")
    }

    // MARK: Item 3 and issue 15 item 7

    @Test func absenceReasonsAreKeptHoweverWritten() throws {
        try start()
        let text = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let presentLines = lines.indices.filter { lines[$0].hasSuffix(": có mặt") && lines[$0].contains("[np-") }
        let writings = [
            "vắng có lý do (đi viện)", "vắng có lý do - ốm", "vắng có lí do – đi công tác", "vắng có lý do, con ốm",
            "vắng ko lý do", "x", "có",
        ]
        var edited = lines
        for (index, writing) in zip(presentLines, writings) {
            edited[index] = String(lines[index].prefix { $0 != ":" }) + ": " + writing
        }
        let form = try write(edited.joined(separator: "\n"), "ly-do.txt")
        let filed = try run(["file", form])
        #expect(filed.status == 0, "\(filed.errors)")
        let shown = try run(["show", "cb-na-pan-2024-12-28", "--format", "json"]).output
        for reason in ["đi viện", "ốm", "đi công tác", "con ốm"] {
            #expect(shown.contains("\"\(reason)\""), "\(reason)")
        }
    }

    @Test func aFieldWrittenTwiceIsRefusedNamingBothLines() throws {
        try start()
        #expect(try run(["file", Self.minutes]).status == 0)
        let form = Self.cases + "/field-twice-form.txt"
        let result = try run(["file", form])
        #expect(result.status == 1)
        #expect(
            result.errorLines.first
                == "\(form):12: lỗi: “Độ mật” đã ghi ở dòng 11 và ghi lại ở dòng 12; mỗi mục chỉ ghi một lần, hãy xóa một dòng",
            "\(result.errors)")
        #expect(try run(["list", "documents", "--cell", "cb-na-pan"]).output.contains("2024-12-29") == false)
    }

    @Test func controlCharactersAreAnErrorAtTheirLine() throws {
        try start()
        let text = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let form = try write(
            text.replacingOccurrences(of: "Địa điểm: ", with: "Địa điểm: \u{7F}\u{85}"), "dieu-khien.txt")
        let result = try run(["file", form])
        #expect(result.status == 1)
        #expect(result.errors.contains("ký tự điều khiển U+007F"), "\(result.errors)")
        #expect(result.errors.contains("Fatal") == false)
    }

    // MARK: Items 5 and 6

    @Test func tonePlacementIsOneWordInFormsAndSearch() throws {
        try start(Self.cases + "/tone-placement.xml")
        let filed = try run(["file", Self.cases + "/tone-placement-form.txt"])
        #expect(filed.status == 0, "\(filed.errors)")
        let shown = try run(["show", "cb-a-2023-02-02", "--format", "json"]).output
        #expect(shown.contains("a-02"))
        let hits = try json(["search", "hòa"])
        #expect(hits.isEmpty == false)
        // Stored as written.
        #expect(try run(["show", "a-02"]).output.contains("Nguyễn Văn Hòa"))
    }

    @Test func invisibleCharactersAreNotPartOfAnyName() throws {
        try start()
        let filed = try run(["file", Self.cases + "/invisible-characters-form.txt"])
        #expect(filed.status == 0, "\(filed.errors)")
    }

    @Test func anEthWrittenForDyetIsFoundBothWays() throws {
        try start(Self.cases + "/eth-for-dyet.xml")
        for query in ["đảng viên", "dang vien", "Ðảng"] {
            let hits = try json(["search", query])
            #expect(hits.contains { ($0["title"] as? String) == "Nghị quyết về công tác Đảng viên" }, "\(query)")
        }
    }

    // MARK: Item 4

    @Test func aMislabelledEncodingIsRefusedAtLineOneAndNothingIsWritten() throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let file = Self.cases + "/mislabelled-latin1.xml"
        let result = try run(["import", file])
        #expect(result.status == 1)
        #expect(
            result.errorLines.first?.hasPrefix("\(file):1:1: lỗi: tệp khai báo bảng mã ISO-8859-1") == true,
            "\(result.errors)")
        #expect(try run(["list", "cells"]).output.contains("cb-") == false)
    }

    // MARK: Item 7

    @Test func cellsThatTieAreListedInVietnameseOrder() throws {
        try start(Self.cases + "/sort-cells.xml")
        let summary = try run(["summary", "--year", "2023", "--organization", "dbx-sx", "--format", "json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: Any])
        let names = (object["cells"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(
            names == ["Ân Thi", "Ba Vì", "Bắc Sơn", "Dương Xá", "Đồng Tâm", "Yên Bình"].map { "Chi bộ thôn " + $0 })
    }

    // MARK: Item 8

    @Test func datesAndTimesAsPeopleWriteThem() throws {
        try start()
        let blank = directory + "/bien-ban.txt"
        #expect(
            try run(["template", "meeting", "--cell", "cb-na-pan", "--date", "28/12/2024", "-o", blank]).status == 0)
        #expect(try String(contentsOfFile: blank, encoding: .utf8).contains("Ngày: 28/12/2024"))
        let short = try run(["template", "meeting", "--cell", "cb-na-pan", "--date", "28/12/24"])
        #expect(short.status != 0 && short.errors.contains("hai chữ số"), "\(short.errors)")
        #expect(try run(["search", "--from", "01/01/2024", "nghị quyết"]).status == 0)

        let text = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let form = try write(
            text.replacingOccurrences(of: "Bắt đầu: 19:30", with: "Bắt đầu: 7 giờ 30 tối")
                .replacingOccurrences(of: "Kết thúc: 21:20", with: "Kết thúc: 21h20")
                .replacingOccurrences(of: "Ngày: 2024-12-28", with: "Ngày: 28/12/2024"), "gio.txt")
        let filed = try run(["file", form])
        #expect(filed.status == 0, "\(filed.errors)")
        let twoDigits = try write(text.replacingOccurrences(of: "Ngày: 2024-12-28", with: "Ngày: 28/12/24"), "nam.txt")
        #expect(try run(["file", twoDigits]).errors.contains("năm bằng hai chữ số"))
    }

    @Test func aMeetingPastMidnightFilesAndCorrectsFromItsOwnForm() throws {
        try start(Self.cases + "/past-midnight-draft.xml")
        let form = directory + "/f.txt"
        #expect(try run(["template", "--from", "a-2023-01", "-o", form]).status == 0)
        let filed = try run(["file", form])
        #expect(filed.status == 0, "\(filed.errors)")
        #expect(try run(["show", "a-2023-01"]).output.contains("105"))
    }
}
