import Foundation
import Testing

/// The tester's report, item 6, through the real program on real files: every problem of an
/// import is told at the line and column of what is wrong, however the file is laid out: an
/// attribute on a line after its tag's start, a character that is not base64 inside an
/// attachment, a root element that is not `<archive>` (one sentence, not two).
@Suite struct ImportPositionsTests {
    let directory = Sochibo.temporaryDirectory()

    /// The `LINE:COLUMN: lỗi: MESSAGE` lines `import` prints for `text` (`Sochibo.importErrors`).
    func errors(importing text: String) throws -> [String] {
        try Sochibo.importErrors(of: text, in: directory)
    }

    func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: Sochibo.path("fixtures/" + name), encoding: .utf8)
    }

    /// The 1-based line and column (in characters) of the first `needle` in `text`.
    func position(of needle: String, in text: String) throws -> String {
        let range = try #require(text.range(of: needle), "no “\(needle)”")
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return "\(line):\(before[lineStart...].unicodeScalars.count + 1)"
    }

    @Test func anAttributeOnTheLineAfterItsTagsStartIsPlacedThere() throws {
        // The record checks look for `symbol="06-NQ/CB"` from the line where the element starts.
        let minimal = try fixture("valid/minimal.xml")
        let moved = minimal.replacingOccurrences(
            of: " symbol=\"01-NQ/CB\" term=", with: "\n      symbol=\"06-NQ/CB\"\n      term=")
        let found = try errors(importing: moved)
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first?.hasPrefix(try position(of: "symbol=\"06-NQ/CB\"", in: moved) + ": lỗi: ") == true, "\(found)")
        #expect(found.first?.contains("ký hiệu 06-NQ/CB không khớp") == true, "\(found)")
        // A reference to a member that is none, its attribute on the next line.
        let chair = minimal.replacingOccurrences(
            of: "<chair member=\"a-01\"/>", with: "<chair\n      member=\"a-99\"/>")
        #expect(chair != minimal)
        let unknown = try errors(importing: chair)
        #expect(unknown.count == 1, "\(unknown)")
        #expect(
            unknown.first?.hasPrefix(try position(of: "member=\"a-99\"", in: chair) + ": lỗi: ") == true, "\(unknown)")
    }

    @Test func anAttributeTheSchemaRefusesIsPlacedWhereItIsWrittenInATagOfSeveralLines() throws {
        // The schema's messages come at the line where the start tag ends.
        let minimal = try fixture("valid/minimal.xml")
        let text = minimal.replacingOccurrences(
            of: "<member id=\"a-02\">", with: "<member id=\"a-02\"\n        hometown=\"Cao Lộc\"\n        >")
        #expect(text != minimal)
        let found = try errors(importing: text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix(try position(of: "hometown=", in: text) + ": lỗi: ") == true, "\(found)")
        #expect(found.first?.contains("hometown") == true, "\(found)")
    }

    @Test func aCharacterThatIsNotBase64IsPlacedWhereItIs() throws {
        let attachment = try fixture("valid/attachment.xml")
        // In the attachment wrapped over three lines: its second line.
        let wrapped = attachment.replacingOccurrences(
            of: "      bmcgMDEgbsSDbSAyMDIz", with: "      bmcgMDEgbs!DbSAyMDIz")
        #expect(wrapped != attachment)
        let inWrapped = try errors(importing: wrapped)
        #expect(inWrapped.count == 1, "\(inWrapped)")
        #expect(inWrapped.first?.hasPrefix(try position(of: "!", in: wrapped) + ": lỗi: ") == true, "\(inWrapped)")
        #expect(inWrapped.first?.contains("bien-ban-2023-01.pdf: nội dung base64 không hợp lệ") == true)
        // In the one on a single line, after its tag: a non-ASCII letter.
        let single = attachment.replacingOccurrences(
            of:
                "mediaType=\"application/pdf\" sha256=\"aa1c55d4d82990ca04344d36bcdc644a19f7620c36473606097c943e22860f4a\">JVBERi0xLjQKJSBC",
            with:
                "mediaType=\"application/pdf\" sha256=\"aa1c55d4d82990ca04344d36bcdc644a19f7620c36473606097c943e22860f4a\">JVBERi0xLjQKJSBCé"
        )
        #expect(single != attachment)
        let inSingle = try errors(importing: single)
        #expect(inSingle.count == 1, "\(inSingle)")
        #expect(inSingle.first?.hasPrefix(try position(of: "é", in: single) + ": lỗi: ") == true, "\(inSingle)")
        #expect(inSingle.first?.contains("nq-01-2023.pdf") == true, "\(inSingle)")
        // A character reference that is not white space is not base64 either: at its `&`.
        let reference = attachment.replacingOccurrences(
            of: "      PiBlbmRvYmoK", with: "      PiBl&#65;bmRvYmoK")
        let atReference = try errors(importing: reference)
        #expect(atReference.count == 1, "\(atReference)")
        #expect(atReference.first?.hasPrefix(try position(of: "&#65;", in: reference) + ": lỗi: ") == true)
    }

    @Test(arguments: [
        ("invalid/wrong-namespace.xml", "không gian tên urn:sochibo:archive:2"),
        ("valid/minimal.xml", "phần tử gốc <kho>"),
    ])
    func aRootThatIsNotAnArchiveIsOneSentence(file: String, says: String) throws {
        var text = try fixture(file)
        if file == "valid/minimal.xml" {
            text = text.replacingOccurrences(of: "<archive ", with: "<kho ").replacingOccurrences(
                of: "</archive>", with: "</kho>")
        }
        let found = try errors(importing: text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("2:1: lỗi: không phải tệp lưu trữ Sổ Chi Bộ") == true, "\(found)")
        #expect(found.first?.contains(says) == true, "\(found)")
    }

    /// The last note's leftover: text after `</archive>` was called a file cut short, and two
    /// exports joined into one file (`cat a.xml b.xml`, each with its byte order mark or not)
    /// gave libxml2's English. Each is now said as what it is, at the first thing after the
    /// root; a file really cut short is still said to be cut.
    @Test func whatFollowsTheRootIsNotACut() throws {
        let minimal = try fixture("valid/minimal.xml")
        #expect(minimal.hasSuffix("</archive>\n"))
        let rootEnd = minimal.filter { $0 == "\n" }.count
        let trailing = try errors(importing: minimal + "  rác ở cuối\n")
        #expect(
            trailing == [
                "\(rootEnd + 1):3: lỗi: còn nội dung thừa sau thẻ đóng </archive> (dòng \(rootEnd)), là nơi tệp lưu trữ "
                    + "kết thúc: hãy xóa phần thừa này (hoặc xuất lại tệp từ Sổ Chi Bộ) rồi nhập lại"
            ], "\(trailing)")
        for mark in ["", "\u{FEFF}"] {
            let joined = try errors(importing: minimal + mark + minimal)
            #expect(joined.count == 1, "\(joined)")
            #expect(
                joined.first?.hasPrefix(
                    "\(rootEnd + 1):1: lỗi: tệp có hai bản lưu trữ nối liền nhau: bản thứ nhất kết thúc ở thẻ đóng "
                        + "</archive> dòng \(rootEnd), bản thứ hai bắt đầu ở đây") == true, "\(joined)")
            #expect(joined.allSatisfy { !$0.contains("XML declaration") })
        }
        let cut = String(minimal.prefix(minimal.count * 2 / 3))
        let cutErrors = try errors(importing: cut)
        #expect(cutErrors.count == 1 && cutErrors[0].contains("tệp dừng giữa chừng"), "\(cutErrors)")
        // A comment after the root is XML's own, and imports.
        let archive = directory + "/ghi-chu"
        let commented = directory + "/ghi-chu.xml"
        try Data((minimal + "<!-- xuất ngày 03/12/2026 -->\n").utf8).write(to: URL(fileURLWithPath: commented))
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try Sochibo.run(["import", commented, "--archive", archive])
        #expect(imported.status == 0, "\(imported.errors)")
    }

    /// The last note's leftover: on a line holding several elements of one name — a file
    /// another program wrote on one line — a value the schema refuses was placed at the first
    /// of them. It is placed at the value itself, attribute or text.
    @Test func aRefusedValueOnALineOfSeveralElementsIsPlacedAtItself() throws {
        let minimal = try fixture("valid/minimal.xml")
        let lines = minimal.components(separatedBy: "\n")
        let body = lines[1...].map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let oneLine = lines[0] + "\n" + body + "\n"
        let badDate = oneLine.replacingOccurrences(
            of: "<admitted>2005-03-26</admitted>", with: "<admitted>2005-13-26</admitted>")
        let date = try errors(importing: badDate)
        #expect(date.count == 1, "\(date)")
        #expect(date.first?.hasPrefix(try position(of: "2005-13-26", in: badDate) + ": lỗi: ") == true, "\(date)")
        let badTitle = oneLine.replacingOccurrences(
            of: "<role title=\"deputy-secretary\"", with: "<role title=\"chairman\"")
        let title = try errors(importing: badTitle)
        #expect(title.count == 1, "\(title)")
        #expect(title.first?.hasPrefix(try position(of: "title=\"chairman\"", in: badTitle) + ": lỗi: ") == true)
        // Laid out as the program writes it, the value is placed on its own line too.
        let spaced = minimal.replacingOccurrences(
            of: "<admitted>2005-03-26</admitted>", with: "<admitted>2005-13-26</admitted>")
        let placed = try errors(importing: spaced)
        #expect(placed.first?.hasPrefix(try position(of: "2005-13-26", in: spaced) + ": lỗi: ") == true, "\(placed)")
    }
}
