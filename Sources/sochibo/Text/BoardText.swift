import ArchiveCore

/// The office's board as terminal text: one line per cell, late cells first, a mark per
/// month, the quarters' thematic meetings, and totals per month under it.
enum BoardText {
    static func render(_ board: Board) -> String {
        var lines = [
            "Bảng theo dõi sinh hoạt chi bộ năm \(board.year) — \(board.organization.name) "
                + "(tính đến \(board.asOf.vietnameseShort))",
            "\(board.lateCells)/\(board.rows.count) chi bộ còn tháng chưa có biên bản được thông qua.",
            "",
        ]
        let headers = ["Chi bộ"] + (1...12).map { "T\($0)" } + ["Chuyên đề", "Đủ", "Chậm"]
        var rows = board.rows.map { row in
            [row.name] + row.months.map(mark) + [
                row.quarters.map { symbol($0.state) }.joined(), "\(row.held)/\(row.counted)",
                row.late == 0 ? "" : "\(row.late)",
            ]
        }
        rows.append(["Đã thông qua"] + board.months.map { "\($0.held)/\($0.counted)" } + ["", "", ""])
        lines.append(TextTable.render(headers: headers, rows: rows))
        lines.append("")
        lines.append(
            "Chú giải: Tốt, Khá, TB, Kém đã xếp loại · ✓ đã thông qua · nháp chưa thông qua · ✗ không có biên bản"
                + " · · chưa đến hạn · – chưa thành lập. Chuyên đề: quý I–IV, cùng ký hiệu (n là nháp).")
        return lines.joined(separator: "\n")
    }

    private static func mark(_ square: BoardSquare) -> String {
        switch (square.state, square.level) {
        case (.rated, .good?): "Tốt"
        case (.rated, .fair?): "Khá"
        case (.rated, .average?): "TB"
        case (.rated, .weak?): "Kém"
        case (.draft, _): "nháp"
        default: symbol(square.state)
        }
    }

    private static func symbol(_ state: BoardState) -> String {
        switch state {
        case .rated, .approved: "✓"
        case .draft: "n"
        case .missing: "✗"
        case .notDue: "·"
        case .beforeFounding: "–"
        }
    }
}
