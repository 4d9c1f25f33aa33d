import Foundation

/// One problem in a filled form, at its line: `FORM:LINE: lỗi: MESSAGE`.
public struct FormProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The form's file name, as given.
    public var file: String
    /// The 1-based line; 0 for the form as a whole.
    public var line: Int
    /// What is wrong, in Vietnamese.
    public var message: String

    /// Creates a problem.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FORM:LINE: lỗi: MESSAGE`, or `FORM: lỗi: MESSAGE` for the whole form (line 0).
    public var description: String { line > 0 ? "\(file):\(line): lỗi: \(message)" : "\(file): lỗi: \(message)" }
}

/// The plain-text form a secretary fills in: UTF-8 with or without a BOM, LF or CRLF. Lines
/// starting with `#` are guidance and are skipped; `Label: value` lines before the first
/// section are the header; `[Section]` lines open sections whose lines are kept as written.
///
/// ```text
/// Chi bộ: Chi bộ thôn Nà Pàn [cb-na-pan]
/// Ngày: 2024-12-05
///
/// [Nội dung]
/// - Đánh giá kết quả tháng 11
/// ```
package struct FormText {
    /// A line of the form with its number.
    package struct Line: Sendable, Hashable {
        package var number: Int
        package var text: String
        /// The label as written, for a header field.
        package var label: String = ""
    }

    /// Header fields by folded label (no marks, lowercase), with their lines.
    private(set) var fields: [String: Line] = [:]
    /// Fields given more than once, by folded label: the later lines.
    private(set) var repeated: [String: [Line]] = [:]
    /// Sections by folded name, their lines in order (blank lines kept, comments dropped).
    private(set) var sections: [String: [Line]] = [:]
    /// Where each section starts.
    private(set) var sectionLines: [String: Int] = [:]
    /// Lines that fit nowhere (text before any section that is not `Label: value`).
    private(set) var strays: [Line] = []
    /// Lines holding a control character no one types (C0 other than tab, DEL, C1), with the
    /// character's code: refused, never stored.
    private(set) var controls: [(line: Int, code: String)] = []

    /// Reads `text` (the bytes of the file, decoded as UTF-8).
    package init(_ text: String) {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        var section: String?
        var number = 0
        // "\r\n" is one Character in Swift: split on any line break, CRLF, LF or CR.
        for raw in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            if let control = TextNormalization.firstControl(String(raw)) {
                controls.append((number, "U+" + String(format: "%04X", control.value)))
            }
            // No-break and other Unicode spaces as spaces, zero-width and format characters
            // dropped, Ð and Ɖ as Đ: text copied from Word, Excel or a chat reads as typed.
            let line = TextNormalization.cleaned(String(raw))
            let trimmed = TextNormalization.trimmed(line)
            if trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
                let name = Self.key(String(trimmed.dropFirst().dropLast()))
                section = name
                sections[name, default: []] = sections[name] ?? []
                sectionLines[name] = number
                continue
            }
            if let section {
                sections[section, default: []].append(Line(number: number, text: trimmed))
                continue
            }
            guard !trimmed.isEmpty else { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                strays.append(Line(number: number, text: trimmed))
                continue
            }
            let label = Self.key(String(trimmed[..<colon]))
            let value = TextNormalization.trimmed(String(trimmed[trimmed.index(after: colon)...]))
            let written = TextNormalization.collapsed(String(trimmed[..<colon]))
            if fields[label] != nil {
                repeated[label, default: []].append(Line(number: number, text: value, label: written))
            } else {
                fields[label] = Line(number: number, text: value, label: written)
            }
        }
    }

    /// A label or section name as looked up: no marks, lowercase, single spaces.
    static func key(_ text: String) -> String {
        VietnameseText.fold(TextNormalization.collapsed(text))
    }

    /// The field under `label` (any spelling with or without marks), if written.
    package func field(_ label: String) -> Line? { fields[Self.key(label)] }

    /// Every value of a field that may be given several times (guests), in order.
    func all(_ label: String) -> [Line] {
        let key = Self.key(label)
        return (fields[key].map { [$0] } ?? []) + (repeated[key] ?? [])
    }

    /// The lines of `section`, or `nil` when the form has no such section.
    func section(_ name: String) -> [Line]? { sections[Self.key(name)] }

    /// The line where `section` starts, or 0.
    func sectionLine(_ name: String) -> Int { sectionLines[Self.key(name)] ?? 0 }

    /// Paragraphs of a section: runs of non-blank lines joined by a space; each with the line
    /// it starts on.
    func paragraphs(_ name: String) -> [Line] {
        var result: [Line] = []
        var current: [Line] = []
        func flush() {
            guard let first = current.first else { return }
            result.append(Line(number: first.number, text: current.map(\.text).joined(separator: " ")))
            current = []
        }
        for line in section(name) ?? [] {
            if line.text.isEmpty { flush() } else { current.append(line) }
        }
        flush()
        return result
    }

    /// Items of a list section: non-blank lines, without a leading `-`, `•` or `1.`.
    func items(_ name: String) -> [Line] {
        (section(name) ?? []).compactMap { line in
            var text = Substring(line.text)
            if text.hasPrefix("-") || text.hasPrefix("•") || text.hasPrefix("*") {
                text = text.dropFirst()
            } else if let dot = text.firstIndex(where: { $0 == "." || $0 == ")" }),
                !text[..<dot].isEmpty, text[..<dot].allSatisfy(\.isNumber)
            {
                text = text[text.index(after: dot)...]
            }
            let item = TextNormalization.trimmed(String(text))
            return item.isEmpty ? nil : Line(number: line.number, text: item)
        }
    }
}

/// Reading people and words in a form: members by id or full name, Vietnamese words with or
/// without their marks.
struct FormVocabulary {
    /// The members of the cell (all, any date).
    let members: [Member]

    enum MemberMatch {
        case found(Member)
        /// None is called that: the closest names of the cell, perhaps none.
        case unknown(closest: [Member])
        case ambiguous([Member])
    }

    /// The member a form names: `Họ tên [id]`, an id, or a full name (`NameMatch.findPerson`:
    /// with marks, tone placement aside, then without). Annotations in parentheses ("(dự bị)")
    /// are ignored.
    func member(_ written: String) -> MemberMatch {
        var text = written
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            text.removeSubrange(open...close)
        }
        if let open = text.lastIndex(of: "["), let close = text.lastIndex(of: "]"), open < close {
            let id = TextNormalization.trimmed(String(text[text.index(after: open)..<close]))
            if let member = members.first(where: { $0.id == id }) { return .found(member) }
            return .unknown(closest: [])
        }
        let byID = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let people = members.map { (id: $0.id, name: $0.fullName) }
        var match = NameMatch.findPerson(text, among: people)
        // "đồng chí Hà Văn Lợi", "đ/c Lợi": the form of address minutes are written with. Tried
        // only when the name as written is nobody's (a member may be named Đồng Chí …).
        if case .none = match, let name = Self.withoutFormOfAddress(text) {
            let bare = NameMatch.findPerson(name, among: people)
            if case .none = bare {} else { match = bare }
        }
        switch match {
        case .found(let id): return byID[id].map { .found($0) } ?? .unknown(closest: [])
        case .ambiguous(let candidates): return .ambiguous(candidates.compactMap { byID[$0.id] })
        case .none(let closest): return .unknown(closest: closest.compactMap { byID[$0.id] })
        }
    }

    /// `text` without a leading "đồng chí", "đ/c" or "đc" (with or without marks), or nil when it
    /// has none or nothing follows it.
    static func withoutFormOfAddress(_ text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        let folded = words.map { VietnameseText.fold(String($0)) }
        let dropped =
            folded.count > 2 && folded[0] == "dong" && folded[1] == "chi"
            ? 2 : folded.count > 1 && ["d/c", "dc", "d.c"].contains(folded[0]) ? 1 : 0
        return dropped == 0 ? nil : words.dropFirst(dropped).joined(separator: " ")
    }

    /// A member written the way forms write them: `Họ tên [id]`.
    static func written(_ member: Member) -> String { "\(member.fullName) [\(member.id)]" }
}
