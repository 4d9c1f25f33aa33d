import ArchiveCore
import ArchiveSQLite
import Foundation
import Testing

@Suite("Edit distance")
struct EditDistanceTests {
    @Test func eachKindOfEditCostsOne() {
        #expect(EditDistance.between("camera", "camera") == 0)
        #expect(EditDistance.between("camra", "camera") == 1)  // a letter left out
        #expect(EditDistance.between("cameraa", "camera") == 1)  // one too many
        #expect(EditDistance.between("camefa", "camera") == 1)  // a wrong one
        #expect(EditDistance.between("caemra", "camera") == 1)  // neighbours swapped
        #expect(EditDistance.between("intrenit", "internet") == 2)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
    }

    @Test func noLetterIsEditedTwice() {
        // Optimal string alignment: "ca" → "ac" → "abc" would edit the swapped "a" again.
        #expect(EditDistance.between("ca", "abc") == 3)
    }

    @Test func lettersWithMarksAreOneLetter() {
        #expect(EditDistance.between("đảng", "dang") == 2)
        #expect(EditDistance.between("quyết", "quyêt") == 1)
    }

    @Test func beyondTheBoundIsNil() {
        #expect(EditDistance.between("camera", "cemrea", atMost: 1) == nil)
        #expect(EditDistance.between("camera", "cemrea", atMost: 2) == 2)
        #expect(EditDistance.between("ab", "abcd", atMost: 1) == nil)
        #expect(EditDistance.between("abc", "abd", atMost: 0) == nil)
        #expect(EditDistance.between("abc", "abc", atMost: 0) == 0)
        #expect(EditDistance.between("abc", "abd", atMost: -1) == nil)
    }

    @Test func editsAllowedGrowWithLength() {
        #expect([3, 4, 5, 7, 8, 12].map(EditDistance.allowed(forLength:)) == [0, 0, 1, 1, 2, 2])
    }
}

@Suite("Search that forgives typos and the word still being typed")
struct ForgivingSearchTests {
    static let sample = "archive/samples/dbx-hop-thanh.xml"
    static let all = SearchFilters(includeConfidential: true, limit: 500)

    @Test func theLastWordIsOpenOnlyWhilePlainAndUnfinished() {
        #expect(SearchQuery("nghi quy").lastWordIsOpen)
        #expect(
            SearchQuery("camera an n").completingLastWord()?.foldedExpression == "(\"camera\" AND \"an\" AND \"n\" *)")
        for finished in ["nghi quy ", "\"nghi quy\"", "nghi quy*", "nghi -quy", "nghi OR", "05-nq", "nghi \"quy", ""] {
            #expect(!SearchQuery(finished).lastWordIsOpen, "\(finished)")
            #expect(SearchQuery(finished).completingLastWord() == nil, "\(finished)")
        }
    }

    @Test func correctingReplacesPlainWordsOnlyAndDropsTheMarksTier() {
        let query = SearchQuery("cámra \"camra\" camra*")
        #expect(query.correctableWords == ["camra"])
        let corrected = query.correcting([SearchCorrection(typed: "camra", readAs: "camera")])
        #expect(corrected.foldedExpression == "(\"camera\" AND \"camra\" AND \"camra\" *)")
        #expect(query.carriesDiacritics && !corrected.carriesDiacritics)
    }

    @Test func theWordStillBeingTypedIsAPrefix() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        for typed in ["camera an n", "lap dat camera an ni", "lắp đặt camera an nin"] {
            let hits = try await archive.search(typed, SearchFilters(includeConfidential: true, limit: 5))
            #expect(hits.contains { $0.id == "np-nq-2023-08" }, "\(typed): \(hits.map(\.id))")
            #expect(hits.allSatisfy { $0.corrections == nil })
        }
        let quy = try await archive.search("nghi quy", Self.all)
        #expect(quy.contains { VietnameseText.fold($0.title).contains("nghi quyet") })
        // Finished words are whole: a space, quotes or an explicit prefix keep their meaning.
        for typed in ["camera an n ", "\"camera an n\""] {
            await #expect(try await archive.search(typed, Self.all) == archive.searchAsTyped(typed, Self.all))
        }
        await #expect(try await archive.search("camera an n ", Self.all).isEmpty)
    }

    @Test func wholeWordsRankAboveCompletions() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        // "quy" is a word of its own: records holding it come first, as the words typed.
        let whole = try await archive.searchAsTyped("nghi quy", Self.all)
        let forgiving = try await archive.search("nghi quy", Self.all)
        #expect(!whole.isEmpty)
        #expect(forgiving.count > whole.count)
        #expect(Array(forgiving.prefix(whole.count)) == whole)
        // Pages agree with the whole list.
        let page = try await archive.search("nghi quy", SearchFilters(includeConfidential: true, limit: 7, offset: 5))
        #expect(page.map(\.id) == forgiving.dropFirst(5).prefix(7).map(\.id))
    }

    /// Typos of each kind in "camera" (six letters: one edit), in "internet" (eight: two).
    @Test(arguments: ["camra", "cameraa", "camefa", "caemra", "Camra", "intrenet", "intrenit", "itnernet"])
    func aTypoIsReadAsTheIndexedWord(_ typed: String) async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let meant = typed.lowercased().hasPrefix("c") ? "camera" : "internet"
        let results = try await archive.searchResults(typed, Self.all)
        #expect(results.corrections == [SearchCorrection(typed: typed.lowercased(), readAs: meant)])
        let exact = try await archive.search(meant, Self.all)
        #expect(!exact.isEmpty)
        #expect(results.hits.map(\.id) == exact.map(\.id))
        #expect(results.hits.allSatisfy { $0.corrections == results.corrections })
        #expect(results.hits.allSatisfy { $0.snippet.contains("⟦") })
        #expect(results.correctionLine == "Hiển thị kết quả cho: \(meant) (đã gõ: \(typed.lowercased()))")
        #expect(results.suggestion == nil)
    }

    @Test func aTypoAmongOtherWords() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let results = try await archive.searchResults("lap dat camra an ninh", SearchFilters(limit: 5))
        #expect(results.corrections == [SearchCorrection(typed: "camra", readAs: "camera")])
        // Found and ranked as the words typed right would be.
        #expect(results.hits.contains { $0.id == "np-nq-2023-08" })
        let meant = try await archive.search("lap dat camera an ninh", SearchFilters(limit: 5))
        #expect(results.hits.map(\.id) == meant.map(\.id))
    }

    @Test func tooManyEditsOrTooShortAWordIsNotCorrected() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        // Two edits in six letters; one in four ("ninh").
        for typed in ["cemrea", "camera an ninx", "ninx"] {
            let results = try await archive.searchResults(typed, Self.all)
            #expect(results.hits.isEmpty, "\(typed)")
            #expect(results.corrections.isEmpty, "\(typed)")
        }
    }

    @Test func nothingFoundSuggestsTheClosestWord() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let results = try await archive.searchResults("cemrea an ninh", Self.all)
        #expect(results.hits.isEmpty)
        #expect(results.suggestion == "camera an ninh")
        #expect(results.suggestionLine == "Có phải đồng chí muốn tìm: camera an ninh?")
        let suggested = try await archive.search(try #require(results.suggestion), Self.all)
        #expect(suggested.contains { $0.id == "np-nq-2023-08" })
        // Nothing near enough: no suggestion.
        await #expect(try await archive.searchResults("qxzvwkj", Self.all).suggestion == nil)
    }

    @Test func exactHitsRankAboveCorrectedOnes() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let exact = try await archive.searchAsTyped("camra OR yagi", Self.all)
        let results = try await archive.searchResults("camra OR yagi", Self.all)
        #expect(!exact.isEmpty)
        #expect(results.corrections == [SearchCorrection(typed: "camra", readAs: "camera")])
        #expect(Array(results.hits.prefix(exact.count)) == exact)
        let corrected = results.hits.dropFirst(exact.count)
        #expect(!corrected.isEmpty)
        #expect(corrected.allSatisfy { $0.corrections == results.corrections })
        #expect(Set(corrected.map(\.id)).isDisjoint(with: exact.map(\.id)))
    }

    @Test func correctedHitsKeepTheFilters() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let cell = SearchFilters(cellID: "cb-na-pan", includeConfidential: true, limit: 50)
        let hits = try await archive.search("camra", cell)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.cell == "cb-na-pan" })
    }
}

/// A search that names a member ranks the member's records first (issue 14, "People and
/// numbers first"), over the sample archive, where Mông Văn Hiếu (`np-11`) is absent without
/// reason in some months and 29 paragraphs speak of "hiệu quả".
@Suite("Search: people first")
struct PeopleFirstSearchTests {
    static let all = SearchFilters(includeConfidential: true, limit: 500)

    @Test func theWordsNameAMemberByTheGivenName() {
        let hieu = NamedPerson(SearchQuery("Hieu"))
        #expect(hieu?.isNamed(by: "Mông Văn Hiếu") == true && hieu?.isNamed(by: "Hoàng Văn Hiệu") == true)
        #expect(NamedPerson(SearchQuery("Hiếu"))?.isNamed(by: "Hoàng Văn Hiệu") == false)
        #expect(NamedPerson(SearchQuery("mông văn hiếu"))?.isNamed(by: "Mông Văn Hiếu") == true)
        #expect(NamedPerson(SearchQuery("\"Văn Hiếu\""))?.isNamed(by: "Mông Văn Hiếu") == true)
        // Tone placement aside: "Thuý" names Thúy.
        #expect(NamedPerson(SearchQuery("Thuý"))?.isNamed(by: "Hứa Thị Thúy") == true)
        // A middle or family name alone names nobody; neither does a word not in the name.
        #expect(NamedPerson(SearchQuery("Văn"))?.isNamed(by: "Mông Văn Hiếu") == false)
        #expect(NamedPerson(SearchQuery("Hiếu camera"))?.isNamed(by: "Mông Văn Hiếu") == false)
        // Numbers, prefixes, exclusions and long phrases are not names.
        #expect(NamedPerson(SearchQuery("5-NQ")) == nil && NamedPerson(SearchQuery("Hiếu*")) == nil)
        #expect(NamedPerson(SearchQuery("Hiếu -quả")) == nil)
        #expect(NamedPerson(SearchQuery("một hai ba bốn năm")) == nil)
    }

    /// The tasks given to Mông Văn Hiếu, read from every document of his cell.
    func hisTasks(_ archive: Archive) async throws -> Set<String> {
        var tasks: Set<String> = []
        for overview in try await archive.documents(cellID: "cb-na-pan", year: nil) {
            if case .document(let document, _) = try await archive.record(id: overview.id) {
                tasks.formUnion(document.tasks.filter { $0.assigneeID == "np-11" }.map(\.id))
            }
        }
        return tasks
    }

    /// Whether `id` is one of Mông Văn Hiếu's records, worked out from the record itself.
    func isHieus(_ archive: Archive, _ id: String, tasks: Set<String>) async throws -> Bool {
        switch try await archive.record(id: id) {
        case .meeting(let meeting, _):
            if meeting.attendance.contains(where: { $0.memberID == "np-11" && $0.presence != .present }) { return true }
            let text =
                meeting.guests + meeting.agenda + meeting.proceedings + meeting.conclusion + [meeting.topic ?? ""]
            if text.contains(where: { $0.contains("Mông Văn Hiếu") }) { return true }
            return meeting.taskReports.contains { tasks.contains($0.taskID) }
        case .document(let document, _):
            return document.tasks.contains { $0.assigneeID == "np-11" }
                || (document.body + [document.title]).contains { $0.contains("Mông Văn Hiếu") }
        default:
            return false
        }
    }

    @Test(arguments: ["Hieu", "Hiếu", "Mông Văn Hiếu", "mong van hieu"])
    func theMembersRecordsComeBeforeRecordsThatMerelyHoldTheWord(_ text: String) async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let hits = try await archive.search(text, Self.all)
        let tasks = try await hisTasks(archive)
        var flags: [Bool] = []
        for hit in hits { flags.append(try await isHieus(archive, hit.id, tasks: tasks)) }
        let personal = flags.prefix { $0 }.count
        #expect(personal >= 3, "\(text): \(hits.prefix(5).map(\.id))")
        #expect(!flags.dropFirst(personal).contains(true), "\(text): a record of his after one that is not")
        if text == "Hieu" {
            // Typed without marks, "hiệu quả" is found too, after him.
            #expect(flags.contains(false))
        }
    }

    @Test func aWordThatNamesNobodyRanksAsBefore() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        for text in ["hiệu quả", "Văn", "nghị quyết số 5"] {
            // The words as typed, in their order; completions of the last word may follow.
            let asTyped = try await archive.searchAsTyped(text, Self.all)
            #expect(!asTyped.isEmpty)
            #expect(Array(try await archive.search(text, Self.all).prefix(asTyped.count)) == asTyped, "\(text)")
        }
    }
}
