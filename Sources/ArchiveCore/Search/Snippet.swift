/// A short passage of a record around the words a query matched, marked with `⟦` and `⟧`.
package enum Snippet {
    static let open = "⟦"
    static let close = "⟧"

    /// Whether `needle` occurs in `haystack`, bytewise (folded text is mostly ASCII).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                for start in 0...(hay.count - pin.count) where hay[start] == first {
                    var offset = 1
                    while offset < pin.count && hay[start + offset] == pin[offset] { offset += 1 }
                    if offset == pin.count { return true }
                }
                return false
            }
        }
    }

    /// The best passage of `texts` for `query`: the paragraph that matches the most items,
    /// cut to about `words` words around its first match.
    static func make(from texts: [String], query: SearchQuery, words limit: Int = 28) -> String {
        make(from: texts, then: { [] }, query: query, words: limit)
    }

    /// The same over `texts` followed by `more()`, which is called only when `texts` hold no
    /// paragraph that already matches every searched word (none can do better then: the first
    /// best paragraph wins). A hit's symbol and title often do, and its body is then not read.
    package static func make(
        from texts: [String], then more: () throws -> [String], query: SearchQuery, words limit: Int = 28
    ) rethrows -> String {
        let items = query.required.joined()
        let whole = Set(items.flatMap { $0.isPrefix ? Array($0.folded.dropLast()) : $0.folded })
        let prefixes = items.filter(\.isPrefix).compactMap(\.folded.last)
        func matches(_ word: VietnameseText.Word) -> Bool {
            whole.contains(word.folded) || prefixes.contains { word.folded.hasPrefix($0) }
        }
        // Only paragraphs whose folded text holds a searched word at all are cut into words.
        let needles = whole.union(prefixes).map { Array($0.utf8) }
        // Without prefixes, a paragraph can match no more than every whole word.
        let most = prefixes.isEmpty ? whole.count : Int.max
        var best: (text: String, words: [VietnameseText.Word], score: Int)?
        func consider(_ texts: [String]) {
            for text in texts where !text.isEmpty {
                if let best, best.score >= most { return }
                let folded = Array(VietnameseText.fold(text).utf8)
                guard best == nil || needles.contains(where: { contains(folded, $0) }) else { continue }
                let words = VietnameseText.words(text)
                let score = Set(words.filter(matches).map(\.folded)).count
                if best == nil || score > best!.score { best = (text, words, score) }
            }
        }
        consider(texts)
        var firstText = texts.first
        if best == nil || best!.score < most {
            let rest = try more()
            consider(rest)
            firstText = firstText ?? rest.first
        }
        guard let best, !best.words.isEmpty else { return firstText ?? "" }
        let first = best.words.firstIndex(where: matches) ?? 0
        let start = max(0, first - limit / 3)
        let end = min(best.words.count, start + limit)
        let text = best.text
        var result = start > 0 ? "…" : ""
        var cursor = start > 0 ? best.words[start].range.lowerBound : text.startIndex
        for word in best.words[start..<end] where matches(word) {
            result += text[cursor..<word.range.lowerBound] + open + text[word.range] + close
            cursor = word.range.upperBound
        }
        let stop = end < best.words.count ? best.words[end - 1].range.upperBound : text.endIndex
        result += text[cursor..<max(cursor, stop)]
        if end < best.words.count { result += "…" }
        return result
    }
}
