extension Cell {
    /// Why a meeting or a document of this cell cannot be dated `date`: the day is before the
    /// cell's first term began (a year typed as "0024" is such a day) or after its last term
    /// ended. `nil` for a day within the cell's life, and for a cell with no term recorded.
    ///
    /// The one rule for the date of a form that is filed (`FormFieldReader.date`) and of a
    /// blank form that is asked for (`sochibo template --date`).
    ///
    /// ```swift
    /// cell.lifeProblem(on: LocalDate(year: 24, month: 12, day: 28)!)
    /// // "ngày 28/12/0024 trước khi Chi bộ thôn Nà Pàn có nhiệm kỳ đầu tiên (15/03/2020)"
    /// ```
    public func lifeProblem(on date: LocalDate) -> String? {
        if let founded = terms.map(\.start).min(), date < founded {
            return "ngày \(date.vietnameseShort) trước khi \(name) có nhiệm kỳ đầu tiên (\(founded.vietnameseShort))"
        }
        if let last = terms.max(by: { $0.start < $1.start }), let end = last.end, date > end {
            return "ngày \(date.vietnameseShort) sau khi nhiệm kỳ cuối của \(name) kết thúc (\(end.vietnameseShort))"
        }
        return nil
    }
}
