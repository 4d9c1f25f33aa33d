import Foundation

/// The document form (a resolution, a report…) as plain text: written blank for a cell and a
/// type, or filled from a document for a correction, and read back into a draft `Document`.
public enum DocumentForm {
    // MARK: Writing

    /// The form, blank for a document of `kind` of `cell` dated `date`, or filled with
    /// `document` (for a correction). The secretary on that day is proposed as signer.
    public static func render(cell: Cell, kind: Document.Kind, date: LocalDate, document: Document? = nil) -> String {
        let day = document?.date ?? date
        let byID = Dictionary(cell.members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func person(_ id: String?) -> String {
            guard let id else { return "" }
            return byID[id].map(FormVocabulary.written) ?? id
        }
        let secretary = cell.members.first { member in
            member.belongsToCell(on: day)
                && member.roles.contains {
                    $0.title == .secretary && $0.from <= day && ($0.to.map { day <= $0 } ?? true)
                }
        }
        let kind = document?.kind ?? kind
        let how: String =
            switch document {
            case nil:
                "# Điền mẫu này rồi lưu thành dự thảo bằng lệnh: sochibo file TỆP_NÀY; ban hành bằng: sochibo issue MÃ"
            case let document? where !document.isLocked:
                "# Sửa mẫu này rồi lưu lại dự thảo \(document.id) bằng lệnh: sochibo file TỆP_NÀY; "
                    + "ban hành bằng: sochibo issue \(document.id)"
            case let document?: "# Sửa mẫu này rồi ghi đính chính bằng lệnh: sochibo correct \(document.id) TỆP_NÀY"
            }
        var lines = [
            "# \(kind.vietnameseName.uppercased()) — mẫu văn bản của chi bộ",
            how,
            "# Dòng bắt đầu bằng dấu # là hướng dẫn; chương trình bỏ qua. Số văn bản do chương trình cấp khi ban hành.",
            "",
            "Chi bộ: \(cell.name) [\(cell.id)]",
            "Mã văn bản: \(document?.id ?? "")",
            "Loại: \(kind.rawValue) (\(kind.vietnameseName))",
            "# Ngày ghi dạng ngày/tháng/năm, ví dụ 29/12/2024.",
            "Ngày: \(day.vietnameseShort)",
            "Nơi ban hành: \(document?.place ?? "")",
            "# Độ mật: không, mật, tối mật hoặc tuyệt mật.",
            "Độ mật: \(classificationWord(document?.classification ?? .none))",
            "# Mã kỳ sinh hoạt đã thông qua văn bản, nếu có.",
            "Thông qua tại kỳ sinh hoạt: \(document?.meetingID ?? "")",
            "Trích yếu: \(document?.title ?? "")",
            "",
            "[Nội dung]",
            "# Các đoạn cách nhau một dòng trống.",
        ]
        let body = document?.body ?? []
        lines += body.isEmpty ? [""] : Array(body.map { [$0, ""] }.joined().dropLast())
        lines += [
            "", "[Nhiệm vụ]",
            "# Mỗi nhiệm vụ một dòng: nội dung | người phụ trách | hạn (ngày/tháng/năm); hai mục sau có thể để trống.",
            "# Mã trong ngoặc vuông ở đầu dòng là mã của nhiệm vụ đã có: giữ nguyên.",
        ]
        for task in document?.tasks ?? [] {
            lines.append(
                "[\(task.id)] \(task.text) | \(person(task.assigneeID)) | \(task.due.map(\.vietnameseShort) ?? "")")
        }
        lines += [
            "", "[Ký]",
            "Thẩm quyền: \(document?.signature?.authority ?? "T/M CHI BỘ")",
            "Chức vụ: \(document?.signature?.title ?? "BÍ THƯ")",
            "Người ký: \(document.map { person($0.signature?.memberID) } ?? secretary.map(FormVocabulary.written) ?? "")",
            "", "[Nơi nhận]", "# Mỗi nơi nhận một dòng, bắt đầu bằng dấu -.",
        ]
        let recipients = document?.recipients ?? ["Đảng ủy xã", "Lưu Chi bộ"]
        lines += recipients.map { "- \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func classificationWord(_ classification: Document.Classification) -> String {
        switch classification {
        case .none: "không"
        case .confidential: "mật"
        case .secret: "tối mật"
        case .topSecret: "tuyệt mật"
        }
    }

    // MARK: Reading

    /// Reads a filled form into a draft document of `cell`; a task written with `[id]` keeps it,
    /// new tasks are numbered `ID-t1`, `ID-t2`… on from those taken.
    ///
    /// - parameters:
    ///   - knownMeetings: the cell's meetings (identifier → date), for `Thông qua tại kỳ sinh
    ///     hoạt`, which takes a code, or the day ("28/12/2024", "Nà Pàn 28/12/2024").
    /// - returns: the document, or `nil` and every mistake at its line.
    package static func read(
        _ form: FormText, file: String, id: String, cell: Cell, knownMeetings: [String: LocalDate],
        today: LocalDate
    ) -> (document: Document?, problems: [FormProblem]) {
        var reader = FormFieldReader(form: form, file: file, cell: cell, today: today)
        var kind: Document.Kind?
        if let value = reader.text("Loại") {
            let code = String(value.prefix { !$0.isWhitespace && $0 != "(" })
            let folded = VietnameseText.fold(value)
            kind =
                Document.Kind.allCases.first { $0.rawValue.lowercased() == code.lowercased() }
                ?? Document.Kind.allCases.first { VietnameseText.fold($0.vietnameseName) == folded }
            if kind == nil {
                reader.problem(
                    form.field("Loại")?.number ?? 0,
                    "loại văn bản “\(value)”: ghi một mã NQ, KL, QĐ, CT, HD, TB, BC, KH, CTr, TTr, ĐA, BB, CV")
            }
        }
        let date = reader.date("Ngày")
        let place = reader.text("Nơi ban hành")
        let title = reader.text("Trích yếu")
        let classification: Document.Classification =
            form.field("Độ mật")?.text.isEmpty == false
            ? reader.choice(
                "Độ mật",
                [
                    ("khong", Document.Classification.none), ("tuyet mat", .topSecret), ("toi mat", .secret),
                    ("mat", .confidential),
                ], describe: "không, mật, tối mật hoặc tuyệt mật") ?? .none
            : .none
        var meetingID: String?
        if let written = reader.optionalText("Thông qua tại kỳ sinh hoạt") {
            switch meeting(written, cell: cell, known: knownMeetings) {
            case .success(let id): meetingID = id
            case .failure(let problem):
                reader.problem(form.field("Thông qua tại kỳ sinh hoạt")?.number ?? 0, problem.message)
            }
        }
        let body = form.paragraphs("Nội dung")
        if body.isEmpty { reader.problem(form.sectionLine("Nội dung"), "chưa ghi nội dung văn bản") }

        var tasks: [DocumentTask] = []
        var unnamed: [Int] = []
        for line in form.section("Nhiệm vụ") ?? [] where !line.text.isEmpty {
            // An existing task keeps its identifier, written first in brackets.
            var text = Substring(line.text)
            var taskID: String?
            if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                taskID = TextNormalization.trimmed(String(text[text.index(after: text.startIndex)..<close]))
                text = text[text.index(after: close)...]
            }
            let parts = text.split(separator: "|", omittingEmptySubsequences: false).map {
                TextNormalization.trimmed(String($0))
            }
            guard !parts[0].isEmpty, parts.count <= 3 else {
                reader.problem(line.number, "nhiệm vụ cần dạng: nội dung | người phụ trách | hạn")
                continue
            }
            var assignee: String?
            if parts.count > 1, !parts[1].isEmpty {
                assignee = reader.member(parts[1], line: line.number, on: date)?.id
            }
            var due: LocalDate?
            if parts.count > 2, !parts[2].isEmpty {
                let typed = LocalDate.typed(parts[2])
                due = typed.date
                if let problem = typed.problem(label: "hạn") { reader.problem(line.number, problem) }
            }
            if taskID == nil { unnamed.append(tasks.count) }
            tasks.append(DocumentTask(id: taskID ?? "", assigneeID: assignee, due: due, text: parts[0]))
        }
        // New tasks are numbered on from the document's: ID-t1, ID-t2… not yet taken.
        var taken = Set(tasks.map(\.id))
        var next = 1
        for index in unnamed {
            while taken.contains("\(id)-t\(next)") { next += 1 }
            tasks[index].id = "\(id)-t\(next)"
            taken.insert(tasks[index].id)
        }

        var signature: Signature?
        var authority = "T/M CHI BỘ", signerTitle = "BÍ THƯ"
        var signing: [String: Int] = [:]
        for line in form.section("Ký") ?? [] where !line.text.isEmpty {
            let (label, value) = FormFieldReader.split(line.text)
            let key = FormText.key(label)
            if let earlier = signing[key] {
                reader.problem(
                    line.number,
                    "“\(label)” đã ghi ở dòng \(earlier) và ghi lại ở dòng \(line.number); mỗi mục chỉ ghi một lần, hãy xóa một dòng"
                )
                continue
            }
            signing[key] = line.number
            switch key {
            case "tham quyen": authority = value
            case "chuc vu": signerTitle = value
            case "nguoi ky":
                if !value.isEmpty, let signer = reader.member(value, line: line.number, on: date) {
                    signature = Signature(
                        memberID: signer.id, authority: authority.isEmpty ? nil : authority,
                        title: signerTitle.isEmpty ? nil : signerTitle)
                }
            default:
                reader.problem(
                    line.number, "không hiểu dòng “\(line.text)” trong [Ký]: ghi Thẩm quyền, Chức vụ, Người ký")
            }
        }
        let recipients = form.items("Nơi nhận").map(\.text)

        guard reader.problems.isEmpty, let kind, let date, let place, let title else { return (nil, reader.problems) }
        return (
            Document(
                id: id, cellID: cell.id, kind: kind, date: date, status: .draft, classification: classification,
                meetingID: meetingID, place: place, title: title, body: body.map(\.text), tasks: tasks,
                signature: signature, recipients: recipients), []
        )
    }

    /// Why a form's meeting is none of the cell's: the sentence, without a full stop.
    struct MeetingProblem: Error {
        var message: String
    }

    /// The meeting of `cell` that `written` names (issue 11, item 9): its code, or its day as
    /// "28/12/2024", "ngày 28/12/2024", "Nà Pàn 28/12/2024" or "Chi bộ thôn Nà Pàn ngày
    /// 28/12/2024" (the cell must be the form's own).
    ///
    /// - parameter known: the cell's meetings, identifier → date.
    /// - returns: the identifier, or the problem: an unknown code with the closest codes, a
    ///   day without minutes with the nearest days, a day with several minutes with each.
    static func meeting(
        _ written: String, cell: Cell, known: [String: LocalDate]
    ) -> Result<String, MeetingProblem> {
        let text = TextNormalization.collapsed(written)
        if known[text] != nil { return .success(text) }
        func label(_ id: String) -> String { "\(id) (ngày \(known[id]?.vietnameseShort ?? ""))" }
        var words = text.split(separator: " ").map(String.init)
        if let last = words.last, LocalDate.typed(last) != .invalid(last) {
            words.removeLast()
            guard case .date(let day) = LocalDate.typed(last) else {
                return .failure(
                    MeetingProblem(message: LocalDate.typed(last).problem(label: "Thông qua tại kỳ sinh hoạt") ?? text))
            }
            if let word = words.last, VietnameseText.fold(word) == "ngay" { words.removeLast() }
            let named = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;:-–"))
            if !named.isEmpty, NameMatch.find(named, among: [(id: cell.id, name: cell.name)]) != .found(cell.id) {
                return .failure(
                    MeetingProblem(
                        message:
                            "“\(named)” không phải \(cell.name): văn bản chỉ ghi kỳ sinh hoạt của chính chi bộ mình (mã hoặc ngày họp)"
                    ))
            }
            let ofDay = known.filter { $0.value == day }.map(\.key).sorted()
            if ofDay.count == 1 { return .success(ofDay[0]) }
            if ofDay.count > 1 {
                return .failure(
                    MeetingProblem(
                        message:
                            "ngày \(day.vietnameseShort) \(cell.name) có \(ofDay.count) kỳ sinh hoạt (\(ofDay.joined(separator: ", "))); hãy ghi mã của một kỳ"
                    ))
            }
            let nearest = known.sorted {
                (abs(dayNumber($0.value) - dayNumber(day)), $0.value, $0.key)
                    < (abs(dayNumber($1.value) - dayNumber(day)), $1.value, $1.key)
            }.prefix(3).map(\.key)
            return .failure(
                MeetingProblem(
                    message: "\(cell.name) không có kỳ sinh hoạt nào ngày \(day.vietnameseShort)"
                        + (nearest.isEmpty ? "" : "; có phải: " + nearest.map(label).joined(separator: "; ") + "?")))
        }
        let lowered = text.lowercased()
        let closest =
            text.count > 200
            ? []
            : known.keys.compactMap { id in
                EditDistance.between(lowered, id.lowercased(), atMost: 3).map { (id: id, distance: $0) }
            }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.prefix(3).map(\.id)
        return .failure(
            MeetingProblem(
                message: "không có kỳ sinh hoạt \(text) của \(cell.name)"
                    + (closest.isEmpty
                        ? "; ghi mã kỳ sinh hoạt hoặc ngày họp, ví dụ 28/12/2024"
                        : "; có phải: " + closest.map(label).joined(separator: "; ") + "?")))
    }

    /// Days since 1 March of year 0, for how far apart two dates are.
    private static func dayNumber(_ date: LocalDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let month = (date.month + 9) % 12
        return 365 * year + year / 4 - year / 100 + year / 400 + (153 * month + 2) / 5 + date.day - 1
    }
}
