import Foundation
import Testing

@Suite("The sochibo command-line contract")
struct CommandLineTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    func initialized() throws -> String {
        let result = try Sochibo.run(["init", "--archive", archive])
        #expect(result.status == 0, "\(result.errors)")
        return archive
    }

    @Test func everyCommandOnAMissingArchiveSaysToRunInit() throws {
        for arguments in [
            ["list", "cells"], ["import", Sochibo.path("fixtures/valid/minimal.xml")], ["export"], ["check"],
            ["show", "x"],
        ] {
            let result = try Sochibo.run(arguments + ["--archive", directory + "/nowhere"])
            #expect(result.status == 1)
            #expect(result.errorLines.count == 1, "\(result.errors)")
            #expect(result.errors.contains("sochibo init"), "\(result.errors)")
        }
    }

    @Test func aForeignFileIsNotAnArchive() throws {
        let foreign = directory + "/foreign"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: foreign + "/archive.sqlite"))
        let result = try Sochibo.run(["list", "cells", "--archive", foreign])
        #expect(result.status == 1)
        #expect(result.errors.contains("sochibo init"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: foreign + "/archive.sqlite")) == Data("not a database".utf8))
    }

    @Test func aDamagedArchiveSaysSoAndHowToRestoreItWithoutSQLitesWords() throws {
        let archive = try initialized()
        #expect(
            try Sochibo.run(["import", Sochibo.path("archive/samples/dbx-hop-thanh.xml"), "--archive", archive]).status
                == 0)
        // A copy cut short: the first 100,000 bytes of a real archive.
        let damaged = directory + "/damaged"
        try FileManager.default.createDirectory(atPath: damaged, withIntermediateDirectories: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: archive + "/archive.sqlite"))
        try bytes.prefix(100_000).write(to: URL(fileURLWithPath: damaged + "/archive.sqlite"))
        for arguments in [["list", "cells"], ["check"]] {
            let result = try Sochibo.run(arguments + ["--archive", damaged])
            #expect(result.status == 1)
            #expect(result.errorLines.count == 1, "\(result.errors)")
            #expect(result.errors.contains("archive.sqlite bị hỏng") && result.errors.contains("bản sao lưu"))
            #expect(!result.errors.contains("SQLite") && !result.errors.contains("SELECT"), "\(result.errors)")
        }
    }

    @Test func theArchiveComesFromSochiboHomeWithoutTheOption() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SOCHIBO_HOME"] = directory + "/home-archive"
        #expect(try Sochibo.run(["init"], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/home-archive/archive.sqlite"))
        #expect(try Sochibo.run(["list", "cells"], environment: environment).status == 0)
    }

    @Test func initRefusesToOverwrite() throws {
        _ = try initialized()
        let again = try Sochibo.run(["init", "--archive", archive])
        #expect(again.status == 1)
        #expect(again.errorLines.count == 1)
    }

    @Test func importSaysWhatItAddedThenWhatItUpdated() throws {
        _ = try initialized()
        let first = try Sochibo.run(["import", "--archive", archive, Sochibo.path("fixtures/valid/minimal.xml")])
        #expect(first.status == 0)
        #expect(
            first.output
                == "Đã nhập 1 tệp: thêm 1 đảng bộ, 1 chi bộ, 5 đảng viên, 1 kỳ sinh hoạt, 1 văn bản; không cập nhật bản ghi nào.\n"
        )
        let second = try Sochibo.run([
            "import", "--archive", archive, Sochibo.path("fixtures/valid/minimal-update.xml"),
        ])
        #expect(second.status == 0)
        #expect(second.output.split(separator: "\n").count == 1)
        #expect(second.output.contains("cập nhật 1 đảng viên, 1 kỳ sinh hoạt, 1 văn bản"))
    }

    @Test func aRefusedImportPrintsOneLocatedLinePerProblemAndWritesNothing() throws {
        _ = try initialized()
        let file = Sochibo.path("fixtures/invalid/several-errors.xml")
        let result = try Sochibo.run(["import", "--archive", archive, file])
        #expect(result.status == 1)
        let located = result.errorLines.filter { $0.hasPrefix(file + ":") }
        #expect(located.count == 3, "\(result.errors)")
        for line in located {
            let parts = line.split(separator: ":", maxSplits: 4)
            #expect(Int(parts[1]) != nil && Int(parts[2]) != nil && parts[3] == " lỗi", "\(line)")
        }
        let export = try Sochibo.run(["export", "--archive", archive])
        #expect(!export.output.contains("<meeting"))
    }

    @Test func aMissingFileIsOneReadableLine() throws {
        _ = try initialized()
        let result = try Sochibo.run(["import", "--archive", archive, directory + "/khong-co.xml"])
        #expect(result.status == 1)
        #expect(
            result.errorLines.first?.hasSuffix(
                "lỗi: không có tệp \(directory)/khong-co.xml; hãy xem lại tên và thư mục của tệp") == true,
            "\(result.errors)")
    }

    @Test func exportToStandardOutputAndToAFileRoundTrip() throws {
        _ = try initialized()
        try Sochibo.run(["import", "--archive", archive, Sochibo.path("fixtures/valid/attachment.xml")])
        let standardOutput = try Sochibo.run(["export", "--archive", archive])
        #expect(standardOutput.status == 0)
        let file = directory + "/out.xml"
        #expect(try Sochibo.run(["export", "--archive", archive, "-o", file]).status == 0)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written == standardOutput.output)
        let other = directory + "/other"
        try Sochibo.run(["init", "--archive", other])
        #expect(try Sochibo.run(["import", "--archive", other, file]).status == 0)
        #expect(try Sochibo.run(["export", "--archive", other]).output == written)
    }

    @Test func listAndShowSpeakJSONForScripts() throws {
        _ = try initialized()
        try Sochibo.run(["import", "--archive", archive, Sochibo.path("fixtures/valid/minimal.xml")])
        let meetings = try Sochibo.run(["list", "meetings", "--archive", archive, "--format", "json", "--year", "2023"])
        let list = try JSONSerialization.jsonObject(with: Data(meetings.output.utf8)) as? [[String: Any]]
        #expect(list?.first?["id"] as? String == "a-2023-01")
        #expect(list?.first?["attendanceRate"] as? Double == 1)
        let documents = try Sochibo.run(["list", "documents", "--archive", archive, "--format", "json"])
        let documentList = try JSONSerialization.jsonObject(with: Data(documents.output.utf8)) as? [[String: Any]]
        #expect(documentList?.first?["symbol"] as? String == "01-NQ/CB")
        let shown = try Sochibo.run(["show", "a-2023-01", "--archive", archive, "--format", "json"])
        let detail = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
        #expect(detail?["kind"] as? String == "meeting")
        #expect(detail?["votesPassed"] as? [Bool] == [true])
        let text = try Sochibo.run(["show", "a-nq-01", "--archive", archive])
        #expect(text.output.contains("Số, ký hiệu: 01-NQ/CB"))
        let members = try Sochibo.run(["list", "members", "--archive", archive, "--year", "2023"])
        #expect(members.output.contains("dự bị"))
        #expect(members.output.contains("miễn sinh hoạt"))
        let unknown = try Sochibo.run(["show", "khong-co", "--archive", archive])
        #expect(unknown.status == 1 && unknown.errorLines.count == 1)
    }

    @Test func checkExitsOneOnlyWhenTheArchiveIsDamaged() throws {
        _ = try initialized()
        try Sochibo.run(["import", "--archive", archive, Sochibo.path("fixtures/valid/attachment.xml")])
        #expect(try Sochibo.run(["check", "--archive", archive]).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [archive + "/archive.sqlite", "UPDATE content SET bytes = X'00'"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let damaged = try Sochibo.run(["check", "--archive", archive])
        #expect(damaged.status == 1)
        #expect(damaged.output.contains("KHÔNG ĐẠT"))
    }
}
