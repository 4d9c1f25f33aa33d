import Foundation

/// NFC and trimming for imported text, fast on the common case.
///
/// Foundation's normaliser and trimmer bridge through `NSString` and dominated the import
/// profile. Most text is already NFC: precomposed Vietnamese letters (U+1EA0–U+1EF9,
/// ư ơ đ below U+0300) carry no combining marks and decompose only to recompose. Text made
/// only of scalars from ranges where NFC changes nothing is returned as it is; anything else
/// (combining marks, compatibility singletons, other scripts) goes to Foundation.
package enum TextNormalization {
    /// Whether NFC leaves `scalar` alone in any context: no decomposition that fails to
    /// recompose, and no combining with a neighbour.
    @inline(__always)
    static func isInertUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000..<0x0300: true  // Basic Latin to Latin Extended-B, IPA, spacing modifiers
        case 0x1E00...0x1EFF: true  // Latin Extended Additional: Vietnamese precomposed letters
        case 0x2002...0x206F: true  // general punctuation, apart from the singletons U+2000, U+2001
        case 0x20A0...0x20BF: true  // currency symbols
        case 0x1F300...0x1FAFF: true  // pictographs and emoji
        default: false
        }
    }

    /// `text` in Unicode NFC.
    package static func nfc(_ text: String) -> String {
        text.unicodeScalars.allSatisfy(isInertUnderNFC) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// `text` without white space at either end.
    package static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }
}
