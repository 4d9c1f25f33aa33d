import Foundation
import LibXML

/// One record of an archive file, decoded into the model, with the references it makes.
package struct DecodedRecord: Sendable {
    package enum Value: Sendable {
        case organization(Organization)
        case cell(Cell, memberLines: [String: Int])
        case meeting(Meeting)
        case document(Document)
    }

    package var value: Value
    /// The line of the record's start tag.
    package var line: Int
    package var references: [SourceReference]
    /// The `symbol` a document declared, checked against its number by the importer.
    package var declaredSymbol: String?
    /// The `<lifecycle>` of a meeting or document, when written (its hashes already verified).
    package var lifecycle: RecordLifecycle?
    /// An organization's committee reports (`<report>`), in file order.
    package var reports: [SavedReportText] = []
}

/// Turns the element trees of the archive format into model values.
///
/// Text is normalised to NFC and paragraphs are trimmed; everything the schema cannot check
/// about a single record (symbols, attachment hashes, repeated attendance) is checked here.
/// Structure has already been checked by the schema; what is missing anyway becomes a problem.
struct ArchiveDecoder {
    private(set) var problems: [SourceProblem] = []
    private var references: [SourceReference] = []
    private var lifecycle: RecordLifecycle?
    private var reports: [SavedReportText] = []

    /// Decodes one child of `<archive>`; `nil` when it is unusable (the problems say why).
    mutating func decode(_ element: XMLElement) -> DecodedRecord? {
        references = []
        lifecycle = nil
        reports = []
        let value: DecodedRecord.Value?
        switch element.name {
        case "organization": value = organization(element).map { .organization($0) }
        case "cell": value = cell(element)
        case "meeting": value = meeting(element).map { .meeting($0) }
        case "document": value = document(element).map { .document($0) }
        default:
            problem(element, nil, "phần tử không thuộc định dạng lưu trữ: <\(element.name)>")
            value = nil
        }
        return value.map {
            DecodedRecord(
                value: $0, line: element.line, references: references,
                declaredSymbol: element.attribute("symbol").map(Self.normalized), lifecycle: lifecycle,
                reports: reports)
        }
    }

    // MARK: Lifecycle

    /// Reads `<lifecycle>` of `element` into `lifecycle`: the version, the declared hash of the
    /// content (checked against `content`), and each earlier version, decoded and checked the
    /// same way. Returns the meeting status it states, if any.
    private mutating func readLifecycle(_ element: XMLElement, content: LockableRecord) -> Meeting.Status? {
        guard let child = element.child(named: "lifecycle") else { return nil }
        let status = child.attribute("status") == nil ? nil : enumeration(Meeting.Status.self, child, "status")
        var result = RecordLifecycle(version: integer(child, "version", maximum: RecordLifecycle.maximumVersion) ?? 1)
        if let declared = optional(child, "sha256")?.lowercased() {
            verify(declared, of: content, at: child, what: "nội dung phiên bản \(result.version)")
            result.sha256 = declared
        }
        var expected = 1
        for previous in child.children(named: "previousVersion") {
            guard let version = integer(previous, "version", maximum: RecordLifecycle.maximumVersion),
                let declared = optional(previous, "sha256")?.lowercased(),
                let replaced = optional(previous, "replaced"), let record = previous.children.first
            else { continue }
            if version != expected || version >= result.version {
                problem(
                    previous, "version",
                    "phiên bản \(version) không đúng thứ tự: cần phiên bản \(expected), trước phiên bản hiện hành \(result.version)"
                )
            }
            expected = version + 1
            let old: LockableRecord?
            switch record.name {
            case "meeting": old = meeting(record).map { .meeting($0) }
            case "document": old = document(record).map { .document($0) }
            default: old = nil
            }
            guard let old else { continue }
            if old.id != content.id {
                problem(record, "id", "phiên bản \(version) là của bản ghi \(old.id), không phải \(content.id)")
            }
            verify(declared, of: old, at: previous, what: "nội dung phiên bản \(version)")
            result.previous.append(RecordVersion(version: version, sha256: declared, replaced: replaced, content: old))
        }
        if expected != result.version && !result.previous.isEmpty || result.previous.isEmpty && result.version > 1 {
            problem(child, "version", "phiên bản \(result.version) nhưng không kèm đủ các phiên bản trước")
        }
        lifecycle = result
        return status
    }

    private mutating func verify(_ declared: String, of record: LockableRecord, at element: XMLElement, what: String) {
        guard let actual = try? CanonicalContent.sha256(record) else {
            problem(element, "sha256", "\(what): không tính được mã sha256 (có ký tự không ghi được)")
            return
        }
        if actual != declared {
            problem(
                element, "sha256",
                "\(what): mã sha256 không khớp với nội dung (khai báo \(declared), tính được \(actual))")
        }
    }

    // MARK: Helpers

    private mutating func problem(_ element: XMLElement, _ attribute: String?, _ message: String) {
        let needle = attribute.map { name in "\(name)=\"\(element.attribute(name) ?? "")\"" }
        problems.append(SourceProblem(line: element.line, needle: needle, message: message))
    }

    /// NFC, Unicode spaces as spaces, no format or control characters, Đ for its look-alikes:
    /// as the archive stores all text (see `TextNormalization.cleaned`).
    static func normalized(_ text: String) -> String { TextNormalization.cleaned(text) }

    private static func trimmed(_ text: String) -> String {
        TextNormalization.trimmed(TextNormalization.cleaned(text))
    }

    /// Attributes whose schema type derives from `xs:token` (identifiers, references, codes,
    /// dates, times): the schema validates them without surrounding white space, so they are
    /// read that way too (`id=" a-01 "` is `a-01`, and references to it resolve).
    private static let tokenAttributes: Set<String> = [
        "id", "cell", "organization", "parent", "member", "meeting", "document", "task", "term", "assignee",
        "kind", "level", "status", "type", "classification", "reason", "start", "end", "date", "due", "from",
        "to", "issuerCode", "excused",
    ]

    private static func attribute(_ element: XMLElement, _ name: String) -> String? {
        guard let raw = element.attribute(name) else { return nil }
        return normalized(tokenAttributes.contains(name) ? TextNormalization.trimmed(raw) : raw)
    }

    private mutating func required(_ element: XMLElement, _ name: String) -> String? {
        guard let value = Self.attribute(element, name) else {
            problem(element, nil, "thiếu thuộc tính \(name) trong <\(element.name)>")
            return nil
        }
        return value
    }

    private func optional(_ element: XMLElement, _ name: String) -> String? {
        Self.attribute(element, name)
    }

    /// An `xs:date`, which may carry a time zone (`2023-01-05Z`, `2023-01-05+07:00`): the
    /// calendar day is what a record keeps.
    static func xsDate(_ text: String) -> LocalDate? {
        var day = TextNormalization.trimmed(text)
        if day.hasSuffix("Z") {
            day.removeLast()
        } else if day.count == 16, let sign = day.dropFirst(10).first, sign == "+" || sign == "-" {
            day = String(day.prefix(10))
        }
        return LocalDate(day)
    }

    private mutating func reference(
        _ kind: SourceReference.Kind, _ element: XMLElement, _ attribute: String, required isRequired: Bool = true
    ) -> String? {
        let id = isRequired ? required(element, attribute) : optional(element, attribute)
        if let id { references.append(SourceReference(kind: kind, id: id, line: element.line, attribute: attribute)) }
        return id
    }

    private mutating func date(_ element: XMLElement, _ attribute: String) -> LocalDate? {
        guard let text = element.attribute(attribute) else { return nil }
        guard let date = Self.xsDate(text) else {
            problem(element, attribute, "ngày không hợp lệ: \(text)")
            return nil
        }
        return date
    }

    private mutating func requiredDate(_ element: XMLElement, _ attribute: String) -> LocalDate? {
        if element.attribute(attribute) == nil { problem(element, nil, "thiếu thuộc tính \(attribute)") }
        return date(element, attribute)
    }

    private mutating func childDate(_ element: XMLElement, _ name: String) -> LocalDate? {
        guard let child = element.child(named: name) else { return nil }
        let text = TextNormalization.trimmed(child.text)
        guard let date = Self.xsDate(text) else {
            problem(child, nil, "ngày không hợp lệ trong <\(name)>: \(text)")
            return nil
        }
        return date
    }

    private mutating func text(_ element: XMLElement, _ name: String) -> String? {
        guard let child = element.child(named: name) else {
            problem(element, nil, "thiếu phần tử <\(name)> trong <\(element.name)>")
            return nil
        }
        return nonEmpty(child)
    }

    private mutating func nonEmpty(_ element: XMLElement) -> String? {
        let value = Self.trimmed(element.text)
        if value.isEmpty { problem(element, nil, "<\(element.name)> không được để trống") }
        return value
    }

    private func optionalText(_ element: XMLElement?) -> String? {
        guard let element else { return nil }
        let value = Self.trimmed(element.text)
        return value.isEmpty ? nil : value
    }

    private mutating func paragraphs(_ element: XMLElement?) -> [String] {
        guard let element else { return [] }
        return element.children(named: "p").map { Self.trimmed($0.text) }
    }

    private mutating func enumeration<T: RawRepresentable>(
        _ type: T.Type, _ element: XMLElement, _ attribute: String
    ) -> T? where T.RawValue == String {
        guard let raw = required(element, attribute).map(TextNormalization.trimmed) else { return nil }
        guard let value = T(rawValue: raw) else {
            problem(
                element, attribute, "giá trị không hợp lệ cho \(Self.attributeWords[attribute] ?? attribute): \(raw)")
            return nil
        }
        return value
    }

    /// The Vietnamese names of the numeric and enumerated attributes, for sentences people
    /// read: "for" is the number in favour of a vote, not a word they would know.
    static let attributeWords: [String: String] = [
        "for": "số tán thành", "against": "số không tán thành", "abstain": "số không biểu quyết",
        "version": "số phiên bản", "score": "điểm xếp loại", "number": "số văn bản",
        "kind": "loại kỳ sinh hoạt", "type": "loại văn bản", "status": "tình trạng", "level": "mức xếp loại",
        "classification": "độ mật", "reason": "lý do ra khỏi chi bộ", "title": "chức vụ",
    ]

    /// A non-negative integer attribute no larger than `maximum`: the schema accepts any
    /// size, but a value no record can hold is refused here, where its line is known, rather
    /// than trapping later in the arithmetic of the rules.
    private mutating func integer(_ element: XMLElement, _ attribute: String, maximum: Int) -> Int? {
        guard let text = element.attribute(attribute) else { return nil }
        let trimmed = TextNormalization.trimmed(text)
        let digits = trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), Int(digits).map({ $0 > maximum }) ?? true
        {
            problem(
                element, attribute,
                "\(Self.attributeWords[attribute] ?? attribute) quá lớn: \(trimmed) (tối đa \(Percent.grouped(maximum)))"
            )
            return nil
        }
        guard let value = Int(trimmed), value >= 0 else {
            problem(
                element, attribute,
                "\(Self.attributeWords[attribute] ?? attribute) phải là số nguyên không âm: \(text)")
            return nil
        }
        return value
    }

    // MARK: Records

    private mutating func organization(_ element: XMLElement) -> Organization? {
        guard let id = required(element, "id"), let name = text(element, "name") else { return nil }
        let parent = reference(.organization, element, "parent", required: false)
        var periods = Set<String>()
        for child in element.children(named: "report") {
            guard let report = report(child) else { continue }
            guard periods.insert(report.period).inserted else {
                problem(child, "period", "báo cáo kỳ \(report.period) được ghi hai lần trong một đảng bộ")
                continue
            }
            reports.append(report)
        }
        return Organization(id: id, parentID: parent, name: name)
    }

    /// A committee's `<report>`: its period and what the office wrote, checked as the web's
    /// report page checks it (`ReportText.validated()`).
    private mutating func report(_ element: XMLElement) -> SavedReportText? {
        guard let period = required(element, "period").map(TextNormalization.trimmed),
            let title = enumeration(ReportText.SignerTitle.self, element, "signerTitle"),
            let savedBy = required(element, "savedBy"), let savedAt = required(element, "savedAt"),
            let place = text(element, "place")
        else { return nil }
        guard SavedReportText.isPeriodKey(period) else {
            problem(element, "period", "kỳ báo cáo không hợp lệ: \(period) (cần dạng 2024, 2024-Q3 hoặc 2024-09)")
            return nil
        }
        let text = ReportText(
            number: optional(element, "number") ?? "", place: place, date: date(element, "date"),
            strengths: paragraphs(element.child(named: "strengths")).joined(separator: "\n"),
            shortcomings: paragraphs(element.child(named: "shortcomings")).joined(separator: "\n"),
            directions: paragraphs(element.child(named: "directions")).joined(separator: "\n"),
            signerTitle: title, signerName: optionalText(element.child(named: "signerName")) ?? "",
            recipients: element.children(named: "recipient").compactMap { optionalText($0) })
        do {
            return SavedReportText(
                period: period, text: try text.validated(), savedBy: Self.normalized(savedBy), savedAt: savedAt)
        } catch ArchiveError.register(let refusal) {
            // (`validated()` throws its refusals wrapped; a `catch … as RegisterRefusal` never
            // matched, and the file's error printed the Swift value instead of the sentence.)
            problem(element, nil, refusal.vietnameseDescription)
        } catch let error as ArchiveError {
            problem(element, nil, error.vietnameseDescription)
        } catch {
            problem(element, nil, "\(error)")
        }
        return nil
    }

    private mutating func cell(_ element: XMLElement) -> DecodedRecord.Value? {
        guard let id = required(element, "id"), let name = text(element, "name"),
            let organization = reference(.organization, element, "organization")
        else { return nil }
        var terms: [Term] = []
        for termElement in element.children(named: "term") {
            guard let termID = required(termElement, "id"), let start = requiredDate(termElement, "start") else {
                continue
            }
            let end = date(termElement, "end")
            if let end, end < start { problem(termElement, "end", "nhiệm kỳ kết thúc trước khi bắt đầu") }
            terms.append(Term(id: termID, start: start, end: end))
        }
        var members: [Member] = []
        var memberLines: [String: Int] = [:]
        for memberElement in element.children(named: "member") {
            if let member = member(memberElement) {
                members.append(member)
                memberLines[member.id] = memberElement.line
            }
        }
        let issuerCode = optional(element, "issuerCode") ?? "CB"
        return .cell(
            Cell(
                id: id, organizationID: organization, issuerCode: issuerCode, name: name, terms: terms, members: members
            ),
            memberLines: memberLines)
    }

    private mutating func member(_ element: XMLElement) -> Member? {
        guard let id = required(element, "id"), let fullName = text(element, "fullName") else { return nil }
        guard let admitted = childDate(element, "admitted") else {
            if element.child(named: "admitted") == nil { problem(element, nil, "thiếu ngày vào Đảng <admitted>") }
            return nil
        }
        let confirmed = childDate(element, "confirmed")
        if let confirmed, confirmed < admitted {
            problem(element, nil, "ngày chính thức (\(confirmed)) trước ngày vào Đảng (\(admitted))")
        }
        let leftElement = element.child(named: "leftCell")
        var leaveReason: Member.LeaveReason?
        if let leftElement { leaveReason = enumeration(Member.LeaveReason.self, leftElement, "reason") }
        let birthYear = element.child(named: "birthYear").flatMap { Int(TextNormalization.trimmed($0.text)) }
        var exemptions: [Exemption] = []
        for child in element.children(named: "exemption") {
            guard let from = requiredDate(child, "from"), let reason = nonEmpty(child) else { continue }
            exemptions.append(Exemption(from: from, to: date(child, "to"), reason: reason))
        }
        var roles: [Role] = []
        for child in element.children(named: "role") {
            guard let title = enumeration(Role.Title.self, child, "title"), let from = requiredDate(child, "from")
            else {
                continue
            }
            roles.append(Role(title: title, from: from, to: date(child, "to")))
        }
        var posts: [ConcurrentPost] = []
        for child in element.children(named: "concurrentPost") {
            guard let from = requiredDate(child, "from"), let title = nonEmpty(child) else { continue }
            posts.append(ConcurrentPost(title: title, from: from, to: date(child, "to")))
        }
        return Member(
            id: id, fullName: fullName, birthYear: birthYear, admitted: admitted, confirmed: confirmed,
            joinedCell: childDate(element, "joinedCell"),
            leftCell: leftElement == nil ? nil : childDate(element, "leftCell"),
            leaveReason: leaveReason, temporary: element.child(named: "temporary") != nil, exemptions: exemptions,
            roles: roles, concurrentPosts: posts)
    }

    private mutating func meeting(_ element: XMLElement) -> Meeting? {
        guard let id = required(element, "id"), let cell = reference(.cell, element, "cell"),
            let kind = enumeration(Meeting.Kind.self, element, "kind"), let date = requiredDate(element, "date"),
            let start = time(element, "start"), let end = time(element, "end"),
            let place = text(element, "place"),
            let chairElement = element.child(named: "chair"), let chair = reference(.member, chairElement, "member"),
            let recorderElement = element.child(named: "recorder"),
            let recorder = reference(.member, recorderElement, "member")
        else { return nil }
        var attendance: [Attendance] = []
        var listed: Set<String> = []
        for entry in element.child(named: "attendance")?.children ?? [] {
            guard let member = reference(.member, entry, "member") else { continue }
            if !listed.insert(member).inserted {
                problem(entry, "member", "đảng viên \(member) được ghi hai lần trong danh sách dự họp")
                continue
            }
            switch entry.name {
            case "present": attendance.append(Attendance(memberID: member, presence: .present))
            case "absent":
                let excused = ["true", "1"].contains(entry.attribute("excused").map(TextNormalization.trimmed))
                attendance.append(
                    Attendance(memberID: member, presence: excused ? .excused : .unexcused, reason: optionalText(entry))
                )
            default: problem(entry, nil, "phần tử không hợp lệ trong <attendance>: <\(entry.name)>")
            }
        }
        var votes: [Vote] = []
        for vote in element.children(named: "vote") {
            guard let subject = required(vote, "subject"),
                let votesFor = integer(vote, "for", maximum: Vote.maximumCount)
            else { continue }
            votes.append(
                Vote(
                    subject: subject, votesFor: votesFor,
                    votesAgainst: integer(vote, "against", maximum: Vote.maximumCount) ?? 0,
                    abstentions: integer(vote, "abstain", maximum: Vote.maximumCount) ?? 0))
        }
        var reports: [TaskReport] = []
        for report in element.children(named: "taskReport") {
            guard let task = reference(.task, report, "task"),
                let status = enumeration(TaskReport.Status.self, report, "status")
            else { continue }
            reports.append(TaskReport(taskID: task, status: status, note: optionalText(report)))
        }
        func rating(_ name: String) -> Rating? {
            guard let ratingElement = element.child(named: name),
                let level = enumeration(Rating.Level.self, ratingElement, "level")
            else { return nil }
            let score = integer(ratingElement, "score", maximum: 100)
            return Rating(level: level, score: score, note: optionalText(ratingElement))
        }
        var meeting = Meeting(
            id: id, cellID: cell, kind: kind, date: date, start: start, end: end, place: place,
            topic: optionalText(element.child(named: "topic")), chairID: chair, recorderID: recorder,
            guests: element.children(named: "guest").map { Self.trimmed($0.text) }, attendance: attendance,
            agenda: element.child(named: "agenda")?.children(named: "item").map { Self.trimmed($0.text) } ?? [],
            proceedings: paragraphs(element.child(named: "proceedings")),
            conclusion: paragraphs(element.child(named: "conclusion")), votes: votes, taskReports: reports,
            rating: rating("rating"), committeeRating: rating("committeeRating"), attachments: attachments(element))
        if let status = readLifecycle(element, content: .meeting(meeting)) { meeting.status = status }
        return meeting
    }

    private mutating func time(_ element: XMLElement, _ attribute: String) -> TimeOfDay? {
        guard let text = required(element, attribute) else { return nil }
        guard let time = TimeOfDay(text) else {
            problem(element, attribute, "giờ không hợp lệ (cần HH:MM): \(text)")
            return nil
        }
        return time
    }

    private mutating func attachments(_ element: XMLElement) -> [Attachment] {
        var result: [Attachment] = []
        for child in element.children(named: "attachment") {
            guard let name = required(child, "name"), let mediaType = required(child, "mediaType"),
                let declared = required(child, "sha256")
            else { continue }
            // The reader decoded the text as it streamed; what libxml2 read after it (line
            // ends, or text after a comment or in CDATA) goes through the same decoder.
            var decoder = child.base64 ?? Base64Decoder()
            decoder.feed(child.text)
            guard let content = decoder.finish() else {
                let message = "tệp đính kèm \(name): nội dung base64 không hợp lệ"
                if decoder.invalidLine > 0 {
                    // At the character that is not base64, where the reader saw it.
                    problems.append(
                        SourceProblem(line: decoder.invalidLine, message: message, column: decoder.invalidColumn))
                } else {
                    problem(child, "name", message)
                }
                continue
            }
            let actual = Attachment.digest(of: content)
            guard actual == declared.lowercased() else {
                problem(
                    child, "sha256",
                    "tệp đính kèm \(name): mã sha256 không khớp với nội dung (khai báo \(declared), tính được \(actual))"
                )
                continue
            }
            result.append(Attachment(name: name, mediaType: mediaType, sha256: actual, content: content))
        }
        return result
    }

    private mutating func document(_ element: XMLElement) -> Document? {
        guard let id = required(element, "id"), let cell = reference(.cell, element, "cell"),
            let kind = enumeration(Document.Kind.self, element, "type"), let date = requiredDate(element, "date"),
            let status = enumeration(Document.Status.self, element, "status"),
            let place = text(element, "place"), let title = text(element, "title")
        else { return nil }
        let number = integer(element, "number", maximum: Document.maximumNumber)
        if number == 0 { problem(element, "number", "số văn bản phải từ 1 trở lên") }
        if number == nil && status != .draft {
            problem(element, nil, "văn bản \(id) ở trạng thái \(status.rawValue) phải có số (number)")
        }
        let classification: Document.Classification =
            element.attribute("classification") == nil
            ? .none : enumeration(Document.Classification.self, element, "classification") ?? .none
        var tasks: [DocumentTask] = []
        for child in element.children(named: "task") {
            guard let taskID = required(child, "id"), let text = nonEmpty(child) else { continue }
            tasks.append(
                DocumentTask(
                    id: taskID, assigneeID: reference(.member, child, "assignee", required: false),
                    due: self.date(child, "due"), text: text))
        }
        var signature: Signature?
        if let child = element.child(named: "signature"), let signer = reference(.member, child, "member") {
            signature = Signature(
                memberID: signer, authority: optional(child, "authority"), title: optional(child, "title"))
        }
        var supersedes: String?
        if let child = element.child(named: "supersedes") { supersedes = reference(.document, child, "document") }
        let termID = reference(.term, element, "term", required: false)
        let meetingID = reference(.meeting, element, "meeting", required: false)
        let document = Document(
            id: id, cellID: cell, kind: kind, number: number, termID: termID,
            date: date, status: status, classification: classification,
            meetingID: meetingID, place: place, title: title,
            body: paragraphs(element.child(named: "body")), tasks: tasks, signature: signature,
            recipients: element.children(named: "recipient").map { Self.trimmed($0.text) },
            supersedesID: supersedes,
            attachments: attachments(element))
        if element.child(named: "lifecycle")?.attribute("status") != nil {
            problem(element, nil, "trạng thái của văn bản ghi ở thuộc tính status, không ở <lifecycle>")
        }
        _ = readLifecycle(element, content: .document(document))
        return document
    }
}
