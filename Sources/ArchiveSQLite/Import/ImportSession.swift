import ArchiveCore
import Foundation
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
    private let versions: VersionStore
    private let log: AuditLog
    private let context: AuditContext
    /// Whether the archive held nothing when the import began: only then may a file's audit
    /// log be restored.
    private let startedEmpty: Bool
    /// The audit log a file carried, read and its chain checked, to restore at the end.
    private var carriedLog: (file: String, entries: [AuditEntry])?
    private(set) var report = ImportReport()
    private var files: [String] = []
    /// Problems of finished files, with the column libxml2 gave when it gave one.
    private var problems: [(file: String, problem: SourceProblem, parserColumn: Int?)] = []
    /// Problems of the file being read, filtered when it ends.
    private var fileProblems: [SourceProblem] = []
    /// Records refused for any reason (`kind:id`): references to them are not reported again.
    private var refused: Set<String> = []
    /// The start line and key of each record of the file being read, in order.
    private var recordStarts: [(line: Int, key: String)] = []
    /// Member → cell, filled lazily from the database and as cells are written.
    private var memberCells: [String: String] = [:]
    /// Cell → issuer code, for symbols.
    private var issuerCodes: [String: String] = [:]
    /// Past this many problems, the import stops reading: the file is badly broken.
    private let problemLimit = 200

    /// The largest attachment an import accepts, decoded: `ArchiveFormat.maximumAttachmentBytes`,
    /// or less when the environment variable `SOCHIBO_ATTACHMENT_LIMIT_BYTES` says so (a test
    /// that must not write 100 MB, an office that wants smaller files). It cannot be raised.
    static let maximumAttachmentBytes: Int = {
        let variable = ProcessInfo.processInfo.environment["SOCHIBO_ATTACHMENT_LIMIT_BYTES"]
        guard let asked = variable.flatMap({ Int($0) }), asked > 0 else { return ArchiveFormat.maximumAttachmentBytes }
        return min(asked, ArchiveFormat.maximumAttachmentBytes)
    }()

    init(db: Database, context: AuditContext) throws {
        self.db = db
        self.context = context
        reader = RecordReader(db: db)
        writer = RecordWriter(db: db)
        versions = VersionStore(db: db)
        log = AuditLog(db: db)
        startedEmpty =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT NOT EXISTS (SELECT 1 FROM organization) AND NOT EXISTS (SELECT 1 FROM cell)
                        AND NOT EXISTS (SELECT 1 FROM meeting) AND NOT EXISTS (SELECT 1 FROM document)
                        AND NOT EXISTS (SELECT 1 FROM audit_log)
                    """) ?? false
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS pending_reference (
                    kind TEXT NOT NULL, target TEXT NOT NULL, file INTEGER NOT NULL,
                    line INTEGER NOT NULL, attribute TEXT NOT NULL);
                DELETE FROM pending_reference;
                CREATE TEMP TABLE IF NOT EXISTS pending_log (
                    kind TEXT NOT NULL, record_id TEXT NOT NULL, version INTEGER, content_sha256 TEXT);
                DELETE FROM pending_log;
                CREATE TEMP TABLE IF NOT EXISTS claimed_identifier (
                    kind TEXT NOT NULL, id TEXT NOT NULL, line INTEGER NOT NULL,
                    PRIMARY KEY (kind, id)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS temp.claimed_identifier_by_id ON claimed_identifier (id);
                DELETE FROM claimed_identifier;
                """)
    }

    var hasProblems: Bool { !problems.isEmpty }
    private var full: Bool { problems.count + fileProblems.count >= problemLimit }

    private func add(_ message: String, line: Int, needle: String? = nil, target: String? = nil) {
        fileProblems.append(SourceProblem(line: line, needle: needle, message: message, target: target))
    }

    /// The index of the record that `line` falls in, if any.
    private func record(at line: Int) -> Int? {
        var low = 0
        var high = recordStarts.count
        while low < high {
            let middle = (low + high) / 2
            if recordStarts[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    // MARK: Files

    /// Reads and applies one file.
    func importFile(_ path: String, schema: XMLSchema) {
        let file = files.count
        files.append(path)
        report.files += 1
        fileProblems = []
        recordStarts = []
        do {
            try db.execute(sql: "DELETE FROM claimed_identifier")
        } catch {
            problems.append((path, SourceProblem(line: 0, needle: nil, message: "\(error)"), nil))
            return
        }
        let xml: XMLPullReader
        do {
            xml = try XMLPullReader(
                path: path, schema: schema,
                limits: ArchiveFormat.inputLimits(maximumAttachmentBytes: Self.maximumAttachmentBytes))
        } catch XMLError.cannotOpen(_, let reason) {
            let message = UnreadableFile.reason(path) ?? "không mở được tệp (\(reason))"
            problems.append((path, SourceProblem(line: 0, needle: nil, message: message), nil))
            return
        } catch {
            problems.append((path, SourceProblem(line: 0, needle: nil, message: "không mở được tệp: \(error)"), nil))
            return
        }
        var decodingProblems: [SourceProblem] = []
        if let root = xml.readRoot() {
            if root.namespace != ArchiveFormat.namespace || root.name != "archive" {
                let found = root.namespace.map { "không gian tên \($0)" } ?? "không có không gian tên"
                add(
                    "không phải tệp lưu trữ Sổ Chi Bộ: phần tử gốc <\(root.name)>, \(found) "
                        + "(cần <archive> trong \(ArchiveFormat.namespace))", line: root.line)
            } else {
                let records = RecordReadAhead(xml)
                while !full, let item = records.next() {
                    switch item {
                    case .auditLog(let element):
                        readLog(element, file: path)
                    case .record(let element, let record, let problems, let sha256):
                        let key = "\(element.name):\(element.attribute("id").map(TextNormalization.trimmed) ?? "")"
                        recordStarts.append((element.line, key))
                        // A record whose identifier is taken is not decoded, nor its problems told.
                        guard claimIdentifiers(in: element) else {
                            refused.insert(key)
                            continue
                        }
                        decodingProblems += problems
                        guard let record, apply(record, sha256: sha256, file: file) else {
                            refused.insert(key)
                            continue
                        }
                    }
                }
                records.finish()
            }
        }
        fileProblems += decodingProblems
        finishFile(path, diagnostics: xml.diagnostics)
    }

    /// Records that identifiers are used in this file; a second use of one in the same file is
    /// a problem at the second place (a later file may update what an earlier one wrote, as
    /// two partial exports that carry the same cells do). Kept on disk, not in memory.
    private func claimIdentifiers(in element: XMLElement) -> Bool {
        var claims: [(kind: String, id: String, line: Int)] = []
        if let id = element.attribute("id").map(TextNormalization.trimmed) {
            claims.append((element.name, id, element.line))
        }
        let owned = element.name == "cell" ? "member" : element.name == "document" ? "task" : nil
        if let owned {
            for child in element.children(named: owned) {
                if let id = child.attribute("id").map(TextNormalization.trimmed) {
                    claims.append((owned, id, child.line))
                }
            }
        }
        var valid = true
        for claim in claims {
            do {
                // Tasks have identifiers of their own; every other kind shares one set, in the
                // file and in the archive.
                let isTask = claim.kind == "task"
                let earlier = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT line, kind FROM claimed_identifier WHERE id = ? AND (kind = 'task') = ?"),
                    arguments: [claim.id, isTask])
                let kind = RecordKind(rawValue: claim.kind)
                if let earlier, let kind, let holder = RecordKind(rawValue: earlier[1]), holder != kind {
                    let earlierLine: Int = earlier[0]
                    add(
                        RecordKind.identifierTaken(claim.id, by: holder, where: "ở dòng \(earlierLine)"),
                        line: claim.line, needle: "id=\"\(claim.id)\"")
                    valid = false
                } else if let kind, let holder = try db.otherKind(holding: claim.id, besides: kind) {
                    add(
                        RecordKind.identifierTaken(claim.id, by: holder, where: "trong kho"),
                        line: claim.line, needle: "id=\"\(claim.id)\"")
                    valid = false
                } else if let earlier {
                    let earlierLine: Int = earlier[0]
                    let noun =
                        RecordKind(rawValue: claim.kind)?.vietnameseName
                        ?? (claim.kind == "task" ? "nhiệm vụ" : claim.kind)
                    add(
                        "mã \(claim.id) đã dùng cho một \(noun) khác ở dòng \(earlierLine); mỗi mã chỉ dùng một lần",
                        line: claim.line, needle: "id=\"\(claim.id)\"")
                    valid = false
                } else {
                    try db.cachedStatement(
                        sql: "INSERT INTO claimed_identifier (kind, id, line) VALUES (?, ?, ?)"
                    ).execute(arguments: [claim.kind, claim.id, claim.line])
                }
            } catch {
                add("không ghi được bản ghi: \(error)", line: claim.line)
                valid = false
            }
        }
        return valid
    }

    /// Keeps what is worth reporting of the file's problems: the parser's and the schema's,
    /// and ours except those about records the schema already refused, or references to
    /// records refused for another reason.
    private func finishFile(_ path: String, diagnostics: [XMLDiagnostic]) {
        var schemaRefused = Set<Int>()
        for diagnostic in diagnostics where diagnostic.severity != .warning {
            // Noise that libxml2 adds after a pattern error on the same attribute.
            if diagnostic.message.contains("No precomputed value available") { continue }
            var line = diagnostic.line
            var column = diagnostic.column
            if diagnostic.severity == .error, let index = record(at: diagnostic.line) {
                schemaRefused.insert(index)
                let key = recordStarts[index].key
                refused.insert(key)
                // The streaming validator reports constraints on a whole record (a duplicate
                // id) at its end tag; point at the record's start, where a reader looks.
                let element = key.prefix { $0 != ":" }
                if diagnostic.message.hasPrefix("Element '{\(ArchiveFormat.namespace)}\(element)'") {
                    line = recordStarts[index].line
                    column = 0
                }
            }
            problems.append(
                (path, SourceProblem(line: line, needle: nil, message: Self.describe(diagnostic)), column))
        }
        for problem in fileProblems {
            if let index = record(at: problem.line), schemaRefused.contains(index) { continue }
            if let target = problem.target, refused.contains(target) { continue }
            problems.append((path, problem, nil))
        }
        fileProblems = []
    }

    private static func describe(_ diagnostic: XMLDiagnostic) -> String {
        switch diagnostic.severity {
        case .fatal:
            if let refusal = diagnostic.refusal {
                return refusal.vietnamese
            }
            if diagnostic.message.hasPrefix(XMLPullReader.encodingRefusal) {
                let declared = diagnostic.message.dropFirst(XMLPullReader.encodingRefusal.count)
                return "tệp khai báo bảng mã \(declared), nhưng định dạng lưu trữ là UTF-8 (hoặc UTF-16 có BOM): "
                    + "hãy lưu lại tệp với bảng mã UTF-8 và sửa dòng khai báo thành encoding=\"UTF-8\""
            }
            if diagnostic.message.hasPrefix("entity") {
                return "nội dung bị từ chối: tệp dùng tham chiếu thực thể (\(diagnostic.message))"
            }
            if diagnostic.message.contains("entity reference loop") || diagnostic.message.contains("amplification") {
                return "nội dung bị từ chối (bom mở rộng thực thể): \(diagnostic.message)"
            }
            if diagnostic.message.hasPrefix("Document is empty")
                || diagnostic.message.hasPrefix("Start tag expected")
            {
                return "tệp trống hoặc không phải tệp XML của Sổ Chi Bộ: hãy chọn tệp .xml đã xuất từ Sổ Chi Bộ "
                    + "(lệnh sochibo export hoặc nút tải về), không phải tệp Word, Excel hay ảnh"
            }
            return "XML sai cú pháp (\(diagnostic.message)): tệp bị hỏng hoặc đã bị sửa tay; "
                + "hãy xuất lại tệp từ Sổ Chi Bộ rồi gửi lại"
        case .error, .warning:
            return "không đúng lược đồ archive-1.xsd: \(diagnostic.message)"
        }
    }

    // MARK: Records

    /// Checks and writes one record; `false` when it was refused.
    private func apply(_ record: DecodedRecord, sha256: String?, file: Int) -> Bool {
        let before = fileProblems.count
        do {
            switch record.value {
            case .organization(let organization): try apply(organization, record, file: file)
            case .cell(let cell, let memberLines): try apply(cell, memberLines: memberLines, record)
            case .meeting(let meeting): try apply(meeting, record, sha256: sha256, file: file)
            case .document(let document):
                try apply(document, record, sha256: sha256, file: file)
                if fileProblems.count > before {
                    for task in document.tasks { refused.insert("task:\(task.id)") }
                }
            }
        } catch let error as DatabaseError {
            add("không ghi được bản ghi: \(error.message ?? "\(error)")", line: record.line)
        } catch {
            add("không ghi được bản ghi: \(error)", line: record.line)
        }
        return fileProblems.count == before
    }

    private func needle(_ reference: SourceReference) -> String { "\(reference.attribute)=\"\(reference.id)\"" }

    private func exists(_ table: String, _ id: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id])
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

    /// Checks the references of a record of `cellID`; returns whether all that can be checked
    /// now hold (forward references are parked).
    private func checkReferences(_ record: DecodedRecord, cellID: String, file: Int) throws -> Bool {
        var valid = true
        // Without its cell, the record's other references cannot be judged.
        for reference in record.references where reference.kind == .cell {
            if try issuerCode(ofCell: reference.id) == nil {
                add(
                    "chi bộ \(reference.id) không có trong tệp hay trong kho", line: reference.line,
                    needle: needle(reference), target: reference.key)
                return false
            }
        }
        for reference in record.references where reference.kind != .cell {
            let message: String?
            switch reference.kind {
            case .cell:
                message = nil
            case .member:
                if let memberCell = try cellOfMember(reference.id) {
                    message =
                        memberCell == cellID
                        ? nil : "đảng viên \(reference.id) thuộc chi bộ \(memberCell), không thuộc chi bộ \(cellID)"
                } else {
                    message = "đảng viên \(reference.id) không có trong tệp hay trong kho"
                }
            case .meeting:
                let meetingCell = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT cell_id FROM meeting WHERE id = ?"), arguments: [reference.id])
                if let meetingCell {
                    message =
                        meetingCell == cellID
                        ? nil : "kỳ sinh hoạt \(reference.id) là của chi bộ \(meetingCell), không phải \(cellID)"
                } else {
                    message = "kỳ sinh hoạt \(reference.id) không có trong tệp hay trong kho"
                }
            case .term:
                let found =
                    try Bool.fetchOne(
                        db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM term WHERE cell_id = ? AND id = ?)"),
                        arguments: [cellID, reference.id]) ?? false
                message = found ? nil : "nhiệm kỳ \(reference.id) không có trong chi bộ \(cellID)"
            case .task, .document, .organization:
                if try !exists(reference.kind.rawValue, reference.id) { try park(reference, file: file) }
                message = nil
            }
            if let message {
                add(message, line: reference.line, needle: needle(reference), target: reference.key)
                valid = false
            }
        }
        return valid
    }

    private func apply(_ organization: Organization, _ record: DecodedRecord, file: Int) throws {
        if organization.parentID == organization.id {
            add(
                "đảng bộ \(organization.id) không thể là cấp trên của chính mình", line: record.line,
                needle: "parent=")
            return
        }
        _ = try checkReferences(record, cellID: "", file: file)
        let old = try reader.organization(id: organization.id)
        report.count(
            .organization, id: organization.id, old: old != nil, changed: old != organization, label: organization.name)
        guard old != organization else { return }
        try writer.write(organization)
        try logLater(
            kind: .organization, record: organization.id, version: nil,
            sha256: try CanonicalContent.sha256(organization))
    }

    private func apply(_ cell: Cell, memberLines: [String: Int], _ record: DecodedRecord) throws {
        for reference in record.references where reference.kind == .organization {
            if try !exists("organization", reference.id) {
                add(
                    "đảng bộ \(reference.id) không có trong tệp hay trong kho", line: reference.line,
                    needle: needle(reference), target: reference.key)
                return
            }
        }
        let old = try reader.cell(id: cell.id, withMembers: false)
        // A new cell, or a new code, follows the rule of cells created by hand; a code the
        // archive already holds is left as it is.
        if old?.issuerCode != cell.issuerCode, !MemberRules.isValidIssuerCode(cell.issuerCode) {
            add(
                RegisterRefusal.invalidIssuerCode(cell.issuerCode).vietnameseDescription, line: record.line,
                needle: "issuerCode=")
            return
        }
        var valid = true
        for member in cell.members {
            if let otherCell = try cellOfMember(member.id), otherCell != cell.id {
                add(
                    "đảng viên \(member.id) đã thuộc chi bộ \(otherCell); một đảng viên chuyển chi bộ cần mã mới",
                    line: memberLines[member.id] ?? record.line, needle: "id=\"\(member.id)\"")
                valid = false
            }
        }
        guard valid else { return }
        let oldMembers = old == nil ? [] : try reader.members(cellID: cell.id)
        let oldByID = Dictionary(oldMembers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(cell.members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Terms and members not in the file are kept; those in it replace their old selves.
        var merged = cell
        merged.members = []
        if let old {
            merged.terms = old.terms.filter { term in !cell.terms.contains { $0.id == term.id } } + cell.terms
        }
        var changed = old.map { $0 != merged } ?? true
        report.count(.cell, id: cell.id, old: old != nil, changed: changed, cell: cell.id, label: cell.name)
        for member in cell.members {
            let previous = oldByID[member.id]
            report.count(
                .member, id: member.id, old: previous != nil, changed: previous != member, cell: cell.id,
                label: member.fullName)
            if previous != member { changed = true }
            memberCells[member.id] = cell.id
        }
        issuerCodes[cell.id] = cell.issuerCode
        guard changed else { return }
        // Members already in the cell keep their places; new ones follow them.
        merged.members = oldMembers.map { newByID[$0.id] ?? $0 } + cell.members.filter { oldByID[$0.id] == nil }
        try writer.write(merged)
        try logLater(kind: .cell, record: cell.id, version: nil, sha256: try CanonicalContent.sha256(merged))
    }

    // MARK: Lifecycle

    /// Whether `incoming` may replace `old`: a locked record keeps its content (same hash), moves
    /// only forward through its statuses, and keeps its version. Problems go to the record's line.
    private func admits(
        _ incoming: LockableRecord, hash: String, old: LockableRecord?, lifecycle: RecordLifecycle?,
        _ record: DecodedRecord
    ) throws -> Bool {
        guard let old, old.isLocked else { return true }
        let stored = try versions.lifecycle(kind: old.kind, id: old.id) ?? RecordLifecycle()
        let noun: String
        let allowed: Bool
        let states: (String, String)
        switch (old, incoming) {
        case (.meeting(let before), .meeting(let after)):
            noun = "biên bản \(before.id) đã được thông qua"
            allowed = before.status.allows(after.status)
            states = (before.status.vietnameseName, after.status.vietnameseName)
        case (.document(let before), .document(let after)):
            noun = "văn bản \(before.id) đã ban hành"
            allowed = before.status.allows(after.status)
            states = (before.status.vietnameseName, after.status.vietnameseName)
        default:
            return true
        }
        if stored.sha256 != hash {
            add(
                "\(noun) nên đã khóa; tệp này sửa nội dung của nó. Muốn sửa, hãy ghi đính chính (phiên bản cũ được giữ lại)",
                line: record.line, needle: "id=\"\(old.id)\"")
            return false
        }
        if !allowed {
            add(
                "\(noun); không thể chuyển từ trạng thái “\(states.0)” sang “\(states.1)”", line: record.line,
                needle: "id=\"\(old.id)\"")
            return false
        }
        if let lifecycle, lifecycle.version != stored.version {
            add(
                "tệp ghi \(old.id) ở phiên bản \(lifecycle.version), kho đang giữ phiên bản \(stored.version)",
                line: record.line, needle: "id=\"\(old.id)\"")
            return false
        }
        return true
    }

    /// Writes the lifecycle of a record just written: its version and hash, earlier versions
    /// the file carried (for a record new to the archive), and the log entry.
    private func settle(
        _ incoming: LockableRecord, hash: String, old: LockableRecord?, lifecycle: RecordLifecycle?
    ) throws -> (version: Int, sha256: String?) {
        var version = lifecycle?.version ?? 1
        if let old, old.isLocked {
            version = try versions.lifecycle(kind: old.kind, id: old.id)?.version ?? version
        } else if let lifecycle, try versions.previous(kind: incoming.kind, id: incoming.id).isEmpty {
            for previous in lifecycle.previous { try versions.keep(previous) }
        }
        try logLater(kind: incoming.kind, record: incoming.id, version: version, sha256: hash)
        return (version, incoming.isLocked ? hash : nil)
    }

    /// `sha256` is the meeting's canonical hash when it was worked out ahead.
    private func apply(_ meeting: Meeting, _ record: DecodedRecord, sha256: String?, file: Int) throws {
        guard try checkReferences(record, cellID: meeting.cellID, file: file) else { return }
        let old = try reader.meeting(id: meeting.id)
        // The committee's rating is the committee's: a cell's file never changes it. A file
        // carries it only into an archive that does not hold the meeting yet (a backup restored).
        var meeting = meeting
        if let old { meeting.committeeRating = old.committeeRating }
        let hash = try sha256 ?? CanonicalContent.sha256(.meeting(meeting))
        guard
            try admits(
                .meeting(meeting), hash: hash, old: old.map { .meeting($0) }, lifecycle: record.lifecycle, record)
        else { return }
        report.count(
            .meeting, id: meeting.id, old: old != nil, changed: old != meeting, cell: meeting.cellID,
            label: "Biên bản ngày \(meeting.date.vietnameseShort), \(meeting.kind.vietnameseName)")
        guard old != meeting else { return }
        let (version, sha256) = try settle(
            .meeting(meeting), hash: hash, old: old.map { .meeting($0) }, lifecycle: record.lifecycle)
        try writer.write(meeting, replacing: old != nil, version: version, sha256: sha256)
    }

    /// `sha256` is the document's canonical hash when it was worked out ahead.
    private func apply(_ document: Document, _ record: DecodedRecord, sha256: String?, file: Int) throws {
        // Symbol, number and task checks need only the cell, so they run even when another
        // reference fails: one run reports every problem of the record.
        var valid = try checkReferences(record, cellID: document.cellID, file: file)
        guard let issuerCode = try issuerCode(ofCell: document.cellID) else { return }
        if let declared = record.declaredSymbol {
            let expected = document.symbol(issuerCode: issuerCode)
            if declared != expected {
                let detail = expected.map { "số \(document.number ?? 0) cho ký hiệu \($0)" } ?? "văn bản chưa có số"
                add(
                    "ký hiệu \(declared) không khớp với số của văn bản: \(detail)", line: record.line,
                    needle: "symbol=\"\(declared)\"")
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
                    line: record.line, needle: "number=\"\(number)\"")
                valid = false
            }
        }
        for task in document.tasks {
            let owner = try String.fetchOne(
                db.cachedStatement(sql: "SELECT document_id FROM task WHERE id = ?"), arguments: [task.id])
            if let owner, owner != document.id {
                add("nhiệm vụ \(task.id) đã thuộc văn bản \(owner)", line: record.line, needle: "id=\"\(task.id)\"")
                valid = false
            }
        }
        guard valid else { return }
        let old = try reader.document(id: document.id)
        // A task that minutes reported on must stay in its document: the report refers to it.
        let kept = Set(document.tasks.map(\.id))
        for task in old?.tasks ?? [] where !kept.contains(task.id) {
            if let meeting = try String.fetchOne(
                db.cachedStatement(sql: "SELECT meeting_id FROM task_report WHERE task_id = ? LIMIT 1"),
                arguments: [task.id])
            {
                add(
                    "tệp bỏ nhiệm vụ \(task.id) khỏi văn bản \(document.id), nhưng kỳ sinh hoạt \(meeting) đã báo cáo về nhiệm vụ này",
                    line: record.line, needle: "id=\"\(document.id)\"")
                return
            }
        }
        let hash = try sha256 ?? CanonicalContent.sha256(.document(document))
        guard
            try admits(
                .document(document), hash: hash, old: old.map { .document($0) }, lifecycle: record.lifecycle, record)
        else { return }
        report.count(
            .document, id: document.id, old: old != nil, changed: old != document, cell: document.cellID,
            label: "\(document.kind.vietnameseName) ngày \(document.date.vietnameseShort): \(document.title)")
        guard old != document else { return }
        let (version, sha256) = try settle(
            .document(document), hash: hash, old: old.map { .document($0) }, lifecycle: record.lifecycle)
        try writer.write(document, replacing: old != nil, version: version, sha256: sha256)
    }

    // MARK: Audit log

    /// Keeps an entry for the end: written to the log then, unless a restored log replaces
    /// the whole import's entries. In a temporary table, so memory stays bounded.
    private func logLater(kind: RecordKind, record: String, version: Int?, sha256: String) throws {
        try db.cachedStatement(
            sql: "INSERT INTO pending_log (kind, record_id, version, content_sha256) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [kind, record, version, sha256])
    }

    /// Reads a file's `<auditLog>`, checking that its chain is whole.
    private func readLog(_ element: XMLElement, file: String) {
        var entries: [AuditEntry] = []
        var previous = ""
        for child in element.children(named: "entry") {
            guard let sequence = child.attribute("seq").flatMap({ Int($0) }), let time = child.attribute("time"),
                let actor = child.attribute("actor"),
                let action = child.attribute("action").flatMap(AuditEntry.Action.init),
                let kind = child.attribute("kind"), let record = child.attribute("record"),
                let chain = child.attribute("chain")
            else {
                add("mục nhật ký không đủ thuộc tính", line: child.line)
                return
            }
            let entry = AuditEntry(
                sequence: sequence, time: time, actor: TextNormalization.nfc(actor), action: action, kind: kind,
                record: record, version: child.attribute("version").flatMap { Int($0) },
                sha256: child.attribute("sha256"), chain: chain)
            if sequence != entries.count + 1 || entry.expectedChain(after: previous) != chain {
                add(
                    "nhật ký trong tệp bị sửa hoặc thiếu ở mục \(sequence): chuỗi mã không khớp", line: child.line,
                    needle: "chain=")
                return
            }
            entries.append(entry)
            previous = chain
        }
        carriedLog = (file, entries)
    }

    /// Writes the import's entries to the audit log: the restored log and one `restore` entry
    /// when a file carried a log into an empty archive, otherwise one `import` entry for each
    /// record added or changed.
    func finishLog() throws {
        defer { try? db.execute(sql: "DELETE FROM pending_log") }
        if let carried = carriedLog {
            if startedEmpty && files.count == 1 {
                for entry in carried.entries { try log.insert(entry) }
                let digest = Attachment.digest(of: FileManager.default.contents(atPath: carried.file) ?? Data())
                try log.append(
                    .restore, subject: "file", record: (carried.file as NSString).lastPathComponent, version: nil,
                    sha256: digest, context: context)
                report.notes.append("đã khôi phục nhật ký \(carried.entries.count) mục từ tệp sao lưu")
                return
            }
            report.notes.append(
                "nhật ký trong tệp không được khôi phục vì kho không trống; mỗi bản ghi thay đổi có một mục “nhập tệp” mới"
            )
        }
        let pending = try Row.fetchCursor(
            db, sql: "SELECT kind, record_id, version, content_sha256 FROM pending_log ORDER BY rowid")
        while let row = try pending.next() {
            try log.append(
                .import, kind: row[0], record: row[1], version: row[2], sha256: row[3], context: context)
        }
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
            let kind: String = row[0]
            let target: String = row[1]
            let file: Int = row[2]
            let attribute: String = row[4]
            if refused.contains("\(kind):\(target)") { continue }
            let noun = ["task": "nhiệm vụ", "document": "văn bản", "organization": "đảng bộ"][kind] ?? kind
            problems.append(
                (
                    files[file],
                    SourceProblem(
                        line: row[3], needle: "\(attribute)=\"\(target)\"",
                        message: "\(noun) \(target) không có trong tệp hay trong kho"), nil
                ))
        }
        try db.execute(sql: "DELETE FROM pending_reference")
    }

    /// Every problem, located, in file order then line order.
    func locatedProblems() -> [ImportProblem] {
        var located: [ImportProblem] = []
        var seen = Set<String>()
        for path in files where seen.insert(path).inserted {
            let entries = problems.filter { $0.file == path }
            guard !entries.isEmpty else { continue }
            let columns = SourceLocator.columns(in: path, for: entries.map { ($0.problem.line, $0.problem.needle) })
            var fileProblems: [ImportProblem] = []
            for (entry, column) in zip(entries, columns) {
                let problem = entry.problem
                let finalColumn: Int
                if let parserColumn = entry.parserColumn {
                    finalColumn = parserColumn > 0 ? parserColumn : (problem.line > 0 ? 1 : 0)
                } else {
                    finalColumn = problem.line > 0 ? column : 0
                }
                fileProblems.append(
                    ImportProblem(file: path, line: problem.line, column: finalColumn, message: problem.message))
            }
            located += fileProblems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        }
        return located
    }
}
