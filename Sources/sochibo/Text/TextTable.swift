import ArchiveCore

/// A plain-text table with columns aligned by character, for the terminal.
///
/// ```swift
/// TextTable.render(headers: ["Mã", "Tên"], rows: [["cb-a", "Chi bộ thôn A"]])
/// ```
public enum TextTable {
    /// The table as lines joined by newlines, with a rule under the header.
    public static func render(headers: [String], rows: [[String]]) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
