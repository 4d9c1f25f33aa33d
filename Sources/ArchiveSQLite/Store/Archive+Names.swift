import ArchiveCore
import GRDB

extension Archive {
    /// The identifier of the cell or committee `typed` names (`NameMatch`): "cb-na-pan",
    /// "Chi bộ thôn Nà Pàn", "Nà Pàn" and "na pan" all give `cb-na-pan`.
    ///
    /// - parameter kind: `.cell` or `.organization`; any other kind is looked up by code only.
    /// - throws: `ArchiveError.noSuchName` with the closest names, `ArchiveError.ambiguousName`
    ///   with every candidate.
    public func identifier(naming typed: String, kind: RecordKind) async throws -> String {
        let table: String
        switch kind {
        case .cell: table = "cell"
        case .organization: table = "organization"
        default: return typed
        }
        let candidates = try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)").map {
                (id: $0[0] as String, name: $0[1] as String)
            }
        }
        switch NameMatch.find(typed, among: candidates) {
        case .found(let id): return id
        case .ambiguous(let found): throw ArchiveError.ambiguousName(typed: typed, kind: kind, candidates: found)
        case .none(let closest):
            if kind == .cell {
                let committees = try await pool.read { db in
                    try Row.fetchAll(db, sql: "SELECT id, name FROM organization").map {
                        (id: $0[0] as String, name: $0[1] as String)
                    }
                }
                if case .found(let id) = NameMatch.find(typed, among: committees),
                    let name = committees.first(where: { $0.id == id })?.name
                {
                    throw ArchiveError.committeeNotCell(typed: typed, organization: name)
                }
            }
            throw ArchiveError.noSuchName(typed: typed, kind: kind, closest: closest)
        }
    }

    /// The record `typed` names: its code, or a cell and a day ("Nà Pàn 28/12/2024", "Nà Pàn
    /// ngày 28/12/2024", "cb-na-pan 2024-12-28") for that cell's minutes of the day (issue 11,
    /// item 9).
    ///
    /// - returns: `typed` itself when it is a record's code (of any kind).
    /// - throws: `ArchiveError.noSuchRecord` with the closest codes when `typed` is one word
    ///   and no record's code; `ArchiveError.noSuchName` (kind `.meeting`, with the cell's
    ///   minutes nearest in date) when the cell held none that day, or with none when `typed`
    ///   is several words that end in no day; `ArchiveError.dayMistyped` when the last word is
    ///   a day with a two-digit year ("15/12/24"); `ArchiveError.ambiguousName`
    ///   when it held several; what `identifier(naming:kind:)` throws for the cell.
    ///
    /// - parameter expected: `.meeting` or `.document` when the command works on one kind
    ///   only: a code of the other kind is refused as such (`ArchiveError.wrongKind`), and the
    ///   closest codes offered are of that kind.
    public func recordID(naming typed: String, expecting expected: RecordKind? = nil) async throws -> String {
        let text = TextNormalization.collapsed(typed)
        let kinds = try await pool.read { db in try db.recordKinds(holding: text) }
        if let expected, let kind = kinds.first, !kinds.contains(expected) {
            throw ArchiveError.wrongKind(id: text, kind: kind, expected: expected)
        }
        if !kinds.isEmpty { return text }
        var words = text.split(separator: " ").map(String.init)
        // A day whose year has two digits is said so, as `--date` and the forms say it,
        // never read as year 0024 nor offered as a name nobody has.
        if let last = words.last, case .twoDigitYear = LocalDate.typed(last) {
            throw ArchiveError.dayMistyped(typed: text, day: LocalDate.typed(last))
        }
        // So is a day that does not exist ("Nà Pàn 31/02/2024"), rather than no such name.
        if words.count >= 2, let last = words.last, case .invalid = LocalDate.typed(last),
            LocalDate.Typed.impossibleDay(last) != nil
        {
            throw ArchiveError.dayMistyped(typed: text, day: LocalDate.typed(last))
        }
        if words.count <= 1 {
            throw ArchiveError.noSuchRecord(typed: text, closest: try await closestRecords(to: text, kind: expected))
        }
        guard words.count >= 2, let last = words.popLast(), case .date(let day) = LocalDate.typed(last) else {
            // Several words that end in no day: no code, and no cell and day either.
            throw ArchiveError.noSuchName(typed: text, kind: .meeting, closest: [])
        }
        // "Nà Pàn ngày 15/12/2024", "Nà Pàn, 15/12/2024": the word and the comma people put
        // between the cell and the day.
        if words.count >= 2, let word = words.last, VietnameseText.fold(word) == "ngay" { words.removeLast() }
        if let word = words.last, word.hasSuffix(",") { words[words.count - 1] = String(word.dropLast()) }
        let cellID = try await identifier(naming: words.joined(separator: " "), kind: .cell)
        let (ofDay, nearest) = try await pool.read { db in
            let ofDay = try Row.fetchAll(
                db, sql: "SELECT id, kind FROM meeting WHERE cell_id = ? AND date = ? ORDER BY start_time, id",
                arguments: [cellID, day.description])
            let nearest = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, date FROM meeting WHERE cell_id = ?
                    ORDER BY abs(julianday(date) - julianday(?)), date, id LIMIT 3
                    """, arguments: [cellID, day.description])
            return (ofDay, nearest)
        }
        func candidate(_ row: Row, date: LocalDate) -> NameMatch.Candidate {
            let kind = Meeting.Kind(rawValue: row["kind"]).map(\.vietnameseName) ?? ""
            return NameMatch.Candidate(id: row["id"], name: "kỳ \(kind) ngày \(date.vietnameseShort)")
        }
        if ofDay.count == 1 { return ofDay[0]["id"] }
        if ofDay.count > 1 {
            throw ArchiveError.ambiguousName(
                typed: text, kind: .meeting, candidates: ofDay.map { candidate($0, date: day) })
        }
        throw ArchiveError.noSuchName(
            typed: text, kind: .meeting,
            closest: nearest.map { candidate($0, date: LocalDate($0["date"]) ?? day) })
    }

    /// The minutes and documents whose codes are closest to `typed` (at most three edits, the
    /// nearest first, at most `limit`; case aside), each named as people know it: "kỳ thường kỳ ngày
    /// 15/12/2024, Chi bộ thôn Nà Pàn", "nghị quyết 23-NQ/CB, Chi bộ thôn Nà Pàn". A title
    /// is never shown: it may be a confidential document's.
    func closestRecords(to typed: String, kind: RecordKind? = nil, limit: Int = 3) async throws -> [NameMatch.Candidate]
    {
        // Nothing to compare an empty or very long code with: no code is near it.
        guard !typed.isEmpty, typed.count <= 200 else { return [] }
        return try await pool.read { db in
            var scored: [(distance: Int, shared: Int, id: String)] = []
            let sql =
                switch kind {
                case .meeting?: "SELECT id FROM meeting"
                case .document?: "SELECT id FROM document"
                default: "SELECT id FROM meeting UNION ALL SELECT id FROM document"
                }
            let rows = try Row.fetchCursor(db, sql: sql)
            let lowered = typed.lowercased()
            while let row = try rows.next() {
                let id: String = row[0]
                if let distance = EditDistance.between(lowered, id.lowercased(), atMost: 3) {
                    let shared = zip(lowered, id.lowercased()).prefix { $0 == $1 }.count
                    scored.append((distance, shared, id))
                }
            }
            // Fewest edits, then the longest start in common ("np-2024-13": np-2024-12 before
            // np-2024-03), then the code.
            scored.sort { ($0.distance, -$0.shared, $0.id) < ($1.distance, -$1.shared, $1.id) }
            let reader = RecordReader(db: db)
            return try scored.prefix(limit).map { candidate in
                let id = candidate.id
                if let row = try Row.fetchOne(
                    db,
                    sql: "SELECT m.kind, m.date, c.name FROM meeting m JOIN cell c ON c.id = m.cell_id WHERE m.id = ?",
                    arguments: [id])
                {
                    let kind = Meeting.Kind(rawValue: row[0]).map(\.vietnameseName) ?? ""
                    let date = LocalDate(row[1] as String).map(\.vietnameseShort) ?? (row[1] as String)
                    return NameMatch.Candidate(id: id, name: "kỳ \(kind) ngày \(date), \(row[2] as String)")
                }
                let documentRow = try Row.fetchOne(db, sql: "SELECT * FROM document WHERE id = ?", arguments: [id])
                guard let document = try documentRow.map({ try reader.document($0, withAttachments: false) }),
                    let cell = try reader.cell(id: document.cellID, withMembers: false)
                else { return NameMatch.Candidate(id: id, name: id) }
                let kind = document.kind.vietnameseName.lowercased()
                let which =
                    document.symbol(issuerCode: cell.issuerCode) ?? "dự thảo ngày \(document.date.vietnameseShort)"
                return NameMatch.Candidate(id: id, name: "\(kind) \(which), \(cell.name)")
            }
        }
    }

    /// The record of any kind `typed` names, for `show` and `log` (issue 11, item 9): a code;
    /// a cell and a day for its minutes (`recordID(naming:expecting:)`); or the name of a cell
    /// or committee (`NameMatch.find`) or of a member (`NameMatch.findPerson`, unique in the
    /// archive).
    ///
    /// - throws: `ArchiveError.noSuchRecord` for one word near minutes' and documents' codes
    ///   only (with them); `ArchiveError.noRecordNamed` with the closest names and codes of
    ///   every kind otherwise; `ArchiveError.ambiguousName` when several records of one kind
    ///   answer, `ArchiveError.ambiguousRecord` when records of several kinds do; what
    ///   `recordID(naming:expecting:)` throws for a cell and a day (`ArchiveError.dayMistyped`
    ///   for a day with a two-digit year).
    public func anyRecordID(naming typed: String) async throws -> String {
        let text = TextNormalization.collapsed(typed)
        let words = text.split(separator: " ")
        // A cell and a day; or a day with a two-digit year alone, which `recordID` says is one.
        let lastDay = words.last.map { LocalDate.typed(String($0)) }
        if let lastDay, lastDay.isDay, words.count >= 2 || lastDay.date == nil {
            return try await recordID(naming: text)
        }
        // A cell and a day that does not exist ("Nà Pàn 31/02/2024"): `recordID` says why.
        if words.count >= 2, let last = words.last, LocalDate.Typed.impossibleDay(String(last)) != nil {
            return try await recordID(naming: text)
        }
        let (kinds, cells, organizations, people) = try await pool.read { db in
            (
                try db.recordKinds(holding: text),
                try Self.namesAndCodes(db, sql: "SELECT id, name FROM cell"),
                try Self.namesAndCodes(db, sql: "SELECT id, name FROM organization"),
                try Self.people(db, cellID: nil)
            )
        }
        if !kinds.isEmpty { return text }
        if text.isEmpty { throw ArchiveError.noSuchRecord(typed: text, closest: []) }
        let persons = people.map { (id: $0.id, name: $0.name) }
        let names: [RecordKind: [(id: String, name: String)]] = [
            .cell: cells, .organization: organizations, .member: persons,
        ]
        let matches: [(RecordKind, NameMatch)] = [
            (.cell, NameMatch.find(text, among: cells)),
            (.organization, NameMatch.find(text, among: organizations)),
            (.member, NameMatch.findPerson(text, among: persons)),
        ]
        func labelled(_ candidate: NameMatch.Candidate, _ kind: RecordKind) -> NameMatch.Candidate {
            guard kind == .member, let person = people.first(where: { $0.id == candidate.id }) else { return candidate }
            return NameMatch.Candidate(id: person.id, name: "\(person.name), \(person.cellName)")
        }
        var answers: [(kind: RecordKind, candidate: NameMatch.Candidate)] = []
        for (kind, match) in matches {
            switch match {
            case .found(let id):
                let name = names[kind]?.first { $0.id == id }?.name ?? id
                answers.append((kind, labelled(NameMatch.Candidate(id: id, name: name), kind)))
            case .ambiguous(let found): answers += found.map { (kind, labelled($0, kind)) }
            case .none: break
            }
        }
        if answers.count == 1 { return answers[0].candidate.id }
        if let kind = answers.first?.kind {
            if answers.allSatisfy({ $0.kind == kind }) {
                throw ArchiveError.ambiguousName(typed: text, kind: kind, candidates: answers.map(\.candidate))
            }
            throw ArchiveError.ambiguousRecord(typed: text, candidates: answers.map(\.candidate))
        }
        // None: the closest codes of cells, committees and members, then of minutes and
        // documents, then the closest names.
        let records = try await closestRecords(to: text, kind: nil)
        let others = Self.closestCodes(
            to: text,
            among: cells + organizations + people.map { (id: $0.id, name: "\($0.name), \($0.cellName)") })
        if words.count == 1, others.isEmpty {
            throw ArchiveError.noSuchRecord(typed: text, closest: records)
        }
        var closest = others + records
        for (kind, match) in matches {
            if case .none(let near) = match { closest += near.map { labelled($0, kind) } }
        }
        var seen = Set<String>()
        closest = closest.filter { seen.insert($0.id).inserted }
        throw ArchiveError.noRecordNamed(typed: text, closest: Array(closest.prefix(5)))
    }

    /// The member `typed` names (issue 11, item 9): a member's code, or a full name with or
    /// without marks (`NameMatch.findPerson`), within `cellID` when given, else in the whole
    /// archive.
    ///
    /// - throws: `ArchiveError.wrongKind` for another kind of record's code;
    ///   `ArchiveError.noSuchName` (kind `.member`) with the closest names and codes;
    ///   `ArchiveError.ambiguousName` with every namesake, each with its cell and code.
    public func memberID(naming typed: String, cellID: String? = nil) async throws -> String {
        let text = TextNormalization.collapsed(typed)
        let (kinds, people) = try await pool.read { db in
            (try db.recordKinds(holding: text), try Self.people(db, cellID: cellID))
        }
        if kinds.contains(.member) { return text }
        if let kind = kinds.first { throw ArchiveError.wrongKind(id: text, kind: kind, expected: .member) }
        func labelled(_ candidate: NameMatch.Candidate) -> NameMatch.Candidate {
            guard let person = people.first(where: { $0.id == candidate.id }) else { return candidate }
            return NameMatch.Candidate(id: person.id, name: "\(person.name), \(person.cellName)")
        }
        switch NameMatch.findPerson(text, among: people.map { (id: $0.id, name: $0.name) }) {
        case .found(let id): return id
        case .ambiguous(let found):
            throw ArchiveError.ambiguousName(typed: text, kind: .member, candidates: found.map(labelled))
        case .none(let closest):
            let byCode = Self.closestCodes(to: text, among: people.map { (id: $0.id, name: $0.name) }).map(labelled)
            var seen = Set<String>()
            let both = (byCode + closest.map(labelled)).filter { seen.insert($0.id).inserted }
            throw ArchiveError.noSuchName(typed: text, kind: .member, closest: Array(both.prefix(3)))
        }
    }

    /// Members with their cells' names, of `cellID` or of every cell.
    private static func people(
        _ db: Database, cellID: String?
    ) throws -> [(id: String, name: String, cellName: String)] {
        try Row.fetchAll(
            db,
            sql: "SELECT m.id, m.full_name, c.name FROM member m JOIN cell c ON c.id = m.cell_id"
                + (cellID == nil ? "" : " WHERE m.cell_id = ?"),
            arguments: StatementArguments(cellID.map { [$0] } ?? [])
        ).map { (id: $0[0], name: $0[1], cellName: $0[2]) }
    }

    private static func namesAndCodes(_ db: Database, sql: String) throws -> [(id: String, name: String)] {
        try Row.fetchAll(db, sql: sql).map { (id: $0[0] as String, name: $0[1] as String) }
    }

    /// The candidates whose codes are within an edit of `typed` (two from eight letters; case
    /// aside), nearest first, at most three: "np-99" finds np-09, not np-01.
    private static func closestCodes(
        to typed: String, among candidates: [(id: String, name: String)]
    ) -> [NameMatch.Candidate] {
        guard !typed.isEmpty, typed.count <= 200, !typed.contains(" ") else { return [] }
        let lowered = typed.lowercased()
        let allowed = typed.count >= 8 ? 2 : 1
        return candidates.compactMap { candidate in
            EditDistance.between(lowered, candidate.id.lowercased(), atMost: allowed).map { (candidate, $0) }
        }.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }.prefix(3).map {
            NameMatch.Candidate(id: $0.0.id, name: $0.0.name)
        }
    }

    /// The cell a form's `Chi bộ:` line names when it is no cell's code: by name as `--cell`
    /// takes it (`NameMatch.find`), the name before a `[code]` that is no cell's taken.
    ///
    /// - throws: `ArchiveError.formRefused` at `line`, with the closest cells or the
    ///   candidates.
    static func namedCell(_ db: Database, written: String, line: Int, file: String) throws -> Cell {
        var name = written
        if let open = written.lastIndex(of: "["), let close = written.lastIndex(of: "]"), open < close {
            let before = TextNormalization.trimmed(String(written[..<open]))
            name = before.isEmpty ? String(written[written.index(after: open)..<close]) : before
        }
        let cells = try namesAndCodes(db, sql: "SELECT id, name FROM cell")
        func listed(_ candidates: [NameMatch.Candidate]) -> String {
            candidates.map { "\($0.name) [\($0.id)]" }.joined(separator: "; ")
        }
        let message: String
        switch NameMatch.find(name, among: cells) {
        case .found(let id):
            if let cell = try RecordReader(db: db).cell(id: id) { return cell }
            message = "không có chi bộ “\(written)” trong kho"
        case .ambiguous(let found):
            message = "“\(written)” có thể là \(found.count) chi bộ: \(listed(found)); hãy ghi kèm mã trong ngoặc vuông"
        case .none(let closest):
            message =
                "không có chi bộ “\(written)” trong kho"
                + (closest.isEmpty
                    ? "; ghi tên hoặc mã chi bộ như trong danh sách chi bộ" : "; có phải: \(listed(closest))?")
        }
        throw ArchiveError.formRefused([FormProblem(file: file, line: line, message: message)])
    }

    /// The cell's meetings, identifier → date, for a document form's `Thông qua tại kỳ sinh
    /// hoạt` (`DocumentForm.read`).
    static func meetingDates(_ db: Database, cellID: String) throws -> [String: LocalDate] {
        var dates: [String: LocalDate] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, date FROM meeting WHERE cell_id = ?", arguments: [cellID]) {
            if let date = LocalDate(row[1] as String) { dates[row[0]] = date }
        }
        return dates
    }
}
