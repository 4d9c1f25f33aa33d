extension ArchiveService {
    /// A page of a search and the count of all it found, for the web's search page and
    /// `sochibo search` alike (issue 11, item 11).
    ///
    /// One ranked run counts the hits up to `cap` without snippets (no record's text is read
    /// for it), confidential documents included and told apart by their flag, so that it gives
    /// both the total that may be seen and how many were hidden; only the page, `filters.limit`
    /// hits from `filters.offset`, is searched again, with snippets and `filters` as given. No
    /// page is searched when it starts past the total. (The embedded store answers the same
    /// without the second search whenever the counted hits hold the page:
    /// `Archive.countedSearch`.)
    ///
    /// - parameters:
    ///   - filters: what to search and the page; `includeConfidential` says whether
    ///     confidential documents are shown (else they are counted as hidden).
    ///   - cap: the most hits counted; a page that starts at or past it finds nothing, so a
    ///     caller that pages further counts further.
    ///   - mayRead: whether a hit may be seen at all (the web's account's cells); one that may
    ///     not is neither counted nor shown nor counted as hidden.
    /// - throws: `ArchiveError.queryTooLong` for more than `SearchQuery.maximumWords` words.
    public func countedSearch(
        _ text: String, _ filters: SearchFilters, countingUpTo cap: Int, mayRead: (SearchHit) -> Bool
    ) async throws -> CountedSearchResults {
        try await countedSearchRankingTwice(text, filters, countingUpTo: cap, mayRead: mayRead)
    }

    /// `countedSearch` as the default implementation makes it, searching twice (the count,
    /// then the page), whatever the store: what a store that ranks once must give (a test
    /// compares them).
    public func countedSearchRankingTwice(
        _ text: String, _ filters: SearchFilters, countingUpTo cap: Int, mayRead: (SearchHit) -> Bool
    ) async throws -> CountedSearchResults {
        let counting = CountedSearchResults.countingFilters(filters, cap: cap)
        let all = try await searchResults(text, counting)
        var page: SearchResults?
        if max(0, filters.offset) < CountedSearchResults.visible(all, filters, mayRead: mayRead).count {
            page = try await searchResults(text, filters)
        }
        return CountedSearchResults(counted: all, page: page, filters: filters, counting: counting, mayRead: mayRead)
    }

    /// `countedSearch(_:_:countingUpTo:mayRead:)` with every hit readable.
    public func countedSearch(
        _ text: String, _ filters: SearchFilters, countingUpTo cap: Int
    ) async throws -> CountedSearchResults {
        try await countedSearch(text, filters, countingUpTo: cap, mayRead: { _ in true })
    }
}

extension CountedSearchResults {
    /// The filters of the counting run of `countedSearch`: from the first hit, up to `cap`,
    /// confidential documents included, no snippets.
    public static func countingFilters(_ filters: SearchFilters, cap: Int) -> SearchFilters {
        var counting = filters
        counting.offset = 0
        counting.limit = max(0, cap)
        counting.snippets = false
        counting.includeConfidential = true
        return counting
    }

    /// The counted hits that may be seen: readable, and not confidential unless `filters`
    /// include confidential documents.
    public static func visible(
        _ counted: SearchResults, _ filters: SearchFilters, mayRead: (SearchHit) -> Bool
    ) -> [SearchHit] {
        counted.hits.filter(mayRead).filter { filters.includeConfidential || !$0.confidential }
    }

    /// The result of `countedSearch` from its counting run and its page (nil when the page
    /// starts past the hits that may be seen, and was not searched).
    ///
    /// - parameters:
    ///   - counted: the counting run, with `countingFilters`.
    ///   - page: the page, searched with `filters`.
    public init(
        counted all: SearchResults, page: SearchResults?, filters: SearchFilters, counting: SearchFilters,
        mayRead: (SearchHit) -> Bool
    ) {
        let readable = all.hits.filter(mayRead)
        let visible = readable.filter { filters.includeConfidential || !$0.confidential }
        // Say what was read as what only when a hit that may be seen came from it; with the
        // words' marks when this page's snippets show them.
        let read = page.map { $0.corrections == all.corrections ? $0 : all } ?? all
        let corrected = visible.contains { $0.corrections != nil }
        self.init(
            page: SearchResults(
                hits: page?.hits.filter(mayRead) ?? [], corrections: corrected ? read.corrections : [],
                suggestion: visible.isEmpty ? all.suggestion : nil, writtenForms: corrected ? read.writtenForms : [:]),
            offset: max(0, filters.offset), total: visible.count, countedUpTo: counting.limit,
            hiddenConfidential: readable.count - visible.count)
    }
}
