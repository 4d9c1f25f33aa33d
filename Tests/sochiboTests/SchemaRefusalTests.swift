import Foundation
import Testing

/// Issue 11, item 13 and the tester's report: a record the schema refuses is told once, at the
/// element that is wrong (line and column), and what it declares (a cell's members, a document's
/// tasks) is not reported again at every later reference to it.
@Suite("A record the schema refuses is one error where it is wrong")
struct SchemaRefusalTests {
    let directory = Sochibo.temporaryDirectory()

    /// The lines `import` prints about `text` (`Sochibo.importErrors`).
    func errors(importing text: String) throws -> [String] {
        try Sochibo.importErrors(of: text, in: directory)
    }

    var sample: String {
        get throws {
            try String(contentsOfFile: Sochibo.path("archive/samples/dbx-hop-thanh.xml"), encoding: .utf8)
        }
    }

    @Test func aMemberWithoutItsNameIsOneErrorNotOnePerMeeting() throws {
        // pl-01 is named 94 times after its cell; without its <fullName> the whole cell is refused.
        let text = try sample.replacingOccurrences(of: "      <fullName>Hoàng Văn Thuận</fullName>\n", with: "")
        let found = try errors(importing: text)
        #expect(found.count == 1, "\(found)")
        // `      <birthYear>` on line 18: the element the schema did not expect there.
        #expect(found.first?.hasPrefix("18:7: lỗi: ") == true, "\(found)")
        #expect(found.first?.contains("<fullName>") == true, "\(found)")
    }

    @Test func aSchemaErrorNamesTheColumnOfItsElementOrAttribute() throws {
        let text = try sample.replacingOccurrences(
            of: "<birthYear>1961</birthYear>", with: "<birthYear>abc</birthYear>"
        )
        .replacingOccurrences(of: "<member id=\"pl-02\">", with: "<member id=\"pl-02\" hometown=\"Cao Lộc\">")
        let found = try errors(importing: text)
        #expect(found.count == 2, "\(found)")
        // `      <birthYear>abc`: at the value refused, as written (column 18).
        #expect(found.first?.hasPrefix("19:18: lỗi: ") == true && found.first?.contains("abc") == true, "\(found)")
        // `    <member id="pl-02" hometown=…>`: at the attribute the format does not have.
        #expect(found.last?.hasPrefix("25:24: lỗi: ") == true && found.last?.contains("hometown") == true, "\(found)")
    }

    @Test(arguments: [1, 41, 100, 150, 1000, 5000, 30000, 300_000])
    func aFileCutShortIsOneErrorSayingSo(bytes: Int) throws {
        // A copy or a download that did not finish: the sample cut after `bytes` bytes.
        let cut = String(decoding: Data(try sample.utf8).prefix(bytes), as: UTF8.self)
        let lastLine = cut.split(separator: "\n", omittingEmptySubsequences: false)
            .lastIndex { !$0.allSatisfy(\.isWhitespace) }.map { $0 + 1 }
        let found = try errors(importing: cut)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("\(lastLine ?? 0):") == true, "\(found)")
        #expect(found.first?.contains("tệp dừng giữa chừng ở dòng \(lastLine ?? 0)") == true, "\(found)")
    }

    @Test func aFileCutAfterAWholeRecordSaysSoAndAMistypedEndTagDoesNot() throws {
        let lines = try sample.split(separator: "\n", omittingEmptySubsequences: false)
        let afterMeeting = try #require(lines.firstIndex { $0 == "  </meeting>" })
        let cut = try errors(importing: lines[...afterMeeting].joined(separator: "\n") + "\n")
        #expect(
            cut.count == 1 && cut.first?.contains("tệp dừng giữa chừng ở dòng \(afterMeeting + 1)") == true, "\(cut)")
        let mistyped = try errors(importing: sample.replacingOccurrences(of: "</archive>", with: "</archiv>"))
        #expect(
            mistyped.count == 1 && mistyped.first?.contains("không khớp với thẻ đóng </archiv>") == true, "\(mistyped)")
    }

    @Test(arguments: ["", "   \n", "hello", "PK\u{3}\u{4}binary"])
    func aFileThatIsNotXMLIsSaidToBeNot(text: String) throws {
        let found = try errors(importing: text)
        #expect(
            found == [found.first ?? ""]
                && found.first?.hasPrefix("1:1: lỗi: tệp trống hoặc không phải tệp XML") == true, "\(found)")
    }
}
