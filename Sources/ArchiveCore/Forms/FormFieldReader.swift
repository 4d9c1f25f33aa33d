/// Reads the fields of a filled form one by one, collecting every mistake at its line
/// instead of stopping at the first.
struct FormFieldReader {
    let form: FormText
    let file: String
    let cell: Cell
    let today: LocalDate
    private(set) var problems: [FormProblem] = []
    private let vocabulary: FormVocabulary

    init(form: FormText, file: String, cell: Cell, today: LocalDate) {
        self.form = form
        self.file = file
        self.cell = cell
        self.today = today
        vocabulary = FormVocabulary(members: cell.members)
        for (line, code) in form.controls {
            problem(line, "dòng này có ký tự điều khiển \(code) không in ra được; hãy xóa nó rồi gõ lại dòng")
        }
        // A field written twice is a contradiction the form cannot settle (only guests repeat).
        for (key, lines) in form.repeated where key != FormText.key("Khách mời") {
            guard let first = form.fields[key] else { continue }
            for line in lines {
                let label = line.label
                problem(
                    line.number,
                    "“\(label)” đã ghi ở dòng \(first.number) và ghi lại ở dòng \(line.number); mỗi mục chỉ ghi một lần, hãy xóa một dòng"
                )
            }
        }
    }

    mutating func problem(_ line: Int, _ message: String) {
        problems.append(FormProblem(file: file, line: line, message: message))
    }

    /// The line of a field, or of the form's start when the field is missing.
    private func line(_ label: String) -> Int { form.field(label)?.number ?? 0 }

    /// A required field's text; a problem when missing or empty.
    mutating func text(_ label: String) -> String? {
        guard let value = form.field(label)?.text, !value.isEmpty else {
            problem(line(label), "chưa điền “\(label)”")
            return nil
        }
        return value
    }

    /// An optional field's text; `nil` when missing or empty.
    func optionalText(_ label: String) -> String? {
        guard let value = form.field(label)?.text, !value.isEmpty else { return nil }
        return value
    }

    /// One of a few words, written with or without marks (the longest that begins the value).
    mutating func choice<T>(_ label: String, _ words: [(String, T)], describe: String) -> T? {
        guard let value = text(label) else { return nil }
        let folded = VietnameseText.fold(value)
        if let match = words.first(where: { folded == $0.0 || folded.hasPrefix($0.0 + " ") }) { return match.1 }
        problem(line(label), "“\(label)” không hiểu “\(value)”: ghi \(describe)")
        return nil
    }

    /// A meeting's kind as people write it (`domain.md`, "Meetings"): "thường kỳ", "chuyên đề",
    /// "bất thường", and a combined sitting however it is put — "kết hợp", "thường kỳ + chuyên
    /// đề", "thường kỳ và chuyên đề", "chuyên đề (kết hợp thường kỳ)" — never read as one of its
    /// two halves. Words after the kind ("thường kỳ tháng 12") are allowed; "bất thường" with
    /// another kind is refused as unclear.
    mutating func meetingKind(_ label: String) -> Meeting.Kind? {
        guard let value = text(label) else { return nil }
        let folded = " " + VietnameseText.fold(value).map { $0.isLetter || $0.isNumber ? $0 : " " } + " "
        let words = folded.split(separator: " ").joined(separator: " ")
        func says(_ phrase: String) -> Bool { (" " + words + " ").contains(" " + phrase + " ") }
        let regular = says("thuong ky")
        let thematic = says("chuyen de")
        let combined = says("ket hop") || (regular && thematic)
        let extraordinary = says("bat thuong")
        let kind: Meeting.Kind? =
            switch (extraordinary, combined, regular, thematic) {
            case (true, false, false, false): .extraordinary
            case (false, true, _, _): .combined
            case (false, false, true, false): .regular
            case (false, false, false, true): .thematic
            default: nil
            }
        if let kind { return kind }
        problem(
            line(label),
            "“\(label)” không hiểu “\(value)”: ghi thường kỳ, chuyên đề, kết hợp (thường kỳ kết hợp chuyên đề) "
                + "hoặc bất thường")
        return nil
    }

    /// A date `dd/mm/yyyy` (or `YYYY-MM-DD`), within the cell's life and not after today.
    mutating func date(_ label: String) -> LocalDate? {
        guard let value = text(label) else { return nil }
        let typed = LocalDate.typed(value)
        guard let date = typed.date else {
            problem(line(label), typed.problem(label: label) ?? value)
            return nil
        }
        if let outside = cell.lifeProblem(on: date) { problem(line(label), outside) }
        if date > today {
            problem(line(label), "ngày \(date.vietnameseShort) chưa tới (hôm nay là \(today.vietnameseShort))")
        }
        return date
    }

    /// A time `HH:MM`, or as people write it: `19h`, `19h30`, `19.30`, `7 giờ tối`.
    mutating func time(_ label: String) -> TimeOfDay? {
        guard let value = text(label) else { return nil }
        if let time = TimeOfDay.typed(value) { return time }
        problem(line(label), "“\(label)” phải là giờ, ví dụ 19:30, 19h30 hoặc 7 giờ 30 tối: \(value)")
        return nil
    }

    /// A member named by a field, who must belong to the cell on `date`.
    mutating func person(_ label: String, on date: LocalDate?) -> Member? {
        guard let value = text(label) else { return nil }
        return member(value, line: line(label), on: date)
    }

    /// A member as written on `line`: known, not ambiguous, and of the cell on `date`.
    mutating func member(_ written: String, line: Int, on date: LocalDate?) -> Member? {
        switch vocabulary.member(written) {
        case .unknown(let closest):
            problem(
                line,
                "không có đảng viên “\(written)” trong \(cell.name)"
                    + (closest.isEmpty
                        ? "; ghi họ tên như trong danh sách đảng viên của chi bộ"
                        : "; có phải: " + closest.map(FormVocabulary.written).joined(separator: "; ") + "?"))
            return nil
        case .ambiguous(let candidates):
            problem(
                line,
                "“\(written)” trùng tên nhiều đảng viên, hãy ghi kèm mã: "
                    + candidates.map(FormVocabulary.written).joined(separator: ", "))
            return nil
        case .found(let member):
            if let date, !member.belongsToCell(on: date) {
                problem(line, "\(member.fullName) không thuộc \(cell.name) vào ngày \(date.vietnameseShort)")
                return nil
            }
            return member
        }
    }

    /// The rating section: level, score (0–100) and note; `nil` when the level is left empty.
    mutating func rating() -> Rating? {
        var level: (String, Int)?
        var score: (String, Int)?
        var note: String?
        var seen: [String: Int] = [:]
        for line in form.section("Xếp loại") ?? [] where !line.text.isEmpty {
            let (label, value) = Self.split(line.text)
            let key = FormText.key(label)
            if let earlier = seen[key] {
                problem(
                    line.number,
                    "“\(label)” đã ghi ở dòng \(earlier) và ghi lại ở dòng \(line.number); mỗi mục chỉ ghi một lần, hãy xóa một dòng"
                )
                continue
            }
            seen[key] = line.number
            switch key {
            case "muc": level = value.isEmpty ? nil : (value, line.number)
            case "diem": score = value.isEmpty ? nil : (value, line.number)
            case "nhan xet": note = value.isEmpty ? nil : value
            default: problem(line.number, "không hiểu dòng “\(line.text)” trong [Xếp loại]: ghi Mức, Điểm, Nhận xét")
            }
        }
        guard let (levelText, levelLine) = level else {
            if let (_, scoreLine) = score { problem(scoreLine, "có điểm nhưng chưa ghi mức xếp loại") }
            return nil
        }
        let found: Rating.Level? =
            switch VietnameseText.fold(levelText) {
            case "tot": .good
            case "kha": .fair
            case "trung binh": .average
            case "kem": .weak
            default: nil
            }
        guard let found else {
            problem(levelLine, "mức xếp loại “\(levelText)”: ghi tốt, khá, trung bình hoặc kém")
            return nil
        }
        var points: Int?
        if let (scoreText, scoreLine) = score {
            if let value = Int(scoreText), (0...100).contains(value) {
                points = value
            } else {
                problem(scoreLine, "điểm phải là số từ 0 đến 100: \(scoreText)")
            }
        }
        return Rating(level: found, score: points, note: note)
    }

    /// `who: what` split at the first colon, or, when a `[id]` comes before it, at the first
    /// colon after the `]` (an id never holds a colon; a name written before it might not).
    static func split(_ text: String) -> (label: String, value: String) {
        guard var colon = text.firstIndex(of: ":") else { return (text, "") }
        if let open = text.firstIndex(of: "["), open < colon, let close = text[open...].firstIndex(of: "]") {
            guard let after = text[close...].firstIndex(of: ":") else { return (text, "") }
            colon = after
        }
        return (
            TextNormalization.trimmed(String(text[..<colon])),
            TextNormalization.trimmed(String(text[text.index(after: colon)...]))
        )
    }

    /// What follows the first `:` or `—` of a presence ("vắng có lý do: ốm"), if anything.
    static func detail(_ text: String) -> String? {
        guard let mark = text.firstIndex(where: { $0 == ":" || $0 == "—" }) else { return nil }
        let detail = TextNormalization.trimmed(String(text[text.index(after: mark)...]))
        return detail.isEmpty ? nil : detail
    }

    /// A presence as secretaries write it, and what follows it.
    enum PresenceReading: Equatable {
        case blank
        case marked(Attendance.Presence, reason: String?)
        /// "có mặt" followed by words: format v1 keeps no note on a present member.
        case presentWithNote(String)
        case unknown
    }

    /// Reads "có mặt" (also "có", "x"), "vắng có lý do" or "vắng không lý do" ("vắng mặt" as
    /// "vắng", "lí do" as "lý do", "ko" or "k" as "không"; "có lý do" and "không lý do" alone
    /// are absences too), then the reason after any of `:`, `-`, `–`, `—`, `/`, a comma, or in
    /// parentheses: "vắng có lý do (đi viện)", "vắng có lý do - ốm", "vắng (có lý do: ốm)".
    static func presence(_ text: String) -> PresenceReading {
        let words = VietnameseText.words(text)
        if words.isEmpty { return text.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) ? .blank : .unknown }
        let folded = words.map(\.folded)
        func starts(_ pattern: [Set<String>]) -> Bool {
            folded.count >= pattern.count && zip(folded, pattern).allSatisfy { $1.contains($0) }
        }
        let reason: Set = ["ly", "li"]
        let no: Set = ["khong", "ko", "k"]
        var patterns: [([Set<String>], Attendance.Presence)] = []
        for absent: [Set<String>] in [[["vang"], ["mat"]], [["vang"]], []] {
            patterns += [
                (absent + [["co"], reason, ["do"]], .excused),
                (absent + [no, reason, ["do"]], .unexcused),
                (absent + [no, ["co"], reason, ["do"]], .unexcused),
            ]
        }
        patterns += [([["co"], ["mat"]], .present), ([["co", "x"]], .present)]
        guard let (pattern, presence) = patterns.first(where: { starts($0.0) }) else { return .unknown }
        // A word must stand alone: "có" is present, "cóc" is not (words are split on letters).
        let statusEnd = words[pattern.count - 1].range.upperBound
        let opened = text[..<statusEnd].contains("(")
        var rest = Substring(text[statusEnd...])
        rest = rest.drop { $0.isWhitespace || ":-–—,;./".contains($0) || (opened && $0 == ")") }
        var note = TextNormalization.trimmed(String(rest))
        // "vắng (có lý do: ốm)": the parenthesis opened before the reason closes after it.
        if note.hasSuffix(")"), note.filter({ $0 == ")" }).count > note.filter({ $0 == "(" }).count {
            note = TextNormalization.trimmed(String(note.dropLast()))
        }
        if note.hasPrefix("("), note.hasSuffix(")") {
            note = TextNormalization.trimmed(String(note.dropFirst().dropLast()))
        }
        while let last = note.last, ".;,".contains(last) { note.removeLast() }
        if note.isEmpty { return .marked(presence, reason: nil) }
        return presence == .present ? .presentWithNote(note) : .marked(presence, reason: note)
    }
}
