import ArchiveCore

/// Text made safe for HTML: the five characters with a meaning in markup are escaped, so
/// that names and minutes can go into pages and attributes as they are.
///
/// ```swift
/// HTMLText.escape("Nghị quyết \"số 5\" <mật>")   // Nghị quyết &quot;số 5&quot; &lt;mật&gt;
/// ```
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension LocalDate {
    /// The date as Party documents write it: "ngày 06 tháng 01 năm 2023".
    public var vietnameseLong: String {
        let day = day < 10 ? "0\(day)" : "\(day)"
        let month = month < 10 ? "0\(month)" : "\(month)"
        return "ngày \(day) tháng \(month) năm \(year)"
    }
}
