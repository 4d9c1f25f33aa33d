import ArchiveCore

/// A cell's year at a glance (`GET /chi-bo/{cellID}`): the twelve months with the regular
/// meeting's state (none, draft, approved, rated with its level), the thematic meeting each
/// quarter owes, extraordinary meetings, and the cell's recent documents.
public struct CellYearPage: Sendable {
    /// A month or a quarter as a row: its name, what happened, and links to its meetings.
    struct Row: Sendable {
        let period: String
        let state: String
        /// `none`, `future`, `draft`, `approved`, `rated`: the row's colour in the stylesheet.
        let stateClass: String
        let meetings: [WebLink]
    }

    /// A document as listed.
    struct DocumentRow: Sendable {
        let href: String
        let label: String
        let documentTitle: String
        let dated: String
        let marking: String?
    }

    let pageTitle: String
    let bar: WebAccountBar
    let cellName: String
    let organizationName: String
    let year: Int
    let overview: String
    let months: [Row]
    let quarters: [Row]
    let documents: [DocumentRow]
    let hasNoDocuments: Bool
    let previousYear: WebLink
    let nextYear: WebLink?
    /// The other years that hold minutes, newest first, to jump to.
    let otherYears: [WebLink]
    let hasOtherYears: Bool
    let searchHref: String
    /// The cell's member register (`/chi-bo/ID/dang-vien`).
    let membersHref: String
    /// The year's records as format v1 (`/chi-bo/ID/tai-ve?nam=YYYY`).
    let downloadHref: String
    /// The link to file minutes, for an account that writes in this cell; nil otherwise.
    public var fileHref: String?

    /// One thing to do: the sentence, and the record it concerns.
    struct ToDoItem: Sendable {
        let sentence: String
        let href: String?
        /// `urgent` (a month or quarter passed, a task overdue) or `soon`.
        let urgency: String
    }

    let toDo: [ToDoItem]
    let hasToDo: Bool
    /// Shown for the year under way when nothing needs doing.
    let allDone: Bool

    /// The page of `cell`'s `year`, from its agenda (months and quarters by the board's rules,
    /// the year's minutes, what needs doing).
    ///
    /// - parameters:
    ///   - documents: the cell's recent documents the account may see, newest first.
    ///   - today: the month under way is "this month", later ones "not yet".
    ///   - yearsWithMeetings: every year the cell has minutes for.
    public init(
        bar: WebAccountBar, cell: Cell, organizationName: String, year: Int, today: LocalDate, agenda: CellAgenda,
        documents: [DocumentOverview], yearsWithMeetings: [Int] = []
    ) {
        self.bar = bar
        cellName = cell.name
        membersHref = WebPath.members(of: cell.id)
        downloadHref = "/chi-bo/\(WebPath.segment(cell.id))/tai-ve?nam=\(year)"
        self.organizationName = organizationName
        self.year = year
        pageTitle = "\(cell.name) – năm \(year) – Sổ Chi Bộ"
        let meetings = agenda.meetings
        let row = agenda.row
        let current = year == today.year ? today.month : nil

        months = row.months.map { square in
            let links = meetings.filter { $0.date.month == square.month }.map {
                WebLink(href: WebPath.record($0.id), text: Self.linkText($0))
            }
            let state: String
            let stateClass: String
            switch square.state {
            case .rated, .approved, .draft:
                (state, stateClass) = Self.state(of: square.state, level: square.level)
            case .missing: (state, stateClass) = ("Chưa có kỳ sinh hoạt thường kỳ", "none")
            case .beforeFounding: (state, stateClass) = ("Chi bộ chưa thành lập", "future")
            case .notDue:
                (state, stateClass) = (
                    square.month == current ? "Tháng này chưa có kỳ sinh hoạt" : "Chưa đến", "future"
                )
            }
            return Row(period: "Tháng \(square.month)", state: state, stateClass: stateClass, meetings: links)
        }
        let romans = ["I", "II", "III", "IV"]
        quarters = row.quarters.map { quarter in
            let thematic = meetings.filter {
                $0.date.quarter == quarter.quarter && ($0.kind == .thematic || $0.kind == .combined)
            }
            let links = thematic.map { WebLink(href: WebPath.record($0.id), text: Self.linkText($0)) }
            let period = "Quý \(romans[quarter.quarter - 1])"
            switch quarter.state {
            case .rated, .approved, .draft:
                let held = thematic.first { $0.id == quarter.meeting }
                let (state, stateClass) = Self.state(of: quarter.state, level: quarter.level)
                let day = held.map { " ngày \($0.date.vietnameseShort)" } ?? ""
                return Row(
                    period: period,
                    state: quarter.state == .draft ? state : "Đã sinh hoạt chuyên đề\(day) · \(state)",
                    stateClass: stateClass, meetings: links)
            case .missing:
                return Row(period: period, state: "Chưa có kỳ sinh hoạt chuyên đề", stateClass: "none", meetings: links)
            case .beforeFounding:
                return Row(period: period, state: "Chi bộ chưa thành lập", stateClass: "future", meetings: links)
            case .notDue:
                return Row(period: period, state: "Quý chưa hết", stateClass: "future", meetings: links)
            }
        }
        let extraordinary = meetings.filter { $0.kind == .extraordinary }.count
        let thematicQuarters = row.quarters.filter(\.state.isHeld).count
        overview =
            "Sinh hoạt thường kỳ \(row.held)/12 tháng · chuyên đề \(thematicQuarters)/4 quý"
            + (extraordinary > 0 ? " · \(extraordinary) kỳ bất thường" : "")
        toDo = agenda.toDo.map { item in
            let urgent: Set<CellAgenda.ToDo.Kind> = [.lateMonth, .overdueTask, .repeatedAbsence]
            return ToDoItem(
                sentence: item.sentence, href: item.record.map(WebPath.record),
                urgency: urgent.contains(item.kind) ? "urgent" : "soon")
        }
        hasToDo = !toDo.isEmpty
        allDone = toDo.isEmpty && year == today.year
        self.documents = documents.map { document in
            DocumentRow(
                href: WebPath.record(document.id),
                label: document.symbol.map { "\(document.type.vietnameseName) số \($0)" }
                    ?? "\(document.type.vietnameseName) (\(document.status.vietnameseName))",
                documentTitle: document.title, dated: document.date.vietnameseShort,
                marking: document.classification == .none ? nil : document.classification.vietnameseName)
        }
        hasNoDocuments = documents.isEmpty
        previousYear = WebLink(href: WebPath.cell(cell.id, year: year - 1), text: "← Năm \(year - 1)")
        nextYear =
            year < today.year ? WebLink(href: WebPath.cell(cell.id, year: year + 1), text: "Năm \(year + 1) →") : nil
        otherYears = Set(yearsWithMeetings).subtracting([year]).sorted(by: >).map {
            WebLink(href: WebPath.cell(cell.id, year: $0), text: "Năm \($0)")
        }
        hasOtherYears = !otherYears.isEmpty
        searchHref = "/tim-kiem?chi-bo=\(WebPath.segment(cell.id))"
    }

    /// "Đã xếp loại: Tốt", "Đã thông qua biên bản", "Biên bản dự thảo" and the row's class.
    static func state(of state: BoardState, level: Rating.Level?) -> (String, String) {
        switch state {
        case .rated: ("Đã xếp loại: \(level?.vietnameseName ?? "")", "rated")
        case .approved: ("Đã thông qua biên bản", "approved")
        default: ("Biên bản dự thảo, chưa thông qua", "draft")
        }
    }

    /// "Ngày 08/08/2023, thường kỳ", "…, dự thảo" for minutes not yet approved.
    static func linkText(_ meeting: BoardMeeting) -> String {
        "Ngày \(meeting.date.vietnameseShort), \(meeting.kind.vietnameseName)"
            + (meeting.status == .draft ? " (dự thảo)" : "")
    }
}
