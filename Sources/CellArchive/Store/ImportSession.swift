import GRDB
import LibXML

/// One import, inside one write transaction: reads each file with the validating streaming
/// reader, checks every record against the archive and the rules of the format, writes it,
/// and collects every problem instead of stopping at the first.
///
/// References that may point forward within the files (a task reported on before the
/// document that assigns it, a parent committee, a superseded document) are parked in a
/// temporary table and resolved at the end, so memory stays bounded on large files.
final class ImportSession {
    private let db: Database
    private let reader: RecordReader
    private let writer: RecordWriter
    private(set) var report = ImportReport()
    private var problems: [(file: String, problem: SourceProblem)] = []
    private var files: [String] = []
    /// Member → cell, filled lazily from the database and as cells are written.
    private var memberCells: [String: String] = [:]
    /// Cell → issuer code, for symbols.
    private var issuerCodes: [String: String] = [:]
    /// Past this many problems, the import stops reading: the file is badly broken.
    private let problemLimit = 200

    init(db: Database) throws {
        self.db = db
        reader = RecordReader(db: db)
        writer = RecordWriter(db: db)
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS pending_reference (
                    kind TEXT NOT NULL, target TEXT NOT NULL, file INTEGER NOT NULL,
                    line INTEGER NOT NULL, attribute TEXT NOT NULL);
                DELETE FROM pending_reference;
                """)
    }

    var hasProblems: Bool { !problems.isEmpty }
    private var full: Bool { problems.count >= problemLimit }

    private func add(_ problem: SourceProblem, file: Int) {
        problems.append((files[file], problem))
    }

    private func add(_ message: String, line: Int, needle: String? = nil, file: Int) {
        add(SourceProblem(line: line, needle: needle, message: message), file: file)
    }

    // MARK: Files

    /// Reads and applies one file.
    func importFile(_ path: String, schema: XMLSchema) {
        let file = files.count
        files.append(path)
        report.files += 1
        let xml: XMLPullReader
        do {
            xml = try XMLPullReader(path: path, schema: schema)
        } catch {
            add("không mở được tệp: \(error)", line: 0, file: file)
            return
        }
        var decoder = ArchiveDecoder()
        if let root = xml.readRoot() {
            if root.namespace != ArchiveFormat.namespace || root.name != "archive" {
                let found = root.namespace.map { "không gian tên \($0)" } ?? "không có không gian tên"
                add(
                    "không phải tệp lưu trữ Sổ Chi Bộ: phần tử gốc <\(root.name)>, \(found) "
                        + "(cần <archive> trong \(ArchiveFormat.namespace))", line: root.line, file: file)
            } else {
                var reported = 0
                while !full, let element = xml.nextChild() {
                    let schemaComplained = xml.diagnostics.count > reported
                    reported = xml.diagnostics.count
                    // The schema has already said what is wrong with this record.
                    guard !schemaComplained, let record = decoder.decode(element) else { continue }
                    apply(record, file: file)
                }
                xml.finish()
            }
        }
        for problem in decoder.problems { add(problem, file: file) }
        for diagnostic in xml.diagnostics where diagnostic.severity != .warning {
            problems.append(
                (path, SourceProblem(line: diagnostic.line, needle: nil, message: Self.describe(diagnostic))))
            columnsFromParser[problems.count - 1] = diagnostic.column
        }
    }

    /// Columns libxml2 gave, by problem index (the others are found by `SourceLocator`).
    private var columnsFromParser: [Int: Int] = [:]

    private static func describe(_ diagnostic: XMLDiagnostic) -> String {
        switch diagnostic.severity {
        case .fatal:
            if diagnostic.message.hasPrefix("a DOCTYPE") || diagnostic.message.hasPrefix("entity") {
                return "nội dung bị từ chối: \(diagnostic.message)"
            }
            if diagnostic.message.contains("Detected an entity reference loop")
                || diagnostic.message.contains("amplification")
            {
                return "nội dung bị từ chối (bom mở rộng thực thể): \(diagnostic.message)"
            }
            return "XML sai cú pháp: \(diagnostic.message)"
        case .error, .warning:
            return "không đúng lược đồ archive-1.xsd: \(diagnostic.message)"
        }
    }

    // MARK: Records

    private func apply(_ record: DecodedRecord, file: Int) {
        let before = problems.count
        do {
            switch record.value {
            case .organization(let organization): try apply(organization, record, file: file)
            case .cell(let cell, let memberLines): try apply(cell, memberLines: memberLines, record, file: file)
            case .meeting(let meeting): try apply(meeting, record, file: file)
            case .document(let document): try apply(document, record, file: file)
            }
        } catch let error as DatabaseError {
            if problems.count == before {
                add("không ghi được bản ghi: \(error.message ?? "\(error)")", line: record.line, file: file)
            }
        } catch {
            add("không ghi được bản ghi: \(error)", line: record.line, file: file)
        }
    }

    private func needle(_ reference: SourceReference) -> String { "\(reference.attribute)=\"\(reference.id)\"" }

    private func exists(_ table: String, _ id: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id])
            ?? false
    }

    private func park(_ reference: SourceReference, file: Int) throws {
        try db.cachedStatement(
            sql: "INSERT INTO pending_reference (kind, target, file, line, attribute) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [reference.kind.rawValue, reference.id, file, reference.line, reference.attribute])
    }

    private func cellOfMember(_ id: String) throws -> String? {
        if let cell = memberCells[id] { return cell }
        let cell = try reader.cellID(ofMember: id)
        if let cell { memberCells[id] = cell }
        return cell
    }

    private func issuerCode(ofCell id: String) throws -> String? {
        if let code = issuerCodes[id] { return code }
        let code = try String.fetchOne(db, sql: "SELECT issuer_code FROM cell WHERE id = ?", arguments: [id])
        if let code { issuerCodes[id] = code }
        return code
    }

    /// Checks the references of a meeting or document of `cellID`; returns whether all hold.
    private func checkReferences(_ record: DecodedRecord, cellID: String, file: Int) throws -> Bool {
        var valid = true
        for reference in record.references {
            let message: String?
            switch reference.kind {
            case .cell:
                message = try issuerCode(ofCell: reference.id) == nil ? "chi bộ \(reference.id) không có trong tệp hay trong kho" : nil
            case .member:
                if let memberCell = try cellOfMember(reference.id) {
                    message = memberCell == cellID ? nil : "đảng viên \(reference.id) thuộc chi bộ \(memberCell), không thuộc chi bộ \(cellID)"
                } else {
                    message = "đảng viên \(reference.id) không có trong tệp hay trong kho"
                }
            case .meeting:
                let meetingCell = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT cell_id FROM meeting WHERE id = ?"), arguments: [reference.id])
                if let meetingCell {
                    message = meetingCell == cellID ? nil : "kỳ sinh hoạt \(reference.id) là của chi bộ \(meetingCell), không phải \(cellID)"
                } else {
                    message = "kỳ sinh hoạt \(reference.id) không có trong tệp hay trong kho"
                }
            case .term:
                let found = try Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM term WHERE cell_id = ? AND id = ?)"),
                    arguments: [cellID, reference.id]) ?? false
                message = found ? nil : "nhiệm kỳ \(reference.id) không có trong chi bộ \(cellID)"
            case .task, .document, .organization:
                let table = reference.kind == .task ? "task" : reference.kind.rawValue
                if try !exists(table, reference.id) { try park(reference, file: file) }
                message = nil
            }
            if let message {
                add(message, line: reference.line, needle: needle(reference), file: file)
                valid = false
            }
        }
        return valid
    }

    private func apply(_ organization: Organization, _ record: DecodedRecord, file: Int) throws {
        if organization.parentID == organization.id {
            add("đảng bộ \(organization.id) không thể là cấp trên của chính mình", line: record.line, needle: "parent=", file: file)
            return
        }
        _ = try checkReferences(record, cellID: "", file: file)
        let old = try reader.organization(id: organization.id)
        report.count(.organization, id: organization.id, old: old != nil, changed: old != organization)
        try writer.write(organization)
    }

    private func apply(_ cell: Cell, memberLines: [String: Int], _ record: DecodedRecord, file: Int) throws {
        for reference in record.references where reference.kind == .organization {
            if try !exists("organization", reference.id) {
                add("đảng bộ \(reference.id) không có trong tệp hay trong kho", line: reference.line, needle: needle(reference), file: file)
                return
            }
        }
        var valid = true
        for member in cell.members {
            if let otherCell = try cellOfMember(member.id), otherCell != cell.id {
                add(
                    "đảng viên \(member.id) đã thuộc chi bộ \(otherCell); một đảng viên chuyển chi bộ cần mã mới",
                    line: memberLines[member.id] ?? record.line, needle: "id=\"\(member.id)\"", file: file)
                valid = false
            }
        }
        guard valid else { return }
        let old = try reader.cell(id: cell.id, withMembers: false)
        let oldMembers = old == nil ? [] : try reader.members(cellID: cell.id)
        let oldByID = Dictionary(oldMembers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var shell = cell
        shell.members = []
        var merged = shell
        // Terms and members not in the file are kept; those in it replace their old selves.
        if let old {
            merged.terms = old.terms.filter { term in !cell.terms.contains { $0.id == term.id } } + cell.terms
        }
        report.count(.cell, id: cell.id, old: old != nil, changed: old.map { $0 != merged } ?? true)
        for member in cell.members {
            let previous = oldByID[member.id]
            report.count(.member, id: member.id, old: previous != nil, changed: previous != member)
            memberCells[member.id] = cell.id
        }
        issuerCodes[cell.id] = cell.issuerCode
        // Members already in the cell keep their places; new ones follow them.
        let newByID = Dictionary(cell.members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = oldMembers.map { newByID[$0.id] ?? $0 } + cell.members.filter { oldByID[$0.id] == nil }
        merged.members = ordered
        try writer.write(merged)
    }

    private func apply(_ meeting: Meeting, _ record: DecodedRecord, file: Int) throws {
        guard try checkReferences(record, cellID: meeting.cellID, file: file) else { return }
        let old = try reader.meeting(id: meeting.id)
        report.count(.meeting, id: meeting.id, old: old != nil, changed: old != meeting)
        if old != meeting { try writer.write(meeting) }
    }

    private func apply(_ document: Document, _ record: DecodedRecord, file: Int) throws {
        guard try checkReferences(record, cellID: document.cellID, file: file),
            let issuerCode = try issuerCode(ofCell: document.cellID)
        else { return }
        var valid = true
        if let declared = record.declaredSymbol {
            let expected = document.symbol(issuerCode: issuerCode)
            if declared != expected {
                let detail = expected.map { "số \(document.number ?? 0) cho ký hiệu \($0)" } ?? "văn bản chưa có số"
                add(
                    "ký hiệu \(declared) không khớp với số của văn bản: \(detail)", line: record.line,
                    needle: "symbol=\"\(declared)\"", file: file)
                valid = false
            }
        }
        if document.holdsNumber, let number = document.number {
            let holder = try String.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT id FROM document WHERE cell_id = ? AND type = ? AND ifnull(term_id, '') = ?
                        AND number = ? AND status <> 'draft' AND id <> ?
                        """),
                arguments: [document.cellID, document.kind.rawValue, document.termID ?? "", number, document.id])
            if let holder {
                let symbol = Document.symbol(number: number, kind: document.kind, issuerCode: issuerCode)
                let term = document.termID.map { " nhiệm kỳ \($0)" } ?? ""
                add(
                    "số \(symbol)\(term) của chi bộ \(document.cellID) đã được dùng cho văn bản \(holder)",
                    line: record.line, needle: "number=\"\(number)\"", file: file)
                valid = false
            }
        }
        for task in document.tasks {
            let owner = try String.fetchOne(
                db.cachedStatement(sql: "SELECT document_id FROM task WHERE id = ?"), arguments: [task.id])
            if let owner, owner != document.id {
                add(
                    "nhiệm vụ \(task.id) đã thuộc văn bản \(owner)", line: record.line, needle: "id=\"\(task.id)\"",
                    file: file)
                valid = false
            }
        }
        guard valid else { return }
        let old = try reader.document(id: document.id)
        report.count(.document, id: document.id, old: old != nil, changed: old != document)
        if old != document { try writer.write(document) }
    }

    // MARK: End

    /// Resolves the parked references against everything now written.
    func resolvePending() throws {
        let unresolved = try Row.fetchAll(
            db,
            sql: """
                SELECT p.kind, p.target, p.file, p.line, p.attribute FROM pending_reference p
                WHERE (p.kind = 'task' AND NOT EXISTS (SELECT 1 FROM task WHERE id = p.target))
                   OR (p.kind = 'document' AND NOT EXISTS (SELECT 1 FROM document WHERE id = p.target))
                   OR (p.kind = 'organization' AND NOT EXISTS (SELECT 1 FROM organization WHERE id = p.target))
                ORDER BY p.file, p.line
                """)
        for row in unresolved {
            let kind: String = row[0], target: String = row[1], attribute: String = row[4]
            let noun = ["task": "nhiệm vụ", "document": "văn bản", "organization": "đảng bộ"][kind] ?? kind
            add(
                "\(noun) \(target) không có trong tệp hay trong kho", line: row[3], needle: "\(attribute)=\"\(target)\"",
                file: row[2])
        }
        try db.execute(sql: "DELETE FROM pending_reference")
    }

    /// Every problem, located, in file order then line order.
    func locatedProblems() -> [ImportProblem] {
        var located: [ImportProblem] = []
        for path in Set(problems.map(\.file)).sorted() {
            let indices = problems.indices.filter { problems[$0].file == path }
            let columns = SourceLocator.columns(
                in: path, for: indices.map { (problems[$0].problem.line, problems[$0].problem.needle) })
            for (index, column) in zip(indices, columns) {
                let problem = problems[index].problem
                let parserColumn = columnsFromParser[index] ?? 0
                located.append(
                    ImportProblem(
                        file: path, line: problem.line,
                        column: problem.needle == nil ? max(parserColumn, problem.line > 0 ? 1 : 0) : column,
                        message: problem.message))
            }
        }
        let order = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return located.sorted {
            (order[$0.file] ?? 0, $0.line, $0.column) < (order[$1.file] ?? 0, $1.line, $1.column)
        }
    }
}
