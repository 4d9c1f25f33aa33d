import Testing

@testable import ArchiveWeb

/// GET forms decode as browsers encode them.
@Suite struct FormQueryTests {
    @Test func plusIsASpaceAndPercentPlusIsAPlus() {
        let query = FormQuery("q=nghi+quy%E1%BA%BFt+%2B5&nam=2024&nam=1999&trong=&x")
        #expect(query["q"] == "nghi quyết +5")
        #expect(query["nam"] == "2024")
        #expect(query["trong"] == "")
        #expect(query["x"] == "")
        #expect(query["khong"] == nil)
        #expect(FormQuery(nil)["q"] == nil)
    }
}
