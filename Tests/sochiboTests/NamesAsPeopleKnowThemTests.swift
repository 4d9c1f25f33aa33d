import Foundation
import Testing

/// Issue 11, item 9, through the real program: cells, committees, members and meetings by what
/// people know them as; every record that is none gets the closest and the way to list them;
/// an ambiguous name lists the candidates.
@Suite("Names as people know them")
struct NamesAsPeopleKnowThemTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    static let minutes = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")
    static let resolution = Sochibo.path("fixtures/forms/nghi-quyet-na-pan-2024-12-29.txt")

    func run(_ arguments: [String]) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive])
    }

    func start() throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try run(["import", Sochibo.path("archive/samples/dbx-hop-thanh.xml")])
        #expect(imported.status == 0, "\(imported.errors)")
    }

    /// `file` with one line of a fixture form replaced.
    func file(_ form: String, replacing old: String, with new: String) throws -> Sochibo.Result {
        let text = try String(contentsOfFile: form, encoding: .utf8)
        #expect(text.contains(old), "the fixture has no “\(old)”")
        let path = directory + "/\(UUID().uuidString).txt"
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
        return try run(["file", path])
    }

    @Test func showTakesTheNamesOfCellsCommitteesMembersAndMeetings() throws {
        try start()
        for (typed, line) in [
            ("Chi bộ thôn Nà Pàn", "Mã: cb-na-pan"), ("na pan", "Mã: cb-na-pan"), ("Hợp Thành", "dbx-hop-thanh"),
            ("Hà Văn Lợi", "Mã: np-01"), ("ha van loi", "Mã: np-01"), ("Nà Pàn 15/12/2024", "Mã: np-2024-12"),
            ("Nà Pàn ngày 15/12/2024", "Mã: np-2024-12"), ("Chi bộ thôn Nà Pàn, 15/12/2024", "Mã: np-2024-12"),
        ] {
            let shown = try run(["show", typed])
            #expect(shown.status == 0 && shown.output.contains(line), "\(typed): \(shown.errors)")
        }
        // A name that is none: the closest of every kind, and how to list them, in one line.
        let unknown = try run(["show", "Hà Văn Lọ"])
        #expect(unknown.status == 1 && unknown.errorLines.count == 1, "\(unknown.errors)")
        #expect(
            unknown.errors.contains(
                "không có chi bộ, đảng bộ, đảng viên, biên bản hay văn bản nào tên hay mã «Hà Văn Lọ»"))
        #expect(unknown.errors.contains("có phải: Hà Văn Lợi, Chi bộ thôn Nà Pàn (np-01)?"), "\(unknown.errors)")
        #expect(unknown.errors.contains("sochibo list members --cell"))
        // A command that takes minutes or documents only, given words that are none.
        let words = try run(["print", "Chi bộ thôn Nà Pàn"])
        #expect(words.status == 1 && words.errorLines.count == 1, "\(words.errors)")
        #expect(words.errors.contains("chi bộ và ngày họp (\"Nà Pàn 28/12/2024\")"), "\(words.errors)")
        #expect(words.errors.contains("sochibo list meetings --cell"))
        let code = try run(["show", "np-99"])
        #expect(code.status == 1 && code.errors.contains("(np-09)"), "\(code.errors)")
    }

    @Test func aNameTwoMembersShareListsBothWithTheirCells() throws {
        try start()
        let admitted = try run([
            "member", "admit", "--cell", "Phai Luông", "--name", "Hà Văn Lợi", "--admitted", "01/06/2024", "--by", "t",
            "--confirm",
        ])
        #expect(admitted.status == 0, "\(admitted.errors)")
        // "Đã kết nạp Hà Văn Lợi: mã CODE, …"
        let code = try #require(
            admitted.output.split(separator: " ").drop { $0 != "mã" }.dropFirst().first?.dropLast().description)
        let shown = try run(["show", "Hà Văn Lợi"])
        #expect(shown.status == 1 && shown.errorLines.count == 1)
        #expect(shown.errors.contains("«Hà Văn Lợi» có thể là 2 đảng viên: "), "\(shown.errors)")
        #expect(shown.errors.contains("Hà Văn Lợi, Chi bộ thôn Nà Pàn (np-01)"))
        #expect(shown.errors.contains("Hà Văn Lợi, Chi bộ thôn Phai Luông (\(code))"), "\(shown.errors)")
        let exempt = try run(["member", "exempt", "Hà Văn Lợi", "--from", "01/01/2025", "--reason", "x"])
        #expect(exempt.status == 1 && exempt.errors.contains("(\(code))"), "\(exempt.errors)")
        // Within a cell the name is one member's.
        let post = try run([
            "member", "post", "Hà Văn Lợi", "--cell", "Nà Pàn", "--title", "Trưởng thôn", "--from", "01/01/2024",
            "--by", "t",
        ])
        #expect(post.status == 0, "\(post.errors)")
        #expect(try run(["show", "np-01"]).output.contains("Trưởng thôn"))
        #expect(try run(["show", code]).output.contains("Trưởng thôn") == false)
    }

    @Test func memberCommandsTakeANameAndSuggestTheClosest() throws {
        try start()
        let exempt = try run([
            "member", "exempt", "Vi Văn Hùng", "--from", "01/01/2025", "--reason", "Tuổi cao", "--by", "t",
        ])
        #expect(exempt.status == 0 && exempt.output.contains("Vi Văn Hùng"), "\(exempt.errors)")
        let typo = try run(["member", "exempt", "Vy Văn Hùng", "--from", "01/01/2025", "--reason", "x"])
        #expect(typo.status == 1 && typo.errorLines.count == 1, "\(typo.errors)")
        #expect(typo.errors.contains("không có đảng viên nào tên hay mã «Vy Văn Hùng»"))
        #expect(typo.errors.contains("Vi Văn Hùng, Chi bộ thôn Nà Pàn (np-14)"), "\(typo.errors)")
        #expect(typo.errors.contains("sochibo member list --cell"))
        let code = try run(["member", "confirm", "np-99", "--date", "01/01/2025"])
        #expect(code.status == 1 && code.errors.contains("(np-09)"), "\(code.errors)")
        let cell = try run(["member", "death", "cb-na-pan", "--date", "01/01/2025"])
        #expect(cell.errors.contains("cb-na-pan là mã của một chi bộ, không phải đảng viên"), "\(cell.errors)")
        // The titles the command itself lists, with or without marks.
        for (title, member) in [("chi ủy viên", "np-13"), ("phó bí thư", "np-05"), ("chi uy vien", "np-09")] {
            let role = try run(["member", "role", member, "--title", title, "--from", "01/01/2025", "--by", "t"])
            #expect(role.status == 0, "\(title): \(role.errors)")
            #expect(try run(["show", member]).output.contains(title == "phó bí thư" ? "Phó Bí thư" : "Chi ủy viên"))
        }
        #expect(try run(["member", "role", "np-13", "--title", "trưởng thôn", "--from", "01/01/2025"]).status == 1)
    }

    @Test func theLogOfARecordThatIsNoneIsAnError() throws {
        try start()
        let unknown = try run(["log", "np-2099-01"])
        #expect(unknown.status == 1 && unknown.output.isEmpty, "\(unknown.output)")
        #expect(unknown.errors.contains("không có biên bản hay văn bản nào mã «np-2099-01»"), "\(unknown.errors)")
        #expect(unknown.errors.contains("sochibo list meetings"))
        #expect(try run(["file", Self.minutes, "--by", "Lý Thị Thu"]).status == 0)
        let byDay = try run(["log", "Nà Pàn 28/12/2024", "--format", "json"])
        #expect(byDay.status == 0 && byDay.output.contains("cb-na-pan-2024-12-28"), "\(byDay.errors)")
    }

    @Test func formsTakeTheCellByNameAndSuggestWhatTheyDoNotFind() throws {
        try start()
        for written in ["Nà Pàn", "na pan", "Chi bộ thôn Nà Pan"] {
            let filed = try file(
                Self.minutes, replacing: "Chi bộ: Chi bộ thôn Nà Pàn [cb-na-pan]", with: "Chi bộ: \(written)")
            #expect(filed.status == 0 && filed.output.contains("cb-na-pan-2024-12-28"), "\(written): \(filed.errors)")
        }
        let wrongCell = try file(
            Self.minutes, replacing: "Chi bộ: Chi bộ thôn Nà Pàn [cb-na-pan]", with: "Chi bộ: Pai Luong")
        #expect(wrongCell.status == 1)
        #expect(
            wrongCell.errors.contains(
                "không có chi bộ “Pai Luong” trong kho; có phải: Chi bộ thôn Phai Luông [cb-phai-luong]?"),
            "\(wrongCell.errors)")
        let code = try file(
            Self.minutes, replacing: "Chi bộ: Chi bộ thôn Nà Pàn [cb-na-pan]", with: "Chi bộ: [cb-na-pn]")
        #expect(code.errors.contains("có phải: Chi bộ thôn Nà Pàn [cb-na-pan]?"), "\(code.errors)")
        let member = try file(Self.minutes, replacing: "Thư ký: Lý Thị Thu", with: "Thư ký: Lý Thị Thuy")
        #expect(member.status == 1)
        #expect(
            member.errors.contains(
                "không có đảng viên “Lý Thị Thuy” trong Chi bộ thôn Nà Pàn; có phải: Lý Thị Thu [np-02]"),
            "\(member.errors)")

        // The document's meeting by its day, or the cell and the day; a code that is none gets
        // the closest.
        let meeting = "Thông qua tại kỳ sinh hoạt: cb-na-pan-2024-12-28"
        for written in ["28/12/2024", "Nà Pàn 28/12/2024", "ngày 28/12/2024"] {
            let filed = try file(Self.resolution, replacing: meeting, with: "Thông qua tại kỳ sinh hoạt: \(written)")
            #expect(filed.status == 0, "\(written): \(filed.errors)")
            let shown = try run(["show", "cb-na-pan-nq-2024-12-29", "--format", "json"])
            #expect(shown.output.contains("\"cb-na-pan-2024-12-28\""), "\(written): \(shown.output.prefix(400))")
        }
        let typo = try file(
            Self.resolution, replacing: meeting, with: "Thông qua tại kỳ sinh hoạt: cb-na-pan-2024-12-27")
        #expect(typo.status == 1)
        #expect(typo.errors.contains("có phải: cb-na-pan-2024-12-28 (ngày 28/12/2024)"), "\(typo.errors)")
        let noneThatDay = try file(Self.resolution, replacing: meeting, with: "Thông qua tại kỳ sinh hoạt: 27/12/2024")
        #expect(
            noneThatDay.errors.contains(
                "Chi bộ thôn Nà Pàn không có kỳ sinh hoạt nào ngày 27/12/2024; có phải: cb-na-pan-2024-12-28 (ngày 28/12/2024)"
            ),
            "\(noneThatDay.errors)")
        let otherCell = try file(
            Self.resolution, replacing: meeting, with: "Thông qua tại kỳ sinh hoạt: Phai Luông 28/12/2024")
        #expect(otherCell.status == 1 && otherCell.errors.contains("“Phai Luông” không phải Chi bộ thôn Nà Pàn"))
    }

    /// `issue` given a meeting's code says it is one, whether the minutes were imported or
    /// filed from a form.
    @Test func aCodeOfTheOtherKindIsNamedAsSuch() throws {
        try start()
        #expect(try run(["file", Self.minutes]).status == 0)
        let issue = try run(["issue", "cb-na-pan-2024-12-28"])
        #expect(issue.status == 1)
        #expect(
            issue.errorLines == ["sochibo: cb-na-pan-2024-12-28 là mã của một kỳ sinh hoạt, không phải văn bản."],
            "\(issue.errors)")
    }

    @Test func reasonsAndTimesHoweverWritten() throws {
        try start()
        let text = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let edited =
            text
            .replacingOccurrences(of: "Vi Văn Dũng [np-03]: có mặt", with: "Vi Văn Dũng [np-03]: vắng (có lý do: ốm)")
            .replacingOccurrences(
                of: "Triệu Thị Nga [np-05]: có mặt", with: "Triệu Thị Nga [np-05]: vắng có lý do / đi chợ"
            )
            .replacingOccurrences(
                of: "Nông Thị Phương [np-07]: có mặt", with: "Nông Thị Phương [np-07]: vắng mặt có lý do: đi học"
            )
            .replacingOccurrences(of: "Chu Văn Bình [np-08]: có mặt", with: "Chu Văn Bình [np-08]: có lý do: con ốm")
            .replacingOccurrences(of: "Bắt đầu: 19:30", with: "Bắt đầu: 7 giờ rưỡi tối")
        let path = directory + "/ly-do.txt"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        let filed = try run(["file", path])
        #expect(filed.status == 0, "\(filed.errors)")
        let shown = try run(["show", "cb-na-pan-2024-12-28", "--format", "json"]).output
        for reason in ["ốm", "đi chợ", "đi học", "con ốm"] { #expect(shown.contains("\"\(reason)\""), "\(reason)") }
        for wrong in ["ốm)", "/ đi chợ"] { #expect(!shown.contains("\"\(wrong)\""), "\(wrong)") }
        #expect(shown.contains("\"19:30\""))
    }

    /// The tester's report, item 2: a meeting named by its cell and a day whose year has two
    /// digits is told so, as `--date` and a form's "Ngày" tell it, on every command that takes
    /// a meeting that way; never "no such name", never read as year 0024.
    @Test(arguments: ["Nà Pàn 15/12/24", "Nà Pàn ngày 15/12/24", "Chi bộ thôn Nà Pàn, 15/12/24", "15/12/24"])
    func aDayWithATwoDigitYearIsSaidToHaveOne(typed: String) throws {
        try start()
        let form = directory + "/sua.txt"
        try Data(try String(contentsOfFile: Self.minutes, encoding: .utf8).utf8).write(to: URL(fileURLWithPath: form))
        for arguments in [
            ["show", typed], ["print", typed], ["log", typed], ["template", "--from", typed], ["approve", typed],
            ["discard", typed, "--by", "Hà Văn Lợi"], ["correct", typed, form, "--reason", "sửa"],
            [
                "rate", typed, "time=5", "attendance=5", "preparation=9", "conduct=28", "steering=9", "principles=5",
                "results=27", "closing=5",
            ],
        ] {
            let refused = try run(arguments)
            #expect(refused.status == 1, "\(arguments): \(refused.status) \(refused.errors)")
            #expect(refused.errorLines.count == 1, "\(arguments): \(refused.errors)")
            let day = typed.split(separator: " ").last.map(String.init) ?? typed
            #expect(
                refused.errors.contains("ghi năm bằng hai chữ số (\(day)): hãy ghi đủ bốn chữ số của năm"),
                "\(arguments): \(refused.errors)")
        }
    }

    /// The last note's leftover: "Nà Pàn 31/02/2024" was "no such name". A cell and a day that
    /// does not exist says why the day is none, on every command that takes a meeting so.
    @Test(arguments: [
        ("Nà Pàn 31/02/2024", "ngày 31/02/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày"),
        ("Nà Pàn 31/04/2024", "ngày 31/04/2024 không có thật: tháng 4 năm 2024 chỉ có 30 ngày"),
        ("Nà Pàn 15/13/2024", "ngày 15/13/2024 không có thật: không có tháng 13"),
        ("Nà Pàn 2023-02-29", "ngày 2023-02-29 không có thật: tháng 2 năm 2023 chỉ có 28 ngày"),
    ])
    func aDayThatDoesNotExistIsSaidToBeNone(typed: String, says: String) throws {
        try start()
        for arguments in [["show", typed], ["print", typed], ["log", typed], ["approve", typed]] {
            let refused = try run(arguments)
            #expect(refused.status == 1 && refused.errorLines.count == 1, "\(arguments): \(refused.errors)")
            #expect(refused.errors.contains("«\(typed)»: " + says), "\(arguments): \(refused.errors)")
        }
    }
}
