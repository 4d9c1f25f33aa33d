import ArchiveCore

/// The yearly summary as a printable A4 report in Vietnamese, the page a secretary hands to
/// the committee: the Party heading, the figures, a month-by-month chart of the sessions and
/// their levels drawn as inline SVG, and the findings. For a committee: the totals, the cells
/// ranked by their share of Tốt, then each cell with its chart and findings.
public enum SummaryHTML {
    /// The whole page.
    ///
    /// - parameter issued: the day the report is made, for the date line.
    public static func render(_ summary: YearSummary, issued: LocalDate) -> String {
        var body: [String] = []
        if let organization = summary.organization, let totals = summary.totals {
            body.append(heading(issuer: organization.name, parent: nil, issued: issued))
            body.append(title(summary, subject: organization.name))
            body.append("<h2>I. Kết quả chung</h2>")
            body.append(totalsSection(totals))
            body.append("<h2>II. Xếp hạng các chi bộ theo tỷ lệ buổi sinh hoạt xếp loại Tốt</h2>")
            body.append(ranking(summary.cells))
            body.append("<h2 class=\"annex\">III. Từng chi bộ</h2>")
            for cell in summary.cells {
                body.append(
                    """
                    <section class="cell">
                    <h3>\(HTMLText.escape(cell.name))</h3>
                    \(figures(cell))
                    \(MonthChart.svg(cell, year: summary.year))
                    \(findings(cell.findings))
                    </section>
                    """)
            }
            body.append(signature(authority: "T/M ĐẢNG ỦY"))
        } else {
            for cell in summary.cells {
                body.append(heading(issuer: cell.name, parent: cell.organizationName, issued: issued))
                body.append(title(summary, subject: cell.name))
                body.append("<h2>I. Số liệu sinh hoạt</h2>")
                body.append(figures(cell))
                body.append("<h2>II. Sinh hoạt từng tháng</h2>")
                body.append(MonthChart.svg(cell, year: summary.year))
                body.append("<h2>III. Vi phạm và lưu ý</h2>")
                body.append(findings(cell.findings))
                body.append(signature(authority: "T/M CHI BỘ"))
            }
        }
        let subject = summary.organization?.name ?? summary.cells.first?.name ?? ""
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Tổng hợp sinh hoạt chi bộ năm \(summary.year) – \(HTMLText.escape(subject))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    private static let style = """

        @page { size: A4; margin: 20mm 15mm 20mm 25mm; }
        html { background: #f4f1ea; }
        \(RecordPrint.fonts)
        body { margin: 0; font-family: \(RecordPrint.family); font-size: 13pt;
               line-height: 1.4; color: #111; }
        main { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 20mm 15mm 20mm 25mm;
               background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
        @media print { html { background: none; } main { width: auto; min-height: 0; margin: 0; padding: 0;
               box-shadow: none; } }
        .heading { display: flex; justify-content: space-between; text-align: center; }
        .heading .issuer { width: 45%; } .heading .nation { width: 55%; }
        .heading .star { display: block; }
        .heading .date { display: block; margin-top: 6pt; font-style: italic; }
        h1 { text-align: center; font-size: 14pt; margin: 18pt 0 0; }
        .subtitle { text-align: center; font-weight: bold; margin: 2pt 0 12pt; }
        .asof { text-align: center; font-style: italic; margin: 0 0 12pt; }
        h2 { font-size: 13pt; margin: 14pt 0 6pt; }
        h3 { font-size: 13pt; margin: 12pt 0 4pt; }
        table { border-collapse: collapse; width: 100%; font-size: 12pt; }
        th, td { border: 1px solid #444; padding: 2pt 5pt; vertical-align: top; }
        th { background: #eee; }
        td.number { text-align: right; white-space: nowrap; }
        th.number { text-align: center; }
        table.ranking { font-size: 10.5pt; }
        table.ranking td.name { width: 34%; }
        h2, h3 { break-after: avoid; page-break-after: avoid; }
        h2.annex { break-before: page; page-break-before: always; }
        .figures td:first-child { width: 50%; }
        section.cell, figure, tr { break-inside: avoid; page-break-inside: avoid; }
        figure { margin: 8pt 0; }
        figcaption { font-size: 11pt; font-style: italic; }
        svg { width: 100%; height: auto; font-family: "DejaVu Sans", "Noto Sans", sans-serif; }
        ul.findings { padding-left: 18pt; margin: 4pt 0; }
        ul.findings li { margin: 2pt 0; }
        .code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; color: #555; }
        .none { font-style: italic; }
        .signature { margin: 24pt 0 0 auto; width: 50%; text-align: center; font-weight: bold; }
        .signature .space { height: 60pt; }

        """

    private static func heading(issuer: String, parent: String?, issued: LocalDate) -> String {
        let parentLine = parent.map { HTMLText.escape($0.uppercased()) + "<br>" } ?? ""
        return """
            <header class="heading">
            <div class="issuer">\(parentLine)<strong>\(HTMLText.escape(issuer.uppercased()))</strong><span class="star">*</span></div>
            <div class="nation"><strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong><span class="date">\(issued.vietnameseLong.capitalizedFirst)</span></div>
            </header>
            """
    }

    private static func title(_ summary: YearSummary, subject: String) -> String {
        """
        <h1>BÁO CÁO</h1>
        <p class="subtitle">Tổng hợp chất lượng sinh hoạt chi bộ năm \(summary.year)</p>
        <p class="asof">(Số liệu đến \(summary.asOf.vietnameseLong))</p>
        """
    }

    private static func share(_ value: Double?) -> String { value.map(Percent.text) ?? "–" }

    private static func months(_ values: [Int]) -> String {
        values.isEmpty ? "Không có" : "Tháng " + values.map(String.init).joined(separator: ", ")
    }

    private static func quarters(_ values: [Int]) -> String {
        let roman = ["I", "II", "III", "IV"]
        return values.isEmpty ? "Không có" : "Quý " + values.map { roman[$0 - 1] }.joined(separator: ", ")
    }

    private static func figures(_ cell: CellYearSummary) -> String {
        let ratings = cell.ratings
        var rows: [(String, String)] = [
            ("Sinh hoạt thường kỳ", "\(cell.regularHeld) kỳ / \(cell.monthsCounted) tháng tính"),
            ("Tháng không sinh hoạt thường kỳ", months(cell.missingMonths)),
            ("Sinh hoạt chuyên đề", "\(cell.thematicHeld) kỳ"),
            ("Quý không sinh hoạt chuyên đề", quarters(cell.quartersWithoutThematic)),
            ("Sinh hoạt bất thường", "\(cell.extraordinaryHeld) kỳ"),
            (
                "Xếp loại \(cell.meetingsHeld) buổi sinh hoạt",
                "Tốt \(ratings.good); Khá \(ratings.fair); Trung bình \(ratings.average); Kém \(ratings.weak); chưa xếp loại \(ratings.unrated)"
            ),
            ("Tỷ lệ buổi xếp loại Tốt", share(cell.goodShare)),
            ("Tỷ lệ buổi xếp loại Khá trở lên", share(cell.fairOrBetterShare)),
            ("Tỷ lệ đảng viên dự sinh hoạt bình quân", share(cell.attendanceRate)),
        ]
        if let lowest = cell.lowestAttendance {
            rows.append(
                (
                    "Buổi có tỷ lệ dự thấp nhất",
                    "\(Percent.text(lowest.rate)) (\(lowest.present)/\(lowest.expected) đảng viên), ngày \(lowest.date.vietnameseShort)"
                ))
        }
        rows += [
            (
                "Đảng viên vắng không lý do từ 3 lần",
                cell.unexcusedAbsences.isEmpty
                    ? "Không có"
                    : cell.unexcusedAbsences.map {
                        "\($0.name) (\($0.count) lần, tháng \($0.months.map(String.init).joined(separator: ", ")))"
                    }.joined(separator: "; ")
            ),
            (
                "Đảng viên vắng có lý do từ 3 kỳ liên tiếp",
                cell.excusedAbsencesInARow.isEmpty
                    ? "Không có"
                    : cell.excusedAbsencesInARow.map { "\($0.name) (\($0.count) kỳ)" }.joined(separator: "; ")
            ),
            (
                "Buổi dưới thời lượng tối thiểu",
                cell.shortMeetings.isEmpty
                    ? "Không có"
                    : cell.shortMeetings.map { "\($0.date.vietnameseShort): \($0.minutes)/\($0.minimum) phút" }
                        .joined(separator: "; ")
            ),
            ("Biên bản không có kết luận", "\(cell.meetingsWithoutConclusion.count)"),
            ("Biểu quyết không đạt quá nửa số có quyền biểu quyết", "\(cell.failedVotes.count)"),
            ("Nghị quyết đã ban hành", "\(cell.resolutionsIssued)"),
            (
                "Nhiệm vụ được phân công",
                "\(cell.tasks.assigned): hoàn thành \(cell.tasks.done); hủy \(cell.tasks.cancelled); chưa xong \(cell.tasks.open)"
            ),
        ]
        return "<table class=\"figures\">\n<tr><th>Chỉ tiêu</th><th>Kết quả</th></tr>\n"
            + rows.map { "<tr><td>\(HTMLText.escape($0.0))</td><td>\(HTMLText.escape($0.1))</td></tr>" }
            .joined(separator: "\n") + "\n</table>"
    }

    private static func totalsSection(_ totals: CommitteeTotals) -> String {
        let ratings = totals.ratings
        return """
            <p>\(totals.cellsWithRegularSessions)/\(totals.cells) chi bộ sinh hoạt đủ 11–12 kỳ thường kỳ; \(totals.cellsWithFewerSessions) chi bộ sinh hoạt ít hơn.</p>
            <p>Tổng số \(totals.meetingsHeld) buổi sinh hoạt (\(totals.regularHeld) thường kỳ, \(totals.thematicHeld) chuyên đề, \(totals.extraordinaryHeld) bất thường). Xếp loại: Tốt \(ratings.good) buổi (\(share(totals.goodShare))); Khá \(ratings.fair); Trung bình \(ratings.average); Kém \(ratings.weak); chưa xếp loại \(ratings.unrated). Khá trở lên: \(share(totals.fairOrBetterShare)).</p>
            <p>Tỷ lệ đảng viên dự sinh hoạt bình quân: \(share(totals.attendanceRate)). Ban hành \(totals.resolutionsIssued) nghị quyết; phân công \(totals.tasks.assigned) nhiệm vụ, hoàn thành \(totals.tasks.done), chưa xong \(totals.tasks.open). Có \(totals.findings) vi phạm và lưu ý.</p>
            """
    }

    private static func ranking(_ cells: [CellYearSummary]) -> String {
        let header = """
            <tr><th class="number">TT</th><th>Chi bộ</th><th class="number">Thường kỳ</th><th class="number">Chuyên đề</th><th class="number">Tốt</th><th class="number">Khá</th><th class="number">TB</th><th class="number">Kém</th><th class="number">Tỷ lệ Tốt</th><th class="number">Dự họp</th><th class="number">Lưu ý</th></tr>
            """
        let rows = cells.enumerated().map { index, cell in
            let numbers = [
                "\(cell.regularHeld)/\(cell.monthsCounted)", "\(cell.thematicHeld)", "\(cell.ratings.good)",
                "\(cell.ratings.fair)", "\(cell.ratings.average)", "\(cell.ratings.weak)", share(cell.goodShare),
                share(cell.attendanceRate), "\(cell.findings.count)",
            ].map { "<td class=\"number\">\(HTMLText.escape($0))</td>" }.joined()
            return
                "<tr><td class=\"number\">\(index + 1)</td><td class=\"name\">\(HTMLText.escape(cell.name))</td>\(numbers)</tr>"
        }
        return "<table class=\"ranking\">\n\(header)\n\(rows.joined(separator: "\n"))\n</table>"
    }

    private static func findings(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "<p class=\"none\">Không có vi phạm hay lưu ý nào.</p>" }
        return "<ul class=\"findings\">\n"
            + findings.map {
                "<li>\(HTMLText.escape($0.message)) <span class=\"code\">[\(HTMLText.escape($0.code.rawValue))]</span></li>"
            }.joined(separator: "\n") + "\n</ul>"
    }

    private static func signature(authority: String) -> String {
        """
        <div class="signature">\(authority)<br>BÍ THƯ<div class="space"></div></div>
        """
    }
}

extension String {
    /// The text with its first letter in capitals ("ngày 06…" → "Ngày 06…").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
