import Foundation
import Testing

/// The tester's report, item 1, through the real program: an import never makes a second
/// record of one meeting (a cell, a day and a kind) under another code, whether the other is a
/// draft or approved minutes in the archive, or earlier in the same file. The whole import is
/// refused at the offending record's `id` attribute, naming the other code, and nothing is
/// written; the same code still updates a draft, as before.
@Suite struct SameMeetingImportTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    func run(_ arguments: [String], archive: String? = nil) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive ?? self.archive])
    }

    func start() throws {
        #expect(try run(["init"]).status == 0)
        #expect(try run(["import", Sochibo.path("archive/samples/dbx-hop-thanh.xml")]).status == 0)
    }

    /// The file `export` writes with `arguments`, as text.
    func exported(_ arguments: [String]) throws -> String {
        let path = directory + "/\(UUID().uuidString).xml"
        // With the confidential documents: what refers to them would stay behind otherwise.
        let result = try run(["export"] + arguments + ["--include-confidential", "-o", path])
        #expect(result.status == 0, "\(result.errors)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func write(_ text: String) throws -> String {
        let path = directory + "/\(UUID().uuidString).xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The 1-based line and column of the first `needle` in `text`.
    func position(of needle: String, in text: String) throws -> (line: Int, column: Int) {
        let range = try #require(text.range(of: needle))
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].unicodeScalars.count + 1)
    }

    /// The element of meeting `id` in `file`, from its line's indentation to its end tag's line end.
    func meeting(_ id: String, in file: String) throws -> (Range<String.Index>, String) {
        let start = try #require(file.range(of: "  <meeting id=\"\(id)\""))
        let end = try #require(file.range(of: "  </meeting>\n", range: start.upperBound..<file.endIndex))
        return (start.lowerBound..<end.upperBound, String(file[start.lowerBound..<end.upperBound]))
    }

    /// `element` under code `new`, without its `<lifecycle>` (whose hash covers the code): a
    /// rated meeting without one is approved minutes, as old files have them.
    func renaming(_ element: String, _ old: String, to new: String) throws -> String {
        let range = try #require(element.range(of: "<meeting id=\"\(old)\""))
        return element.replacingCharacters(in: range, with: "<meeting id=\"\(new)\"")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("<lifecycle ") }.joined(separator: "\n")
    }

    func meetings(archive: String? = nil) throws -> [String] {
        let listed = try run(["list", "meetings", "--format", "json"], archive: archive)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }
    }

    @Test func aDraftUnderAnotherCodeIsRefusedAndTheSameCodeUpdatesIt() throws {
        try start()
        let form = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")
        #expect(try run(["file", form, "--by", "Lý Thị Thu"]).status == 0)
        let file = try exported(["--cell", "cb-na-pan", "--year", "2024"])
        #expect(file.contains("id=\"cb-na-pan-2024-12-28\""))
        let before = try meetings()
        let shown = try run(["show", "cb-na-pan-2024-12-28"]).output
        // The same minutes typed again elsewhere and given a code of their own.
        let tag =
            "<meeting id=\"cb-na-pan-2024-12-28\" cell=\"cb-na-pan\" kind=\"regular\" date=\"2024-12-28\" start=\"19:30\""
        #expect(file.contains(tag))
        let renamed = file.replacingOccurrences(
            of: tag,
            with:
                "<meeting id=\"np-2024-12-28\" cell=\"cb-na-pan\" kind=\"regular\" date=\"2024-12-28\" start=\"19:00\"")
        let path = try write(renamed)
        let refused = try run(["import", path])
        #expect(refused.status == 1)
        let at = try position(of: "id=\"np-2024-12-28\"", in: renamed)
        let errors = refused.errorLines.filter { $0.hasPrefix(path + ":") }
        #expect(errors.count == 1, "\(refused.errors)")
        #expect(errors.first?.hasPrefix("\(path):\(at.line):\(at.column): lỗi: ") == true, "\(refused.errors)")
        #expect(
            errors.first?.contains(
                "kho đã có dự thảo biên bản cb-na-pan-2024-12-28 của kỳ thường kỳ ngày 28/12/2024 của chi bộ cb-na-pan")
                == true, "\(refused.errors)")
        #expect(
            errors.first?.contains(
                "hãy ghi id=\"cb-na-pan-2024-12-28\" thay cho id=\"np-2024-12-28\" để cập nhật dự thảo")
                == true, "\(refused.errors)")
        #expect(try meetings() == before)
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).output == shown, "nothing of the file was written")
        // Under its own code the same change updates the draft, as an import always did.
        let retimed = file.replacingOccurrences(of: tag, with: tag.replacingOccurrences(of: "19:30", with: "19:00"))
        let updated = try run(["import", try write(retimed)])
        #expect(updated.status == 0, "\(updated.errors)")
        #expect(updated.output.contains("cập nhật 1 kỳ sinh hoạt"), "\(updated.output)")
        #expect(try meetings() == before)
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).output.contains("19:00"))
    }

    @Test func approvedMinutesUnderAnotherCodeAreRefused() throws {
        try start()
        let file = try exported(["--cell", "cb-na-pan", "--year", "2023"])
        let before = try meetings()
        let (range, element) = try meeting("np-2023-08", in: file)
        let renamed = file.replacingCharacters(in: range, with: try renaming(element, "np-2023-08", to: "np-2023-08-b"))
        let path = try write(renamed)
        let refused = try run(["import", path])
        #expect(refused.status == 1)
        let at = try position(of: "id=\"np-2023-08-b\"", in: renamed)
        let errors = refused.errorLines.filter { $0.hasPrefix(path + ":") }
        #expect(errors.count == 1, "\(refused.errors)")
        #expect(errors.first?.hasPrefix("\(path):\(at.line):\(at.column): lỗi: ") == true, "\(refused.errors)")
        #expect(
            errors.first?.contains("kho đã có biên bản np-2023-08 (đã thông qua) của kỳ thường kỳ ngày 08/08/2023")
                == true, "\(refused.errors)")
        #expect(errors.first?.contains("chỉ sửa được bằng đính chính") == true, "\(refused.errors)")
        #expect(try meetings() == before)
    }

    @Test func twoMinutesOfOneMeetingInOneFileAreOneErrorAtTheSecond() throws {
        try start()
        let file = try exported(["--cell", "cb-na-pan", "--year", "2023"])
        // np-2023-08 written twice, the second time under another code.
        let (range, element) = try meeting("np-2023-08", in: file)
        var doubled = file
        doubled.insert(contentsOf: try renaming(element, "np-2023-08", to: "np-2023-08-b"), at: range.upperBound)
        let path = try write(doubled)
        let fresh = directory + "/fresh"
        #expect(try run(["init"], archive: fresh).status == 0)
        let refused = try run(["import", path], archive: fresh)
        #expect(refused.status == 1)
        let first = try position(of: "<meeting id=\"np-2023-08\"", in: doubled)
        let second = try position(of: "id=\"np-2023-08-b\"", in: doubled)
        let errors = refused.errorLines.filter { $0.hasPrefix(path + ":") }
        #expect(errors.count == 1, "\(refused.errors)")
        #expect(errors.first?.hasPrefix("\(path):\(second.line):\(second.column): lỗi: ") == true, "\(refused.errors)")
        #expect(
            errors.first?.contains(
                "biên bản np-2023-08 ở dòng \(first.line) của tệp này cũng là kỳ thường kỳ ngày 08/08/2023") == true,
            "\(refused.errors)")
        #expect(try meetings(archive: fresh).isEmpty)
    }

    @Test func minutesMovedToAnotherDayLeaveTheirDayToOthersInTheSameFile() throws {
        // Judged on what the file leaves, whatever the order of its records: the file gives
        // 28/12/2024 to a new code first, then moves the draft of that day to 27/12/2024.
        try start()
        let form = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")
        #expect(try run(["file", form, "--by", "Lý Thị Thu"]).status == 0)
        let file = try exported(["--cell", "cb-na-pan", "--year", "2024"])
        let start = try #require(file.range(of: "  <meeting id=\"cb-na-pan-2024-12-28\""))
        let end = try #require(file.range(of: "  </meeting>\n", range: start.upperBound..<file.endIndex))
        let element = String(file[start.lowerBound..<end.upperBound])
        #expect(element.contains("date=\"2024-12-28\""))
        let newcomer = element.replacingOccurrences(
            of: "<meeting id=\"cb-na-pan-2024-12-28\"", with: "<meeting id=\"np-2024-12-28\"")
        let moved = element.replacingOccurrences(of: "date=\"2024-12-28\"", with: "date=\"2024-12-27\"")
        var text = file
        text.replaceSubrange(start.lowerBound..<end.upperBound, with: newcomer + moved)
        let imported = try run(["import", try write(text)])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(try meetings().contains("np-2024-12-28"))
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).output.contains("27/12/2024"))
    }

    // A combined meeting holds the regular and the thematic meeting of its day: no path makes
    // a second record of that sitting (the tester's second report, item 1: a correction could,
    // and then the archive's own backup no longer restored).

    @Test func aCorrectionOntoAnotherMeetingsDayIsRefused() throws {
        try start()
        let form = directory + "/c11.txt"
        #expect(try run(["template", "--from", "np-2024-11", "-o", form]).status == 0)
        let text = try String(contentsOfFile: form, encoding: .utf8)
        #expect(text.contains("Ngày: 08/11/2024"))
        let moved = try write(text.replacingOccurrences(of: "Ngày: 08/11/2024", with: "Ngày: 15/12/2024"))
        let refused = try run(["correct", "np-2024-11", moved, "--reason", "sai ngày", "--by", "T", "--confirm"])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "ngày 15/12/2024 chi bộ đã có biên bản np-2024-12 (thường kỳ kết hợp chuyên đề); "
                    + "đính chính không được làm thành hai biên bản của một kỳ sinh hoạt"), "\(refused.errors)")
        #expect(try run(["show", "np-2024-11"]).output.contains("08/11/2024"))
        // To a day no other minutes hold, the correction is written.
        let elsewhere = try write(text.replacingOccurrences(of: "Ngày: 08/11/2024", with: "Ngày: 16/12/2024"))
        let corrected = try run(["correct", "np-2024-11", elsewhere, "--reason", "sai ngày", "--by", "T", "--confirm"])
        #expect(corrected.status == 0, "\(corrected.errors)")
    }

    @Test func aNewFormOnTheDayOfACombinedMeetingIsRefused() throws {
        try start()
        let form = directory + "/c11.txt"
        #expect(try run(["template", "--from", "np-2024-11", "-o", form]).status == 0)
        let text = try String(contentsOfFile: form, encoding: .utf8)
            .replacingOccurrences(of: "Mã biên bản: np-2024-11", with: "Mã biên bản:")
            .replacingOccurrences(of: "Ngày: 08/11/2024", with: "Ngày: 15/12/2024")
        let path = try write(text)
        let before = try meetings()
        let refused = try run(["file", path, "--by", "Lý Thị Thu"])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains("ngày 15/12/2024 chi bộ đã có biên bản np-2024-12 (thường kỳ kết hợp chuyên đề)"),
            "\(refused.errors)")
        #expect(try meetings() == before)
    }

    @Test func anImportedHalfOfACombinedMeetingIsRefused() throws {
        try start()
        let file = try exported(["--cell", "cb-na-pan", "--year", "2024"])
        let (range, element) = try meeting("np-2024-11", in: file)
        let half = try renaming(element, "np-2024-11", to: "np-z-1512")
            .replacingOccurrences(of: "date=\"2024-11-08\"", with: "date=\"2024-12-15\"")
            .replacingOccurrences(of: "kind=\"regular\"", with: "kind=\"thematic\"")
        #expect(half.contains("date=\"2024-12-15\"") && half.contains("kind=\"thematic\""))
        var text = file
        text.insert(contentsOf: half, at: range.upperBound)
        let path = try write(text)
        let before = try meetings()
        let refused = try run(["import", path])
        #expect(refused.status == 1)
        // The file holds both (a cell's year exported whole): the later of the two is refused.
        #expect(refused.errors.contains("biên bản np-z-1512 ở dòng"), "\(refused.errors)")
        #expect(refused.errors.contains("ngày 15/12/2024 của chi bộ cb-na-pan"), "\(refused.errors)")
        #expect(try meetings() == before)
    }
}
