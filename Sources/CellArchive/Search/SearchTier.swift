import GRDB
import GRDBSQLite

/// `sochibo_tier(search_index, groups, adjacent)`: two of search's ranking tiers, worked out
/// from where the phrases of the one MATCH stand in the current row, so that they cost no
/// further MATCH over the index.
///
/// - `groups` (text or NULL): for each required phrase of the folded expression, in order,
///   the number of its OR group, separated by spaces. The row scores 8 when every group has a
///   phrase in the `symbol` column: the row matches `{symbol} : expression` (its excluded
///   phrases are absent from every column already, or the row would not match).
/// - `adjacent` (text or NULL): the numbers of the phrases that must stand together, in order.
///   The row scores 1 when they do, one after another, in `title` or in `body`: the row
///   matches `{title body} : "their words"`.
///
/// Phrases are numbered as FTS5 numbers them, in the order they appear in the expression;
/// their lengths come from FTS5 (`xPhraseSize`), so that Swift's idea of a word never matters.
enum SearchTier {
    static let name = "sochibo_tier"

    /// Column numbers of `search_index`.
    static let titleColumn: Int32 = 0
    static let bodyColumn: Int32 = 1
    static let symbolColumn: Int32 = 2

    /// The arguments, parsed once per query and kept as the function's auxiliary data.
    final class Plan {
        let groupOfPhrase: [Int32]
        let adjacent: [Int32]
        /// Per group: whether a phrase of it was seen in `symbol`; reused from row to row.
        var groupSeen: [Bool]
        /// Per adjacent phrase: where it must start relative to the first (the lengths of those
        /// before it), worked out at the first row; its iterator, column and offset, reused.
        var shifts: [Int32] = []
        var iterators: [Fts5PhraseIter]
        var columns: [Int32]
        var offsets: [Int32]

        init(groups: [Int32], adjacent: [Int32]) {
            groupOfPhrase = groups
            self.adjacent = adjacent
            groupSeen = Array(repeating: false, count: Int(groups.max() ?? -1) + 1)
            iterators = Array(repeating: Fts5PhraseIter(), count: adjacent.count)
            columns = Array(repeating: 0, count: adjacent.count)
            offsets = Array(repeating: 0, count: adjacent.count)
        }

        static func numbers(_ value: OpaquePointer?) -> [Int32] {
            guard let value, sqlite3_value_type(value) != SQLITE_NULL, let text = sqlite3_value_text(value) else {
                return []
            }
            return String(cString: text).split(separator: " ").compactMap { Int32($0) }
        }
    }

    /// The function's arguments for `query`: nil where a tier does not apply.
    static func arguments(for query: SearchQuery) -> (groups: String?, adjacent: String?) {
        var groups: [Int] = []
        var adjacent: [Int] = []
        var adjacentWords = 0
        for (number, group) in query.required.enumerated() {
            // The one item of a group of one, not a prefix: SearchQuery.adjacencyPhrase's rule.
            if group.count == 1 && !group[0].isPrefix {
                adjacent.append(groups.count)
                adjacentWords += group[0].folded.count
            }
            groups += Array(repeating: number, count: group.count)
        }
        func text(_ numbers: [Int]) -> String { numbers.map(String.init).joined(separator: " ") }
        return (
            query.mayBeSymbol ? text(groups) : nil,
            adjacentWords >= 2 ? text(adjacent) : nil
        )
    }

    /// Makes the function known to `db`'s FTS5.
    static func register(_ db: Database) throws {
        let api = FTS5.api(db)
        guard let create = api.pointee.xCreateFunction else { throw DatabaseError(resultCode: .SQLITE_ERROR) }
        let code = create(UnsafeMutablePointer(mutating: api), name, nil, function, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }

    private static let function: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let values, count == 2 else {
            sqlite3_result_error(context, "sochibo_tier(search_index, groups, adjacent)", -1)
            return
        }
        let plan: Plan
        if let data = api.xGetAuxdata!(fts, 0) {
            plan = Unmanaged<Plan>.fromOpaque(data).takeUnretainedValue()
        } else {
            plan = Plan(groups: Plan.numbers(values[0]), adjacent: Plan.numbers(values[1]))
            let code = api.xSetAuxdata!(fts, Unmanaged.passRetained(plan).toOpaque()) { data in
                if let data { Unmanaged<Plan>.fromOpaque(data).release() }
            }
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
        }
        var tier: Int32 = 0
        if !plan.groupOfPhrase.isEmpty && SearchTier.inSymbol(api, fts, plan) { tier += 8 }
        if !plan.adjacent.isEmpty && SearchTier.together(api, fts, plan) { tier += 1 }
        sqlite3_result_int(context, tier)
    }

    /// Whether every group has a phrase in the `symbol` column of the current row.
    private static func inSymbol(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?, _ plan: Plan) -> Bool {
        for group in plan.groupSeen.indices { plan.groupSeen[group] = false }
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        for (phrase, group) in plan.groupOfPhrase.enumerated() where !plan.groupSeen[Int(group)] {
            _ = api.xPhraseFirstColumn!(fts, Int32(phrase), &iterator, &column)
            while column >= 0 && column < symbolColumn { api.xPhraseNextColumn!(fts, &iterator, &column) }
            if column == symbolColumn { plan.groupSeen[Int(group)] = true }
        }
        return !plan.groupSeen.contains(false)
    }

    /// Whether the adjacent phrases stand one after another in `title` or `body`.
    private static func together(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?, _ plan: Plan) -> Bool {
        let count = plan.adjacent.count
        if plan.shifts.isEmpty {
            var shift: Int32 = 0
            for phrase in plan.adjacent {
                plan.shifts.append(shift)
                shift += api.xPhraseSize!(fts, phrase)
            }
        }
        for k in 0..<count {
            _ = api.xPhraseFirst!(fts, plan.adjacent[k], &plan.iterators[k], &plan.columns[k], &plan.offsets[k])
        }
        // Walk the first phrase's instances in title and body; the others' iterators only move forward,
        // since instances come in (column, offset) order.
        while plan.columns[0] >= 0 && plan.columns[0] <= bodyColumn {
            let column = plan.columns[0]
            let start = plan.offsets[0]
            var all = true
            for k in 1..<max(1, count) {
                let target = start + plan.shifts[k]
                while plan.columns[k] >= 0
                    && (plan.columns[k] < column || (plan.columns[k] == column && plan.offsets[k] < target))
                {
                    api.xPhraseNext!(fts, &plan.iterators[k], &plan.columns[k], &plan.offsets[k])
                }
                if plan.columns[k] != column || plan.offsets[k] != target {
                    all = false
                    break
                }
            }
            if all { return true }
            api.xPhraseNext!(fts, &plan.iterators[0], &plan.columns[0], &plan.offsets[0])
        }
        return false
    }
}
