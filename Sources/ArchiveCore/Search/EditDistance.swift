/// How many single-letter edits turn one word into another: a letter left out, one too many,
/// a wrong one, or two neighbours swapped (the optimal string alignment distance, in which no
/// letter is edited twice). Search uses it to read a mistyped word as a word of the index.
///
/// ```swift
/// EditDistance.between("camra", "camera")          // 1 (a letter left out)
/// EditDistance.between("nghiqyuet", "nghiquyet")   // 1 (two neighbours swapped)
/// EditDistance.between("dang", "dong", atMost: 0)  // nil (more than 0)
/// ```
public enum EditDistance {
    /// The distance between `a` and `b`, compared letter by letter (`Character`s, so a
    /// letter with its marks is one letter); nil when it is more than `atMost`.
    ///
    /// Costs O(|a| × |b|) time and O(|b|) memory; returns at once when the lengths alone
    /// differ by more than `atMost`.
    public static func between(_ a: String, _ b: String, atMost: Int = .max) -> Int? {
        let a = Array(a)
        let b = Array(b)
        guard atMost >= 0, abs(a.count - b.count) <= atMost else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        // Three rows of the table: two back (for a swap), the previous one and the current one.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)
                }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            // Every later row is at least this row's best: stop once it is out of reach.
            if rowBest > atMost { return nil }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        let distance = previous[b.count]
        return distance <= atMost ? distance : nil
    }

    /// How many edits a typed word of `length` letters may be read through: none under five
    /// letters (too many short words are one edit from another), one from five, two from eight.
    /// The thresholds are issue 14's, after what Meilisearch and Typesense do by default.
    public static func allowed(forLength length: Int) -> Int {
        length >= 8 ? 2 : length >= 5 ? 1 : 0
    }
}
