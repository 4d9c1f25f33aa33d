import ArchiveCore
import GRDB

/// The words of the folded index, read through FTS5's own `fts5vocab` table, to read a
/// mistyped word as the indexed word it most likely is.
///
/// `temp.search_vocab` is `fts5vocab(main, search_index, row)`: one row per indexed term with
/// the number of records holding it (`doc`). It is made in every connection's `temp` schema
/// when the connection opens (a temporary table may be made on a read-only connection), so
/// nothing is added to the file, which stays plain SQLite.
struct SearchVocabulary {
    static let create = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_index, row)"

    let db: Database

    /// Whether some record holds `word` (folded), in any column.
    func contains(_ word: String) throws -> Bool {
        // Folded words are letters and digits only, so quoting cannot be broken out of.
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT 1"),
            arguments: ["\"" + word + "\""]) ?? false
    }

    /// Whether some indexed word starts with `prefix` (folded) and is longer.
    func completes(_ prefix: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM temp.search_vocab WHERE term > ? AND term < ? LIMIT 1"),
            arguments: [prefix, prefix + "\u{10FFFF}"]) ?? false
    }

    /// The indexed word closest to `word` (folded) within `edits` edits (`EditDistance`), the
    /// one in more records on a tie; nil when none is. Candidates are bounded: for one edit,
    /// every word one edit away over the letters a–z and digits, looked up one by one (a
    /// few hundred lookups of a term, each a seek); for more, the indexed words with the same
    /// first letter and a length within `edits` of the word's, each measured.
    func closest(to word: String, edits: Int) throws -> String? {
        guard edits > 0, let first = word.first else { return nil }
        var best: (term: String, distance: Int, documents: Int)?
        func consider(_ term: String, _ distance: Int, _ documents: Int) {
            if let current = best, (current.distance, -current.documents, current.term) <= (distance, -documents, term)
            {
                return
            }
            best = (term, distance, documents)
        }
        if edits == 1 {
            let lookup = try db.cachedStatement(sql: "SELECT doc FROM temp.search_vocab WHERE term = ?")
            for variant in Self.oneEditAway(from: word) {
                if let documents = try Int.fetchOne(lookup, arguments: [variant]) { consider(variant, 1, documents) }
            }
            return best?.term
        }
        let length = word.count
        let start = String(first)
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT term, doc FROM temp.search_vocab
                    WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?
                    """), arguments: [start, start + "\u{10FFFF}", length - edits, length + edits])
        while let row = try rows.next() {
            let term: String = row[0]
            guard term != word, let distance = EditDistance.between(word, term, atMost: best?.distance ?? edits)
            else { continue }
            consider(term, distance, row[1])
        }
        return best?.term
    }

    /// The letters a typo may put in a folded word.
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    /// Every word one edit from `word` (a letter left out, added, changed, or two neighbours
    /// swapped), without repeats and without `word` itself.
    static func oneEditAway(from word: String) -> [String] {
        let letters = Array(word)
        var variants: Set<String> = []
        for i in letters.indices {
            var deleted = letters
            deleted.remove(at: i)
            variants.insert(String(deleted))
            if i + 1 < letters.count {
                var swapped = letters
                swapped.swapAt(i, i + 1)
                variants.insert(String(swapped))
            }
            for letter in alphabet where letter != letters[i] {
                var changed = letters
                changed[i] = letter
                variants.insert(String(changed))
            }
        }
        for i in 0...letters.count {
            for letter in alphabet {
                var added = letters
                added.insert(letter, at: i)
                variants.insert(String(added))
            }
        }
        variants.remove(word)
        variants.remove("")
        return variants.sorted()
    }
}
