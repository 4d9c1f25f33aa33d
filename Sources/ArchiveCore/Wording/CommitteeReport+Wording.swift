/// The committee's report in words: the figures written as the sentences an office writes
/// ("52/52 chi bộ sinh hoạt đủ 11–12 kỳ thường kỳ"), the comparison with a year earlier, and
/// the annex's rows. No internal code (`short-meeting`, identifiers) ever reaches the page.
extension CommitteeReport {
    /// A numbered part of section I: its heading and its paragraphs.
    public struct Section: Sendable, Hashable {
        public var heading: String
        public var paragraphs: [String]
    }

    /// One line of the comparison with a year earlier.
    public struct Comparison: Sendable, Hashable {
        public var label: String
        public var previous: String
        public var current: String
    }

    /// "ĐẢNG ỦY XÃ HỢP THÀNH" is built from this: "Đảng ủy xã Hợp Thành".
    public var committeeName: String { PartyNames.committeeName(organization.name) }

    /// The number line: "Số 25-BC/ĐU", or blanks for the number when none is given yet.
    public var symbol: String {
        text.number.isEmpty ? "Số\u{A0}\u{A0}\u{A0}\u{A0}\u{A0}\u{A0}\u{A0}\u{A0}-BC/ĐU" : "Số \(text.number)-BC/ĐU"
    }

    /// "Hợp Thành, ngày 05 tháng 01 năm 2025".
    public var placeAndDate: String { "\(text.place), \(issued.vietnameseLong)" }

    /// The line under "BÁO CÁO": "Kết quả sinh hoạt chi bộ năm 2024" (or the quarter, the month).
    public var title: String { "Kết quả sinh hoạt chi bộ \(period.vietnameseName)" }

    /// The opening sentence, with the day the figures are taken and which rating is counted.
    public var opening: String {
        let cells = summary.cells.count
        return
            "\(committeeName) báo cáo kết quả sinh hoạt của \(cells) chi bộ trực thuộc \(period.vietnameseName) (số liệu đến \(summary.asOf.vietnameseLong)) như sau. \(summary.ratingBasis.vietnameseSentence)"
    }

    /// The annex's subtitle: "(Kèm theo Báo cáo số 25-BC/ĐU ngày 05/01/2025 của Đảng ủy xã Hợp Thành)".
    public var annexReference: String {
        let number = text.number.isEmpty ? "" : " số \(text.number)-BC/ĐU"
        return "(Kèm theo Báo cáo\(number) ngày \(issued.vietnameseShort) của \(committeeName))"
    }

    /// Section I, "Kết quả sinh hoạt chi bộ": members, regular and thematic sessions, quality,
    /// the minutes, resolutions and tasks.
    public var resultSections: [Section] {
        let totals = totals
        let members = totals.members
        var sections: [Section] = []
        var organizationSentence =
            "Toàn Đảng bộ có \(totals.cells) chi bộ trực thuộc với \(members.total) đảng viên (\(members.official) chính thức, \(members.probationary) dự bị)"
        organizationSentence +=
            members.exempt == 0
            ? "." : "; \(members.exempt) đồng chí được miễn công tác và sinh hoạt đảng."
        sections.append(Section(heading: "Tổ chức cơ sở đảng và đảng viên", paragraphs: [organizationSentence]))

        var regular = [
            "\(totals.cellsWithRegularSessions)/\(totals.cells) chi bộ \(period.regularSessionsPhrase), với \(totals.regularHeld) buổi sinh hoạt thường kỳ."
        ]
        let late = summary.cells.filter { !$0.missingMonths.isEmpty }.sorted {
            VietnameseCollation.precedes($0.name, $1.name)
        }
        if !late.isEmpty {
            regular.append(
                "Chi bộ có tháng không sinh hoạt thường kỳ: "
                    + late.map { "\($0.name) (tháng \(Self.list($0.missingMonths.map(String.init))))" }
                    .joined(separator: "; ") + ".")
        }
        sections.append(Section(heading: "Sinh hoạt thường kỳ", paragraphs: regular))

        var thematic: [String] = []
        if period.quarters.isEmpty {
            thematic.append("Trong \(period.vietnameseName) có \(totals.thematicHeld) buổi sinh hoạt chuyên đề.")
        } else {
            thematic.append(
                "\(totals.cellsWithThematicEveryQuarter)/\(totals.cells) chi bộ sinh hoạt chuyên đề đủ mỗi quý một lần, với \(totals.thematicHeld) buổi sinh hoạt chuyên đề."
            )
            let without = summary.cells.filter { !$0.quartersWithoutThematic.isEmpty }.sorted {
                VietnameseCollation.precedes($0.name, $1.name)
            }
            if !without.isEmpty {
                thematic.append(
                    "Chi bộ có quý không sinh hoạt chuyên đề: "
                        + without.map {
                            "\($0.name) (quý \(Self.list($0.quartersWithoutThematic.map(Self.roman))))"
                        }.joined(separator: "; ") + ".")
            }
        }
        if totals.extraordinaryHeld > 0 {
            thematic.append("Các chi bộ tổ chức \(totals.extraordinaryHeld) buổi sinh hoạt bất thường.")
        }
        sections.append(Section(heading: "Sinh hoạt chuyên đề", paragraphs: thematic))

        sections.append(Section(heading: "Chất lượng sinh hoạt", paragraphs: quality(totals)))
        sections.append(Section(heading: "Biên bản sinh hoạt", paragraphs: minutes))

        let tasks = totals.tasks
        var resolutions =
            "Các chi bộ ban hành \(totals.resolutionsIssued) nghị quyết; phân công \(tasks.assigned) nhiệm vụ"
        if tasks.assigned > 0 {
            resolutions +=
                ", đã hoàn thành \(tasks.done) (\(Percent.text(Double(tasks.done) / Double(tasks.assigned)))), chưa xong \(tasks.open)"
            if tasks.cancelled > 0 { resolutions += ", hủy \(tasks.cancelled)" }
        }
        sections.append(
            Section(heading: "Nghị quyết và việc thực hiện nhiệm vụ", paragraphs: [resolutions + "."]))
        return sections
    }

    /// The quality paragraph: levels, shares and attendance.
    private func quality(_ totals: CommitteeTotals) -> [String] {
        let ratings = totals.ratings
        guard totals.meetingsHeld > 0 else {
            return ["Trong \(period.vietnameseName) chưa có buổi sinh hoạt nào có biên bản đã thông qua."]
        }
        let rated = ratings.good + ratings.fair + ratings.average + ratings.weak
        // Shares of every sitting held, unrated ones included: the same figures as the
        // comparison table and the summary (`RatingCounts.goodShare`), so that one page never
        // prints two percentages for one thing.
        func share(_ count: Int) -> String { " (\(Percent.text(Double(count) / Double(ratings.total))))" }
        var sentence = "Tổng số \(totals.meetingsHeld) buổi sinh hoạt"
        if rated > 0 {
            sentence +=
                ": \(ratings.good) buổi đạt loại tốt\(share(ratings.good)), \(ratings.fair) buổi khá\(share(ratings.fair)), \(ratings.average) buổi trung bình, \(ratings.weak) buổi kém"
        }
        if ratings.unrated > 0 { sentence += (rated > 0 ? ", " : "; ") + "\(ratings.unrated) buổi chưa xếp loại" }
        if rated > 0, let fairOrBetter = ratings.fairOrBetterShare {
            sentence += "; khá trở lên đạt \(Percent.text(fairOrBetter))"
        }
        var paragraphs = [sentence + "."]
        if let attendance = totals.attendanceRate {
            paragraphs.append(
                "Tỷ lệ đảng viên dự sinh hoạt bình quân đạt \(Percent.text(attendance)) (không tính đảng viên được miễn sinh hoạt)."
            )
        }
        return paragraphs
    }

    /// Cells with months lacking minutes, and minutes still in draft.
    private var minutes: [String] {
        let ordered = cellsInOrder
        let missing = ordered.filter { !$0.missingMonths.isEmpty }
        let drafts = ordered.filter { !$0.unapprovedMinutes.isEmpty }
        if missing.isEmpty && drafts.isEmpty {
            return ["Tất cả các chi bộ có đủ biên bản các kỳ sinh hoạt thường kỳ và đã thông qua biên bản."]
        }
        var paragraphs: [String] = []
        if !missing.isEmpty {
            paragraphs.append(
                "\(missing.count)/\(ordered.count) chi bộ còn tháng không có biên bản sinh hoạt thường kỳ (nêu ở mục 2)."
            )
        }
        if !drafts.isEmpty {
            paragraphs.append(
                "Biên bản chưa được chi bộ thông qua (chưa tính là đã sinh hoạt): "
                    + drafts.map { "\($0.name) (\($0.unapprovedMinutes.count) biên bản)" }.joined(separator: "; ") + "."
            )
        }
        return paragraphs
    }

    /// The heading of the comparison: "So sánh với năm 2023" or "… với quý III năm 2023".
    public var comparisonHeading: String {
        "So sánh với \(previous.period.vietnameseName)"
    }

    /// The same figures a year earlier beside this period's; "–" where a year earlier had no
    /// cell, and for the figures drawn from minutes where it had no minutes at all (approved
    /// or draft): a commune's first year in the archive is not a year when no cell met.
    public var comparison: [Comparison] {
        let now = totals, before = previousTotals
        let hadCells = before.cells > 0
        let hadMinutes = hadCells && before.meetingsHeld + before.unapprovedMinutes > 0
        func count(_ value: (CommitteeTotals) -> Int, fromMinutes: Bool = true) -> (String, String) {
            ((fromMinutes ? hadMinutes : hadCells) ? "\(value(before))" : "–", "\(value(now))")
        }
        func ratio(_ value: (CommitteeTotals) -> Int) -> (String, String) {
            (hadMinutes ? "\(value(before))/\(before.cells)" : "–", "\(value(now))/\(now.cells)")
        }
        func share(_ value: (CommitteeTotals) -> Double?) -> (String, String) {
            (value(before).map(Percent.text) ?? "–", value(now).map(Percent.text) ?? "–")
        }
        var rows: [(String, (String, String))] = [
            ("Số chi bộ", count(\.cells, fromMinutes: false)),
            ("Số đảng viên", count(\.members.total, fromMinutes: false)),
            ("Chi bộ \(period.regularSessionsPhrase)", ratio(\.cellsWithRegularSessions)),
        ]
        if !period.quarters.isEmpty {
            rows.append(("Chi bộ sinh hoạt chuyên đề đủ các quý", ratio(\.cellsWithThematicEveryQuarter)))
        }
        rows += [
            ("Số buổi sinh hoạt", count(\.meetingsHeld)),
            ("Tỷ lệ buổi đạt loại tốt", share(\.goodShare)),
            ("Tỷ lệ buổi đạt loại khá trở lên", share(\.fairOrBetterShare)),
            ("Tỷ lệ đảng viên dự sinh hoạt", share(\.attendanceRate)),
            ("Nghị quyết ban hành", count(\.resolutionsIssued)),
        ]
        return rows.map { Comparison(label: $0.0, previous: $0.1.0, current: $0.1.1) }
    }

    /// "1, 2 và 3".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " và " + items.last!
    }

    static func roman(_ quarter: Int) -> String { ["I", "II", "III", "IV"][max(0, min(3, quarter - 1))] }
}
