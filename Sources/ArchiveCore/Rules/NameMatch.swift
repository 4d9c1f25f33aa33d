/// Finds a cell or committee by what people know it as (issue 11, item 9): its code
/// (`cb-na-pan`), its full name ("Chi bộ thôn Nà Pàn"), or the name of its place ("Nà Pàn",
/// "na pan"), with or without marks, in either tone-placement convention.
///
/// ```swift
/// NameMatch.find("na pan", among: [("cb-na-pan", "Chi bộ thôn Nà Pàn"), ("cb-phai-luong", "Chi bộ thôn Phai Luông")])
/// // .found("cb-na-pan")
/// ```
public enum NameMatch: Sendable, Equatable {
    /// One candidate matches: its identifier.
    case found(String)
    /// Several match equally well: their names and identifiers, in Vietnamese order.
    case ambiguous([Candidate])
    /// None matches: the closest, best first (at most three), perhaps none: by name, or by a
    /// code typed with a slip.
    case none(closest: [Candidate])

    /// A candidate's identifier and name.
    public struct Candidate: Sendable, Equatable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }

        /// "Chi bộ thôn Nà Pàn (cb-na-pan)".
        public var label: String { "\(name) (\(id))" }
    }

    /// What `typed` names among `candidates` (identifier, name).
    public static func find(_ typed: String, among candidates: [(id: String, name: String)]) -> NameMatch {
        let typed = TextNormalization.collapsed(typed)
        let all = candidates.map { Candidate(id: $0.id, name: $0.name) }
        if let exact = all.first(where: { $0.id == typed }) { return .found(exact.id) }
        let typedMarked = VietnameseText.comparable(typed)
        let typedFolded = VietnameseText.fold(typed)
        let typedPlace = VietnameseText.comparable(PartyNames.placeName(typed))
        let typedPlaceFolded = VietnameseText.fold(PartyNames.placeName(typed))
        // With marks first: "Nà Pàn" is not "Na Pan" when both exist; without them, folded.
        let tiers: [(Candidate) -> Bool] = [
            { VietnameseText.comparable($0.name) == typedMarked },
            { VietnameseText.comparable(PartyNames.placeName($0.name)) == typedPlace },
            { VietnameseText.fold($0.name) == typedFolded },
            { VietnameseText.fold(PartyNames.placeName($0.name)) == typedPlaceFolded },
            { $0.id.lowercased() == typed.lowercased() },
        ]
        for matches in tiers {
            let found = all.filter(matches)
            if found.count == 1 { return .found(found[0].id) }
            if found.count > 1 { return .ambiguous(found.sorted { VietnameseCollation.precedes($0.name, $1.name) }) }
        }
        // The closest: a name or code that contains what was typed, then the fewest edits.
        let scored = all.compactMap { candidate -> (Candidate, Int)? in
            let place = VietnameseText.fold(PartyNames.placeName(candidate.name))
            if !typedPlaceFolded.isEmpty,
                place.contains(typedPlaceFolded) || VietnameseText.fold(candidate.name).contains(typedFolded)
                    || candidate.id.contains(typed.lowercased())
            {
                return (candidate, 0)
            }
            let allowed = max(1, min(3, typedPlaceFolded.count / 3))
            if let distance = EditDistance.between(place, typedPlaceFolded, atMost: allowed) {
                return (candidate, distance)
            }
            // A code typed with a slip: "cb-na-pn" for cb-na-pan (one edit, two from eight letters).
            guard !typed.contains(" "), typed.count <= 64 else { return nil }
            return EditDistance.between(
                candidate.id.lowercased(), typed.lowercased(), atMost: typed.count >= 8 ? 2 : 1
            ).map { (candidate, $0) }
        }
        let closest = scored.sorted { a, b in
            a.1 != b.1 ? a.1 < b.1 : VietnameseCollation.precedes(a.0.name, b.0.name)
        }.prefix(3).map(\.0)
        return .none(closest: Array(closest))
    }

    /// What `typed` names among people (identifier, full name) (issue 11, item 9): the
    /// identifier; the full name with its marks, tone placement aside ("Hoà" is "Hòa", never
    /// "Hoa"); then the full name without marks. The one matcher of members, in forms
    /// (`FormVocabulary`) and on the command line.
    ///
    /// - returns: `.found`, `.ambiguous` (in Vietnamese order), or `.none` with at most three
    ///   closest: names that hold what was typed as whole words ("Lợi" in "Hà Văn Lợi"), then
    ///   names within a few edits of it without marks (one per four letters, at most three),
    ///   the nearest first, then names with the same given name.
    public static func findPerson(_ typed: String, among people: [(id: String, name: String)]) -> NameMatch {
        let typed = TextNormalization.collapsed(typed)
        let all = people.map { Candidate(id: $0.id, name: TextNormalization.collapsed($0.name)) }
        if let exact = all.first(where: { $0.id == typed }) { return .found(exact.id) }
        let typedMarked = VietnameseText.comparable(typed)
        let typedFolded = VietnameseText.fold(typed)
        let tiers: [(Candidate) -> Bool] = [
            { VietnameseText.comparable($0.name) == typedMarked },
            { VietnameseText.fold($0.name) == typedFolded },
            { $0.id.lowercased() == typed.lowercased() },
        ]
        for matches in tiers {
            let found = all.filter(matches)
            if found.count == 1 { return .found(found[0].id) }
            if found.count > 1 { return .ambiguous(found.sorted(by: personOrder)) }
        }
        guard !typedFolded.isEmpty, typedFolded.count <= 200 else { return .none(closest: []) }
        let typedWords = typedFolded.split(separator: " ")
        let allowed = max(1, min(3, typedFolded.count / 4))
        let scored = all.compactMap { candidate -> (Candidate, Int)? in
            let folded = VietnameseText.fold(candidate.name)
            let words = folded.split(separator: " ")
            // Whole words typed in order, as the end or the start of a name: "Lợi", "Văn Lợi".
            if words.count > typedWords.count,
                Array(words.suffix(typedWords.count)) == typedWords
                    || Array(words.prefix(typedWords.count)) == typedWords
            {
                return (candidate, 0)
            }
            if let distance = EditDistance.between(folded, typedFolded, atMost: allowed) {
                return (candidate, distance)
            }
            // The same given name, last: people are called by it ("Hào" for "Nguyễn Văn Hào").
            if typedWords.count > 1, words.last == typedWords.last { return (candidate, allowed + 1) }
            return nil
        }
        let closest = scored.sorted { a, b in a.1 != b.1 ? a.1 < b.1 : personOrder(a.0, b.0) }.prefix(3).map(\.0)
        return .none(closest: Array(closest))
    }

    /// People in Vietnamese order of their names (given name first), namesakes by identifier.
    private static func personOrder(_ a: Candidate, _ b: Candidate) -> Bool {
        if VietnameseCollation.personPrecedes(a.name, b.name) { return true }
        if VietnameseCollation.personPrecedes(b.name, a.name) { return false }
        return a.id < b.id
    }
}
