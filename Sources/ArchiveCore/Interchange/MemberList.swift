import CSV
import Foundation

/// A committee's member list as a spreadsheet saves it (CSV: UTF-8 with or without a BOM,
/// comma or semicolon between fields, RFC 4180 quotes), read into new members of one cell.
///
/// The first row names the columns, in Vietnamese, with or without marks, in any order:
/// "Họ và tên" (or "Họ tên"; required), "Năm sinh", "Ngày kết nạp" (required), "Ngày chính
/// thức" (or "Ngày công nhận chính thức"), "Ngày vào chi bộ" (or "Ngày chuyển đến"); others
/// ("STT", "Ghi chú") are left aside; messages name a column by its heading as the file
/// writes it. Dates as people write them (28/12/2024) or ISO. Rows are numbered as the
/// spreadsheet numbers them: the header is row 1.
///
/// ```swift
/// let list = MemberList.read(Data("Họ và tên;Ngày kết nạp\nLò Thị Hoa;02/03/2024\n".utf8), cellID: "cb-a")
/// list.entries.first?.member.fullName   // "Lò Thị Hoa"
/// list.problems                         // []
/// ```
public struct MemberList: Sendable {
    /// One member of the list, with its row.
    public struct Entry: Sendable, Hashable {
        /// The row in the spreadsheet (the header is row 1).
        public var row: Int
        /// The member it enters.
        public var member: NewMember
    }

    /// Something wrong in one row (0: the file as a whole), in Vietnamese.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The row in the spreadsheet; 0 for the file as a whole.
        public var row: Int
        /// What is wrong, one sentence without a final full stop.
        public var message: String

        /// "dòng 3: …", or the message alone for the whole file.
        public var description: String { row == 0 ? message : "dòng \(row): \(message)" }
    }

    /// The rows read as members.
    public var entries: [Entry]
    /// The rows that could not be read; nothing may be loaded while there is one.
    public var problems: [Problem]
    /// Each column's heading as the file writes it ("Ngày chuyển đến" for the joining day),
    /// so that messages name the column the person sees; a column absent has its own label.
    private var headings: [Column: String] = [:]

    /// The heading of `column` as the file writes it, or its label when absent.
    private func label(_ column: Column) -> String { headings[column] ?? column.label }

    private enum Column: CaseIterable {
        case name, birthYear, admitted, confirmed, joined

        /// The headings that name the column, folded (no marks, lower case, single spaces).
        var headings: Set<String> {
            switch self {
            case .name: ["ho va ten", "ho ten", "ten"]
            case .birthYear: ["nam sinh"]
            case .admitted: ["ngay ket nap", "ngay vao dang"]
            case .confirmed: ["ngay chinh thuc", "ngay cong nhan chinh thuc"]
            case .joined: ["ngay vao chi bo", "ngay chuyen den"]
            }
        }

        var label: String {
            switch self {
            case .name: "Họ và tên"
            case .birthYear: "Năm sinh"
            case .admitted: "Ngày kết nạp"
            case .confirmed: "Ngày chính thức"
            case .joined: "Ngày vào chi bộ"
            }
        }
    }

    /// Reads `data` as the member list of `cellID`; never throws: what cannot be read is a
    /// problem of its row.
    public static func read(_ data: Data, cellID: String) -> MemberList {
        guard let text = String(data: data, encoding: .utf8) else {
            return MemberList(
                entries: [],
                problems: [Problem(row: 0, message: "tệp không phải văn bản UTF-8; hãy lưu bảng tính dạng “CSV UTF-8”")]
            )
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: UnicodeScalar =
            firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        let rows: [[String]]
        do {
            let reader = try CSVReader(stream: InputStream(data: data), trimFields: true, delimiter: delimiter)
            var read: [[String]] = []
            while let row = reader.next() { read.append(row) }
            if reader.error != nil { throw CSVError.cannotReadFile }
            rows = read
        } catch {
            return MemberList(entries: [], problems: [Problem(row: 0, message: "không đọc được tệp CSV")])
        }
        guard let header = rows.first else {
            return MemberList(entries: [], problems: [Problem(row: 0, message: "tệp trống: chưa có dòng tiêu đề")])
        }
        var positions: [Column: Int] = [:]
        for (index, heading) in header.enumerated() {
            let folded = VietnameseText.fold(heading).split(separator: " ").joined(separator: " ")
            if let column = Column.allCases.first(where: { $0.headings.contains(folded) }), positions[column] == nil {
                positions[column] = index
            }
        }
        let headings = positions.mapValues { position in
            TextNormalization.collapsed(header[position].replacingOccurrences(of: "\u{FEFF}", with: ""))
        }
        func label(_ column: Column) -> String { headings[column] ?? column.label }
        let missing = [Column.name, .admitted].filter { positions[$0] == nil }
        guard missing.isEmpty else {
            return MemberList(
                entries: [],
                problems: [
                    Problem(
                        row: 1,
                        message: "dòng tiêu đề thiếu cột "
                            + missing.map { "“\($0.label)”" }.joined(separator: " và "))
                ])
        }
        var entries: [Entry] = []
        var problems: [Problem] = []
        for (index, fields) in rows.enumerated().dropFirst() {
            let row = index + 1
            if fields.allSatisfy({ TextNormalization.trimmed($0).isEmpty }) { continue }
            func value(_ column: Column) -> String {
                guard let position = positions[column], position < fields.count else { return "" }
                return TextNormalization.collapsed(fields[position])
            }
            var rowProblems: [String] = []
            func date(_ column: Column) -> LocalDate? {
                let typed = value(column)
                if typed.isEmpty { return nil }
                let date = LocalDate.typed(typed)
                if let problem = date.problem(label: label(column)) { rowProblems.append(problem) }
                return date.date
            }
            // A row shorter than the header leaves its last columns out: a date left out so is
            // a problem, never read as blank (blank "Ngày vào chi bộ" means the admission day).
            for column in [Column.admitted, .confirmed, .joined] {
                if let position = positions[column], position >= fields.count, !fields.isEmpty {
                    rowProblems.append(
                        "dòng này thiếu ô “\(label(column))” (ít ô hơn dòng tiêu đề): hãy ghi ngày vào ô đó, "
                            + "hoặc để trống ô nếu không có")
                }
            }
            let name = value(.name)
            if name.isEmpty { rowProblems.append("chưa có “\(label(.name))”") }
            let admitted = date(.admitted)
            if value(.admitted).isEmpty, positions[.admitted].map({ $0 < fields.count }) ?? false {
                rowProblems.append("chưa có “\(label(.admitted))”")
            }
            let confirmed = date(.confirmed)
            let joined = date(.joined)
            var birthYear: Int?
            let yearText = value(.birthYear)
            if !yearText.isEmpty {
                birthYear = Int(yearText)
                if birthYear == nil {
                    rowProblems.append("“\(label(.birthYear))” phải là một số, ví dụ 1975: \(yearText)")
                }
            }
            if let admitted, rowProblems.isEmpty {
                entries.append(
                    Entry(
                        row: row,
                        member: NewMember(
                            cellID: cellID, fullName: name, birthYear: birthYear, admitted: admitted,
                            joinedCell: joined, confirmed: confirmed)))
            }
            problems += rowProblems.map { Problem(row: row, message: $0) }
        }
        if entries.isEmpty, problems.isEmpty {
            problems.append(Problem(row: 0, message: "tệp không có đảng viên nào dưới dòng tiêu đề"))
        }
        return MemberList(entries: entries, problems: problems, headings: headings)
    }

    /// The problems the register's rules find in the entries (a date after `today`, a
    /// confirmation before the end of probation, a member already in the cell or twice in the
    /// list with the same name and year of birth…), each at its row; empty when every entry
    /// can be loaded.
    ///
    /// - parameter cells: the cells the entries go into, as they are now (their members).
    public func ruleProblems(today: LocalDate, cells: [Cell] = []) -> [Problem] {
        var earlier: [String: Int] = [:]
        return entries.compactMap { entry in
            do {
                let member = try MemberRules.entering(
                    entry.member, id: "dòng \(entry.row)", temporary: false, today: today)
                if let cell = cells.first(where: { $0.id == entry.member.cellID }) {
                    try MemberRules.checkNotInCell(entry.member, cell: cell)
                }
                let key = "\(VietnameseText.comparable(member.fullName))|\(member.birthYear.map(String.init) ?? "")"
                if member.birthYear != nil, let row = earlier[key] {
                    return Problem(
                        row: entry.row,
                        message: "\(member.fullName), sinh năm \(member.birthYear ?? 0), đã có ở dòng \(row); "
                            + "mỗi người chỉ ghi một dòng")
                }
                earlier[key] = entry.row
                return nil
            } catch let error as ArchiveError {
                return Problem(row: entry.row, message: error.vietnameseDescription)
            } catch {
                return Problem(row: entry.row, message: "\(error)")
            }
        }
    }

    /// The entries that would enter approved minutes which do not name them, each at its row.
    /// A member counts in every meeting of the cell from the day of joining it (the admission
    /// day when "Ngày vào chi bộ" is blank), so one entered before approved minutes changes
    /// what they say (`ApprovedMinutesChange`). A list loads no such row: the joining day is
    /// written, or a member whose day really is so is recorded alone, with confirmation.
    ///
    /// - parameters:
    ///   - cells: the cells the entries go into, as they are now (their members).
    ///   - meetings: the minutes of those cells (drafts are left out).
    public func approvedMinutesProblems(today: LocalDate, cells: [Cell], meetings: [Meeting]) -> [Problem] {
        entries.compactMap { entry in
            guard let cell = cells.first(where: { $0.id == entry.member.cellID }),
                let member = try? MemberRules.entering(
                    entry.member, id: "\u{0}dòng \(entry.row)", temporary: false, today: today)
            else { return nil }
            let changes = MemberRules.approvedMinutesChanges(
                of: meetings.filter { $0.cellID == cell.id }, before: cell.members, after: cell.members + [member])
            guard let first = changes.first, let last = changes.last else { return nil }
            let one = changes.count == 1
            let span =
                one
                ? "biên bản đã thông qua ngày \(first.date.vietnameseShort)"
                : "\(changes.count) biên bản đã thông qua (từ ngày \(first.date.vietnameseShort) "
                    + "đến ngày \(last.date.vietnameseShort))"
            let those = one ? "biên bản đó" : "các biên bản đó"
            let joinedLabel = label(.joined)
            guard let joined = entry.member.joinedCell else {
                return Problem(
                    row: entry.row,
                    message: "chưa ghi “\(joinedLabel)” nên lấy ngày kết nạp \(member.admitted.vietnameseShort), "
                        + "mà như thế thì số liệu của \(span) sẽ đổi vì \(those) không có tên đồng chí; "
                        + "hãy ghi ngày đồng chí vào chi bộ (sau ngày \(last.date.vietnameseShort) "
                        + "nếu đồng chí chưa dự \(one ? "kỳ" : "các kỳ") đó)")
            }
            return Problem(
                row: entry.row,
                message: "“\(joinedLabel)” \(joined.vietnameseShort) làm đổi số liệu của \(span), "
                    + "vì \(those) không có tên đồng chí; hãy xem lại ngày đó, và nếu đúng là như vậy "
                    + "thì ghi riêng đồng chí này (chuyển đến, có xác nhận) thay vì nạp theo danh sách")
        }
    }

    /// Every warning of the list, in row order: `namesakeWarnings(cells:)` and
    /// `longProbationWarnings(today:)`. Such rows load.
    public func warnings(today: LocalDate, cells: [Cell]) -> [Problem] {
        (namesakeWarnings(cells: cells) + longProbationWarnings(today: today)).inRowOrder
    }

    /// The rows admitted more than 12 months before `today` (`MemberRules.endOfProbation`)
    /// with no "Ngày chính thức": they load as probationary members, which is right only if
    /// the member has not been confirmed since. One warning each; such rows load.
    public func longProbationWarnings(today: LocalDate) -> [Problem] {
        entries.compactMap { entry in
            guard entry.member.confirmed == nil,
                MemberRules.endOfProbation(admitted: entry.member.admitted) < today
            else { return nil }
            let confirmedLabel = label(.confirmed)
            return Problem(
                row: entry.row,
                message: "kết nạp đã hơn 12 tháng mà chưa ghi “\(confirmedLabel)”: sẽ nạp là đảng viên dự bị; "
                    + "nếu đồng chí đã là đảng viên chính thức, hãy ghi ngày đó")
        }
    }

    /// The warnings of the list, each at its row: a member whose name is that of a member
    /// still in the cell with another or no year of birth ("Chi bộ đã có đồng chí … — nếu là
    /// người khác, không sao"); such rows load.
    public func namesakeWarnings(cells: [Cell]) -> [Problem] {
        entries.compactMap { entry in
            guard let cell = cells.first(where: { $0.id == entry.member.cellID }) else { return nil }
            let namesakes = MemberRules.namesakes(of: entry.member.fullName, in: cell)
            return MemberRules.namesakeWarning(namesakes).map { Problem(row: entry.row, message: $0) }
        }
    }
}

extension [MemberList.Problem] {
    /// The problems by row, the file as a whole (row 0) first; those of one row keep their
    /// order. Every front end shows a list's problems and warnings so.
    public var inRowOrder: [MemberList.Problem] {
        enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element)
    }
}
