import ArchiveCore

/// Section I of a committee's report as both its pages show it — the A4 report
/// (`CommitteeReportView`) and the office's web page (`ReportPage`): the opening sentence, the
/// numbered parts with their sentences, and the comparison with a year earlier.
struct ReportFiguresView: Sendable {
    /// A numbered part of section I.
    struct Part: Sendable {
        let number: Int
        let heading: String
        let paragraphs: [String]
    }

    let opening: String
    let sections: [Part]
    /// The comparison's number: after the last part.
    let comparisonNumber: Int
    /// "So sánh với năm 2023".
    let comparisonHeading: String
    /// "Năm 2023", "Quý III/2023"…: the columns' headers.
    let previousLabel: String
    let currentLabel: String
    let comparison: [CommitteeReport.Comparison]

    init(_ report: CommitteeReport) {
        opening = report.opening
        let results = report.resultSections
        sections = results.enumerated().map { Part(number: $0 + 1, heading: $1.heading, paragraphs: $1.paragraphs) }
        comparisonNumber = results.count + 1
        comparisonHeading = report.comparisonHeading
        previousLabel = ReportPeriodParameter.label(report.previous.period)
        currentLabel = ReportPeriodParameter.label(report.period)
        comparison = report.comparison
    }
}
