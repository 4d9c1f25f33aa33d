import ArchiveCore

/// A cell's year as an inline SVG chart: one column per month, one box per session stacked
/// from the bottom, filled by its rating level and labelled with its kind and level in words
/// (so that the chart still reads when printed in black and white). A month that counts and
/// had no regular session is drawn as a dashed red box; a month that does not count yet
/// (before the cell was founded, or not yet over) is left empty.
enum MonthChart {
    private static let columnWidth = 52
    private static let boxHeight = 32
    private static let left = 8
    private static let top = 8

    static func svg(_ cell: CellYearSummary, year: Int) -> String {
        let rows = max(1, cell.months.map(\.sessions.count).max() ?? 0)
        let plotHeight = rows * (boxHeight + 4)
        let width = left * 2 + 12 * columnWidth
        let axis = top + plotHeight
        let height = axis + 26 + 40
        var parts: [String] = []
        parts.append(
            "<line x1=\"\(left)\" y1=\"\(axis)\" x2=\"\(width - left)\" y2=\"\(axis)\" stroke=\"#444\" stroke-width=\"1\"/>"
        )
        let missing = Set(cell.missingMonths)
        for month in cell.months {
            let x = left + (month.month - 1) * columnWidth + 4
            let boxWidth = columnWidth - 8
            for (index, session) in month.sessions.enumerated() {
                let y = axis - (index + 1) * (boxHeight + 4)
                let level = session.level
                let label =
                    "\(session.date.vietnameseShort): \(session.kind.vietnameseName), \(level?.vietnameseName ?? "chưa xếp loại")"
                parts.append(
                    """
                    <g><title>\(HTMLText.escape(label))</title><rect x="\(x)" y="\(y)" width="\(boxWidth)" height="\(boxHeight)" rx="3" fill="\(fill(level))" stroke="#333" stroke-width="0.8"/>\
                    <text x="\(x + boxWidth / 2)" y="\(y + 13)" text-anchor="middle" font-size="10" fill="\(ink(level))">\(kindCode(session.kind))</text>\
                    <text x="\(x + boxWidth / 2)" y="\(y + 26)" text-anchor="middle" font-size="10" font-weight="bold" fill="\(ink(level))">\(levelCode(level))</text></g>
                    """)
            }
            if missing.contains(month.month) {
                let y = axis - boxHeight - 4
                parts.append(
                    """
                    <g><title>Tháng \(month.month)/\(year): không sinh hoạt thường kỳ</title><rect x="\(x)" y="\(y)" width="\(boxWidth)" height="\(boxHeight)" rx="3" fill="none" stroke="#b00020" stroke-width="1.5" stroke-dasharray="4 3"/>\
                    <text x="\(x + boxWidth / 2)" y="\(y + 20)" text-anchor="middle" font-size="10" fill="#b00020">thiếu</text></g>
                    """)
            }
            parts.append(
                "<text x=\"\(x + boxWidth / 2)\" y=\"\(axis + 16)\" text-anchor=\"middle\" font-size=\"11\">T\(month.month)</text>"
            )
        }
        parts.append(legend(y: axis + 34, width: width))
        let summary =
            "Biểu đồ sinh hoạt từng tháng năm \(year) của \(cell.name): \(cell.meetingsHeld) buổi, \(cell.ratings.good) buổi Tốt"
            + (cell.missingMonths.isEmpty
                ? "" : ", thiếu tháng " + cell.missingMonths.map(String.init).joined(separator: ", "))
        return """
            <figure>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(HTMLText.escape(summary))">
            \(parts.joined(separator: "\n"))
            </svg>
            <figcaption>TK: thường kỳ; CĐ: chuyên đề; KH: thường kỳ kết hợp chuyên đề; BT: bất thường. Mỗi ô là một buổi sinh hoạt, màu theo xếp loại.</figcaption>
            </figure>
            """
    }

    private static func legend(y: Int, width: Int) -> String {
        let entries: [(Rating.Level?, String)] = [
            (.good, "Tốt"), (.fair, "Khá"), (.average, "Trung bình"), (.weak, "Kém"), (nil, "Chưa xếp loại"),
        ]
        var x = left + 4
        var parts: [String] = []
        for (level, name) in entries {
            parts.append(
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(fill(level))\" stroke=\"#333\" stroke-width=\"0.8\"/><text x=\"\(x + 20)\" y=\"\(y + 11)\" font-size=\"11\">\(name)</text>"
            )
            x += 30 + name.count * 7
        }
        parts.append(
            "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" rx=\"2\" fill=\"none\" stroke=\"#b00020\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/><text x=\"\(x + 20)\" y=\"\(y + 11)\" font-size=\"11\">Tháng không sinh hoạt thường kỳ</text>"
        )
        return parts.joined(separator: "\n")
    }

    private static func fill(_ level: Rating.Level?) -> String {
        switch level {
        case .good: "#1b7a3d"
        case .fair: "#5b9bd5"
        case .average: "#f2c14e"
        case .weak: "#c0392b"
        case nil: "#e6e6e6"
        }
    }

    private static func ink(_ level: Rating.Level?) -> String {
        switch level {
        case .good, .weak: "#fff"
        default: "#111"
        }
    }

    private static func kindCode(_ kind: Meeting.Kind) -> String {
        switch kind {
        case .regular: "TK"
        case .thematic: "CĐ"
        case .combined: "KH"
        case .extraordinary: "BT"
        }
    }

    private static func levelCode(_ level: Rating.Level?) -> String {
        switch level {
        case .good: "Tốt"
        case .fair: "Khá"
        case .average: "TB"
        case .weak: "Kém"
        case nil: "–"
        }
    }
}
