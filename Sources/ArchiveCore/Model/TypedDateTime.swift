import Foundation

/// Dates and times as people type them, in forms and on the command line.
extension LocalDate {
    /// What a typed date turned out to be.
    public enum Typed: Sendable, Hashable {
        /// A real date.
        case date(LocalDate)
        /// A year of two digits ("28/12/24"): refused, never read as year 0024 or guessed.
        case twoDigitYear(String)
        /// Not a date, or a day that does not exist.
        case invalid(String)
    }
}

extension LocalDate.Typed {
    /// Whether this was typed as a day: a real date, or one whose year has two digits.
    public var isDay: Bool {
        if case .invalid = self { return false }
        return true
    }
}

extension LocalDate {
    /// Reads `YYYY-MM-DD` or the Vietnamese `dd/mm/yyyy` (also `d/m/yyyy`, with `-` or `.`
    /// between day, month and year).
    ///
    /// ```swift
    /// LocalDate.typed("28/12/2024")   // .date(2024-12-28)
    /// LocalDate.typed("28/12/24")     // .twoDigitYear("28/12/24")
    /// ```
    public static func typed(_ text: String) -> Typed {
        let text = TextNormalization.collapsed(text)
        if let date = LocalDate(text) { return .date(date) }
        let parts = text.split(whereSeparator: { "/-.".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            parts[0].count <= 2, parts[1].count <= 2
        else { return .invalid(text) }
        guard parts[2].count == 4 else { return parts[2].count <= 2 ? .twoDigitYear(text) : .invalid(text) }
        return LocalDate(year: year, month: month, day: day).map { .date($0) } ?? .invalid(text)
    }
}

extension TimeOfDay {
    /// Reads a time as secretaries write it: `19:30`, `19h`, `19h30`, `19g30`, `19.30`,
    /// `7 giờ tối`, `7 giờ 30 tối`, `7 giờ rưỡi tối` (half past), `7h30 tối`, `2 giờ chiều`;
    /// `nil` for anything else. "sáng" keeps the hour, "chiều" and "tối" add 12 to hours before
    /// noon, "trưa" to hours 1–2, "đêm" to 7–11 (and 12 đêm is midnight).
    public static func typed(_ text: String) -> TimeOfDay? {
        var words = VietnameseText.fold(TextNormalization.collapsed(text))
        var period: String?
        for name in ["sang", "trua", "chieu", "toi", "dem"] where words.hasSuffix(" " + name) || words.hasSuffix(name) {
            period = name
            words = String(words.dropLast(name.count))
            break
        }
        // "rưỡi" is half past: "7 giờ rưỡi tối" is 19:30.
        words = words.replacingOccurrences(of: "ruoi", with: "30")
        words = words.replacingOccurrences(of: "gio", with: ":").replacingOccurrences(of: "phut", with: "")
        for mark in ["h", "g", "."] { words = words.replacingOccurrences(of: mark, with: ":") }
        let pieces = words.split(separator: ":", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.count <= 2 }),
            let first = pieces.first, !first.isEmpty, var hour = Int(first)
        else { return nil }
        let minuteText = pieces.count == 2 ? pieces[1] : ""
        guard minuteText.isEmpty || minuteText.count == 2, let minute = minuteText.isEmpty ? 0 : Int(minuteText)
        else { return nil }
        switch period {
        case "chieu", "toi": if (1...11).contains(hour) { hour += 12 }
        case "trua": if (1...2).contains(hour) { hour += 12 }
        case "dem":
            if (7...11).contains(hour) { hour += 12 } else if hour == 12 { hour = 0 }
        case "sang": if hour == 12 { hour = 0 }
        default: break
        }
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return TimeOfDay(String(format: "%02d:%02d", hour, minute))
    }
}
