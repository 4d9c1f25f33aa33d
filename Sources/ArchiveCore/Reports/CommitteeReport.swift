/// The report a commune committee sends above it on its cells' meetings, in its real form
/// (issue 13, item 5; `domain.md`, "Layout of a Party document" and "Yearly reporting"): the
/// period's figures over every cell under the committee, the same figures a year earlier, and
/// what the office wrote itself (`ReportText`). Its sentences are in `CommitteeReport+Wording`;
/// `Pages.render(_:)` prints it.
///
/// ```swift
/// let report = try await archive.committeeReport(
///     of: SummaryPeriod(year: 2024), organizationID: "dbx-hop-thanh", today: today)
/// report.symbol        // "Số 25-BC/ĐU", or "Số      -BC/ĐU" to fill by hand
/// report.resultSections.first?.paragraphs.first   // "Toàn Đảng bộ có 3 chi bộ trực thuộc với 53 đảng viên…"
/// ```
public struct CommitteeReport: Sendable, Hashable {
    /// The committee reporting.
    public var organization: Organization
    /// The name of the committee above it ("Đảng bộ tỉnh Lạng Sơn"), for the heading's first
    /// line; `nil` for a committee with none recorded.
    public var parentName: String?
    /// The period's summary over every cell under the committee, sub-committees included.
    public var summary: YearSummary
    /// The same period a year earlier, over the cells that existed then.
    public var previous: YearSummary
    /// What the office wrote; `ReportText.defaults(for:)` until it saves its own.
    public var text: ReportText
    /// When and by whom `text` was last saved; `nil` until it is.
    public var saved: Saved?
    /// The day the report is made: the date line's day unless `text.date` gives one.
    public var today: LocalDate

    /// Who last saved the office's text, and when.
    public struct Saved: Sendable, Hashable, Codable {
        /// The account's name as the audit log keeps it.
        public var by: String
        /// ISO 8601 UTC time.
        public var at: String

        /// Creates a record of a save.
        public init(by: String, at: String) {
            self.by = by
            self.at = at
        }
    }

    /// Creates a report.
    public init(
        organization: Organization, parentName: String?, summary: YearSummary, previous: YearSummary,
        text: ReportText, saved: Saved?, today: LocalDate
    ) {
        self.organization = organization
        self.parentName = parentName
        self.summary = summary
        self.previous = previous
        self.text = text
        self.saved = saved
        self.today = today
    }

    /// The period reported on.
    public var period: SummaryPeriod { summary.period }

    /// The day printed on the date line.
    public var issued: LocalDate { text.date ?? today }

    /// The cells of the period, in Vietnamese order of their names, for the annex.
    public var cellsInOrder: [CellYearSummary] {
        summary.cells.sorted { VietnameseCollation.precedes($0.name, $1.name) }
    }

    /// The cells a year earlier that existed then (a month of that period counted for them,
    /// or they held a meeting), so a cell founded since does not count as one that missed
    /// every month.
    public var previousCells: [CellYearSummary] {
        previous.cells.filter { $0.monthsCounted > 0 || $0.meetingsHeld > 0 }
    }

    /// This period's totals.
    public var totals: CommitteeTotals { summary.totals ?? CommitteeTotals(summary.cells) }

    /// The totals a year earlier, over `previousCells`.
    public var previousTotals: CommitteeTotals { CommitteeTotals(previousCells) }
}
