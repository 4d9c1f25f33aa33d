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

    /// Whether `scalar` is left alone by `cleaned`: most text, tested without a property lookup.
    @inline(__always)
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0x09, 0x0A, 0x0D: true
        case 0xD0, 0xF0, 0x189, 0x256: false  // Ð ð Ɖ ɖ, the look-alikes of Đ đ
        case 0xC0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF: true
        default: false
        }
    }

    /// What a scalar becomes in `cleaned`: itself, a space, another letter, or nothing.
    private static func cleaned(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xD0, 0x189: return "\u{110}"  // Ð (eth) and Ɖ (African D) written for Đ
        case 0xF0, 0x256: return "\u{111}"  // ð and ɖ written for đ
        case 0x2028, 0x2029: return " "  // line and paragraph separators
        default: break
        }
        switch scalar.properties.generalCategory {
        case .spaceSeparator: return " "
        case .format: return nil  // zero-width spaces and joiners, soft hyphens, BOMs, direction marks
        case .control: return nil  // C0 other than tab and line ends, DEL, C1
        default: return scalar
        }
    }

    /// `text` as the archive keeps typed or imported text: NFC, every Unicode space (no-break,
    /// narrow, thin, ideographic…) as a plain space, format characters (zero-width spaces and
    /// joiners, soft hyphens, stray BOMs, direction marks) and control characters other than tab
    /// and line ends dropped, and the look-alikes of Đ (Ð U+00D0, Ɖ U+0189, with ð and ɖ) as Đ
    /// and đ. Everything else is kept as written, tone-mark placement included.
    ///
    /// ```swift
    /// TextNormalization.cleaned("Ðảng\u{A0}viên\u{200B}")   // "Đảng viên"
    /// ```
    package static func cleaned(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isPlain) { return nfc(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isPlain(scalar) {
                scalars.append(scalar)
            } else if let replacement = cleaned(scalar) {
                scalars.append(replacement)
            }
        }
        return nfc(String(scalars))
    }

    /// The first control character of `text` that a person cannot have meant (C0 other than
    /// tab, DEL, C1), if any: forms refuse them rather than store or drop them silently.
    package static func firstControl(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            scalar.value < 0x20
                ? scalar != "\t" && scalar != "\n" && scalar != "\r" : (0x7F...0x9F).contains(scalar.value)
        }
    }

    /// `text` cleaned and trimmed, with every run of white space inside as one space: how a
    /// name is compared ("Lương Văn\u{A0} Hòa " is "Lương Văn Hòa").
    package static func collapsed(_ text: String) -> String {
        cleaned(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
