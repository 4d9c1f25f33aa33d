import Foundation

/// Vietnamese alphabetical order, for names of cells and members: the letters a ă â b c d đ e ê
/// g h i k l m n o ô ơ p q r s t u ư v x y (other Latin letters where the Latin alphabet puts
/// them), case and tone marks only as second keys, tones in the order ngang, huyền, hỏi, ngã,
/// sắc, nặng.
///
/// ```swift
/// ["Yên Bình", "Đồng Tâm", "Ân Thi"].sorted(by: VietnameseCollation.precedes)
/// // ["Ân Thi", "Đồng Tâm", "Yên Bình"]
/// ```
public enum VietnameseCollation {
    /// The sort key of `text`: letters first, then tones, then case.
    public struct Key: Comparable, Sendable {
        var letters: [Int]
        var tones: [Int]
        var cases: [Int]

        public static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.letters != rhs.letters { return lhs.letters.lexicographicallyPrecedes(rhs.letters) }
            if lhs.tones != rhs.tones { return lhs.tones.lexicographicallyPrecedes(rhs.tones) }
            return lhs.cases.lexicographicallyPrecedes(rhs.cases)
        }
    }

    private static let tones: [UInt32: Int] = [0x300: 1, 0x309: 2, 0x303: 3, 0x301: 4, 0x323: 5]
    private static let breve: UInt32 = 0x306, circumflex: UInt32 = 0x302, horn: UInt32 = 0x31B

    /// The key `text` sorts by. A run of digits sorts by its value ("Tổ 2" before "Tổ 10"),
    /// before any letter and after a space.
    public static func key(_ text: String) -> Key { key(text, lookingUp: true) }

    /// `key(text)`, each letter looked up in the table of precomposed characters or (when
    /// `lookingUp` is false, for the tests) each worked out from its decomposition.
    package static func key(_ text: String, lookingUp: Bool) -> Key {
        var key = Key(letters: [], tones: [], cases: [])
        var digits: [Int] = []
        func endNumber() {
            guard !digits.isEmpty else { return }
            let significant = Array(digits.drop { $0 == 0 })
            // The digits' mark, then how many significant digits, then the digits.
            let run = [Int(("0" as Unicode.Scalar).value) * 4, significant.count] + significant
            key.letters += run
            key.tones += Array(repeating: 0, count: run.count)
            key.cases += Array(repeating: 0, count: run.count)
            digits = []
        }
        for character in TextNormalization.collapsed(text) {
            if let digit = character.wholeNumberValue, character.isASCII {
                digits.append(digit)
                continue
            }
            endNumber()
            let scalars = character.unicodeScalars
            let sorted: CharacterKey?
            if lookingUp, scalars.count == 1, let scalar = scalars.first, let known = precomposed[scalar.value] {
                sorted = known
            } else {
                sorted = characterKey(character)
            }
            guard let sorted else { continue }
            key.letters.append(sorted.letter)
            key.tones.append(sorted.tone)
            key.cases.append(sorted.upper)
        }
        endNumber()
        return key
    }

    /// One character's place: its letter, its tone and its case (`key`'s three rows).
    struct CharacterKey: Equatable, Sendable {
        var letter: Int
        var tone: Int
        var upper: Int
    }

    /// `characterKey` of every character of one scalar up to U+024F and of the Latin Extended
    /// Additional block (U+1E00–U+1EFF, where the Vietnamese letters with tone marks are),
    /// worked out once: a key then costs a table lookup per letter instead of Foundation's
    /// canonical decomposition (a search page sorts 60 cells' names, a province 10,000).
    private static let precomposed: [UInt32: CharacterKey] = {
        var table: [UInt32: CharacterKey] = [:]
        for value in Array(0x20...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(UInt32(value)), let sorted = characterKey(Character(scalar)) else {
                continue
            }
            table[scalar.value] = sorted
        }
        return table
    }()

    /// The place of `character` from its canonical decomposition: the base letter (lower
    /// case) times 4, plus 1 or 2 for the letters after it (ă â, đ, ê, ô ơ, ư); the tone of
    /// its tone mark; 1 for upper case. `nil` for a character with no scalar.
    static func characterKey(_ character: Character) -> CharacterKey? {
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard var base = scalars.first else { return nil }
        let isUpper = base.properties.isUppercase
        if let lower = base.properties.lowercaseMapping.unicodeScalars.first { base = lower }
        let marks = scalars.dropFirst().map(\.value)
        var letter = Int(base.value) * 4
        if base == "đ" {
            letter = Int(("d" as Unicode.Scalar).value) * 4 + 1
        } else if marks.contains(breve) {
            letter += 1
        } else if marks.contains(circumflex) {
            letter += base == "a" ? 2 : 1
        } else if marks.contains(horn) {
            letter += base == "o" ? 2 : 1
        }
        return CharacterKey(letter: letter, tone: marks.compactMap { tones[$0] }.first ?? 0, upper: isUpper ? 1 : 0)
    }

    /// Whether `left` comes before `right` in Vietnamese order.
    public static func precedes(_ left: String, _ right: String) -> Bool { key(left) < key(right) }

    /// `items` in Vietnamese order of their names, exactly as `sorted { precedes(name($0),
    /// name($1)) }` orders them, but with each name's key made once rather than twice per
    /// comparison (sorting 60 cells by `precedes` made about 700 keys).
    public static func sorted<Item>(_ items: [Item], byName name: (Item) -> String) -> [Item] {
        items.map { (key: key(name($0)), item: $0) }.sorted { $0.key < $1.key }.map(\.item)
    }

    /// Whether the person `left` comes before `right` in a Vietnamese list of people: by given
    /// name (the last word), then by the rest in order ("Đinh Thị Hạnh" before "Hà Văn Lợi").
    public static func precedesByGivenName(_ left: String, _ right: String) -> Bool {
        func reordered(_ name: String) -> String {
            let words = name.split(whereSeparator: \.isWhitespace)
            guard let last = words.last else { return name }
            return ([last] + words.dropLast()).joined(separator: " ")
        }
        return key(reordered(left)) < key(reordered(right))
    }
}
