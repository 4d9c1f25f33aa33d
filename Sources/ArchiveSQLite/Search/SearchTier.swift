import ArchiveCore
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

    /// The arguments, parsed once per query and kept as the function's auxiliary data, with
    /// room for the per-row work; plain memory, so that rows cost no reference counting or
    /// exclusivity checks.
    struct Plan {
        /// For each required phrase, its group.
        var groupOfPhrase: UnsafeMutableBufferPointer<Int32>
        /// Per group: whether a phrase of it was seen in `symbol`; reused from row to row.
        var groupSeen: UnsafeMutableBufferPointer<Bool>
        /// The phrases that must stand together, in order.
        var adjacent: UnsafeMutableBufferPointer<Int32>
        /// Per adjacent phrase: where it must start relative to the first (the lengths of those
        /// before it), worked out at the first row; its iterator, column and offset, reused.
        var shifts: UnsafeMutableBufferPointer<Int32>
        var hasShifts = false
        var iterators: UnsafeMutableBufferPointer<Fts5PhraseIter>
        var columns: UnsafeMutableBufferPointer<Int32>
        var offsets: UnsafeMutableBufferPointer<Int32>

        static func allocate(groups: [Int32], adjacent: [Int32]) -> UnsafeMutablePointer<Plan> {
            func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
                buffer.initialize(repeating: value)
                return buffer
            }
            let plan = UnsafeMutablePointer<Plan>.allocate(capacity: 1)
            let groupOfPhrase = buffer(groups.count, Int32(0))
            _ = groupOfPhrase.initialize(from: groups)
            let adjacentPhrases = buffer(adjacent.count, Int32(0))
            _ = adjacentPhrases.initialize(from: adjacent)
            plan.initialize(
                to: Plan(
                    groupOfPhrase: groupOfPhrase, groupSeen: buffer(Int(groups.max() ?? -1) + 1, false),
                    adjacent: adjacentPhrases, shifts: buffer(adjacent.count, 0),
                    iterators: buffer(adjacent.count, Fts5PhraseIter()), columns: buffer(adjacent.count, 0),
                    offsets: buffer(adjacent.count, 0)))
            return plan
        }

        static func free(_ plan: UnsafeMutablePointer<Plan>) {
            plan.pointee.groupOfPhrase.deallocate()
            plan.pointee.groupSeen.deallocate()
            plan.pointee.adjacent.deallocate()
            plan.pointee.shifts.deallocate()
            plan.pointee.iterators.deallocate()
            plan.pointee.columns.deallocate()
            plan.pointee.offsets.deallocate()
            plan.deinitialize(count: 1)
            plan.deallocate()
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
        guard let api, let values, count == 2 else {
            sqlite3_result_error(context, "sochibo_tier(search_index, groups, adjacent)", -1)
            return
        }
        let plan: UnsafeMutablePointer<Plan>
        if let data = api.pointee.xGetAuxdata!(fts, 0) {
            plan = data.assumingMemoryBound(to: Plan.self)
        } else {
            let groups = Plan.numbers(values[0])
            let adjacent = Plan.numbers(values[1])
            // Phrase numbers index FTS5's phrases and group numbers a buffer: refuse any other.
            let phrases = api.pointee.xPhraseCount!(fts)
            guard groups.count <= phrases, groups.allSatisfy({ $0 >= 0 }),
                adjacent.allSatisfy({ $0 >= 0 && $0 < phrases })
            else {
                sqlite3_result_error(context, "sochibo_tier: phrase or group out of range", -1)
                return
            }
            plan = Plan.allocate(groups: groups, adjacent: adjacent)
            let code = api.pointee.xSetAuxdata!(fts, plan) { data in
                if let data { Plan.free(data.assumingMemoryBound(to: Plan.self)) }
            }
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
        }
        var tier: Int32 = 0
        if plan.pointee.groupOfPhrase.count > 0 && SearchTier.inSymbol(api, fts, plan) { tier += 8 }
        if plan.pointee.adjacent.count > 0 && SearchTier.together(api, fts, plan) { tier += 1 }
        sqlite3_result_int(context, tier)
    }

    /// Whether every group has a phrase in the `symbol` column of the current row.
    private static func inSymbol(
        _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer?, _ plan: UnsafeMutablePointer<Plan>
    ) -> Bool {
        let seen = plan.pointee.groupSeen
        seen.update(repeating: false)
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        for (phrase, group) in plan.pointee.groupOfPhrase.enumerated() where !seen[Int(group)] {
            _ = api.pointee.xPhraseFirstColumn!(fts, Int32(phrase), &iterator, &column)
            while column >= 0 && column < symbolColumn { api.pointee.xPhraseNextColumn!(fts, &iterator, &column) }
            if column == symbolColumn { seen[Int(group)] = true }
        }
        return !seen.contains(false)
    }

    /// Whether the adjacent phrases stand one after another in `title` or `body`.
    private static func together(
        _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer?, _ plan: UnsafeMutablePointer<Plan>
    ) -> Bool {
        let adjacent = plan.pointee.adjacent
        let shifts = plan.pointee.shifts
        let iterators = plan.pointee.iterators
        let columns = plan.pointee.columns
        let offsets = plan.pointee.offsets
        let count = adjacent.count
        if !plan.pointee.hasShifts {
            var shift: Int32 = 0
            for k in 0..<count {
                shifts[k] = shift
                shift += api.pointee.xPhraseSize!(fts, adjacent[k])
            }
            plan.pointee.hasShifts = true
        }
        let first = api.pointee.xPhraseFirst!
        let next = api.pointee.xPhraseNext!
        for k in 0..<count {
            _ = first(fts, adjacent[k], iterators.baseAddress! + k, columns.baseAddress! + k, offsets.baseAddress! + k)
        }
        // Walk the first phrase's instances in title and body; the others' iterators only move
        // forward, since instances come in (column, offset) order.
        while columns[0] >= 0 && columns[0] <= bodyColumn {
            let column = columns[0]
            let start = offsets[0]
            var all = true
            for k in 1..<max(1, count) {
                let target = start + shifts[k]
                while columns[k] >= 0 && (columns[k] < column || (columns[k] == column && offsets[k] < target)) {
                    next(fts, iterators.baseAddress! + k, columns.baseAddress! + k, offsets.baseAddress! + k)
                }
                if columns[k] != column || offsets[k] != target {
                    all = false
                    break
                }
            }
            if all { return true }
            next(fts, iterators.baseAddress!, columns.baseAddress!, offsets.baseAddress!)
        }
        return false
    }
}
