import ArchiveCore

/// A meeting's minutes or a document as one self-contained HTML page in the Party layout of
/// `domain.md`, ready to print on A4 and sign: the heading, the number, the place-and-date
/// line in words, the type over the title, the body, and the signature places. Pure: model
/// values in, the page out; every text from the archive is escaped.
///
/// ```swift
/// let page = RecordPrint.document(resolution, cell: cell, organization: commune)
/// // <!DOCTYPE html>… ĐẢNG CỘNG SẢN VIỆT NAM … Số 01-NQ/CB … Phai Luông, ngày 06 tháng 01 năm 2023 …
/// ```
public enum RecordPrint {
    /// The page for whatever `Archive.printable(id:)` read.
    public static func render(_ record: PrintableRecord) -> String {
        switch record {
        case .minutes(let meeting, let cell, let organization, let locality, let tasks):
            minutes(meeting, cell: cell, organization: organization, locality: locality, tasks: tasks)
        case .document(let document, let cell, let organization):
            self.document(document, cell: cell, organization: organization)
        }
    }

    // MARK: Documents

    /// A document: the heading with its number (`Số 05-NQ/CB`, or a blank number and a
    /// "DỰ THẢO" marking for a draft) and its security marking, the type in capitals over the
    /// title, the body, the tasks it assigns, then the recipients beside the signature block.
    ///
    /// ```swift
    /// RecordPrint.document(resolution, cell: phaiLuong, organization: hopThanh)
    /// ```
    ///
    /// - parameters:
    ///   - cell: the issuing cell with its members, for the signer's and assignees' names.
    ///   - organization: the committee the cell belongs to, for the heading's parent line.
    public static func document(_ document: Document, cell: Cell, organization: Organization) -> String {
        let names = Names(cell.members)
        let kindCode = HTMLText.escape(document.kind.rawValue + "/" + cell.issuerCode)
        let number: String
        if document.status != .draft, let symbol = document.symbol(issuerCode: cell.issuerCode) {
            number = "Số " + self.symbol(symbol)
        } else {
            number = "<span class=\"symbol\">Số" + String(repeating: "&nbsp;", count: 8) + "-" + kindCode + "</span>"
        }
        var markings: [PartyHeading.Marking] = []
        if document.classification != .none {
            markings.append(.init(text: document.classification.vietnameseName.uppercased(), style: "secret"))
        }
        if document.status == .draft { markings.append(.init(text: "DỰ THẢO", style: "draft")) }
        var parts = [
            PartyHeading.html(
                parent: organization.name, issuer: cell.name, number: number, markings: markings,
                placeAndDate: "\(document.place), \(document.date.vietnameseLong)"),
            "<h1>\(HTMLText.escape(document.kind.vietnameseName.uppercased()))</h1>",
            "<p class=\"title\">\(HTMLText.escape(document.title))</p>",
            "<p class=\"rule\">-----</p>",
        ]
        let signature = document.signature
        let signer = signature.map { names[$0.memberID] } ?? ""
        let closing = """
            <section class="closing">
            \(recipients(document.recipients))
            <div class="signature">
            <div class="authority">\(HTMLText.escape((signature?.authority ?? "T/M CHI BỘ").uppercased()))</div>
            <div class="office">\(HTMLText.escape((signature?.title ?? "BÍ THƯ").uppercased()))</div>
            <div class="space"></div>
            <div class="name">\(HTMLText.escape(signer))</div>
            </div>
            </section>
            """
        // The signature never stands alone on a page: the last paragraph or task goes with it.
        let body = document.body.map(paragraph)
        let tasks = document.tasks.map { task in
            var text = HTMLText.escape(sentence(task.text))
            var details: [String] = []
            if let assignee = task.assigneeID { details.append("Đồng chí \(names[assignee]) phụ trách") }
            if let due = task.due { details.append("thời hạn hoàn thành: \(due.vietnameseLong)") }
            if !details.isEmpty { text += " " + HTMLText.escape(details.joined(separator: "; ") + ".") }
            return "<li>\(text)</li>"
        }
        if tasks.isEmpty {
            parts.append("<section class=\"body\">\n" + body.dropLast().joined(separator: "\n") + "\n</section>")
            parts.append("<div class=\"keep\">\n" + (body.last.map { $0 + "\n" } ?? "") + closing + "\n</div>")
        } else {
            parts.append("<section class=\"body\">\n" + body.joined(separator: "\n") + "\n</section>")
            parts.append(
                "<section class=\"tasks\">\n<p class=\"section\">PHÂN CÔNG THỰC HIỆN</p>\n<ol>\n"
                    + tasks.dropLast().joined(separator: "\n") + "\n</ol>\n</section>")
            parts.append(
                "<div class=\"keep\">\n<ol start=\"\(tasks.count)\">\n\(tasks.last ?? "")\n</ol>\n\(closing)\n</div>")
        }
        let symbol = document.status == .draft ? nil : document.symbol(issuerCode: cell.issuerCode)
        let pageTitle = [document.kind.vietnameseName, symbol.map { "số \($0)" }, "– " + document.title]
            .compactMap { $0 }.joined(separator: " ")
        return page(title: pageTitle, body: parts)
    }

    /// The recipients: "Nơi nhận:", each on a line starting "- " and ending ";", the last
    /// ending "."; the list ends with the filing line ("Lưu Chi bộ"), added when missing.
    private static func recipients(_ written: [String]) -> String {
        var lines = written.map(trimmedOfPunctuation).filter { !$0.isEmpty }
        let filing = lines.filter(isFilingLine)
        lines.removeAll(where: isFilingLine)
        lines += filing.isEmpty ? ["Lưu Chi bộ"] : filing
        let items = lines.enumerated().map { index, line in
            "<li>- \(HTMLText.escape(line))\(index == lines.count - 1 ? "." : ";")</li>"
        }
        return """
            <div class="recipients">
            <p class="label">Nơi nhận:</p>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </div>
            """
    }

    /// Whether a recipient is the filing line ("Lưu Chi bộ", "Lưu hồ sơ").
    private static func isFilingLine(_ recipient: String) -> Bool {
        recipient.lowercased().hasPrefix("lưu ")
    }

    /// `text` without the spaces and the `,;.` a writer may have ended it with.
    private static func trimmedOfPunctuation(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last.isWhitespace || ",;.".contains(last) { result = result.dropLast() }
        while let first = result.first, first.isWhitespace || first == "-" { result = result.dropFirst() }
        return String(result)
    }

    /// A body paragraph: justified with a first-line indent; a paragraph all in capitals
    /// ("I. KẾT QUẢ…") is a section heading, and "CHI BỘ QUYẾT NGHỊ:" stands centred.
    private static func paragraph(_ text: String) -> String {
        let letters = text.filter(\.isLetter)
        let capitals = letters.count >= 3 && letters.allSatisfy { !$0.isLowercase }
        if capitals && text.trimmingSuffix(":").hasSuffix("QUYẾT NGHỊ") {
            return "<p class=\"decides\">\(HTMLText.escape(text))</p>"
        }
        return "<p\(capitals ? " class=\"section\"" : "")>\(HTMLText.escape(text))</p>"
    }

    /// `text` ending with a full stop unless it already ends with punctuation.
    private static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?;:…".contains(last) ? text : text + "."
    }

    // MARK: Minutes

    /// A meeting's minutes (BIÊN BẢN SINH HOẠT CHI BỘ): the heading, the title and the kind of
    /// session, time, place, chair, recorder and guests, attendance by category with names
    /// (counted by `Meeting.attendanceCount(members:)` and `Member.status(on:)`), the agenda,
    /// proceedings, conclusion, votes against the members entitled to vote, task reports, the
    /// rating, the end time, and the recorder's and the chair's signature places.
    ///
    /// ```swift
    /// RecordPrint.minutes(meeting, cell: phaiLuong, organization: hopThanh, locality: "Phai Luông", tasks: [])
    /// ```
    ///
    /// - parameters:
    ///   - cell: the cell with all its members (any date; the rules pick those of the day).
    ///   - organization: the committee the cell belongs to.
    ///   - locality: the place name of the date line, e.g. "Phai Luông".
    ///   - tasks: the tasks the meeting's reports are about, to say what each task was.
    public static func minutes(
        _ meeting: Meeting, cell: Cell, organization: Organization, locality: String, tasks: [ReviewedTask]
    ) -> String {
        let names = Names(cell.members)
        var parts = [
            PartyHeading.html(
                parent: organization.name, issuer: cell.name, number: nil,
                markings: meeting.status == .draft ? [.init(text: "DỰ THẢO", style: "draft")] : [],
                placeAndDate: "\(locality), \(meeting.date.vietnameseLong)"),
            "<h1>BIÊN BẢN</h1>",
            "<p class=\"title\">\(HTMLText.escape(subtitle(meeting)))</p>",
        ]
        if let topic = meeting.topic, !topic.isEmpty {
            let label = meeting.kind == .extraordinary ? "Nội dung" : "Chuyên đề"
            parts.append("<p class=\"topic\">\(label): “\(HTMLText.escape(topic))”</p>")
        }
        parts.append("<p class=\"rule\">-----</p>")
        var facts = [
            line("Thời gian", "bắt đầu lúc \(clock(meeting.start)), \(meeting.date.vietnameseLong)."),
            line("Địa điểm", sentence(meeting.place)),
            line("Chủ trì", "đồng chí \(names.withOffice(meeting.chairID, on: meeting.date))."),
            line("Thư ký", "đồng chí \(names.withOffice(meeting.recorderID, on: meeting.date))."),
        ]
        if !meeting.guests.isEmpty {
            facts.append(
                line("Khách mời", nil)
                    + list(meeting.guests.map { HTMLText.escape(sentence($0)) }, style: "dashes"))
        }
        parts.append("<section class=\"facts\">\n" + facts.joined(separator: "\n") + "\n</section>")
        parts.append(attendance(meeting, cell: cell, names: names))

        var sections: [(String, String)] = [
            ("NỘI DUNG SINH HOẠT", list(meeting.agenda.map { HTMLText.escape(sentence($0)) }, ordered: true)),
            ("DIỄN BIẾN KỲ SINH HOẠT", meeting.proceedings.map(paragraph).joined(separator: "\n")),
            (
                "KẾT LUẬN",
                meeting.conclusion.isEmpty
                    ? "<p class=\"none\">Biên bản không ghi kết luận.</p>"
                    : meeting.conclusion.map(paragraph).joined(separator: "\n")
            ),
        ]
        if !meeting.votes.isEmpty { sections.append(("BIỂU QUYẾT", votes(meeting, cell: cell))) }
        if !meeting.taskReports.isEmpty {
            sections.append(("KIỂM ĐIỂM VIỆC THỰC HIỆN NHIỆM VỤ", taskReports(meeting, tasks: tasks, names: names)))
        }
        if let rating = meeting.rating {
            var text = "Chi bộ xếp loại chất lượng kỳ sinh hoạt: <b>\(rating.level.vietnameseName)</b>"
            if let score = rating.score { text += " (\(score) điểm)" }
            text += "."
            if let note = rating.note, !note.isEmpty { text += " Nhận xét: " + HTMLText.escape(sentence(note)) }
            sections.append(("XẾP LOẠI CHẤT LƯỢNG KỲ SINH HOẠT", "<p>\(text)</p>"))
        }
        for (index, section) in sections.enumerated() {
            parts.append(
                "<section class=\"part\">\n<h2>\(roman(index + 1)). \(section.0)</h2>\n\(section.1)\n</section>")
        }
        parts.append(
            """
            <div class="keep">
            <p class="end">\(HTMLText.escape(endLine(meeting)))</p>
            <section class="closing signatures">
            <div class="signature">
            <div class="office">THƯ KÝ</div>
            <div class="space"></div>
            <div class="name">\(HTMLText.escape(names[meeting.recorderID]))</div>
            </div>
            <div class="signature">
            <div class="office">CHỦ TRÌ</div>
            <div class="space"></div>
            <div class="name">\(HTMLText.escape(names[meeting.chairID]))</div>
            </div>
            </section>
            </div>
            """)
        let pageTitle = "Biên bản sinh hoạt chi bộ ngày \(meeting.date.vietnameseShort) – \(cell.name)"
        return page(title: pageTitle, body: parts)
    }

    /// "Sinh hoạt chi bộ thường kỳ tháng 01 năm 2023", and the like for the other kinds.
    private static func subtitle(_ meeting: Meeting) -> String {
        let month = "tháng \(twoDigits(meeting.date.month)) năm \(meeting.date.year)"
        return switch meeting.kind {
        case .regular: "Sinh hoạt chi bộ thường kỳ \(month)"
        case .combined: "Sinh hoạt chi bộ thường kỳ \(month) kết hợp sinh hoạt chuyên đề"
        case .thematic: "Sinh hoạt chuyên đề quý \(roman(meeting.date.quarter)) năm \(meeting.date.year)"
        case .extraordinary: "Sinh hoạt chi bộ bất thường \(meeting.date.vietnameseLong)"
        }
    }

    /// The attendance by category, each with its names; exempt members apart.
    private static func attendance(_ meeting: Meeting, cell: Cell, names: Names) -> String {
        let date = meeting.date
        let count = meeting.attendanceCount(members: cell.members)
        let members = cell.members.filter { $0.status(on: date) != .notMember }
        let probationary = members.filter { !$0.isOfficial(on: date) }
        let exempt = members.filter { $0.status(on: date) == .exempt }
        let exemptPresent = exempt.filter { meeting.presence(of: $0.id) == .present }
        let expected = members.filter { $0.status(on: date) != .exempt }
        func listed(_ presence: Attendance.Presence) -> [Member] {
            expected.filter { meeting.presence(of: $0.id) == presence }
        }
        func reason(_ member: Member) -> String {
            let written = meeting.attendance.first { $0.memberID == member.id }?.reason ?? ""
            return written.isEmpty ? member.fullName : "\(member.fullName): \(written)"
        }
        var total = "\(people(members.count))"
        if !members.isEmpty {
            total +=
                probationary.isEmpty
                ? " (đều là đảng viên chính thức)"
                : " (chính thức: \(twoDigits(members.count - probationary.count)), dự bị: \(twoDigits(probationary.count)) – \(probationary.map(\.fullName).joined(separator: ", ")))"
        }
        var exemptLine = people(exempt.count, naming: exempt.map(\.fullName))
        if !exemptPresent.isEmpty {
            exemptLine += "; có dự sinh hoạt: \(people(exemptPresent.count, naming: exemptPresent.map(\.fullName)))"
        }
        let present =
            people(count.present) + (count.present > 0 && count.expected > 0 ? ", đạt \(Percent.text(count.rate))" : "")
            + bracketed(listed(.present).map(\.fullName)) + "."
        let excused = people(count.excused, naming: listed(.excused).map(reason), separator: "; ") + ";"
        let unexcused = people(count.unexcused, naming: listed(.unexcused).map(reason), separator: "; ") + "."
        var lines = [
            line("Tổng số đảng viên của chi bộ", total + "."),
            line("Được miễn công tác và sinh hoạt đảng", exemptLine + "."),
            line("Số đảng viên phải dự sinh hoạt", people(count.expected) + "."),
            line("Có mặt", present),
            line("Vắng mặt", people(count.excused + count.unexcused) + ", trong đó:")
                + list(
                    ["có lý do: " + HTMLText.escape(excused), "không có lý do: " + HTMLText.escape(unexcused)],
                    style: "pluses"),
        ]
        if !count.notListed.isEmpty {
            lines.append(
                line(
                    "Chưa ghi điểm danh",
                    people(count.notListed.count, naming: count.notListed.map { names[$0] }) + "."))
        }
        return "<section class=\"attendance\">\n" + lines.joined(separator: "\n") + "\n</section>"
    }

    /// Each vote against the members entitled to vote, and whether it passed.
    private static func votes(_ meeting: Meeting, cell: Cell) -> String {
        let base = meeting.votingBase(members: cell.members)
        let items = meeting.votes.map { vote in
            let outcome =
                base.passed(vote)
                ? "<b>đạt</b> (quá một nửa số đảng viên có quyền biểu quyết tán thành)"
                : "<b>không đạt</b> (chưa quá một nửa số đảng viên có quyền biểu quyết tán thành)"
            let share =
                base.entitled > 0 ? " (\(Percent.text(Double(vote.votesFor) / Double(base.entitled))))" : ""
            return HTMLText.escape(vote.subject)
                + ": tán thành \(vote.votesFor)/\(base.entitled) đồng chí\(share), không tán thành \(vote.votesAgainst),"
                + " không biểu quyết \(vote.abstentions). Kết quả: \(outcome)."
        }
        return "<p>Số đảng viên có quyền biểu quyết: \(HTMLText.escape(people(base.entitled))) (đảng viên chính thức,"
            + " không kể đảng viên sinh hoạt tạm thời và đảng viên miễn sinh hoạt vắng mặt).</p>\n"
            + list(items, ordered: true)
    }

    /// The reports on earlier tasks: what the task was, where it came from, how far it came.
    private static func taskReports(_ meeting: Meeting, tasks: [ReviewedTask], names: Names) -> String {
        let byID = Dictionary(tasks.map { ($0.task.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = meeting.taskReports.map { report in
            var text: String
            if let reviewed = byID[report.taskID] {
                text = HTMLText.escape(trimmedOfPunctuation(reviewed.task.text))
                var origin = [
                    HTMLText.escape(reviewed.documentKind.vietnameseName)
                        + (reviewed.documentSymbol.map { " số " + symbol($0) } ?? " (dự thảo)")
                ]
                if let assignee = reviewed.task.assigneeID {
                    origin.append(HTMLText.escape("đồng chí \(names[assignee]) phụ trách"))
                }
                text += " (" + origin.joined(separator: "; ") + ")"
            } else {
                text = "Nhiệm vụ " + HTMLText.escape(report.taskID)
            }
            text += ": <b>\(report.status.vietnameseName)</b>."
            if let note = report.note, !note.isEmpty { text += " " + HTMLText.escape(sentence(note)) }
            return text
        }
        return list(items, ordered: true)
    }

    /// "Kỳ sinh hoạt kết thúc lúc 21 giờ 10 phút cùng ngày.", or the next day's date after midnight.
    private static func endLine(_ meeting: Meeting) -> String {
        guard meeting.end < meeting.start, let next = meeting.date.nextDay else {
            return "Kỳ sinh hoạt kết thúc lúc \(clock(meeting.end)) cùng ngày."
        }
        return "Kỳ sinh hoạt kết thúc lúc \(clock(meeting.end)), \(next.vietnameseLong)."
    }

    // MARK: Pieces

    /// Members' names by identifier; an unknown identifier stands for itself.
    private struct Names {
        let members: [String: Member]

        init(_ members: [Member]) {
            self.members = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }

        subscript(id: String) -> String { members[id]?.fullName ?? id }

        /// "Hoàng Văn Thuận, Bí thư chi bộ": the name and the office held on `date`, if any.
        func withOffice(_ id: String, on date: LocalDate) -> String {
            guard let member = members[id], let role = member.roles(on: date).first else { return self[id] }
            let office =
                switch role.title {
                case .secretary, .deputySecretary: role.title.vietnameseName + " chi bộ"
                case .committeeMember: role.title.vietnameseName
                }
            return "\(member.fullName), \(office)"
        }
    }

    /// A document symbol that never breaks at its hyphen or slash.
    private static func symbol(_ text: String) -> String {
        "<span class=\"symbol\">\(HTMLText.escape(text))</span>"
    }

    /// A labelled line of the minutes; `value` is plain text, escaped here.
    private static func line(_ label: String, _ value: String?) -> String {
        let text = value.map { " " + HTMLText.escape($0) } ?? ""
        return "<p class=\"line\"><span class=\"label\">\(HTMLText.escape(label)):</span>\(text)</p>"
    }

    /// A list of items that are markup (already escaped).
    private static func list(_ items: [String], ordered: Bool = false, style: String? = nil) -> String {
        let tag = ordered ? "ol" : "ul"
        let attribute = style.map { " class=\"\($0)\"" } ?? ""
        return "<\(tag)\(attribute)>\n" + items.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</\(tag)>"
    }

    /// "19 đồng chí", "01 đồng chí", "không có"; with the names in brackets when given.
    private static func people(_ count: Int, naming names: [String] = [], separator: String = ", ") -> String {
        count > 0 ? "\(twoDigits(count)) đồng chí" + bracketed(names, separator: separator) : "không có"
    }

    /// " (Hoàng Văn Thuận, Vi Thị Hồng)", or nothing for no names.
    private static func bracketed(_ names: [String], separator: String = ", ") -> String {
        names.isEmpty ? "" : " (\(names.joined(separator: separator)))"
    }

    /// Two digits at least, as Party documents write counts, days and months: "01", "12", "150".
    private static func twoDigits(_ value: Int) -> String { value < 10 && value >= 0 ? "0\(value)" : "\(value)" }

    /// "19 giờ 30 phút".
    private static func clock(_ time: TimeOfDay) -> String {
        "\(twoDigits(time.minutesSinceMidnight / 60)) giờ \(twoDigits(time.minutesSinceMidnight % 60)) phút"
    }

    /// Roman numerals for section numbers and quarters (1...39 is plenty).
    private static func roman(_ value: Int) -> String {
        let tens = ["", "X", "XX", "XXX"], units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        guard (1...39).contains(value) else { return String(value) }
        return tens[value / 10] + units[value % 10]
    }

    private static func page(title: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)\(PartyHeading.style)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    /// The fonts: the real Times New Roman where it is installed (Windows, most offices), else
    /// Noto Serif or DejaVu Serif, which carry every Vietnamese letter. The page does not ask for
    /// "Times New Roman" by family name because Linux answers that with Liberation Serif 1.x, a
    /// look-alike without the stacked marks (ề, ộ, ữ…) that mixes two typefaces in one word;
    /// `local()` matches installed font names exactly, so it never takes the look-alike.
    static let fonts = """
        @font-face { font-family: "Times New Roman exact"; src: local("Times New Roman"), local("TimesNewRomanPSMT"); }
        @font-face { font-family: "Times New Roman exact"; font-weight: bold;
                     src: local("Times New Roman Bold"), local("TimesNewRomanPS-BoldMT"); }
        @font-face { font-family: "Times New Roman exact"; font-style: italic;
                     src: local("Times New Roman Italic"), local("TimesNewRomanPS-ItalicMT"); }
        @font-face { font-family: "Times New Roman exact"; font-weight: bold; font-style: italic;
                     src: local("Times New Roman Bold Italic"), local("TimesNewRomanPS-BoldItalicMT"); }
        """

    static let family = "\"Times New Roman exact\", \"Noto Serif\", \"DejaVu Serif\", serif"

    private static let style = """

        \(fonts)
        @page { size: A4; margin: 20mm 15mm 20mm 30mm;
                @top-center { content: counter(page); font-family: \(family);
                              font-size: 13pt; } }
        @page :first { @top-center { content: none; } }
        html { background: #f4f1ea; }
        body { margin: 0; font-family: \(family); font-size: 14pt;
               line-height: 1.35; color: #000; }
        main { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 20mm 15mm 20mm 30mm;
               background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
        @media print { html { background: none; } main { width: auto; min-height: 0; margin: 0; padding: 0;
               box-shadow: none; } }
        h1 { text-align: center; font-size: 15pt; margin: 22pt 0 0; letter-spacing: .5pt; }
        p.title { text-align: center; text-indent: 0; font-weight: bold; margin: 2pt 8% 0; text-wrap: balance; }
        p.topic { text-align: center; text-indent: 0; font-style: italic; margin: 2pt 8% 0; text-wrap: balance; }
        .symbol { white-space: nowrap; }
        p.rule { text-align: center; text-indent: 0; margin: 0 0 12pt; }
        p { margin: 0 0 5pt; text-align: justify; text-indent: 1cm; }
        p.section { font-weight: bold; break-after: avoid; page-break-after: avoid; }
        .keep { break-inside: avoid; page-break-inside: avoid; }
        p.decides { font-weight: bold; text-align: center; text-indent: 0; margin: 8pt 0; }
        p.line { text-indent: 0; margin: 0 0 3pt; }
        p.line .label { font-weight: bold; }
        p.none { font-style: italic; }
        h2 { font-size: 14pt; margin: 12pt 0 5pt; break-after: avoid; page-break-after: avoid; }
        ol, ul { margin: 0 0 5pt; padding-left: 1cm; text-align: justify; }
        li { margin: 0 0 3pt; }
        ul.dashes, ul.pluses { list-style: none; padding-left: 1cm; }
        ul.dashes li, ul.pluses li { padding-left: 10pt; text-indent: -10pt; }
        ul.dashes li::before { content: "- "; }
        ul.pluses li::before { content: "+ "; }
        .tasks { margin-top: 6pt; }
        .end { margin-top: 10pt; }
        .closing { display: grid; grid-template-columns: 50% 50%; align-items: start; margin-top: 14pt;
                   break-inside: avoid; page-break-inside: avoid; }
        .recipients { font-size: 12pt; line-height: 1.25; }
        .recipients p.label { font-weight: bold; font-style: italic; text-indent: 0; margin: 0 0 2pt; }
        .recipients ul { list-style: none; padding: 0; margin: 0; text-align: left; }
        .recipients li { margin: 0; padding-left: 9pt; text-indent: -9pt; text-align: left; }
        .signature { text-align: center; font-weight: bold; line-height: 1.3; }
        .signature .space { height: 28mm; }
        .signatures { margin-top: 18pt; }

        """
}

extension LocalDate {
    /// The day after this one.
    var nextDay: LocalDate? {
        LocalDate(year: year, month: month, day: day + 1) ?? LocalDate(year: year, month: month + 1, day: 1)
            ?? LocalDate(year: year + 1, month: 1, day: 1)
    }
}

extension String {
    /// The text without one trailing `suffix`.
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
