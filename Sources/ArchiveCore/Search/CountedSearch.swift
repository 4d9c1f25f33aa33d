extension ArchiveService {
    /// A page of a search and the count of all it found, for the web's search page and
    /// `sochibo search` alike (issue 11, item 11).
    ///
    /// One ranked run counts the hits up to `cap` without snippets (no record's text is read
    /// for it), confidential documents included and told apart by their flag, so that it gives
    /// both the total that may be seen and how many were hidden; only the page, `filters.limit`
    /// hits from `filters.offset`, is searched again, with snippets and `filters` as given. No
    /// page is searched when it starts past the total.
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
        _ text: String, _ filters: SearchFilters, countingUpTo cap: Int,
        mayRead: (SearchHit) -> Bool = { _ in true }
    ) async throws -> CountedSearchResults {
        let offset = max(0, filters.offset)
        var counting = filters
        counting.offset = 0
        counting.limit = max(0, cap)
        counting.snippets = false
        counting.includeConfidential = true
        let all = try await searchResults(text, counting)
        let readable = all.hits.filter(mayRead)
        let visible = readable.filter { filters.includeConfidential || !$0.confidential }
        var page: SearchResults?
        if offset < visible.count {
            page = try await searchResults(text, filters)
        }
        // Say what was read as what only when a hit that may be seen came from it; with the
        // words' marks when this page's snippets show them.
        let read = page.map { $0.corrections == all.corrections ? $0 : all } ?? all
        let corrected = visible.contains { $0.corrections != nil }
        return CountedSearchResults(
            page: SearchResults(
                hits: page?.hits.filter(mayRead) ?? [], corrections: corrected ? read.corrections : [],
                suggestion: visible.isEmpty ? all.suggestion : nil, writtenForms: corrected ? read.writtenForms : [:]),
            offset: offset, total: visible.count, countedUpTo: counting.limit,
            hiddenConfidential: readable.count - visible.count)
    }
}
