/// What a person typed in the search box, parsed into safe FTS5 expressions.
///
/// Words are ANDed; `"quoted words"` are a phrase; a trailing `*` makes a prefix; `OR`
/// between two items makes either do; `-word` excludes. A word the tokenizer splits
/// ("05-NQ/CB", "5-nq") is a phrase of its parts. Every token is quoted in the expression, so
/// no input (unbalanced quotes, stray operators, punctuation only) can be an FTS5 syntax
/// error: at worst the query is empty and finds nothing.
///
/// ```swift
/// let query = SearchQuery("nghi quyet OR ket luan -\"dự thảo\" đảng*")
/// query.foldedExpression   // "(\"nghi\" AND (\"quyet\" OR \"ket\") AND \"luan\" AND \"dảng\" *) NOT (\"dự thảo\")"
/// ```
public struct SearchQuery: Sendable, Hashable {
    /// One searched item: a word or phrase, folded and exact.
    public struct Item: Sendable, Hashable {
        /// The folded words (one for a word, several for a phrase).
        public var folded: [String]
        /// The same words lowercased with their marks.
        public var exact: [String]
        /// Whether the last word is a prefix.
        public var isPrefix: Bool
        /// Whether it was typed between quotes.
        public var isQuoted = false
    }

    /// Groups ANDed together; the items of one group are ORed.
    public private(set) var required: [[Item]] = []
    /// Items whose records are left out.
    public private(set) var excluded: [Item] = []
    /// Whether the last word may still be being typed: the text ends with a plain word (not
    /// quoted, negated or a prefix already) and no space after it.
    public private(set) var lastWordIsOpen = false
    /// Whether some words were read as others (`correcting(_:)`): their marks are not the
    /// typed ones, so the exact-marks tiers do not apply.
    public private(set) var isCorrected = false

    /// Parses `text`.
    public init(_ text: String) {
        var pendingOr = false
        let cleaned = TextNormalization.cleaned(text)
        // A query pasted from a web page or a chat: Unicode spaces, zero-width characters and
        // the look-alikes of Đ read as typed.
        for raw in Self.pieces(of: cleaned) {
            lastWordIsOpen = false
            if raw.text == "OR" && !raw.quoted {
                pendingOr = !required.isEmpty
                continue
            }
            var text = raw.text
            var negated = false
            if !raw.quoted && text.hasPrefix("-") {
                negated = true
                text.removeFirst()
            }
            let isPrefix = !raw.quoted && text.hasSuffix("*")
            let words = VietnameseText.words(text)
            guard !words.isEmpty else { continue }
            // The exact words in one tone placement, as `search_marks` indexes them ("hoà" as "hòa").
            let item = Item(
                folded: words.map(\.folded), exact: words.map { VietnameseText.tonePlacementNormalized($0.exact) },
                isPrefix: isPrefix, isQuoted: raw.quoted)
            if negated {
                excluded.append(item)
            } else if pendingOr, !required.isEmpty {
                required[required.count - 1].append(item)
            } else {
                required.append([item])
            }
            pendingOr = false
            lastWordIsOpen = !negated && !raw.quoted && !isPrefix && words.count == 1
        }
        // A space (or closing quote) after the last word says it is finished.
        if cleaned.last.map({ $0.isWhitespace || $0 == "\"" || $0 == "”" }) ?? true { lastWordIsOpen = false }
    }

    /// The query with its last word read as the start of a longer one ("nghi quy" as
    /// "nghi quy*"); nil unless `lastWordIsOpen`.
    public func completingLastWord() -> SearchQuery? {
        guard lastWordIsOpen, var group = required.last, var item = group.last else { return nil }
        item.isPrefix = true
        group[group.count - 1] = item
        var query = self
        query.required[query.required.count - 1] = group
        query.lastWordIsOpen = false
        return query
    }

    /// The words that may be mistyped: each required single word typed plainly (not quoted,
    /// not a prefix), folded, in order, without repeats.
    public var correctableWords: [String] {
        var words: [String] = []
        for item in required.joined() where !item.isQuoted && !item.isPrefix && item.folded.count == 1 {
            if !words.contains(item.folded[0]) { words.append(item.folded[0]) }
        }
        return words
    }

    /// The query with each correction's typed word (a plain single word) replaced by the word
    /// it is read as.
    public func correcting(_ corrections: [SearchCorrection]) -> SearchQuery {
        var query = self
        for (g, group) in required.enumerated() {
            for (i, item) in group.enumerated() where !item.isQuoted && !item.isPrefix && item.folded.count == 1 {
                if let correction = corrections.first(where: { $0.typed == item.folded[0] }) {
                    query.required[g][i].folded = [correction.readAs]
                    query.required[g][i].exact = [correction.readAs]
                }
            }
        }
        query.isCorrected = !corrections.isEmpty
        return query
    }

    /// Splits on white space, keeping "quoted phrases" whole; an unbalanced quote runs to the end.
    private static func pieces(of text: String) -> [(text: String, quoted: Bool)] {
        var pieces: [(String, Bool)] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                if !current.isEmpty { pieces.append((current, inQuotes)) }
                current = ""
                inQuotes.toggle()
            } else if character.isWhitespace && !inQuotes {
                if !current.isEmpty { pieces.append((current, false)) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append((current, inQuotes)) }
        return pieces
    }

    /// Whether there is anything to look for.
    public var isEmpty: Bool { required.isEmpty }

    /// Whether the query may be a document symbol ("05-NQ/CB", "nq 5"): it holds a number.
    public var mayBeSymbol: Bool {
        required.joined().contains { item in item.folded.contains { $0.allSatisfy(\.isNumber) } }
    }

    /// Whether any word carries diacritics, so that exact matches should rank first.
    public var carriesDiacritics: Bool {
        !isCorrected
            && required.joined().contains { $0.folded != $0.exact }
    }

    private static func phrase(_ words: [String], prefix: Bool) -> String {
        // Tokens are letters and digits, with the marks written on them; a mark written on a
        // quote makes a word of it (`"́` is one Character, and marks belong to words), so
        // quotes are taken out scalar by scalar: quoting cannot be broken out of.
        let safe = words.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0 != "\"" })) }
        return "\"" + safe.joined(separator: " ") + "\"" + (prefix ? " *" : "")
    }

    private static func expression(_ required: [[Item]], _ excluded: [Item], words: (Item) -> [String]) -> String {
        let groups = required.map { group in
            let alternatives = group.map { phrase(words($0), prefix: $0.isPrefix) }
            return alternatives.count == 1 ? alternatives[0] : "(" + alternatives.joined(separator: " OR ") + ")"
        }
        var text = "(" + groups.joined(separator: " AND ") + ")"
        if !excluded.isEmpty {
            text += " NOT (" + excluded.map { phrase(words($0), prefix: $0.isPrefix) }.joined(separator: " OR ") + ")"
        }
        return text
    }

    /// The FTS5 expression over the folded index. Its words are the exact ones with `đ` as
    /// `d`, the way the `search_folded` view writes the text: SQLite's tokenizer then folds
    /// the query and the text alike, whatever the script.
    public var foldedExpression: String {
        Self.expression(required, excluded) { $0.exact.map(VietnameseText.withoutStroke) }
    }

    /// The FTS5 expression over the exact columns (exclusions are left to the folded one).
    public var exactExpression: String { Self.expression(required, []) { $0.exact } }

    /// When two or more single words are required, the phrase of them all, to rank records
    /// where they stand together ("nghị quyết") above records that merely hold both.
    public var adjacencyPhrase: String? {
        let words = required.compactMap { group in
            group.count == 1 && !group[0].isPrefix ? group[0].exact.map(VietnameseText.withoutStroke) : nil
        }.joined()
        return words.count >= 2 ? Self.phrase(Array(words), prefix: false) : nil
    }
}
