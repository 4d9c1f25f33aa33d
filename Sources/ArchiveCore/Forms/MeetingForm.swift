/// The minutes form (BIÊN BẢN SINH HOẠT CHI BỘ) as plain text: written blank for a cell and a
/// day, or filled from a meeting for a correction, and read back into a `Meeting` with every
/// mistake at its line.
public enum MeetingForm {
    /// A task still open, listed on the form for the meeting to report on.
    public struct OpenTask: Sendable, Hashable {
        /// The task.
        public var task: DocumentTask
        /// The symbol or title of the document that assigned it.
        public var source: String
        /// The identifier of the document that assigned it.
        public var documentID: String
        /// Whether that document is marked Mật or higher: its task is shown only to a reader
        /// allowed to read it (`domain.md`: confidential documents stay where they are).
        public var confidential: Bool

        /// Creates an open task.
        public init(task: DocumentTask, source: String, documentID: String = "", confidential: Bool = false) {
            self.task = task
            self.source = source
            self.documentID = documentID
            self.confidential = confidential
        }
    }

    // MARK: Writing

    /// The form, blank for `cell` on `date`, or filled with `meeting` (for a correction).
    /// Every member of the cell on that day is listed by full name, probationary and exempt
    /// members marked; the open tasks are listed for their reports.
    ///
    /// - parameter withheldTasks: open tasks of confidential documents left out of the form,
    ///   counted in its guidance so that the secretary knows to report on them another way.
    public static func render(
        cell: Cell, date: LocalDate, openTasks: [OpenTask], meeting: Meeting? = nil, withheldTasks: Int = 0
    ) -> String {
        let day = meeting?.date ?? date
        let members = cell.members.filter { $0.belongsToCell(on: day) }
        let byID = Dictionary(cell.members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func person(_ id: String?) -> String {
            guard let id else { return "" }
            return byID[id].map(FormVocabulary.written) ?? id
        }
        let secretary = members.first { member in
            member.roles.contains { $0.title == .secretary && $0.from <= day && ($0.to.map { day <= $0 } ?? true) }
        }
        // A draft is saved again as it was filed; only approved minutes are corrected.
        let how: String =
            switch meeting {
            case nil: "# Điền mẫu này rồi lưu lại bằng lệnh: sochibo file TỆP_NÀY"
            case let meeting? where !meeting.isLocked:
                "# Sửa mẫu này rồi lưu lại dự thảo \(meeting.id) bằng lệnh: sochibo file TỆP_NÀY"
            case let meeting?: "# Sửa mẫu này rồi ghi đính chính bằng lệnh: sochibo correct \(meeting.id) TỆP_NÀY"
            }
        var lines = [
            "# BIÊN BẢN SINH HOẠT CHI BỘ",
            how,
            "# Dòng bắt đầu bằng dấu # là hướng dẫn; chương trình bỏ qua.",
            "# Đảng viên ghi bằng họ tên, hoặc họ tên kèm mã trong ngoặc vuông, ví dụ Nguyễn Văn A [mã-đảng-viên].",
            "",
            "Chi bộ: \(cell.name) [\(cell.id)]",
            "Mã biên bản: \(meeting?.id ?? "")",
            "# Loại: thường kỳ, chuyên đề, kết hợp (thường kỳ kết hợp chuyên đề) hoặc bất thường.",
            "Loại: \(kindWord(meeting?.kind ?? .regular))",
            "# Ngày ghi dạng ngày/tháng/năm, ví dụ 28/12/2024.",
            "Ngày: \(day.vietnameseShort)",
            "# Giờ ghi như 19:30, 19h30 hoặc 7 giờ 30 tối; họp qua nửa đêm thì giờ kết thúc nhỏ hơn giờ bắt đầu.",
            "Bắt đầu: \(meeting.map { "\($0.start)" } ?? "")",
            "Kết thúc: \(meeting.map { "\($0.end)" } ?? "")",
            "Địa điểm: \(meeting?.place ?? "")",
            "Chủ đề: \(meeting?.topic ?? "")",
            "Chủ trì: \(meeting.map { person($0.chairID) } ?? secretary.map(FormVocabulary.written) ?? "")",
            "Thư ký: \(meeting.map { person($0.recorderID) } ?? "")",
            "# Mỗi khách mời một dòng “Khách mời: …”.",
        ]
        let guests = meeting?.guests ?? []
        lines += (guests.isEmpty ? [""] : guests).map { "Khách mời: \($0)" }
        lines += [
            "",
            "[Điểm danh]",
            "# Sau mỗi tên ghi: có mặt (hoặc x), vắng có lý do: LÝ DO, hoặc vắng không lý do (lý do ghi sau dấu :, -, dấu phẩy hoặc trong ngoặc).",
            "# Đảng viên miễn sinh hoạt: để trống nếu không dự, ghi “có mặt” nếu có dự.",
        ]
        for member in members {
            var mark = ""
            if member.isExempt(on: day) {
                mark = " (miễn sinh hoạt)"
            } else if !member.isOfficial(on: day) {
                mark = " (dự bị)"
            }
            lines.append("\(FormVocabulary.written(member))\(mark): \(presenceWords(meeting, member.id))")
        }
        lines += ["", "[Nội dung]", "# Mỗi nội dung một dòng, bắt đầu bằng dấu -."]
        lines += (meeting?.agenda ?? [""]).map { "- \($0)" }
        lines += ["", "[Diễn biến]", "# Ghi ai phát biểu gì; các đoạn cách nhau một dòng trống."]
        lines += paragraphs(meeting?.proceedings ?? [])
        lines += ["", "[Kết luận]"] + paragraphs(meeting?.conclusion ?? [])
        lines += [
            "", "[Biểu quyết]",
            "# Mỗi lần biểu quyết một dòng: nội dung | tán thành | không tán thành | không biểu quyết",
            "# Ví dụ: Thông qua nghị quyết tháng 12 | 12 | 0 | 1",
        ]
        lines += (meeting?.votes ?? []).map {
            "\($0.subject) | \($0.votesFor) | \($0.votesAgainst) | \($0.abstentions)"
        }
        lines += [
            "", "[Báo cáo nhiệm vụ]",
            "# Các nhiệm vụ chưa xong, mỗi nhiệm vụ dưới dòng mô tả của nó. Sau mã nhiệm vụ ghi: đã xong, đang làm,",
            "# chưa làm hoặc hủy; ghi chú sau dấu “—”. Để trống nếu không báo cáo.",
        ]
        var reported = Set<String>()
        for report in meeting?.taskReports ?? [] {
            reported.insert(report.taskID)
            lines.append("\(report.taskID): \(statusWord(report.status))\(report.note.map { " — \($0)" } ?? "")")
        }
        if withheldTasks > 0 {
            lines.append(
                "# \(withheldTasks) nhiệm vụ của văn bản mật không ghi ở mẫu này; báo cáo các nhiệm vụ đó trên trang web bằng tài khoản được xem văn bản mật."
            )
        }
        for open in openTasks where !reported.contains(open.task.id) {
            let who = open.task.assigneeID.map { "; " + (byID[$0]?.fullName ?? $0) } ?? ""
            let due = open.task.due.map { "; hạn \($0.vietnameseShort)" } ?? ""
            lines.append("# \(open.source): \(open.task.text)\(who)\(due)")
            lines.append("\(open.task.id): ")
        }
        lines += [
            "", "[Xếp loại]", "# Mức: tốt, khá, trung bình hoặc kém; để trống nếu chưa xếp loại. Điểm: 0–100, nếu có.",
            "Mức: \(meeting?.rating.map { levelWord($0.level) } ?? "")",
            "Điểm: \(meeting?.rating?.score.map(String.init) ?? "")",
            "Nhận xét: \(meeting?.rating?.note ?? "")",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func paragraphs(_ texts: [String]) -> [String] {
        texts.isEmpty ? [""] : Array(texts.map { [$0, ""] }.joined().dropLast())
    }

    private static func presenceWords(_ meeting: Meeting?, _ memberID: String) -> String {
        guard let entry = meeting?.attendance.first(where: { $0.memberID == memberID }) else { return "" }
        switch entry.presence {
        case .present: return "có mặt"
        case .excused: return "vắng có lý do" + (entry.reason.map { ": \($0)" } ?? "")
        case .unexcused: return "vắng không lý do" + (entry.reason.map { ": \($0)" } ?? "")
        }
    }

    static func kindWord(_ kind: Meeting.Kind) -> String {
        switch kind {
        case .regular: "thường kỳ"
        case .thematic: "chuyên đề"
        case .combined: "kết hợp"
        case .extraordinary: "bất thường"
        }
    }

    static func statusWord(_ status: TaskReport.Status) -> String {
        switch status {
        case .done: "đã xong"
        case .inProgress: "đang làm"
        case .notStarted: "chưa làm"
        case .cancelled: "hủy"
        }
    }

    static func levelWord(_ level: Rating.Level) -> String {
        switch level {
        case .good: "tốt"
        case .fair: "khá"
        case .average: "trung bình"
        case .weak: "kém"
        }
    }

    // MARK: Reading

    /// Reads a filled form into a draft meeting of `cell`.
    ///
    /// - parameters:
    ///   - id: the meeting's identifier (the form's `Mã biên bản`, or one the archive chose).
    ///   - knownTasks: identifiers of the tasks the archive holds, for the reports.
    ///   - today: the day of filing; a meeting cannot be dated after it.
    /// - returns: the meeting, or `nil` and every mistake at its line.
    ///   - storedTimes: the start and end the record already has, when the form changes or
    ///     corrects one: kept as they are even where a new form would refuse them (no length,
    ///     or more than 12 hours), since an import accepts any times and such minutes must
    ///     still be correctable (issue 11, item 8: one rule on every path).
    package static func read(
        _ form: FormText, file: String, id: String, cell: Cell, knownTasks: Set<String>, today: LocalDate,
        storedTimes: (start: TimeOfDay, end: TimeOfDay)? = nil
    ) -> (meeting: Meeting?, problems: [FormProblem]) {
        var reader = FormFieldReader(form: form, file: file, cell: cell, today: today)
        let kind = reader.meetingKind("Loại")
        let date = reader.date("Ngày")
        let start = reader.time("Bắt đầu")
        let end = reader.time("Kết thúc")
        // One rule on every path (`Meeting.durationMinutes`): an end before the start is after
        // midnight. A form still refuses no length at all, and more than 12 hours, a slip.
        if let start, let end, let line = form.field("Kết thúc"),
            storedTimes.map({ $0.start != start || $0.end != end }) ?? true
        {
            let minutes = Meeting.duration(from: start, to: end)
            if minutes == 0 {
                reader.problem(line.number, "giờ kết thúc \(end) trùng giờ bắt đầu \(start)")
            } else if minutes > Meeting.longestTypedMinutes {
                let overnight = end.minutesSinceMidnight < start.minutesSinceMidnight ? " (qua nửa đêm)" : ""
                reader.problem(
                    line.number,
                    "từ \(start) đến \(end) là \(Meeting.lengthWords(minutes))\(overnight), dài hơn 12 giờ: "
                        + "hãy xem lại giờ bắt đầu và kết thúc")
            }
        }
        let place = reader.text("Địa điểm")
        let topic = reader.optionalText("Chủ đề")
        let chair = reader.person("Chủ trì", on: date)
        let recorder = reader.person("Thư ký", on: date)
        let guests = form.all("Khách mời").map(\.text).filter { !$0.isEmpty }

        // Attendance: every member of the cell that day who is not exempt must be marked.
        var attendance: [Attendance] = []
        var marked: [String: Int] = [:]
        for line in form.section("Điểm danh") ?? [] where !line.text.isEmpty {
            let (who, what) = FormFieldReader.split(line.text)
            guard let member = reader.member(who, line: line.number, on: date) else { continue }
            if let earlier = marked[member.id] {
                reader.problem(
                    line.number,
                    "\(member.fullName) đã được ghi ở dòng \(earlier): mỗi người chỉ ghi một lần, có mặt hoặc vắng")
                continue
            }
            marked[member.id] = line.number
            switch FormFieldReader.presence(what) {
            case .blank:
                if let date, !member.isExempt(on: date) {
                    reader.problem(line.number, "chưa ghi \(member.fullName) có mặt hay vắng")
                }
            case .marked(let presence, let reason):
                attendance.append(Attendance(memberID: member.id, presence: presence, reason: reason))
            case .presentWithNote(let note):
                reader.problem(
                    line.number,
                    "\(member.fullName) có mặt: biên bản không giữ ghi chú “\(note)” cho người có mặt; hãy ghi nó vào phần diễn biến"
                )
            case .unknown:
                reader.problem(
                    line.number, "không hiểu “\(what)”: ghi có mặt, vắng có lý do: LÝ DO, hoặc vắng không lý do")
            }
        }
        if let date {
            let missing = cell.members.filter {
                $0.belongsToCell(on: date) && !$0.isExempt(on: date) && marked[$0.id] == nil
            }
            if !missing.isEmpty {
                reader.problem(
                    form.sectionLine("Điểm danh"),
                    "điểm danh thiếu \(missing.count) đảng viên: " + missing.map(\.fullName).joined(separator: ", "))
            }
        }

        let agenda = form.items("Nội dung")
        if agenda.isEmpty { reader.problem(form.sectionLine("Nội dung"), "chưa ghi nội dung sinh hoạt nào") }
        let proceedings = form.paragraphs("Diễn biến")
        if proceedings.isEmpty { reader.problem(form.sectionLine("Diễn biến"), "chưa ghi diễn biến") }

        var votes: [Vote] = []
        for line in form.section("Biểu quyết") ?? [] where !line.text.isEmpty {
            let parts = line.text.split(separator: "|").map { TextNormalization.trimmed(String($0)) }
            let numbers = parts.dropFirst().map { Int($0) }
            guard parts.count == 4, !parts[0].isEmpty,
                numbers.allSatisfy({ (0...Vote.maximumCount).contains($0 ?? -1) })
            else {
                reader.problem(
                    line.number,
                    "biểu quyết cần dạng: nội dung | tán thành | không tán thành | không biểu quyết (số từ 0 đến \(Vote.maximumCount))"
                )
                continue
            }
            votes.append(
                Vote(subject: parts[0], votesFor: numbers[0]!, votesAgainst: numbers[1]!, abstentions: numbers[2]!))
        }

        var reports: [TaskReport] = []
        for line in form.section("Báo cáo nhiệm vụ") ?? [] where !line.text.isEmpty {
            let (written, value) = FormFieldReader.split(line.text)
            let taskID = String(written.prefix { !$0.isWhitespace && $0 != "(" })
            let words = TextNormalization.trimmed(value)
            if words.isEmpty { continue }
            guard knownTasks.contains(taskID) else {
                reader.problem(line.number, "không có nhiệm vụ \(taskID) trong kho")
                continue
            }
            guard let (status, note) = taskReport(words) else {
                reader.problem(
                    line.number,
                    "không hiểu “\(words)”: sau mã nhiệm vụ ghi đã xong, đang làm, chưa làm hoặc hủy, "
                        + "rồi ghi chú nếu có (ví dụ: đã xong - đã đổ bê tông 300 m)")
                continue
            }
            reports.append(TaskReport(taskID: taskID, status: status, note: note))
        }

        let rating = reader.rating()
        guard reader.problems.isEmpty, let kind, let date, let start, let end, let place, let chair, let recorder
        else { return (nil, reader.problems) }
        return (
            Meeting(
                id: id, cellID: cell.id, kind: kind, date: date, start: start, end: end, place: place, topic: topic,
                chairID: chair.id, recorderID: recorder.id, guests: guests, attendance: attendance,
                agenda: agenda.map(\.text), proceedings: proceedings.map(\.text),
                conclusion: form.paragraphs("Kết luận").map(\.text), votes: votes, taskReports: reports,
                rating: rating, status: .draft), []
        )
    }

    /// A report on a task as people write it after the task's code: the status ("đã xong",
    /// "hoàn thành", "đang làm", "chưa thực hiện", "hủy"…, with or without marks) and a note
    /// after any separator — "—", "–", "-", ":", a comma, "/", or in parentheses — the way
    /// absence reasons are read (issue 11, item 3); nil when no status opens the text.
    static func taskReport(_ text: String) -> (TaskReport.Status, String?)? {
        let statuses: [(String, TaskReport.Status)] = [
            ("da hoan thanh", .done), ("hoan thanh", .done), ("da xong", .done), ("xong", .done),
            ("dang thuc hien", .inProgress), ("dang lam", .inProgress), ("chua thuc hien", .notStarted),
            ("chua lam", .notStarted), ("da huy", .cancelled), ("huy", .cancelled),
        ]
        let separators: Set<Character> = ["—", "–", "-", ":", ",", ";", "/", "."]
        let characters = Array(text)
        for (phrase, status) in statuses {
            // Folding keeps one character for each ("đã xong" is "da xong"): a status ends
            // within its phrase's length, so only those first characters are tried.
            for end in 1...min(characters.count, phrase.count)
            where end == characters.count || !(characters[end].isLetter || characters[end].isNumber) {
                guard VietnameseText.fold(String(characters[..<end])) == phrase else { continue }
                var note = Substring(String(characters[end...]))
                while let first = note.first, first.isWhitespace || separators.contains(first) {
                    note = note.dropFirst()
                }
                if note.first == "(" && note.last == ")" { note = note.dropFirst().dropLast() }
                let cleaned = TextNormalization.trimmed(String(note))
                return (status, cleaned.isEmpty ? nil : cleaned)
            }
        }
        return nil
    }
}
