/// The commune office's board: every cell under a committee × the twelve months of a year,
/// each square saying whether the month's regular minutes are missing, a draft, approved or
/// rated (with the level), each quarter whether its thematic meeting was held; late cells
/// first. Built by `BoardBuilder` from light meeting facts, so that 90 cells read in one query.
///
/// The JSON form is a contract for scripts (`sochibo board --format json`): `year`, `asOf`,
/// `organization`, `rows` (late cells first), `months` (totals per month).
public struct Board: Sendable, Hashable, Codable {
    /// The calendar year.
    public var year: Int
    /// The day the board was drawn (the year's last day for a past year): months not over by
    /// then are `notDue`, never `missing`.
    public var asOf: LocalDate
    /// The committee whose cells these are (sub-committees included).
    public var organization: OrganizationName
    /// One row per cell: most late months first, then in Vietnamese order of names.
    public var rows: [BoardRow]
    /// Twelve totals, January first.
    public var months: [BoardMonthTotal]

    /// Creates a board.
    public init(
        year: Int, asOf: LocalDate, organization: OrganizationName, rows: [BoardRow], months: [BoardMonthTotal]
    ) {
        self.year = year
        self.asOf = asOf
        self.organization = organization
        self.rows = rows
        self.months = months
    }

    /// Cells with at least one late month.
    public var lateCells: Int { rows.filter { $0.late > 0 }.count }
}

/// Where a month's regular meeting (or a quarter's thematic one) stands.
public enum BoardState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No minutes, and the period is not over yet: nothing is owed.
    case notDue = "not-due"
    /// No minutes, and the cell did not exist when the period began.
    case beforeFounding = "before-founding"
    /// The period is over and has no minutes at all.
    case missing
    /// Minutes filed but not approved: not yet a meeting held.
    case draft
    /// Approved minutes, not rated.
    case approved
    /// Approved minutes with a rating (`level`).
    case rated

    /// Whether a meeting was held (approved minutes, rated or not).
    public var isHeld: Bool { self == .approved || self == .rated }
}

/// One cell's month on the board.
public struct BoardSquare: Sendable, Hashable, Codable {
    /// The month, 1...12.
    public var month: Int
    /// Where the regular meeting stands (`regular` or `combined` minutes).
    public var state: BoardState
    /// The rating's level when `state` is `rated`.
    public var level: Rating.Level?
    /// The regular meeting's minutes (the approved ones when a draft also exists).
    public var meeting: String?
    /// Extraordinary meetings of the month (any status), oldest first.
    public var extraordinary: [String]
    /// Whether the month counts and has no approved regular minutes.
    public var late: Bool

    /// Creates a square.
    public init(
        month: Int, state: BoardState, level: Rating.Level? = nil, meeting: String? = nil,
        extraordinary: [String] = [], late: Bool = false
    ) {
        self.month = month
        self.state = state
        self.level = level
        self.meeting = meeting
        self.extraordinary = extraordinary
        self.late = late
    }
}

/// One cell's quarter on the board: its thematic meeting (`thematic` or `combined` minutes).
public struct BoardQuarter: Sendable, Hashable, Codable {
    /// The quarter, 1...4.
    public var quarter: Int
    /// Where the thematic meeting stands.
    public var state: BoardState
    /// The rating's level when `state` is `rated`.
    public var level: Rating.Level?
    /// The thematic meeting's minutes.
    public var meeting: String?
    /// Whether the quarter counts and has no approved thematic minutes.
    public var late: Bool

    /// Creates a quarter.
    public init(
        quarter: Int, state: BoardState, level: Rating.Level? = nil, meeting: String? = nil, late: Bool = false
    ) {
        self.quarter = quarter
        self.state = state
        self.level = level
        self.meeting = meeting
        self.late = late
    }
}

/// One cell's row on the board.
public struct BoardRow: Sendable, Hashable, Codable {
    /// The cell's identifier.
    public var cell: String
    /// The cell's name.
    public var name: String
    /// Twelve squares, January first.
    public var months: [BoardSquare]
    /// Four quarters.
    public var quarters: [BoardQuarter]
    /// Months that count with no approved regular minutes (missing or still a draft).
    public var late: Int
    /// Months with approved regular minutes.
    public var held: Int
    /// Months that count (over, and the cell existed).
    public var counted: Int
    /// Quarters that count with no approved thematic minutes.
    public var lateQuarters: Int
    /// Minutes of the year (up to `asOf`) still in draft, of any kind.
    public var drafts: Int

    /// Creates a row.
    public init(
        cell: String, name: String, months: [BoardSquare], quarters: [BoardQuarter], late: Int, held: Int,
        counted: Int, lateQuarters: Int, drafts: Int
    ) {
        self.cell = cell
        self.name = name
        self.months = months
        self.quarters = quarters
        self.late = late
        self.held = held
        self.counted = counted
        self.lateQuarters = lateQuarters
        self.drafts = drafts
    }
}

/// One month's figures over every cell of the board.
public struct BoardMonthTotal: Sendable, Hashable, Codable {
    /// The month, 1...12.
    public var month: Int
    /// Cells for which the month counts.
    public var counted: Int
    /// Cells with approved regular minutes (rated or not).
    public var held: Int
    /// Cells whose minutes are rated.
    public var rated: Int
    /// Cells whose only minutes are a draft.
    public var drafts: Int
    /// Cells for which the month counts and has no minutes at all.
    public var missing: Int

    /// Creates the month's figures.
    public init(month: Int, counted: Int = 0, held: Int = 0, rated: Int = 0, drafts: Int = 0, missing: Int = 0) {
        self.month = month
        self.counted = counted
        self.held = held
        self.rated = rated
        self.drafts = drafts
        self.missing = missing
    }
}

/// What the board needs of a cell: its identity and founding.
public struct BoardCell: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The first term's start; `nil` when the cell has no term recorded.
    public var founded: LocalDate?

    /// Creates the value from each of its stored properties.
    public init(id: String, name: String, founded: LocalDate?) {
        self.id = id
        self.name = name
        self.founded = founded
    }
}

/// What the board needs of a meeting: kind, date, status and rating level.
public struct BoardMeeting: Sendable, Hashable {
    public var id: String
    public var cell: String
    public var kind: Meeting.Kind
    public var date: LocalDate
    /// The start, in minutes since midnight, to order two meetings of one day.
    public var startMinutes: Int
    public var status: Meeting.Status
    public var level: Rating.Level?

    /// Creates the value from each of its stored properties.
    public init(
        id: String, cell: String, kind: Meeting.Kind, date: LocalDate, startMinutes: Int, status: Meeting.Status,
        level: Rating.Level?
    ) {
        self.id = id
        self.cell = cell
        self.kind = kind
        self.date = date
        self.startMinutes = startMinutes
        self.status = status
        self.level = level
    }
}

/// Draws the board of one year by the counting rules of the yearly summary (`CellYearSummarizer`):
/// only approved minutes are a meeting held; `regular` and `combined` minutes fill a month,
/// `thematic` and `combined` a quarter; a period counts once it is over and the cell existed.
/// Pure: the store reads the facts, this arranges them.
///
/// ```swift
/// let board = BoardBuilder(year: 2024, asOf: LocalDate("2024-12-31")!)
///     .board(organization: OrganizationName(id: "dbx-hop-thanh", name: "Đảng bộ xã Hợp Thành"), cells: cells, meetings: meetings)
/// board.rows.first?.late   // the most months late
/// ```
public struct BoardBuilder: Sendable {
    /// The year.
    public var year: Int
    /// The day the board is drawn; at most the year's last day.
    public var asOf: LocalDate

    /// A builder for `year` as it stands on `today` (the year's last day for a past year).
    public init(year: Int, today: LocalDate) {
        self.year = year
        self.asOf = min(today, LocalDate(year: year, month: 12, day: 31)!)
    }

    /// The board of `cells`, from `meetings` (of any cell and day: those of other cells, other
    /// years or after `asOf` are ignored).
    public func board(organization: OrganizationName, cells: [BoardCell], meetings: [BoardMeeting]) -> Board {
        let byCell = Dictionary(grouping: meetings, by: \.cell)
        let rows = cells.map { row(of: $0, meetings: byCell[$0.id] ?? []) }.sorted { a, b in
            if a.late != b.late { return a.late > b.late }
            if a.lateQuarters != b.lateQuarters { return a.lateQuarters > b.lateQuarters }
            let (left, right) = (VietnameseCollation.key(a.name), VietnameseCollation.key(b.name))
            return left != right ? left < right : a.cell < b.cell
        }
        let founded = Dictionary(cells.map { ($0.id, $0.founded) }, uniquingKeysWith: { first, _ in first })
        var months = (1...12).map { BoardMonthTotal(month: $0) }
        for row in rows {
            let periods = CountedPeriods(year: year, asOf: asOf, founded: founded[row.cell] ?? nil)
            for square in row.months {
                var total = months[square.month - 1]
                if periods.isReckoned(month: square.month, held: square.state.isHeld) { total.counted += 1 }
                switch square.state {
                case .approved: total.held += 1
                case .rated:
                    total.held += 1
                    total.rated += 1
                case .draft: total.drafts += 1
                case .missing: total.missing += 1
                case .notDue, .beforeFounding: break
                }
                months[square.month - 1] = total
            }
        }
        return Board(year: year, asOf: asOf, organization: organization, rows: rows, months: months)
    }

    /// One cell's row.
    public func row(of cell: BoardCell, meetings: [BoardMeeting]) -> BoardRow {
        let periods = CountedPeriods(year: year, asOf: asOf, founded: cell.founded)
        // As the summary does: only minutes of the year dated by `asOf` (a board drawn as of an
        // earlier day shows the archive as it stood then).
        let ordered = meetings.filter { $0.date.year == year && $0.date <= asOf }.sorted {
            ($0.date, $0.startMinutes, $0.id) < ($1.date, $1.startMinutes, $1.id)
        }
        let months = (1...12).map { month -> BoardSquare in
            let ofMonth = ordered.filter { $0.date.month == month }
            let regular = ofMonth.filter { $0.kind == .regular || $0.kind == .combined }
            var square = square(
                regular, counts: periods.counts(month: month), existed: periods.existed(inMonth: month))
            square.month = month
            square.extraordinary = ofMonth.filter { $0.kind == .extraordinary }.map(\.id)
            return square
        }
        let quarters = (1...4).map { quarter -> BoardQuarter in
            let thematic = ordered.filter {
                $0.date.quarter == quarter && ($0.kind == .thematic || $0.kind == .combined)
            }
            let square = square(
                thematic, counts: periods.counts(quarter: quarter), existed: periods.existed(inMonth: quarter * 3 - 2))
            return BoardQuarter(
                quarter: quarter, state: square.state, level: square.level, meeting: square.meeting, late: square.late)
        }
        return BoardRow(
            cell: cell.id, name: cell.name, months: months, quarters: quarters,
            late: months.filter(\.late).count, held: months.filter(\.state.isHeld).count,
            counted: months.filter { periods.isReckoned(month: $0.month, held: $0.state.isHeld) }.count,
            lateQuarters: quarters.filter(\.late).count,
            drafts: ordered.filter { $0.status == .draft }.count)
    }

    /// Where a period stands from its meetings of the right kind, oldest first.
    private func square(_ meetings: [BoardMeeting], counts: Bool, existed: Bool) -> BoardSquare {
        if let held = meetings.first(where: { $0.status == .approved && $0.level != nil })
            ?? meetings.first(where: { $0.status == .approved })
        {
            return BoardSquare(
                month: 0, state: held.level == nil ? .approved : .rated, level: held.level, meeting: held.id)
        }
        if let draft = meetings.first(where: { $0.status == .draft }) {
            return BoardSquare(month: 0, state: .draft, meeting: draft.id, late: counts)
        }
        if counts { return BoardSquare(month: 0, state: .missing, late: true) }
        return BoardSquare(month: 0, state: existed ? .notDue : .beforeFounding)
    }
}
