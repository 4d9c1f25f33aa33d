import ArchiveCore

/// The search page (`GET /tim-kiem?q=…`): one box as on a phone, filters for cell, type and
/// year, the true number of results, one page of them with highlighted snippets, links to
/// the other pages, and a note when confidential documents were left out.
public struct SearchPage: Sendable {
    /// A piece of a snippet: marked pieces are the words that matched. The template writes
    /// a marked piece inside `<mark>`; every piece is escaped by the engine, so the record's
    /// text never becomes markup.
    public struct Segment: Sendable, Hashable {
        public let text: String
        public let marked: Bool

        /// A piece of `text`, marked or not.
        public init(text: String, marked: Bool) {
            self.text = text
            self.marked = marked
        }
    }

    /// A choice in a filter's list.
    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    /// One result.
    struct Result: Sendable {
        let href: String
        let resultTitle: String
        let about: String
        let segments: [Segment]
    }

    /// What the person asked for, as the form sends it back.
    public struct Request: Sendable, Hashable {
        public var text: String
        /// A cell's identifier, or empty for every visible cell.
        public var cellID: String
        /// `bien-ban` for minutes, a document type code (`NQ`), or empty for all.
        public var type: String
        /// A year, or nil for every year.
        public var year: Int?
        /// The page, from 1.
        public var page: Int

        /// A request with these fields.
        public init(text: String = "", cellID: String = "", type: String = "", year: Int? = nil, page: Int = 1) {
            self.text = text
            self.cellID = cellID
            self.type = type
            self.year = year
            self.page = max(1, page)
        }

        /// The query string of this request on another page.
        func query(page: Int) -> String {
            var parts = ["q=" + Self.encode(text)]
            if !cellID.isEmpty { parts.append("chi-bo=" + Self.encode(cellID)) }
            if !type.isEmpty { parts.append("loai=" + Self.encode(type)) }
            if let year { parts.append("nam=\(year)") }
            if page > 1 { parts.append("trang=\(page)") }
            return "/tim-kiem?" + parts.joined(separator: "&")
        }

        private static func encode(_ text: String) -> String {
            WebPath.segment(text)
        }
    }

    let pageTitle: String
    let bar: WebAccountBar
    let queryText: String
    let cellChoices: [Choice]
    let typeChoices: [Choice]
    let yearChoices: [Choice]
    let asked: Bool
    let countText: String
    let results: [Result]
    let pageLinks: [Choice]
    let hasPages: Bool
    let hiddenNote: String?
    let correctionLine: String?
    /// "Có phải đồng chí muốn tìm: …?", the suggested query a link to its search.
    let suggestionLink: WebLink?

    /// The results per page.
    public static let pageSize = 10

    /// The page for `request`.
    ///
    /// - parameters:
    ///   - cells: the cells the account may see (id and name), for the cell filter.
    ///   - years: the years to offer, newest first.
    ///   - hits: the hits of this page only.
    ///   - total: how many hits there are in all (at most `cappedAt`).
    ///   - cappedAt: the most that were counted; a total equal to it reads "hơn".
    ///   - hiddenConfidential: how many confidential documents matched but were left out.
    ///   - correctionLine: which typed words were read as which ("Hiển thị kết quả cho: …").
    ///   - suggestion: the query to try when nothing was found, offered as a link to its
    ///     search with the same filters ("Có phải đồng chí muốn tìm: …?").
    public init(
        bar: WebAccountBar, request: Request, cells: [(id: String, name: String)], years: [Int], hits: [SearchHit],
        total: Int, cappedAt: Int, hiddenConfidential: Int, correctionLine: String? = nil,
        suggestion: String? = nil
    ) {
        self.correctionLine = correctionLine
        suggestionLink = suggestion.map { suggested in
            var asked = request
            asked.text = suggested
            return WebLink(href: asked.query(page: 1), text: suggested)
        }
        self.bar = bar
        let text = TextNormalization.trimmed(request.text)
        queryText = text
        asked = !text.isEmpty
        pageTitle = text.isEmpty ? "Tìm kiếm – Sổ Chi Bộ" : "Tìm “\(text)” – Sổ Chi Bộ"
        let names = Dictionary(cells.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        cellChoices =
            [Choice(value: "", label: "Mọi chi bộ", selected: request.cellID.isEmpty)]
            + cells.map { Choice(value: $0.id, label: $0.name, selected: $0.id == request.cellID) }
        typeChoices =
            [
                Choice(value: "", label: "Mọi loại", selected: request.type.isEmpty),
                Choice(value: "bien-ban", label: "Biên bản sinh hoạt", selected: request.type == "bien-ban"),
            ]
            + Document.Kind.allCases.map {
                Choice(value: $0.rawValue, label: $0.vietnameseName, selected: $0.rawValue == request.type)
            }
        yearChoices =
            [Choice(value: "", label: "Mọi năm", selected: request.year == nil)]
            + years.map { Choice(value: String($0), label: "Năm \($0)", selected: $0 == request.year) }
        if !asked {
            countText = ""
        } else if total == 0 {
            countText = "Không tìm thấy kết quả nào. Hãy thử bớt từ, hoặc gõ không dấu."
        } else {
            countText = total >= cappedAt ? "Tìm thấy hơn \(cappedAt) kết quả" : "Tìm thấy \(total) kết quả"
        }
        results = hits.map { hit in
            let kind =
                hit.kind == .meeting
                ? "Biên bản sinh hoạt"
                : (Document.Kind(rawValue: hit.type)?.vietnameseName ?? hit.type)
                    + (hit.symbol.map { " số \($0)" } ?? "")
            return Result(
                href: WebPath.record(hit.id), resultTitle: hit.title,
                about: "\(kind) · \(names[hit.cell] ?? hit.cell) · \(hit.date.vietnameseShort)",
                segments: Self.segments(of: hit.snippet))
        }
        let pages = min(total, cappedAt) == 0 ? 0 : (min(total, cappedAt) - 1) / Self.pageSize + 1
        pageLinks =
            pages <= 1
            ? []
            : (1...pages).map {
                Choice(value: request.query(page: $0), label: String($0), selected: $0 == request.page)
            }
        hasPages = !pageLinks.isEmpty
        hiddenNote =
            hiddenConfidential > 0
            ? "Có \(hiddenConfidential) văn bản mật khớp với từ tìm nhưng không hiện ở đây: tài khoản này không được xem văn bản mật."
            : nil
    }

    /// `snippet` cut at its `⟦ ⟧` marks into plain and marked pieces, marks removed. An
    /// unclosed mark runs to the end; stray closing marks are dropped.
    ///
    /// ```swift
    /// SearchPage.segments(of: "nghị ⟦quyết⟧ số")   // "nghị ", "quyết" (marked), " số"
    /// ```
    public static func segments(of snippet: String) -> [Segment] {
        var segments: [Segment] = []
        var current = ""
        var marked = false
        for character in snippet {
            if character == "⟦" || character == "⟧" {
                let opening = character == "⟦"
                if opening == marked { continue }
                if !current.isEmpty { segments.append(Segment(text: current, marked: marked)) }
                current = ""
                marked = opening
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { segments.append(Segment(text: current, marked: marked)) }
        return segments
    }
}
