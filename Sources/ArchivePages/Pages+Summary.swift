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

    /// A commune committee's report on its cells' meetings as one HTML page, the A4 report it
    /// sends above it (issue 13): "ĐẢNG BỘ TỈNH … / ĐẢNG ỦY XÃ … / * / Số …-BC/ĐU" beside
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line; "BÁO CÁO" and the period; the figures as
    /// sentences with those of a year earlier; the office's ưu điểm, hạn chế and phương hướng
    /// (dotted lines until it writes them); the signature and "Nơi nhận"; and an annex table
    /// of every cell on a page of its own. Nothing on it is an internal code.
    ///
    /// ```swift
    /// let page = pages.render(try await archive.committeeReport(of: period, organizationID: id, today: today))
    /// ```
    ///
    /// - parameter logHead: the audit log's head, printed in a footer line when given.
    public func render(_ report: CommitteeReport, logHead: AuditLogHead? = nil) -> String {
        var view = CommitteeReportView(report)
        view.logHeadLine = logHead?.vietnameseLine
        return render(view, template: "committee-report")
    }
}
