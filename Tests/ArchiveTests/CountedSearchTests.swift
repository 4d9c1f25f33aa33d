import Testing

@testable import ArchiveCore
@testable import ArchiveSQLite

/// The store's `countedSearch` ranks once, and cuts the page from the hits it counted; it must
/// give exactly what searching twice gives (`countedSearchRankingTwice`: the count, then the
/// page): the same hits with the same snippets, total, hidden confidential documents, words
/// read as others and suggestion, for every page, cap and filter, near the cap too.
@Suite("A counted search ranks once and gives what searching twice gives")
struct CountedSearchTests {
    static let queries = [
        "nghi quyet", "nghị quyết", "chi bo", "nghi quy", "camra an ninh", "Hoàng Thị Ngọc Ánh", "05-NQ/CB", "xyzzyq",
    ]

    static let filterSets: [SearchFilters] = [
        SearchFilters(), SearchFilters(includeConfidential: true),
        SearchFilters(cellID: "cb-phai-luong"), SearchFilters(cellID: "cb-phai-luong", includeConfidential: true),
        SearchFilters(organizationID: "dbx-hop-thanh"), SearchFilters(kinds: [.document]),
        SearchFilters(types: [.resolution], includeConfidential: true),
    ]

    @Test func everyPageCapAndFilterGivesTheSame() async throws {
        let archive = try await Support.archive(with: [
            "fixtures/search/articles.xml", "archive/samples/dbx-hop-thanh.xml",
        ])
        var compared = 0
        var hidden = 0
        var paged = 0
        for text in Self.queries {
            for base in Self.filterSets {
                for cap in [500, 7] {
                    for (offset, limit) in [(0, 10), (5, 5), (6, 3), (20, 10), (0, 0)] {
                        var filters = base
                        filters.offset = offset
                        filters.limit = limit
                        let once = try await archive.countedSearch(
                            text, filters, countingUpTo: cap, mayRead: { _ in true })
                        let twice = try await archive.countedSearchRankingTwice(
                            text, filters, countingUpTo: cap, mayRead: { _ in true })
                        #expect(once == twice, "\(text) \(filters) cap \(cap)")
                        compared += 1
                        if once.hiddenConfidential > 0 { hidden += 1 }
                        if !once.page.hits.isEmpty, offset > 0 { paged += 1 }
                    }
                }
            }
        }
        // The comparisons reached confidential documents left out and pages past the first.
        #expect(compared == Self.queries.count * Self.filterSets.count * 10)
        #expect(hidden > 0 && paged > 0)
    }

    @Test func aHitTheCallerMayNotReadIsLeftOutAlike() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let notPhaiLuong: (SearchHit) -> Bool = { $0.cell != "cb-phai-luong" }
        for text in ["nghi quyet", "đảng", "camra an ninh"] {
            for offset in [0, 10] {
                let filters = SearchFilters(limit: 10, offset: offset)
                let once = try await archive.countedSearch(text, filters, countingUpTo: 500, mayRead: notPhaiLuong)
                let twice = try await archive.countedSearchRankingTwice(
                    text, filters, countingUpTo: 500, mayRead: notPhaiLuong)
                #expect(once == twice, "\(text) from \(offset)")
                #expect(once.page.hits.allSatisfy(notPhaiLuong))
            }
        }
    }
}
