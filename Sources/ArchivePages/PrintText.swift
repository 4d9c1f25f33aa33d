import ArchiveCore

/// The plain-text pieces the print views share: counts, times and numerals as Party documents
/// write them, names by identifier, and the punctuation rules of lists. Text only; the
/// templates turn it into markup.
enum PrintText {
    /// Two digits at least, as Party documents write counts, days and months: "01", "12", "150".
    static func twoDigits(_ value: Int) -> String { value < 10 && value >= 0 ? "0\(value)" : "\(value)" }

    /// "19 giờ 30 phút".
    static func clock(_ time: TimeOfDay) -> String {
        "\(twoDigits(time.minutesSinceMidnight / 60)) giờ \(twoDigits(time.minutesSinceMidnight % 60)) phút"
    }

    /// Roman numerals for section numbers and quarters (1...39 is plenty).
    static func roman(_ value: Int) -> String {
        let tens = ["", "X", "XX", "XXX"], units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        guard (1...39).contains(value) else { return String(value) }
        return tens[value / 10] + units[value % 10]
    }

    /// "19 đồng chí", "01 đồng chí", "không có"; with the names in brackets when given.
    static func people(_ count: Int, naming names: [String] = [], separator: String = ", ") -> String {
        count > 0 ? "\(twoDigits(count)) đồng chí" + bracketed(names, separator: separator) : "không có"
    }

    /// " (Hoàng Văn Thuận, Vi Thị Hồng)", or nothing for no names.
    static func bracketed(_ names: [String], separator: String = ", ") -> String {
        names.isEmpty ? "" : " (\(names.joined(separator: separator)))"
    }

    /// `text` ending with a full stop unless it already ends with punctuation.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?;:…".contains(last) ? text : text + "."
    }

    /// `text` without the spaces and the `,;.` a writer may have ended it with, nor a leading dash.
    static func trimmedOfPunctuation(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last.isWhitespace || ",;.".contains(last) { result = result.dropLast() }
        while let first = result.first, first.isWhitespace || first == "-" { result = result.dropFirst() }
        return String(result)
    }

    /// Members' names by identifier; an unknown identifier stands for itself.
    struct Names {
        let members: [String: Member]

        init(_ members: [Member]) {
            self.members = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }

        subscript(id: String) -> String { members[id]?.fullName ?? id }

        /// "Hoàng Văn Thuận, Bí thư chi bộ": the name and the office held on `date`, if any.
        func withOffice(_ id: String, on date: LocalDate) -> String {
            guard let member = members[id], let role = member.roles(on: date).first else { return self[id] }
            let office =
                switch role.title {
                case .secretary, .deputySecretary: role.title.vietnameseName + " chi bộ"
                case .committeeMember: role.title.vietnameseName
                }
            return "\(member.fullName), \(office)"
        }
    }
}

/// A paragraph of a body, proceedings or conclusion (`paragraph.mustache`): justified with a
/// first-line indent; a paragraph all in capitals ("I. KẾT QUẢ…") is a section heading, and
/// "CHI BỘ QUYẾT NGHỊ:" stands centred.
struct ParagraphView {
    var text: String
    /// `section`, `decides`, or nil for a plain paragraph.
    var className: String?

    init(_ text: String) {
        self.text = text
        let letters = text.filter(\.isLetter)
        let capitals = letters.count >= 3 && letters.allSatisfy { !$0.isLowercase }
        let decides = capitals && (text.hasSuffix(":") ? text.dropLast() : text[...]).hasSuffix("QUYẾT NGHỊ")
        className = decides ? "decides" : capitals ? "section" : nil
    }
}

extension LocalDate {
    /// The day after this one.
    var nextDay: LocalDate? {
        LocalDate(year: year, month: month, day: day + 1) ?? LocalDate(year: year, month: month + 1, day: 1)
            ?? LocalDate(year: year + 1, month: 1, day: 1)
    }
}

extension String {
    /// The text with its first letter in capitals ("ngày 06…" → "Ngày 06…").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
