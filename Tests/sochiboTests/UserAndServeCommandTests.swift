import Foundation
import Testing

/// `sochibo user …` and `sochibo serve`, run as the real program.
@Suite struct UserAndServeCommandTests {
    func sampleArchive() throws -> String {
        let archive = Sochibo.temporaryDirectory() + "/kho"
        try Sochibo.run(["init", "--archive", archive])
        try Sochibo.run(["import", "--archive", archive, Sochibo.path("archive/samples/dbx-hop-thanh.xml")])
        return archive
    }

    @Test func accountsAreAddedListedChangedAndDisabled() throws {
        let archive = try sampleArchive()
        let added = try Sochibo.run(
            [
                "user", "add", "thu.napan", "--role", "secretary", "--cell", "cb-na-pan", "--archive", archive,
                "--by", "Hà Văn Lợi",
            ], input: "mật khẩu dài\n")
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output.contains("Đã tạo tài khoản thu.napan (bí thư chi bộ cb-na-pan)"))
        let refused = try Sochibo.run(
            ["user", "add", "a", "--role", "secretary", "--archive", archive], input: "mật khẩu dài\n")
        #expect(refused.status == 1)
        #expect(refused.errorLines == ["sochibo: tài khoản bí thư cần chỉ rõ chi bộ của mình (--cell)."])
        let short = try Sochibo.run(["user", "add", "b", "--role", "admin", "--archive", archive], input: "ngắn\n")
        #expect(short.errorLines == ["sochibo: mật khẩu cần ít nhất 8 ký tự."])
        #expect(
            try Sochibo.run(["user", "passwd", "thu.napan", "--archive", archive], input: "mật khẩu mới\n").status == 0)
        #expect(try Sochibo.run(["user", "disable", "thu.napan", "--archive", archive]).output.contains("Đã khóa"))
        // The one administrator stays: the same rule as the web app's.
        #expect(
            try Sochibo.run(
                ["user", "add", "quantri", "--role", "admin", "--archive", archive], input: "mật khẩu dài\n"
            )
            .status == 0)
        let last = try Sochibo.run(["user", "disable", "quantri", "--archive", archive])
        #expect(last.status == 1)
        #expect(
            last.errorLines == [
                "sochibo: «quantri» là tài khoản quản trị cuối cùng còn dùng được; hãy tạo một tài khoản quản trị khác trước khi khóa tài khoản này."
            ])
        let list = try Sochibo.run(["user", "list", "--archive", archive])
        #expect(list.output.contains("thu.napan\tbí thư chi bộ cb-na-pan, đã khóa"))
        #expect(!list.output.contains("$2"))
        let log = try Sochibo.run(["log", "--archive", archive, "thu.napan"])
        #expect(log.output.contains("tạo tài khoản"))
        #expect(log.output.contains("đổi mật khẩu"))
        #expect(log.output.contains("khóa tài khoản"))
        #expect(log.output.contains("Hà Văn Lợi"))
    }

    @Test func aDisabledAccountIsEnabledAgainAndAnAccountChangesRole() throws {
        let archive = try sampleArchive()
        for (name, role, place) in [
            ("quantri", "admin", [String]()), ("thu.napan", "secretary", ["--cell", "Nà Pàn"]),
        ] {
            let added = try Sochibo.run(
                ["user", "add", name, "--role", role, "--archive", archive] + place, input: "mật khẩu dài\n")
            #expect(added.status == 0, "\(added.errors)")
        }
        #expect(try Sochibo.run(["user", "disable", "thu.napan", "--archive", archive]).status == 0)
        let enabled = try Sochibo.run(["user", "enable", "thu.napan", "--archive", archive, "--by", "Hà Văn Lợi"])
        #expect(enabled.status == 0, "\(enabled.errors)")
        #expect(enabled.output.contains("Đã mở lại tài khoản thu.napan (bí thư chi bộ cb-na-pan)"))
        // Asked again, or asked what already is, each says nothing changed and logs nothing.
        let again = try Sochibo.run(["user", "enable", "thu.napan", "--archive", archive])
        #expect(again.output == "Tài khoản thu.napan vẫn đang mở (bí thư chi bộ cb-na-pan); không có gì thay đổi.\n")
        let same = try Sochibo.run(["user", "change", "thu.napan", "--role", "secretary", "--archive", archive])
        #expect(same.output == "Tài khoản thu.napan vẫn là bí thư chi bộ cb-na-pan; không có gì thay đổi.\n")
        #expect(try Sochibo.run(["user", "disable", "quantri2", "--archive", archive]).status == 1)
        let entries = try Sochibo.run(["log", "--archive", archive, "thu.napan"]).output
        #expect(entries.components(separatedBy: "mở lại tài khoản").count == 2, "\(entries)")

        // The secretary becomes the commune office's, named by the committee's name; the cell goes.
        let changed = try Sochibo.run(
            [
                "user", "change", "thu.napan", "--role", "committee", "--organization", "Hợp Thành", "--confidential",
                "--archive", archive, "--by", "Hà Văn Lợi",
            ])
        #expect(changed.status == 0, "\(changed.errors)")
        #expect(changed.output.contains("Tài khoản thu.napan nay là văn phòng đảng ủy dbx-hop-thanh, xem văn bản mật"))
        let cleared = try Sochibo.run(["user", "change", "thu.napan", "--no-confidential", "--archive", archive])
        #expect(cleared.output.contains("nay là văn phòng đảng ủy dbx-hop-thanh."), "\(cleared.output)")
        // A new role without its place is refused in one sentence, with the option to give.
        let noCell = try Sochibo.run(["user", "change", "thu.napan", "--role", "secretary", "--archive", archive])
        #expect(noCell.status == 1)
        #expect(noCell.errorLines == ["sochibo: tài khoản bí thư cần chỉ rõ chi bộ của mình (--cell)."])
        let last = try Sochibo.run([
            "user", "change", "quantri", "--role", "secretary", "--cell", "cb-na-pan", "--archive", archive,
        ])
        #expect(last.status == 1)
        #expect(last.errorLines.first?.contains("quản trị cuối cùng còn dùng được") == true)
        let unknown = try Sochibo.run(["user", "enable", "khong-co", "--archive", archive])
        #expect(
            unknown.errorLines == ["sochibo: không có tài khoản «khong-co»; xem danh sách bằng `sochibo user list`."])

        let log = try Sochibo.run(["log", "--archive", archive, "thu.napan"])
        #expect(log.output.contains("mở lại tài khoản") && log.output.contains("đổi vai trò tài khoản"))
    }

    @Test func serveRefusesAnArchiveItCannotOpenInOneSentence() throws {
        let missing = Sochibo.temporaryDirectory() + "/khong-co"
        let result = try Sochibo.run(["serve", "--archive", missing, "--port", "18089"])
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1)
        #expect(result.errorLines.first?.hasPrefix("sochibo serve: không mở được trang web: ") == true)
    }

    @Test func serveAnswersAndStopsOnSIGTERM() throws {
        let archive = try sampleArchive()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Sochibo.executable)
        process.arguments = ["serve", "--archive", archive, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the address, once the server listens.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains("Sổ Chi Bộ đang phục vụ tại http://127.0.0.1:"))
        let port = text.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) }
        #expect(port != nil && port != 0)
        if let port {
            let curl = try Sochibo.tool(
                "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/dang-nhap"])
            #expect(curl.output == "200")
        }
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}
