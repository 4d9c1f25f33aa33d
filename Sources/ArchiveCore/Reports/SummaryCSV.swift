import Foundation

/// The summary as CSV for a spreadsheet: a UTF-8 BOM (so that Excel on Windows reads the
/// Vietnamese marks), a header row of Vietnamese column names, and one row per cell in
/// Vietnamese order (RFC 4180: CRLF line ends, fields quoted when needed). The columns are
/// `SummaryTable.cellColumns`, as in the .xlsx workbook; their JSON keys are `columns`. Shares
/// and rates are decimals from 0 to 1 with a point; months and quarters are written as such
/// ("T2, T11", "Quý I, III"), so that none reads as a count. Text from the records (identifiers and names) is data, never a formula: a text cell
/// that a spreadsheet would run (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
/// gets a leading `'`, which spreadsheets show as text and do not display.
public enum SummaryCSV {
    /// The columns' keys (the JSON names), in order.
    public static let columns = SummaryTable.cellColumns.map(\.key)
    /// The header row: the columns' Vietnamese names, in order.
    public static let headers = SummaryTable.cellColumns.map(\.header)

    /// The whole table, starting with the byte order mark U+FEFF.
    public static func render(_ summary: YearSummary) -> String {
        let rows = [headers] + SummaryTable.cellRows(summary).map { $0.map(Self.text) }
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func text(_ value: SummaryTable.Value) -> String {
        switch value {
        case .text(let value): text(value)
        case .integer(let value): "\(value)"
        case .share(let value): Decimal4.text(value)
        }
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
