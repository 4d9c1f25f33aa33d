/// Which months and quarters of a year count for one cell: those begun on or after the cell's
/// founding (its first term's start) and over by `asOf`. A month under way, or one before
/// the cell existed, is never "missed" (`domain.md`, "Sinh hoạt chi bộ": a regular meeting
/// every month, a thematic one every quarter).
///
/// ```swift
/// let periods = CountedPeriods(year: 2024, asOf: LocalDate("2024-09-15")!, founded: LocalDate("2024-03-01"))
/// periods.months     // [3, 4, 5, 6, 7, 8]
/// periods.quarters   // [2]
/// ```
package struct CountedPeriods: Sendable {
    package var year: Int
    package var asOf: LocalDate
    /// The cell's first term's start; `nil` when unknown (every month of the year may count).
    package var founded: LocalDate?

    package init(year: Int, asOf: LocalDate, founded: LocalDate?) {
        self.year = year
        self.asOf = asOf
        self.founded = founded
    }

    /// The periods of `cell` (founded at its earliest term's start).
    package init(year: Int, asOf: LocalDate, cell: Cell) {
        self.init(year: year, asOf: asOf, founded: cell.terms.map(\.start).min())
    }

    /// Whether `month` (1...12) had begun when the cell existed.
    package func existed(inMonth month: Int) -> Bool {
        founded.map { $0 <= LocalDate(year: year, month: month, day: 1)! } ?? true
    }

    /// Whether `month` (1...12) is over by `asOf`.
    package func isOver(month: Int) -> Bool {
        LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))! <= asOf
    }

    /// Whether `month` counts: the cell existed when it began and it is over.
    package func counts(month: Int) -> Bool { existed(inMonth: month) && isOver(month: month) }

    /// Whether `quarter` (1...4) counts: the cell existed when it began and it is over.
    package func counts(quarter: Int) -> Bool { existed(inMonth: quarter * 3 - 2) && isOver(month: quarter * 3) }

    /// Whether the cell had been founded by the last day of `month` (1...12).
    package func existed(byEndOf month: Int) -> Bool {
        founded.map { $0 <= LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))! }
            ?? true
    }

    /// Whether `month` is in the denominator of "held / months": it counts, or its regular
    /// meeting is already held (`held`) though the month is under way or the cell was founded
    /// during it, so that a December meeting held on the 1st reads "12/12", not "12/11", and a
    /// cell founded on 15 April that met on the 20th reads "9/9", not "9/8".
    package func isReckoned(month: Int, held: Bool) -> Bool {
        counts(month: month) || (held && existed(byEndOf: month))
    }

    /// The months that count, in order.
    package var months: [Int] { (1...12).filter { counts(month: $0) } }

    /// The quarters that count, in order.
    package var quarters: [Int] { (1...4).filter { counts(quarter: $0) } }
}
