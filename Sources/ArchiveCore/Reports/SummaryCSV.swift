import Foundation

/// The yearly summary as CSV for a spreadsheet: a header and one row per cell (RFC 4180:
/// CRLF line ends, fields quoted when needed). Column names are the JSON keys; shares and
/// rates are decimals from 0 to 1 with a point; lists of months or quarters are joined by spaces.
/// Text from the records (identifiers and names) is data, never a formula: a text cell that a
/// spreadsheet would run (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
/// leading `'`, which spreadsheets show as text and do not display.
public enum SummaryCSV {
    /// The column names, in order.
    public static let columns = [
        "year", "cell", "name", "organization", "meetingsHeld", "regularHeld", "monthsCounted", "missingMonths",
        "thematicHeld", "quartersWithoutThematic", "extraordinaryHeld", "good", "fair", "average", "weak", "unrated",
        "goodShare", "fairOrBetterShare", "attendanceRate", "lowestAttendanceMeeting", "lowestAttendanceRate",
        "unexcusedAbsences", "excusedAbsencesInARow", "shortMeetings", "meetingsWithoutConclusion", "failedVotes",
        "resolutionsIssued", "tasksAssigned", "tasksDone", "tasksCancelled", "tasksOpen", "findings",
    ]

    /// The whole table.
    public static func render(_ summary: YearSummary) -> String {
        let rows = [columns] + summary.cells.map { row($0, year: summary.year) }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func row(_ cell: CellYearSummary, year: Int) -> [String] {
        func numbers(_ values: [Int]) -> String { values.map(String.init).joined(separator: " ") }
        return [
            "\(year)", text(cell.cell), text(cell.name), text(cell.organization), "\(cell.meetingsHeld)",
            "\(cell.regularHeld)",
            "\(cell.monthsCounted)", numbers(cell.missingMonths), "\(cell.thematicHeld)",
            numbers(cell.quartersWithoutThematic), "\(cell.extraordinaryHeld)", "\(cell.ratings.good)",
            "\(cell.ratings.fair)", "\(cell.ratings.average)", "\(cell.ratings.weak)", "\(cell.ratings.unrated)",
            Decimal4.text(cell.goodShare), Decimal4.text(cell.fairOrBetterShare), Decimal4.text(cell.attendanceRate),
            text(cell.lowestAttendance?.meeting ?? ""), Decimal4.text(cell.lowestAttendance?.rate),
            "\(cell.unexcusedAbsences.count)", "\(cell.excusedAbsencesInARow.count)", "\(cell.shortMeetings.count)",
            "\(cell.meetingsWithoutConclusion.count)", "\(cell.failedVotes.count)", "\(cell.resolutionsIssued)",
            "\(cell.tasks.assigned)", "\(cell.tasks.done)", "\(cell.tasks.cancelled)", "\(cell.tasks.open)",
            "\(cell.findings.count)",
        ]
    }

    /// A text cell that no spreadsheet runs as a formula (OWASP's "CSV injection").
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    /// A field, quoted when it holds a comma, a quote or a line break.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A share or rate written with four decimals and a point ("0.8974"), empty when unknown:
/// the machine-readable form used by CSV and XML.
enum Decimal4 {
    static func text(_ value: Double?) -> String {
        guard let value else { return "" }
        // Shares are 0...1; anything else (not a number, or a count stored beyond reason)
        // is left empty rather than trapping in the conversion.
        let rounded = (value * 10_000).rounded()
        guard rounded.isFinite, rounded >= 0, rounded <= 1e12 else { return "" }
        let scaled = Int(rounded)
        let fraction = String(scaled % 10_000)
        return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
