/// One record found by a search, as `sochibo search --format json` writes it.
public struct SearchHit: Sendable, Hashable, Codable {
    /// The record's identifier.
    public var id: String
    /// `meeting` or `document`.
    public var kind: RecordKind
    /// A document's type code (`NQ`), or a meeting's kind (`regular`).
    public var type: String
    /// A document's symbol (`05-NQ/CB`), if numbered.
    public var symbol: String?
    /// The record's date.
    public var date: LocalDate
    /// The cell it belongs to.
    public var cell: String
    /// The title: a document's summary line, a meeting's topic or kind and date.
    public var title: String
    /// A passage with the matched words between `⟦` and `⟧`, diacritics as written. Escape it
    /// for HTML first, then turn the brackets into `<mark>` and `</mark>`.
    public var snippet: String
    /// Relevance, higher is better.
    public var score: Double
    /// When the record was found only through words read as others ("camra" as "camera"),
    /// those words; nil when it matches the words as typed.
    public var corrections: [SearchCorrection]?
    /// Whether the record is a document marked Mật or higher (found only when the filters
    /// include confidential documents).
    public var confidential: Bool

    /// Creates the value from each of its stored properties.
    public init(
        id: String, kind: RecordKind, type: String, symbol: String? = nil, date: LocalDate, cell: String, title: String,
        snippet: String, score: Double, corrections: [SearchCorrection]? = nil, confidential: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.type = type
        self.symbol = symbol
        self.date = date
        self.cell = cell
        self.title = title
        self.snippet = snippet
        self.score = score
        self.corrections = corrections
        self.confidential = confidential
    }
}

/// What a search is limited to.
///
/// ```swift
/// SearchFilters(cellID: "cb-na-pan", kinds: [.document], types: [.resolution], limit: 5)
/// ```
public struct SearchFilters: Sendable, Hashable {
    public var cellID: String?
    /// A committee: its cells and those of its sub-committees.
    public var organizationID: String?
    public var types: [Document.Kind]
    public var kinds: [RecordKind]
    public var from: LocalDate?
    public var to: LocalDate?
    public var statuses: [Document.Status]
    /// Whether to include documents marked Mật, Tối mật or Tuyệt mật.
    public var includeConfidential: Bool
    public var limit: Int
    public var offset: Int
    /// Whether each hit carries its snippet, cut from the record's text; a count (how many
    /// hits, which records) needs none and reads no record's text.
    public var snippets = true

    /// Creates filters; by default everything but confidential documents, 20 hits.
    public init(
        cellID: String? = nil, organizationID: String? = nil, types: [Document.Kind] = [], kinds: [RecordKind] = [],
        from: LocalDate? = nil, to: LocalDate? = nil, statuses: [Document.Status] = [],
        includeConfidential: Bool = false, limit: Int = 20, offset: Int = 0
    ) {
        self.cellID = cellID
        self.organizationID = organizationID
        self.types = types
        self.kinds = kinds
        self.from = from
        self.to = to
        self.statuses = statuses
        self.includeConfidential = includeConfidential
        self.limit = limit
        self.offset = offset
    }
}
