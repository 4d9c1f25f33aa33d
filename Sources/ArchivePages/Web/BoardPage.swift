import ArchiveCore

/// The commune office's board (`GET /bang-theo-doi`): every cell under the committee × the
/// twelve months of a year, late cells first, each square a link to its minutes; the
/// quarters' thematic meetings; totals per month under the grid.
public struct BoardPage: Sendable {
    /// One square: its short mark, the full sentence (for the tooltip and screen readers),
    /// the class that colours it, and the minutes it links to.
    struct Square: Sendable {
        let mark: String
        let sentence: String
        /// `missing`, `draft`, `approved`, `rated`, `not-due`, `before-founding`, plus ` late`.
        let stateClass: String
        let href: String?
    }

    /// One cell's row.
    struct Row: Sendable {
        let cellName: String
        let cellHref: String
        let months: [Square]
        let quarters: [Square]
        let held: String
        let late: String
        let isLate: Bool
    }

    let pageTitle: String
    let wide = true
    let bar: WebAccountBar
    let organizationName: String
    let year: Int
    let overview: String
    let monthHeaders: [String] = (1...12).map { "T\($0)" }
    let quarterHeaders = ["I", "II", "III", "IV"]
    let rows: [Row]
    let monthTotals: [String]
    let hasNoCells: Bool
    let previousYear: WebLink
    let nextYear: WebLink?
    /// Other committees an administrator may look at.
    let otherOrganizations: [WebLink]
    let hasOtherOrganizations: Bool
    /// The committee's report on the year.
    let reportHref: String

    /// The page of `board`.
    ///
    /// - parameters:
    ///   - today: the current year is the last one offered.
    ///   - organizations: other committees to switch to (administrators), with their names.
    public init(
        bar: WebAccountBar, board: Board, today: LocalDate, organizations: [OrganizationName] = []
    ) {
        self.bar = bar
        organizationName = board.organization.name
        year = board.year
        reportHref = WebPath.report(organizationID: board.organization.id, period: SummaryPeriod(year: board.year))
        pageTitle = "Bảng theo dõi năm \(board.year) – \(board.organization.name) – Sổ Chi Bộ"
        let late = board.lateCells
        overview =
            "\(board.rows.count) chi bộ · "
            + (late == 0
                ? "các chi bộ đều có biên bản được thông qua cho những tháng đã qua"
                : "\(late) chi bộ còn tháng chưa có biên bản được thông qua")
            + " · tính đến \(board.asOf.vietnameseShort)"
        let romans = ["I", "II", "III", "IV"]
        rows = board.rows.map { row in
            Row(
                cellName: row.name, cellHref: WebPath.cell(row.cell, year: board.year),
                months: row.months.map { square in
                    Self.square(
                        state: square.state, level: square.level, meeting: square.meeting, late: square.late,
                        period: "Tháng \(square.month)/\(board.year)", kind: "thường kỳ")
                },
                quarters: row.quarters.map { quarter in
                    Self.square(
                        state: quarter.state, level: quarter.level, meeting: quarter.meeting, late: quarter.late,
                        period: "Quý \(romans[quarter.quarter - 1])/\(board.year)", kind: "chuyên đề")
                },
                held: "\(row.held)/\(row.counted)", late: row.late == 0 ? "" : "\(row.late)", isLate: row.late > 0)
        }
        monthTotals = board.months.map { "\($0.held)/\($0.counted)" }
        hasNoCells = board.rows.isEmpty
        let organizationQuery = organizations.isEmpty ? "" : "&dang-bo=\(WebPath.segment(board.organization.id))"
        previousYear = WebLink(
            href: "/bang-theo-doi?nam=\(board.year - 1)\(organizationQuery)", text: "← Năm \(board.year - 1)")
        nextYear =
            board.year < today.year
            ? WebLink(href: "/bang-theo-doi?nam=\(board.year + 1)\(organizationQuery)", text: "Năm \(board.year + 1) →")
            : nil
        otherOrganizations = organizations.filter { $0.id != board.organization.id }.map {
            WebLink(href: "/bang-theo-doi?nam=\(board.year)&dang-bo=\(WebPath.segment($0.id))", text: $0.name)
        }
        hasOtherOrganizations = !otherOrganizations.isEmpty
    }

    private static func square(
        state: BoardState, level: Rating.Level?, meeting: String?, late: Bool, period: String, kind: String
    ) -> Square {
        let mark =
            switch state {
            case .rated: level.map(shortLevel) ?? "✓"
            case .approved: "✓"
            case .draft: "Nháp"
            case .missing: "✗"
            case .notDue: ""
            case .beforeFounding: "–"
            }
        var sentence = "\(period), \(kind): \(state.vietnameseName)"
        if let level, state == .rated { sentence += " (\(level.vietnameseName))" }
        return Square(
            mark: mark, sentence: sentence, stateClass: state.rawValue + (late ? " late" : ""),
            href: meeting.map(WebPath.record))
    }

    private static func shortLevel(_ level: Rating.Level) -> String {
        switch level {
        case .good: "Tốt"
        case .fair: "Khá"
        case .average: "TB"
        case .weak: "Kém"
        }
    }
}
