/// The largest values a record can truly hold. The schema accepts any non-negative integer
/// (a vote of 2^62, a document numbered 10^30); no cell has that many members nor issues that
/// many documents in a term, and such a value would make the arithmetic of the rules trap.
/// The importer and the forms refuse anything above these bounds where it is written.
extension Vote {
    /// The most votes of one kind a meeting can record: more than any cell has members
    /// (a large urban cell has about 150).
    public static let maximumCount = 100_000

    /// Every vote cast: for, against and abstaining, added without overflow (a value stored
    /// before the bounds were checked, or written into the database by hand, saturates
    /// instead of trapping).
    public var cast: Int {
        let (partial, firstOverflow) = votesFor.addingReportingOverflow(votesAgainst)
        let (total, secondOverflow) = partial.addingReportingOverflow(abstentions)
        return firstOverflow || secondOverflow ? Int.max : total
    }
}

extension Document {
    /// The highest number a document can carry in its sequence (type, cell, term); a term
    /// lasts at most five years, and a cell issues tens of documents of a type in it.
    public static let maximumNumber = 99_999
}

extension RecordLifecycle {
    /// The most versions a record can have: every correction is a version, kept whole.
    public static let maximumVersion = 100_000
}

extension SearchFilters {
    /// The most hits one page may ask for.
    public static let maximumLimit = 1_000
    /// The furthest a page may start: far beyond what anyone reads page by page.
    public static let maximumOffset = 1_000_000
}

extension SearchQuery {
    /// The most words a query may hold (in all its items, excluded ones too): a search box
    /// holds a few; 800 repeated words took 4.6 s of FTS5 and ranking.
    public static let maximumWords = 32
    /// The longest query text, in UTF-8 bytes, read at all.
    public static let maximumLength = 10_000

    /// How many words the query holds, in all its items.
    public var wordCount: Int {
        required.joined().reduce(0) { $0 + $1.folded.count } + excluded.reduce(0) { $0 + $1.folded.count }
    }
}

extension Int {
    /// `self + other`, or the nearest bound when it does not fit.
    public func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }

    /// `self * other`, or the nearest bound when it does not fit.
    public func multipliedSaturating(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? Int.max : Int.min) : product
    }

    /// `self + 1`, or `nil` when that does not fit (a number stored as `Int.max`).
    public var successor: Int? {
        let (next, overflow) = addingReportingOverflow(1)
        return overflow ? nil : next
    }
}
