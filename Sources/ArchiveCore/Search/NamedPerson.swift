/// Whether a search names a member of the cell: "Hiếu", "Mông Văn Hiếu", "hieu" (issue 14,
/// "People and numbers first"). Records where that member was absent or was given a task, or
/// that write the member's whole name, then rank above records that merely hold the word
/// ("hiệu quả" for "Hieu").
///
/// ```swift
/// let query = SearchQuery("Hieu")
/// NamedPerson(query)?.isNamed(by: "Mông Văn Hiếu")   // true
/// NamedPerson(query)?.isNamed(by: "Hoàng Văn Hiệu")  // true: typed without marks
/// NamedPerson(SearchQuery("Hiếu"))?.isNamed(by: "Hoàng Văn Hiệu")  // false
/// NamedPerson(SearchQuery("Văn"))?.isNamed(by: "Mông Văn Hiếu")    // false: not the given name
/// ```
public struct NamedPerson: Sendable, Hashable {
    /// The query's words, folded, and as typed with their marks (one tone placement).
    package let folded: [String]
    let exact: [String]
    /// Whether the query was typed with marks, so that names compare with theirs.
    let withMarks: Bool

    /// The words of `query` when it could name a person: only words (or one quoted phrase) of
    /// letters, none excluded, none a prefix, at most four of them (a name's length); `nil`
    /// otherwise (a number, an operator, a long phrase).
    public init?(_ query: SearchQuery) {
        guard query.excluded.isEmpty, query.required.allSatisfy({ $0.count == 1 }) else { return nil }
        let items = query.required.map { $0[0] }
        guard !items.isEmpty, items.allSatisfy({ !$0.isPrefix }) else { return nil }
        let folded = items.flatMap(\.folded)
        guard folded.count <= 4, folded.allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return nil }
        self.folded = folded
        exact = items.flatMap(\.exact)
        withMarks = query.carriesDiacritics
    }

    /// Whether `fullName` is named by the words: each word is one of the name's and the given
    /// name (its last word) is among them. Folded, or with marks (tone placement aside,
    /// letter case aside) when the query carries them.
    public func isNamed(by fullName: String) -> Bool {
        let words = VietnameseText.words(fullName)
        guard let given = words.last else { return false }
        if withMarks {
            let name = words.map { VietnameseText.tonePlacementNormalized($0.exact) }
            return exact.allSatisfy(name.contains)
                && exact.contains(VietnameseText.tonePlacementNormalized(given.exact))
        }
        let name = words.map(\.folded)
        return folded.allSatisfy(name.contains) && folded.contains(given.folded)
    }

    /// The key a store indexes a member's name by, so that a search finds the members it may
    /// name without reading them all: the given name (the name's last word), folded ("hieu"
    /// for "Mông Văn Hiếu"); a name is named only by queries holding it (`isNamed(by:)`).
    public static func givenNameKey(of fullName: String) -> String {
        VietnameseText.words(fullName).last?.folded ?? ""
    }

    /// The FTS5 phrase of `fullName` over the folded index, to find the records that write it.
    public static func phrase(of fullName: String) -> String {
        // Letters only, as the tokenizer reads them, so quoting cannot be broken out of.
        "\"" + VietnameseText.words(fullName).map { VietnameseText.withoutStroke($0.exact) }.joined(separator: " ")
            + "\""
    }
}
