import Foundation
import Testing

/// The fixture commune of Phú Xuân (`fixtures/commune/`): 53 cells whose 2024 follows a plan,
/// from which `make-commune-fixture.py` works out by its own arithmetic every figure of the
/// board and of the four quarterly and the yearly summaries. Here the real `sochibo` imports
/// the file once and each figure of `board --format json` and `summary --format json` is
/// compared with the plan's, one by one, named by its path.
@Suite("The fixture commune through sochibo")
struct CommuneFixtureTests {
    /// The archive, imported once for the suite (the tests only read it).
    static let archive: Result<String, ImportFailure> = {
        let archive = Sochibo.temporaryDirectory() + "/archive"
        do {
            let created = try Sochibo.run(["init", "--archive", archive])
            guard created.status == 0 else { return .failure(ImportFailure(message: created.errors)) }
            let imported = try Sochibo.run(["import", "--archive", archive, CommuneFixture.file])
            guard imported.status == 0 else { return .failure(ImportFailure(message: imported.errors)) }
            return .success(archive)
        } catch {
            return .failure(ImportFailure(message: "\(error)"))
        }
    }()

    struct ImportFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    func json(_ arguments: [String]) throws -> JSONValue {
        let archive = try Self.archive.get()
        let result = try Sochibo.run(Array(arguments.prefix(1)) + ["--archive", archive] + arguments.dropFirst())
        try #require(result.status == 0, "\(arguments): \(result.errors)")
        return try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
    }

    @Test func theBoardOfTheYearGivesEveryPlannedSquareAndTotal() throws {
        let expected = try CommuneFixture.expected()
        let board = try json(["board", "--organization", "dbx-phu-xuan", "--year", "2024", "--format", "json"])
        let plan = expected["board"]
        CommuneFixture.compareBoard(plan, board, path: "board")
        // Cells with a late month: not in the JSON itself, counted from its rows.
        let late = board["rows"]?.items.filter { ($0["late"]?.number ?? 0) > 0 }.count
        #expect(late.map(Double.init) == plan?["lateCells"]?.number)
    }

    @Test(arguments: ["year", "quarter1", "quarter2", "quarter3", "quarter4"])
    func theSummaryOfEachQuarterAndTheYearGivesEveryPlannedFigure(_ period: String) throws {
        let plan = try CommuneFixture.expected()["summaries"]?[period]
        let part = period == "year" ? [] : ["--quarter", String(period.last!)]
        let summary = try json(
            ["summary", "--year", "2024", "--organization", "dbx-phu-xuan", "--format", "json"] + part)
        #expect(summary["ratingBasis"] == .string("committee-first"))
        CommuneFixture.compareSummary(try #require(plan), summary, path: "summaries.\(period)")
    }

    /// The same year by the cells' own ratings (`--ratings cell`): the committee's ratings of
    /// Hòa Bình, Hưng Long, Ân Phú… no longer count, and the order by share of Tốt changes.
    @Test func theYearByTheCellsOwnRatings() throws {
        let plan = try #require(try CommuneFixture.expected()["yearByTheCellsOwnRatings"])
        let summary = try json([
            "summary", "--year", "2024", "--organization", "dbx-phu-xuan", "--ratings", "cell", "--format", "json",
        ])
        #expect(summary["ratingBasis"] == .string("cell"))
        CommuneFixture.compareSummary(plan, summary, path: "yearByTheCellsOwnRatings")
    }

    @Test func eachSubCommitteeCountsItsOwnCells() throws {
        guard case .object(let plans) = try CommuneFixture.expected()["subCommitteeYear"] else {
            Issue.record("the plan has no sub-committees")
            return
        }
        #expect(plans.count == 2)
        for (organization, plan) in plans {
            let summary = try json(["summary", "--year", "2024", "--organization", organization, "--format", "json"])
            CommuneFixture.compare(plan, summary["totals"], path: "subCommitteeYear.\(organization)")
        }
    }
}

/// A JSON value as read, so that `true` and `1` stay apart whatever the platform's bridging.
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var items: [JSONValue] {
        if case .array(let array) = self { return array }
        return []
    }

    var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): number == number.rounded() ? "\(Int(number))" : "\(number)"
        case .string(let text): "“\(text)”"
        case .array(let array): "[" + array.map(\.description).joined(separator: ", ") + "]"
        case .object(let object): "{" + object.keys.sorted().joined(separator: ", ") + "}"
        }
    }
}

/// The fixture's files and the figure-by-figure comparison, shared with the web test's
/// reading of the plan.
enum CommuneFixture {
    static let file = Sochibo.path("fixtures/commune/phu-xuan-2024.xml")

    static func expected() throws -> JSONValue {
        let path = Sochibo.path("fixtures/commune/phu-xuan-2024.expected.json")
        return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Checks one figure, naming it by its path.
    static func check(_ agrees: Bool, _ path: String, expected: Any, actual: Any?) {
        #expect(agrees, Comment(rawValue: "\(path): the plan says \(expected), sochibo says \(actual ?? "nothing")"))
    }

    /// Compares every figure of `expected` with the same place in `actual`: objects key by key
    /// (a `null` figure is a key sochibo leaves out), arrays item by item, numbers as numbers.
    static func compare(_ expected: JSONValue, _ actual: JSONValue?, path: String) {
        switch expected {
        case .object(let object):
            guard case .object(let other) = actual else {
                return check(false, path, expected: "an object", actual: actual)
            }
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                compare(value, other[key], path: "\(path).\(key)")
            }
        case .array(let array):
            guard case .array(let other) = actual else {
                return check(false, path, expected: "an array", actual: actual)
            }
            check(array.count == other.count, "\(path).count", expected: array.count, actual: other.count)
            for (index, value) in array.enumerated() {
                compare(value, index < other.count ? other[index] : nil, path: "\(path)[\(index + 1)]")
            }
        case .null:
            check(actual == nil || actual == .null, path, expected: "null", actual: actual)
        case .number(let number):
            guard case .number(let other) = actual else {
                return check(false, path, expected: expected, actual: actual)
            }
            check(abs(other - number) < 1e-12, path, expected: expected, actual: actual)
        case .bool, .string:
            check(actual == expected, path, expected: expected, actual: actual)
        }
    }

    /// The board: rows in the plan's order (late first, then Vietnamese order of names), then
    /// each row's figures found by its cell, so that one row out of place is one failure.
    static func compareBoard(_ plan: JSONValue?, _ board: JSONValue, path: String) {
        for key in ["year", "asOf", "organization", "months"] {
            compare(plan?[key] ?? .null, board[key], path: "\(path).\(key)")
        }
        compareRows(plan?["rows"], board["rows"], path: "\(path).rows")
    }

    /// A summary: its cells in the plan's order (best share of Tốt first, then Vietnamese
    /// order), each cell's figures, and the committee's totals.
    static func compareSummary(_ plan: JSONValue, _ summary: JSONValue, path: String) {
        compare(plan["asOf"] ?? .null, summary["asOf"], path: "\(path).asOf")
        compare(plan["totals"] ?? .null, summary["totals"], path: "\(path).totals")
        compareRows(plan["cells"], summary["cells"], path: "\(path).cells")
    }

    private static func compareRows(_ plan: JSONValue?, _ actual: JSONValue?, path: String) {
        let planned = plan?.items ?? []
        let rows = actual?.items ?? []
        let order = planned.compactMap { $0["cell"]?.text }
        let actualOrder = rows.compactMap { $0["cell"]?.text }
        check(order == actualOrder, path, expected: order, actual: actualOrder)
        for row in planned {
            let cell = row["cell"]?.text ?? "?"
            compare(row, rows.first { $0["cell"]?.text == cell }, path: "\(path)[\(cell)]")
        }
    }
}
