import ArchiveCore

/// The geometry and the words of a cell's month chart (`month-chart.mustache`), in SVG user
/// units: one column of `columnWidth` per month, boxes of `boxWidth` × `boxHeight` stacked up
/// from the axis with 4 units between them, the month labels under the axis, the legend under
/// them. A month that counts and had no regular session gets a dashed "thiếu" box; a month that
/// does not count yet (before the cell was founded, or not yet over) is left empty.
struct MonthChartView {
    /// A session's box, labelled with its kind and level.
    struct Session {
        var x: Int
        var y: Int
        /// The x of the box's centre line, where its words stand.
        var centre: Int
        var kindY: Int
        var levelY: Int
        /// The tooltip: "20/12/2024: bất thường, Kém".
        var title: String
        /// The level's style class: `good`, `fair`, `average`, `weak` or `unrated`.
        var level: String
        /// "TK", "CĐ", "KH" or "BT".
        var kindCode: String
        /// "Tốt", "Khá", "TB", "Kém" or "–".
        var levelCode: String
    }

    /// The dashed box of a month without a regular session.
    struct Missed {
        var x: Int
        var y: Int
        var centre: Int
        var textY: Int
    }

    struct Month {
        var month: Int
        var centre: Int
        var sessions: [Session]
        var missed: Missed?
    }

    struct LegendEntry {
        var x: Int
        var textX: Int
        var level: String
        var name: String
    }

    struct LegendMissed {
        var x: Int
        var textX: Int
    }

    static let columnWidth = 52
    static let left = 8
    static let top = 8

    let width: Int
    let height: Int
    let left = Self.left
    let right: Int
    /// The y of the axis the boxes stand on.
    let axis: Int
    let boxWidth = columnWidth - 8
    let boxHeight = 32
    let monthLabelY: Int
    let legendY: Int
    let legendTextY: Int
    let year: Int
    /// The chart in words, for screen readers: "Biểu đồ sinh hoạt từng tháng năm 2024 của …".
    let label: String
    let months: [Month]
    let legend: [LegendEntry]
    let legendMissed: LegendMissed

    init(_ cell: CellYearSummary, year: Int) {
        let boxHeight = self.boxHeight, boxWidth = self.boxWidth
        let rows = max(1, cell.months.map(\.sessions.count).max() ?? 0)
        let axis = Self.top + rows * (boxHeight + 4)
        self.year = year
        self.axis = axis
        width = Self.left * 2 + 12 * Self.columnWidth
        right = width - Self.left
        height = axis + 26 + 40
        monthLabelY = axis + 16
        legendY = axis + 34
        legendTextY = legendY + 11
        let missing = Set(cell.missingMonths)
        months = cell.months.map { month in
            let x = Self.left + (month.month - 1) * Self.columnWidth + 4
            let centre = x + boxWidth / 2
            let sessions = month.sessions.enumerated().map { index, session in
                let y = axis - (index + 1) * (boxHeight + 4)
                let level = session.level
                return Session(
                    x: x, y: y, centre: centre, kindY: y + 13, levelY: y + 26,
                    title:
                        "\(session.date.vietnameseShort): \(session.kind.vietnameseName), \(level?.vietnameseName ?? "chưa xếp loại")",
                    level: Self.style(level), kindCode: Self.kindCode(session.kind), levelCode: Self.levelCode(level))
            }
            let y = axis - boxHeight - 4
            return Month(
                month: month.month, centre: centre, sessions: sessions,
                missed: missing.contains(month.month) ? Missed(x: x, y: y, centre: centre, textY: y + 20) : nil)
        }
        var x = Self.left + 4
        var legend: [LegendEntry] = []
        for (level, name) in [
            (Rating.Level.good, "Tốt"), (.fair, "Khá"), (.average, "Trung bình"), (.weak, "Kém"),
            (nil, "Chưa xếp loại"),
        ] {
            legend.append(LegendEntry(x: x, textX: x + 20, level: Self.style(level), name: name))
            x += 30 + name.count * 7
        }
        self.legend = legend
        legendMissed = LegendMissed(x: x, textX: x + 20)
        label =
            "Biểu đồ sinh hoạt từng tháng năm \(year) của \(cell.name): \(cell.meetingsHeld) buổi, \(cell.ratings.good) buổi Tốt"
            + "; sinh hoạt thường kỳ \(cell.regularMonthsFigure)"
            + (cell.missingMonths.isEmpty ? "" : ", thiếu " + MonthWording.sentence(cell.missingMonths))
            + (cell.severalRegularSessionsPhrase.map { ", \($0)" } ?? "")
    }

    /// The style class of a level, which the stylesheet fills.
    static func style(_ level: Rating.Level?) -> String {
        switch level {
        case .good: "good"
        case .fair: "fair"
        case .average: "average"
        case .weak: "weak"
        case nil: "unrated"
        }
    }

    static func kindCode(_ kind: Meeting.Kind) -> String {
        switch kind {
        case .regular: "TK"
        case .thematic: "CĐ"
        case .combined: "KH"
        case .extraordinary: "BT"
        }
    }

    static func levelCode(_ level: Rating.Level?) -> String {
        switch level {
        case .good: "Tốt"
        case .fair: "Khá"
        case .average: "TB"
        case .weak: "Kém"
        case nil: "–"
        }
    }
}
