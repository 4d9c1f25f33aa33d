/// The period a summary covers: a year, one of its quarters, or one of its months. The centre
/// asks for monthly and quarterly figures as well as yearly ones; the same rules hold in each
/// (a month or quarter counts only once it is over and the cell existed).
///
/// ```swift
/// let third = SummaryPeriod(year: 2024, quarter: 3)!
/// third.months         // 7...9
/// third.vietnameseName // "quý III năm 2024"
/// ```
public struct SummaryPeriod: Sendable, Hashable, Codable {
    /// The kind of period.
    public enum Span: String, Sendable, Hashable, Codable {
        case year, quarter, month
    }

    /// The calendar year.
    public let year: Int
    /// Whether a year, a quarter or a month.
    public let span: Span
    /// The quarter (1...4) or month (1...12); `nil` for a year.
    public let index: Int?

    /// The whole of `year`.
    public init(year: Int) {
        self.year = year
        span = .year
        index = nil
    }

    /// Quarter `quarter` (1...4) of `year`; `nil` outside 1...4.
    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter) else { return nil }
        self.year = year
        span = .quarter
        index = quarter
    }

    /// Month `month` (1...12) of `year`; `nil` outside 1...12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        span = .month
        index = month
    }

    /// The months covered, e.g. `7...9` for the third quarter.
    public var months: ClosedRange<Int> {
        switch span {
        case .year: 1...12
        case .quarter: (index! * 3 - 2)...(index! * 3)
        case .month: index!...index!
        }
    }

    /// The quarters wholly inside the period: their thematic meeting is owed in it.
    public var quarters: [Int] {
        (1...4).filter { months.contains($0 * 3 - 2) && months.contains($0 * 3) }
    }

    /// How the archive keys a period: "2024", "2024-Q3", "2024-09".
    public var key: String {
        switch span {
        case .year: "\(year)"
        case .quarter: "\(year)-Q\(index!)"
        case .month: index! < 10 ? "\(year)-0\(index!)" : "\(year)-\(index!)"
        }
    }

    /// The same period a year earlier: the year, quarter or month before.
    public var yearEarlier: SummaryPeriod {
        switch span {
        case .year: SummaryPeriod(year: year - 1)
        case .quarter: SummaryPeriod(year: year - 1, quarter: index!)!
        case .month: SummaryPeriod(year: year - 1, month: index!)!
        }
    }

    /// The period's first day.
    public var firstDay: LocalDate { LocalDate(year: year, month: months.lowerBound, day: 1)! }

    /// The period's last day.
    public var lastDay: LocalDate {
        LocalDate(year: year, month: months.upperBound, day: LocalDate.daysIn(month: months.upperBound, year: year))!
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: LocalDate) -> Bool { firstDay <= date && date <= lastDay }

    /// What a cell that held its regular meetings did, for a committee's totals: "sinh hoạt đủ
    /// 11–12 kỳ thường kỳ" in a year (11 where one month is merged, `domain.md`), "sinh hoạt
    /// thường kỳ đủ các tháng" in a quarter or a month.
    public var regularSessionsPhrase: String {
        span == .year ? "sinh hoạt đủ 11–12 kỳ thường kỳ" : "sinh hoạt thường kỳ đủ các tháng"
    }

    /// "năm 2024", "quý III năm 2024", "tháng 9 năm 2024".
    public var vietnameseName: String {
        switch span {
        case .year: "năm \(year)"
        case .quarter: "quý \(["I", "II", "III", "IV"][index! - 1]) năm \(year)"
        case .month: "tháng \(index!) năm \(year)"
        }
    }
}
