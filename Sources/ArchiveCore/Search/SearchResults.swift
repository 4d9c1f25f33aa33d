/// A typed word that matched nothing in the index, and the indexed word it was read as.
///
/// Both are folded (lower case, without marks, `đ` as `d`), as the index holds them:
/// `SearchCorrection(typed: "camra", readAs: "camera")`.
public struct SearchCorrection: Sendable, Hashable, Codable {
    /// The word as typed, folded.
    public var typed: String
    /// The word of the index it was read as.
    public var readAs: String

    public init(typed: String, readAs: String) {
        self.typed = typed
        self.readAs = readAs
    }
}

/// What a search found, and how it read the query.
///
/// `hits` come best first: records matching the words as typed, then records where the last
/// word, still being typed, is the start of a longer word ("nghi quy" → "nghị quyết"), then
/// records found through `corrections`. When nothing is found at all, `suggestion` may hold
/// the query with each unknown word replaced by the closest word of the index.
///
/// ```swift
/// let results = try await archive.searchResults("camra an ninh")
/// results.corrections   // [SearchCorrection(typed: "camra", readAs: "camera")]
/// results.readAs        // "camera an ninh"
/// ```
public struct SearchResults: Sendable, Hashable, Codable {
    /// The hits of the page asked for, best first.
    public var hits: [SearchHit]
    /// The words read as others; empty when every word was found as typed.
    public var corrections: [SearchCorrection]
    /// When nothing was found: the query with unknown words replaced by the closest words of
    /// the index, to offer ("Có phải đồng chí muốn tìm: …?"); nil otherwise.
    public var suggestion: String?
    /// The written form, with its marks, of the folded words of `corrections`: "tong" →
    /// "Tòng", the form most often met in the records found through it; a word without
    /// one found stays folded. For the lines people read only (not encoded).
    public var writtenForms: [String: String] = [:]

    private enum CodingKeys: String, CodingKey { case hits, corrections, suggestion }

    public init(
        hits: [SearchHit], corrections: [SearchCorrection] = [], suggestion: String? = nil,
        writtenForms: [String: String] = [:]
    ) {
        self.hits = hits
        self.corrections = corrections
        self.suggestion = suggestion
        self.writtenForms = writtenForms
    }

    /// The corrected words, space-separated, to say what the hits were found for
    /// ("Hiển thị kết quả cho: camera"); nil without corrections. Each word is written with
    /// its marks when `writtenForms` has them.
    public var readAs: String? {
        corrections.isEmpty
            ? nil : corrections.map { writtenForms[$0.readAs] ?? $0.readAs }.joined(separator: " ")
    }
}

/// One page of a search and the count of all it found, as a person is told it (issue 11,
/// item 11): "Hiển thị 1–20 trong 161 kết quả", and how many confidential documents matched
/// but were left out.
///
/// ```swift
/// let counted = try await archive.countedSearch("nghị quyết", SearchFilters(limit: 20), countingUpTo: 500)
/// counted.page.hits.count      // 20
/// counted.total                // 161
/// counted.hiddenConfidential   // 3
/// ```
public struct CountedSearchResults: Sendable, Hashable {
    /// The page asked for: its hits with their snippets, what words were read as (only when
    /// a hit that may be seen came from it), and, when nothing was found, the suggestion.
    public var page: SearchResults
    /// Where the page starts among all the hits, from 0 (the filters' `offset`).
    public var offset: Int
    /// How many hits there are in all that may be seen, at most `countedUpTo`.
    public var total: Int
    /// The most hits counted: a `total` equal to it means at least that many.
    public var countedUpTo: Int
    /// How many confidential documents matched but were left out, because they were not
    /// asked for or may not be seen; 0 when they were included.
    public var hiddenConfidential: Int

    public init(page: SearchResults, offset: Int, total: Int, countedUpTo: Int, hiddenConfidential: Int) {
        self.page = page
        self.offset = offset
        self.total = total
        self.countedUpTo = countedUpTo
        self.hiddenConfidential = hiddenConfidential
    }

    /// Whether more hits may exist than were counted.
    public var isCapped: Bool { total >= countedUpTo }
}
