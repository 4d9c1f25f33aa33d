import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HummingbirdTesting
import Testing

/// The board page (`/bang-theo-doi`) of the fixture commune of Phú Xuân (`fixtures/commune/`),
/// served by a real server on loopback to the commune office's account, read row by row
/// against the figures `make-commune-fixture.py` works out from its plan: each row's place,
/// "held / months", late count, and every square's state, mark and link; the month totals.
@Suite struct CommuneBoardPageTests {
    /// The commune imported once, with the office's account.
    static let archive = Task { () throws -> Archive in
        let archive = try Archive.create(at: WebSupport.temporaryDirectory() + "/archive")
        let context = AuditContext(actor: "kiểm thử")
        _ = try await archive.importFiles(
            [WebSupport.packageRoot + "/fixtures/commune/phu-xuan-2024.xml"], context: context)
        _ = try await archive.addAccount(
            Account(name: "vanphong.phuxuan", role: .committee, organizationID: "dbx-phu-xuan"),
            password: WebSupport.password, cost: 4, context: context)
        return archive
    }

    /// The board of the year seen after it (every month over), and on 10 September 2024
    /// (September and the third quarter under way: owed nothing yet, held where met by then).
    @Test(arguments: [("board", "2025-03-01"), ("boardOn2024-09-10", "2024-09-10")])
    func everyRowAndSquareIsThePlans(_ planKey: String, _ today: String) async throws {
        let plan = try PlannedBoard.read(planKey)
        let archive = try await Self.archive.value
        try await WebSupport.application(archive: archive, today: try #require(LocalDate(today))).test(.live) {
            client in
            let office = Browser(client)
            try await office.login("vanphong.phuxuan")
            let page = try await office.get("/bang-theo-doi?nam=2024")
            #expect(page.status == .ok)
            #expect(
                page.body.contains(
                    "\(plan.rows.count) chi bộ · \(plan.lateCells) chi bộ còn tháng chưa có biên bản được thông qua"))
            let rows = BoardTable(page.body)
            #expect(rows.rows.map(\.cell) == plan.rows.map(\.cell), "rows out of the plan's order")
            for planned in plan.rows {
                guard let row = rows.rows.first(where: { $0.cell == planned.cell }) else {
                    Issue.record("\(planned.cell) has no row")
                    continue
                }
                #expect(row.name == planned.name)
                #expect(row.late == (planned.late == 0 ? "" : "\(planned.late)"), "\(planned.cell) late")
                let held = "\(planned.held)/\(planned.counted)"
                #expect(row.held == held, "\(planned.cell) held / months: \(row.held)")
                #expect(row.squares.count == 16, "\(planned.cell)")
                for (index, (square, expected)) in zip(row.squares, planned.months + planned.quarters).enumerated() {
                    let name = index < 12 ? "\(planned.cell) month \(index + 1)" : "\(planned.cell) Q\(index - 11)"
                    let state = expected.state + (expected.late ? " late" : "")
                    #expect(square.stateClass == (index < 12 ? state : "quarter " + state), "\(name)")
                    #expect(square.mark == expected.mark, "\(name)")
                    #expect(square.meeting == expected.meeting, "\(name)")
                }
            }
            for (total, planned) in zip(rows.monthTotals, plan.months) {
                let text = "\(planned.held)/\(planned.counted)"
                #expect(total == text, "month \(planned.month): \(total)")
            }
            #expect(rows.monthTotals.count == 12)
        }
    }
}

/// The board as the fixture's plan has it (`phu-xuan-2024.expected.json`).
struct PlannedBoard: Decodable {
    struct Square: Decodable {
        var state: String
        var level: String?
        var meeting: String?
        var late: Bool

        /// What the square shows: the level in short, ✓, Nháp, ✗, – or nothing.
        var mark: String {
            switch state {
            case "rated": ["good": "Tốt", "fair": "Khá", "average": "TB", "weak": "Kém"][level ?? ""] ?? "?"
            case "approved": "✓"
            case "draft": "Nháp"
            case "missing": "✗"
            case "before-founding": "–"
            default: ""
            }
        }
    }

    struct Row: Decodable {
        var cell: String
        var name: String
        var months: [Square]
        var quarters: [Square]
        var late: Int
        var held: Int
        var counted: Int
    }

    struct MonthTotal: Decodable {
        var month: Int
        var held: Int
        var counted: Int
    }

    var lateCells: Int
    var rows: [Row]
    var months: [MonthTotal]

    static func read(_ key: String) throws -> PlannedBoard {
        let url = URL(fileURLWithPath: WebSupport.packageRoot + "/fixtures/commune/phu-xuan-2024.expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let board = try #require(object?[key])
        return try JSONDecoder().decode(PlannedBoard.self, from: JSONSerialization.data(withJSONObject: board))
    }
}

/// The board's table read from the page by its markup: each body row's cell link, its sixteen
/// squares (class, link, mark) and its two figures; the footer's month totals.
struct BoardTable {
    struct Square {
        var stateClass: String
        var meeting: String?
        var mark: String
    }

    struct Row {
        var cell: String
        var name: String
        var squares: [Square] = []
        var held = ""
        var late = ""
    }

    var rows: [Row] = []
    var monthTotals: [String] = []

    init(_ html: String) {
        let body = Self.between(html, "<tbody>", "</tbody>") ?? ""
        for rowHTML in body.components(separatedBy: "<tr").dropFirst() {
            guard let cell = Self.between(rowHTML, #"href="/chi-bo/"#, "?nam="),
                let name = Self.between(rowHTML, #"?nam=2024">"#, "</a></th>")
            else { continue }
            var row = Row(cell: cell, name: name)
            for cellHTML in rowHTML.components(separatedBy: "<td class=\"").dropFirst() {
                let stateClass = String(cellHTML.prefix { $0 != "\"" })
                let content = Self.between(cellHTML, ">", "</td>") ?? ""
                switch stateClass {
                case "figure": row.held = Self.text(content)
                case "figure late-count": row.late = Self.text(content)
                default:
                    row.squares.append(
                        Square(
                            stateClass: stateClass, meeting: Self.between(cellHTML, #"href="/ban-ghi/"#, "\""),
                            mark: Self.text(Self.between(cellHTML, "\">", "</td>") ?? "")))
                }
            }
            rows.append(row)
        }
        let footer = Self.between(html, "<tfoot>", "</tfoot>") ?? ""
        monthTotals = footer.components(separatedBy: #"<td class="figure">"#).dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
    }

    /// The text between the first `start` and the next `end` after it.
    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex)
        else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }

    /// `html` without its tags.
    static func text(_ html: String) -> String {
        var result = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                result.append(character)
            }
        }
        return result
    }
}
