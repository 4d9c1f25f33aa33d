import Foundation
import Testing

/// What a fresh user met on the command line, run as the real program: times that do not
/// cross midnight said to, English from the system and the option parser, wrong sentences of
/// the register, and the same member entered twice.
@Suite struct FreshUserCommandTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/kho" }
    static let minutes = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")

    func start() throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try Sochibo.run([
            "import", "--archive", archive, Sochibo.path("archive/samples/dbx-hop-thanh.xml"),
        ])
        #expect(imported.status == 0, "\(imported.errors)")
    }

    func run(_ arguments: [String]) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive])
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aLongMeetingIsNotSaidToCrossMidnightUnlessItDoes() throws {
        try start()
        let text = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let day = try write(
            text.replacingOccurrences(of: "Bắt đầu: 19:30", with: "Bắt đầu: 7h")
                .replacingOccurrences(of: "Kết thúc: 21:20", with: "Kết thúc: 20h"), "ngay.txt")
        let long = try run(["file", day])
        #expect(long.status != 0)
        #expect(long.errors.contains("từ 07:00 đến 20:00 là 13 giờ, dài hơn 12 giờ"), "\(long.errors)")
        #expect(!long.errors.contains("qua nửa đêm") && !long.errors.contains("0 phút"))
        let night = try write(
            text.replacingOccurrences(of: "Bắt đầu: 19:30", with: "Bắt đầu: 19h")
                .replacingOccurrences(of: "Kết thúc: 21:20", with: "Kết thúc: 7h30"), "dem.txt")
        let overnight = try run(["file", night])
        #expect(overnight.errors.contains("là 12 giờ 30 phút (qua nửa đêm)"), "\(overnight.errors)")
    }

    @Test func missingFilesAndUnknownOptionValuesAreOneVietnameseLine() throws {
        try start()
        let missing = directory + "/khong-co.xml"
        let imported = try run(["import", missing])
        #expect(imported.status != 0)
        #expect(imported.errors.contains("không có tệp \(missing)"), "\(imported.errors)")
        #expect(!imported.errors.contains("No such file"))
        let filed = try run(["file", directory + "/khong-co.txt"])
        #expect(filed.status != 0 && filed.errors.contains("không có tệp"), "\(filed.errors)")
        #expect(!filed.errors.contains("No such file"))
        let loaded = try run(["member", "load", "--cell", "cb-na-pan", directory + "/khong-co.csv", "--dry-run"])
        #expect(loaded.status != 0 && loaded.errors.contains("không có tệp"), "\(loaded.errors)")
        let boss = try Sochibo.run(
            ["user", "add", "sep", "--role", "boss", "--archive", archive], input: "mật khẩu dài\nmật khẩu dài\n")
        #expect(boss.status != 0)
        #expect(boss.errorLines.count == 1, "\(boss.errors)")
        #expect(boss.errors.contains("giá trị «boss» không dùng được cho --role"), "\(boss.errors)")
        #expect(!boss.errors.contains("is invalid") && !boss.errors.contains("Usage"))
        let unknown = try run(["list", "cells", "--khong-co"])
        #expect(unknown.status != 0 && unknown.errors.contains("không có tùy chọn --khong-co"), "\(unknown.errors)")
        // Help is still the parser's own, and succeeds.
        #expect(try Sochibo.run(["--help"]).status == 0)
    }

    @Test func theRegisterSaysWhatIsWrongInItsOwnWords() throws {
        try start()
        let young = try run([
            "member", "admit", "--cell", "cb-na-pan", "--name", "Lò Văn Nhỏ", "--birth-year", "2015", "--admitted",
            "02/03/2025",
        ])
        #expect(young.status != 0)
        #expect(young.errors.contains("mới 10 tuổi") && young.errors.contains("đủ 18 tuổi"), "\(young.errors)")
        #expect(!young.errors.contains("bốn chữ số"))
        // A member is named, not given by identifier.
        let early = try run(["member", "confirm", "np-01", "--date", "2024-01-01"])
        #expect(early.errors.contains("đồng chí Hà Văn Lợi"), "\(early.errors)")
        #expect(!early.errors.contains("np-01"))
        let rated = try run(["rate", "np-2024-12", "time=9"])
        #expect(rated.errors.contains("tiêu chí “Thời gian sinh hoạt” chỉ được từ 0 đến 5 điểm"), "\(rated.errors)")
    }

    @Test func theSameMemberIsNotEnteredTwice() throws {
        try start()
        func member(_ arguments: [String]) throws -> Sochibo.Result { try run(["member"] + arguments) }
        // The cell by its name, as every other --cell takes it.
        let first = try member([
            "admit", "--cell", "na pan", "--name", "Lò Thị Hoà", "--birth-year", "1998", "--admitted", "02/03/2023",
            "--confirm",
        ])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("mã cb-na-pan-dv-"), "\(first.output)")
        #expect(first.errors.isEmpty)
        // The same name (another tone placement, another case) and year: refused, named.
        let again = try member([
            "transfer-in", "--cell", "cb-na-pan", "--name", "lò thị hòa", "--birth-year", "1998", "--admitted",
            "02/03/2023", "--confirm",
        ])
        #expect(again.status != 0)
        #expect(again.errors.contains("chi bộ đã có đồng chí Lò Thị Hoà, sinh năm 1998"), "\(again.errors)")
        // Another year: a namesake, entered, with a warning.
        let namesake = try member([
            "attach", "--cell", "cb-na-pan", "--name", "Lò Thị Hòa", "--birth-year", "1975", "--admitted", "02/03/2000",
            "--confirm",
        ])
        #expect(namesake.status == 0, "\(namesake.errors)")
        #expect(namesake.errors.contains("Chi bộ đã có đồng chí Lò Thị Hoà (sinh năm 1998)"), "\(namesake.errors)")
        #expect(namesake.errors.contains("nếu là người khác, không sao"))
        let list = try member(["list", "--cell", "cb-na-pan"]).output
        #expect(list.components(separatedBy: "\tLò Thị H").count == 3)

        // A spreadsheet: a name already in the cell, a row twice, and a row cut short.
        let csv = try write(
            "Họ và tên,Năm sinh,Ngày kết nạp,Ngày vào chi bộ\n"
                + "Hà Văn Lợi,1962,01/01/1990,\nNông Văn Mới,1990,01/01/2020,\nNông Văn Mới,1990,01/01/2020,\n"
                + "Lò Văn Sáu,1980,01/01/2000\n", "trung.csv")
        let preview = try member(["load", "--cell", "cb-na-pan", csv, "--dry-run"])
        #expect(preview.status != 0)
        #expect(preview.errors.contains("dòng 2: chi bộ đã có đồng chí Hà Văn Lợi, sinh năm 1962"), "\(preview.errors)")
        #expect(preview.errors.contains("dòng 4: Nông Văn Mới, sinh năm 1990, đã có ở dòng 3"))
        #expect(preview.errors.contains("dòng 5: dòng này thiếu ô “Ngày vào chi bộ”"))
        let loaded = try member(["load", "--cell", "cb-na-pan", csv, "--by", "quantri"])
        #expect(loaded.status != 0 && loaded.errors.contains("chưa nạp ai cả"))
    }
}
