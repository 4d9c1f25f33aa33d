import Foundation

/// Vietnamese text as search sees it: words, folded for accent-insensitive matching.
///
/// Folding lowercases, removes every diacritic and maps `đ` to `d` (which has no Unicode
/// decomposition, so SQLite's `remove_diacritics` leaves it alone): "Đảng" → "dang".
/// Words are runs of letters and digits, the way SQLite's `unicode61` tokenizer splits text,
/// so that what Swift folds and what the index holds agree.
///
/// ```swift
/// VietnameseText.fold("Nghị quyết số 05-NQ/CB")   // "nghi quyet so 05-nq/cb"
/// VietnameseText.words("05-NQ/CB").map(\.folded)   // ["05", "nq", "cb"]
/// ```
public enum VietnameseText {
    /// One word of a text: where it stands, as written (lowercased, marks kept), and folded.
    public struct Word: Sendable, Hashable {
        /// Where the word stands in the text it came from.
        public var range: Range<String.Index>
        /// Lowercased, in NFC, with its diacritics: "đảng".
        public var exact: String
        /// Lowercased, without diacritics, `đ` as `d`: "dang".
        public var folded: String
    }

    /// Base letters of the precomposed Latin letters, worked out once from Unicode's own
    /// decompositions (U+00C0–U+024F and U+1E00–U+1EFF hold every Vietnamese letter).
    private static let baseLetters: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        for range: ClosedRange<UInt32> in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                if let base = decomposed.first, decomposed.count > 1, base.isASCII { table[value] = base }
            }
        }
        table[0x0110] = "d"  // Đ
        table[0x0111] = "d"  // đ
        // Where SQLite's `remove_diacritics 2` differs from Unicode, do as the index does
        // (a test compares every letter): the long s folds to s, and Ǡ ǡ keep their marks.
        table[0x017F] = "s"  // ſ
        table[0x1E9B] = "s"  // ẛ
        table[0x01E0] = nil  // Ǡ
        table[0x01E1] = nil  // ǡ
        // The look-alikes of Đ đ from legacy conversions fold as `search_folded` writes them.
        table[0x00D0] = "d"  // Ð
        table[0x00F0] = "d"  // ð
        table[0x0189] = "d"  // Ɖ
        return table
    }()

    /// Whether `scalar` is a combining mark that folding drops.
    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .spacingMark
            || scalar.properties.generalCategory == .enclosingMark
    }

    /// `baseLetters` as flat tables of the lowercase byte each scalar folds to (0: none), for
    /// the two ranges it covers; a dictionary lookup per letter was most of `fold`'s time.
    private static let foldedLatin = foldTable(0x00C0...0x024F)
    private static let foldedVietnamese = foldTable(0x1E00...0x1EFF)

    private static func foldTable(_ range: ClosedRange<UInt32>) -> [UInt8] {
        range.map { value in baseLetters[value].map { UInt8($0.value) | 0x20 } ?? 0 }
    }

    /// `text` lowercased, without diacritics, with `đ` as `d`.
    ///
    /// One pass over the scalars writing UTF-8: ASCII is lowercased in place, precomposed Latin
    /// letters become their lowercase base letter from the table, combining marks are dropped,
    /// and anything else is lowercased by its Unicode mapping.
    public static func fold(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        let latin = foldedLatin
        let vietnamese = foldedVietnamese
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                continue
            }
            let folded: UInt8 =
                switch value {
                case 0x00C0...0x024F: latin[Int(value - 0x00C0)]
                case 0x1E00...0x1EFF: vietnamese[Int(value - 0x1E00)]
                case 0x0256: 0x64  // ɖ, a look-alike of đ
                default: 0
                }
            if folded != 0 {
                output.append(folded)
            } else if !isCombiningMark(scalar) {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    output.append(contentsOf: String(lowered).utf8)
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `character` belongs to a word (letters, digits, and marks on them).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || isCombiningMark(scalar)
    }

    /// Whether `scalar` always stands as a grapheme cluster of its own: Latin up to the
    /// spacing modifiers, the precomposed Vietnamese letters, and common punctuation hold no
    /// extending, prepended or joining scalars (only CR LF pairs up, both outside words). A
    /// test checks every pair.
    static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x02FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    /// The words of `text`, in order.
    public static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        func word(_ range: Range<String.Index>) {
            let exact = TextNormalization.nfc(String(text[range]).lowercased())
            words.append(Word(range: range, exact: exact, folded: fold(exact)))
        }
        var start: String.Index?
        if text.unicodeScalars.allSatisfy(isOwnCharacter) {
            // Characters are scalars here: skip the grapheme breaking.
            let scalars = text.unicodeScalars
            var index = scalars.startIndex
            while index < scalars.endIndex {
                if isWordScalar(scalars[index]) {
                    if start == nil { start = index }
                } else if let begin = start {
                    word(begin..<index)
                    start = nil
                }
                scalars.formIndex(after: &index)
            }
        } else {
            var index = text.startIndex
            while index < text.endIndex {
                if text[index].unicodeScalars.contains(where: isWordScalar) {
                    if start == nil { start = index }
                } else if let begin = start {
                    word(begin..<index)
                    start = nil
                }
                index = text.index(after: index)
            }
        }
        if let begin = start { word(begin..<text.endIndex) }
        return words
    }

    /// `text` with `đ` and `Đ` written as `d` and `D`, its other marks kept: what the
    /// `search_folded` view does in SQL, since `đ` is the one Vietnamese letter SQLite's
    /// `remove_diacritics` cannot fold (it has no Unicode decomposition). Its look-alikes of
    /// legacy conversions, Ð ð (U+00D0, U+00F0) and Ɖ ɖ (U+0189, U+0256), fold the same way.
    public static func withoutStroke(_ text: String) -> String {
        // Over the UTF-8 bytes: đ Đ are C4 91 and C4 90, Ð ð C3 90 and C3 B0, Ɖ C6 89, ɖ C9 96;
        // a lead byte only ever leads a scalar.
        @inline(__always) func folded(_ lead: UInt8, _ next: UInt8) -> UInt8? {
            switch (lead, next) {
            case (0xC4, 0x91), (0xC3, 0xB0), (0xC9, 0x96): 0x64
            case (0xC4, 0x90), (0xC3, 0x90), (0xC6, 0x89): 0x44
            default: nil
            }
        }
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 1 < bytes.count, folded(bytes[index], bytes[index + 1]) == nil { index += 1 }
            guard index + 1 < bytes.count else { return nil }
            var output = [UInt8](bytes[..<index])
            output.reserveCapacity(bytes.count)
            while index < bytes.count {
                if index + 1 < bytes.count, let letter = folded(bytes[index], bytes[index + 1]) {
                    output.append(letter)
                    index += 2
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// The tone-placement pairs, old style to new: in "oa", "oe" and "uy" ending a syllable
    /// the tone is written on the first vowel ("hòa", "khỏe", "thủy") or on the second ("hoà",
    /// "khoẻ", "thuỷ"); both are in daily use. Each pair maps the second spelling to the first,
    /// in lower case, capitalised and upper case. `search_marks` applies the same pairs in SQL.
    public static let tonePlacementPairs: [(from: String, to: String)] = {
        var pairs: [(String, String)] = []
        let tones: [Unicode.Scalar] = ["\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"]
        for (first, second) in [("o", "a"), ("o", "e"), ("u", "y")] {
            for tone in tones {
                for (a, b) in [
                    (first, second), (first.uppercased(), second), (first.uppercased(), second.uppercased()),
                ] {
                    let secondToned = (b + String(Character(tone))).precomposedStringWithCanonicalMapping
                    let firstToned = (a + String(Character(tone))).precomposedStringWithCanonicalMapping
                    pairs.append((a + secondToned, firstToned + b))
                }
            }
        }
        return pairs
    }()

    /// `text` with the tone of "oa", "oe" and "uy" on the first vowel ("hoà" as "hòa", "uỷ"
    /// as "ủy"), everything else as it is: how text with its marks is compared and indexed for
    /// the exact-marks tier, whichever convention it was written in. The stored text keeps
    /// its own spelling.
    public static func tonePlacementNormalized(_ text: String) -> String {
        let text = TextNormalization.nfc(text)
        // Every pair's old spelling ends in a toned a, e or y from the precomposed block.
        guard text.unicodeScalars.contains(where: { (0xC0...0x1EF9).contains($0.value) }) else { return text }
        // One pass over the scalars, replacing each two-scalar pair as the SQL view's
        // replace() calls do (a Foundation search per pair was most of an import's time).
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let first = previous {
                if let replacement = tonePairs[UInt64(first.value) << 32 | UInt64(scalar.value)] {
                    result.append(contentsOf: replacement)
                    previous = nil
                    continue
                }
                result.append(first)
            }
            previous = scalar
        }
        if let last = previous { result.append(last) }
        return String(result)
    }

    /// `tonePlacementPairs` keyed by their two scalars.
    private static let tonePairs: [UInt64: [Unicode.Scalar]] = {
        var pairs: [UInt64: [Unicode.Scalar]] = [:]
        for (from, to) in tonePlacementPairs {
            let scalars = Array(from.unicodeScalars)
            precondition(scalars.count == 2, "a tone-placement pair is two scalars")
            pairs[UInt64(scalars[0].value) << 32 | UInt64(scalars[1].value)] = Array(to.unicodeScalars)
        }
        return pairs
    }()

    /// `text` as names are compared with their marks: NFC, lowercased, one tone placement.
    /// "Nguyễn Văn Hoà" and "nguyễn văn hòa" compare equal; "Hoa" stays apart.
    public static func comparable(_ text: String) -> String {
        tonePlacementNormalized(TextNormalization.nfc(text).lowercased())
    }

    /// Whether `text` carries any diacritic or `đ`: folding changes it beyond case.
    public static func hasDiacritics(_ text: String) -> Bool {
        fold(text) != text.lowercased()
    }
}
