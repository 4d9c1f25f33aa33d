import Foundation
import Testing

/// Issue 14 through the real program: a typo says what it was read as, and nothing found
/// offers the closest words.
@Suite("Search command forgives typos")
struct ForgivingSearchCommandTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    func run(_ arguments: [String]) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive])
    }

    @Test func aTypoIsShownAsReadAndNothingFoundSuggests() throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        #expect(try run(["import", Sochibo.path("archive/samples/dbx-hop-thanh.xml")]).status == 0)
        let typo = try run(["search", "lap", "dat", "camra"])
        #expect(typo.status == 0, "\(typo.errors)")
        #expect(typo.output.hasPrefix("Hiển thị kết quả cho: camera (đã gõ: camra)\n1. "), "\(typo.output)")
        let json = try run(["search", "camra", "--format", "json"])
        let hits = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(
            hits.allSatisfy {
                ($0["corrections"] as? [[String: String]]) == [["typed": "camra", "readAs": "camera"]]
            })
        #expect(json.errors.contains("Hiển thị kết quả cho: camera"))
        let none = try run(["search", "cemrea", "an", "ninh"])
        #expect(none.status == 0)
        #expect(
            none.output
                == "Không tìm thấy kết quả nào cho “cemrea an ninh”.\nCó phải đồng chí muốn tìm: camera an ninh?\n")
    }
}
