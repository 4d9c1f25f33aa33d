import ArchiveCore

extension Pages {
    /// The yearly summary as one HTML page, an A4 report in Vietnamese that a secretary hands
    /// to the committee: the Party heading, the figures, a month-by-month chart of the sessions
    /// and their levels as inline SVG, and the findings. For a committee: the totals, the cells
    /// ranked by their share of Tốt, then each cell with its chart and findings.
    ///
    /// ```swift
    /// let page = pages.render(summary, issued: LocalDate(year: 2025, month: 3, day: 1)!)
    /// // … ĐẢNG CỘNG SẢN VIỆT NAM … Ngày 01 tháng 03 năm 2025 … <svg …
    /// ```
    ///
    /// - parameters:
    ///   - issued: the day the report is made, for the date line.
    ///   - logHead: the audit log's head, printed in a footer line when given.
    public func render(_ summary: YearSummary, issued: LocalDate, logHead: AuditLogHead? = nil) -> String {
        var view = SummaryView(summary, issued: issued)
        view.logHeadLine = logHead?.vietnameseLine
        return render(view, template: "summary")
    }
}
