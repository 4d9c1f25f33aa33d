import Foundation

/// The minutes form as separate fields, as a web page sends them: written into the text form
/// so that the one reader (`MeetingForm.read`, through `ArchiveService.file(form:)`) checks
/// both, and each problem's line maps back to the field it came from.
///
/// ```swift
/// var fields = MeetingFormFields(cellID: "cb-na-pan")
/// fields.date = "2024-12-05"; fields.start = "19h30"
/// let (text, fieldAtLine) = fields.formText(cellName: "Chi bộ thôn Nà Pàn", memberNames: names)
/// ```
public struct MeetingFormFields: Sendable, Hashable {
    /// One member's row of the attendance.
    public struct Presence: Sendable, Hashable {
        /// `present`, `excused`, `unexcused`, or empty (not marked).
        public var mark: String
        /// The reason of an absence, as typed.
        public var reason: String

        /// Creates a row.
        public init(mark: String = "", reason: String = "") {
            self.mark = mark
            self.reason = reason
        }
    }

    /// One vote row; every part as typed.
    public struct VoteRow: Sendable, Hashable {
        public var subject: String
        public var votesFor: String
        public var votesAgainst: String
        public var abstentions: String

        /// Creates a row.
        public init(subject: String = "", votesFor: String = "", votesAgainst: String = "", abstentions: String = "") {
            self.subject = subject
            self.votesFor = votesFor
            self.votesAgainst = votesAgainst
            self.abstentions = abstentions
        }

        /// Whether nothing was typed in the row.
        public var isEmpty: Bool {
            [subject, votesFor, votesAgainst, abstentions].allSatisfy { TextNormalization.trimmed($0).isEmpty }
        }
    }

    /// A report on an open task: a status (`TaskReport.Status` raw value, or empty) and a note.
    public struct Report: Sendable, Hashable {
        public var status: String
        public var note: String

        /// Creates a report.
        public init(status: String = "", note: String = "") {
            self.status = status
            self.note = note
        }
    }

    public var cellID: String
    /// The draft's identifier, once filed; empty for new minutes.
    public var meetingID: String = ""
    /// `Meeting.Kind` raw value.
    public var kind: String = Meeting.Kind.regular.rawValue
    /// As typed: `YYYY-MM-DD` from a date input, or `dd/mm/yyyy`.
    public var date: String = ""
    /// As people write times: "19h30", "7 giờ tối".
    public var start: String = ""
    public var end: String = ""
    public var place: String = ""
    public var topic: String = ""
    /// Member identifiers.
    public var chairID: String = ""
    public var recorderID: String = ""
    /// One guest a line.
    public var guests: String = ""
    /// By member identifier.
    public var attendance: [String: Presence] = [:]
    /// One item a line.
    public var agenda: String = ""
    /// Paragraphs separated by a blank line.
    public var proceedings: String = ""
    public var conclusion: String = ""
    public var votes: [VoteRow] = []
    /// By task identifier.
    public var reports: [String: Report] = [:]
    /// `Rating.Level` raw value, or empty for no rating.
    public var ratingLevel: String = ""
    public var ratingScore: String = ""
    public var ratingNote: String = ""

    /// Empty fields for `cellID`.
    public init(cellID: String) { self.cellID = cellID }

    /// The fields of `meeting`, to edit a draft or correct approved minutes.
    public init(meeting: Meeting) {
        cellID = meeting.cellID
        meetingID = meeting.id
        kind = meeting.kind.rawValue
        date = meeting.date.description
        start = "\(meeting.start)"
        end = "\(meeting.end)"
        place = meeting.place
        topic = meeting.topic ?? ""
        chairID = meeting.chairID
        recorderID = meeting.recorderID
        guests = meeting.guests.joined(separator: "\n")
        for entry in meeting.attendance {
            attendance[entry.memberID] = Presence(mark: entry.presence.rawValue, reason: entry.reason ?? "")
        }
        agenda = meeting.agenda.joined(separator: "\n")
        proceedings = meeting.proceedings.joined(separator: "\n\n")
        conclusion = meeting.conclusion.joined(separator: "\n\n")
        votes = meeting.votes.map {
            VoteRow(
                subject: $0.subject, votesFor: String($0.votesFor), votesAgainst: String($0.votesAgainst),
                abstentions: String($0.abstentions))
        }
        for report in meeting.taskReports {
            reports[report.taskID] = Report(status: report.status.rawValue, note: report.note ?? "")
        }
        ratingLevel = meeting.rating?.level.rawValue ?? ""
        ratingScore = meeting.rating?.score.map(String.init) ?? ""
        ratingNote = meeting.rating?.note ?? ""
    }

    /// The most vote or task rows a page shows and reads from one form.
    public static let maximumRows = 50

    /// Field keys used in `fieldAtLine` and by the page beside each input.
    public enum Field {
        public static let general = "general"
        public static let kind = "kind", date = "date", start = "start", end = "end", place = "place"
        public static let topic = "topic", chair = "chair", recorder = "recorder", guests = "guests"
        public static let attendance = "attendance", agenda = "agenda", proceedings = "proceedings"
        public static let conclusion = "conclusion", votes = "votes", reports = "reports", rating = "rating"
        /// The row of one member: `attendance.ID`.
        public static func member(_ id: String) -> String { "attendance.\(id)" }
    }

    /// What the page must refuse before the text form is written, by `Field` key, in
    /// sentences about the page's own inputs: a control character in any field (which the
    /// text form would drop while cleaning, `domain.md` forbids storing it), and vote rows
    /// that the text form's `nội dung | tán thành | …` line could not carry or read.
    public func pageProblems() -> [String: [String]] {
        var problems: [String: [String]] = [:]
        var texts: [(String, String)] = [
            (Field.kind, kind), (Field.date, date), (Field.start, start), (Field.end, end), (Field.place, place),
            (Field.topic, topic), (Field.chair, chairID), (Field.recorder, recorderID), (Field.guests, guests),
            (Field.agenda, agenda), (Field.proceedings, proceedings), (Field.conclusion, conclusion),
            (Field.rating, ratingScore), (Field.rating, ratingNote),
        ]
        for (id, row) in attendance.sorted(by: { $0.key < $1.key }) { texts.append((Field.member(id), row.reason)) }
        for row in votes {
            texts += [row.subject, row.votesFor, row.votesAgainst, row.abstentions].map { (Field.votes, $0) }
        }
        for (_, report) in reports.sorted(by: { $0.key < $1.key }) { texts.append((Field.reports, report.note)) }
        for (field, text) in texts {
            guard let control = TextNormalization.firstControl(text), problems[field] == nil else { continue }
            problems[field, default: []].append(Self.controlSentence(control))
        }
        for (index, row) in votes.enumerated() where !row.isEmpty {
            let subject = TextNormalization.collapsed(row.subject)
            let name = subject.isEmpty ? "Biểu quyết thứ \(index + 1)" : "Biểu quyết “\(subject)”"
            if subject.isEmpty {
                problems[Field.votes, default: []].append("\(name) chưa ghi nội dung: hãy ghi biểu quyết về việc gì.")
            } else if subject.contains("|") {
                problems[Field.votes, default: []].append(
                    "\(name) có dấu “|”, sổ không giữ được dấu này trong nội dung biểu quyết: hãy viết khác đi.")
            }
            let counts = [row.votesFor, row.votesAgainst, row.abstentions].map { TextNormalization.trimmed($0) }
            if !counts.allSatisfy({ Int($0).map { (0...Vote.maximumCount).contains($0) } ?? false }) {
                problems[Field.votes, default: []].append(
                    "\(name): hãy ghi số người ở cả ba ô tán thành, không tán thành và không biểu quyết, "
                        + "mỗi ô một số từ 0 đến \(Percent.grouped(Vote.maximumCount)) (không có ai thì ghi 0).")
            }
        }
        return problems
    }

    /// The page's sentence for a control character in one of its inputs.
    static func controlSentence(_ control: Unicode.Scalar) -> String {
        "Ô này có ký tự điều khiển U+\(String(format: "%04X", control.value)) không in ra được (thường do dán từ nơi khác): "
            + "hãy xóa nó rồi gõ lại."
    }

    /// The text form these fields fill, and the field each line came from.
    ///
    /// - parameters:
    ///   - cellName: the cell's name, for the `Chi bộ:` line.
    ///   - members: the members listed on the page (attendance rows, chair and recorder), by
    ///     identifier, with their full names.
    /// - returns: the form text for `ArchiveService.file(form:)` or `correct(id:form:)`, and
    ///   a map from line number to `Field` key; problems on other lines are `Field.general`.
    ///   Lines a text box holds that the form would read as guidance (`#…`) or as a section
    ///   (`[…]`) are returned in `unwritable`, by field, for the page to refuse.
    public func formText(
        cellName: String, memberNames: [String: String], memberOrder: [String]
    ) -> (
        text: String, fieldAtLine: [Int: String], unwritable: [String: String]
    ) {
        var lines: [String] = []
        var fieldAtLine: [Int: String] = [:]
        var unwritable: [String: String] = [:]
        func add(_ line: String, _ field: String) {
            lines.append(line)
            fieldAtLine[lines.count] = field
        }
        func single(_ text: String) -> String {
            TextNormalization.collapsed(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        func person(_ id: String) -> String {
            let id = single(id)
            guard !id.isEmpty else { return "" }
            return "\(memberNames[id] ?? id) [\(id)]"
        }
        func textLines(_ text: String, _ field: String) -> [String] {
            let result = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
                TextNormalization.trimmed(String($0))
            }
            for line in result where line.hasPrefix("#") || (line.hasPrefix("[") && line.hasSuffix("]")) {
                unwritable[field] = line
            }
            return result
        }
        let kindWord = Meeting.Kind(rawValue: kind).map(MeetingForm.kindWord) ?? single(kind)
        add("Chi bộ: \(cellName) [\(cellID)]", Field.general)
        add("Mã biên bản: \(single(meetingID))", Field.general)
        add("Loại: \(kindWord)", Field.kind)
        add("Ngày: \(single(date))", Field.date)
        add("Bắt đầu: \(single(start))", Field.start)
        add("Kết thúc: \(single(end))", Field.end)
        add("Địa điểm: \(single(place))", Field.place)
        add("Chủ đề: \(single(topic))", Field.topic)
        add("Chủ trì: \(person(chairID))", Field.chair)
        add("Thư ký: \(person(recorderID))", Field.recorder)
        for guest in textLines(guests, Field.guests) where !guest.isEmpty {
            add("Khách mời: \(guest)", Field.guests)
        }
        add("", Field.general)
        add("[Điểm danh]", Field.attendance)
        for id in memberOrder {
            let row = attendance[id] ?? Presence()
            let reason = single(row.reason)
            let words: String
            switch Attendance.Presence(rawValue: row.mark) {
            case .present: words = "có mặt"
            case .excused: words = "vắng có lý do" + (reason.isEmpty ? "" : ": \(reason)")
            case .unexcused: words = "vắng không lý do" + (reason.isEmpty ? "" : ": \(reason)")
            case nil: words = ""
            }
            add("\(person(id)): \(words)", Field.member(id))
        }
        add("", Field.general)
        add("[Nội dung]", Field.agenda)
        for item in textLines(agenda, Field.agenda) where !item.isEmpty { add("- \(item)", Field.agenda) }
        for (section, text, field) in [
            ("Diễn biến", proceedings, Field.proceedings), ("Kết luận", conclusion, Field.conclusion),
        ] {
            add("", Field.general)
            add("[\(section)]", field)
            for line in textLines(text, field) { add(line, field) }
        }
        add("", Field.general)
        add("[Biểu quyết]", Field.votes)
        for row in votes where !row.isEmpty {
            add(
                [row.subject, row.votesFor, row.votesAgainst, row.abstentions].map(single).joined(separator: " | "),
                Field.votes)
        }
        add("", Field.general)
        add("[Báo cáo nhiệm vụ]", Field.reports)
        for (taskID, report) in reports.sorted(by: { $0.key < $1.key }) {
            guard let status = TaskReport.Status(rawValue: report.status) else { continue }
            let note = single(report.note)
            add("\(taskID): \(MeetingForm.statusWord(status))\(note.isEmpty ? "" : " — \(note)")", Field.reports)
        }
        add("", Field.general)
        add("[Xếp loại]", Field.rating)
        add("Mức: \(Rating.Level(rawValue: ratingLevel).map(MeetingForm.levelWord) ?? "")", Field.rating)
        add("Điểm: \(single(ratingScore))", Field.rating)
        add("Nhận xét: \(single(ratingNote))", Field.rating)
        return (lines.joined(separator: "\n") + "\n", fieldAtLine, unwritable)
    }
}
