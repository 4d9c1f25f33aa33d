import ArchiveCore
import GRDB

extension Archive {
    /// The identifier of the cell or committee `typed` names (`NameMatch`): "cb-na-pan",
    /// "Chi bộ thôn Nà Pàn", "Nà Pàn" and "na pan" all give `cb-na-pan`.
    ///
    /// - parameter kind: `.cell` or `.organization`; any other kind is looked up by code only.
    /// - throws: `ArchiveError.noSuchName` with the closest names, `ArchiveError.ambiguousName`
    ///   with every candidate.
    public func identifier(naming typed: String, kind: RecordKind) async throws -> String {
        let table: String
        switch kind {
        case .cell: table = "cell"
        case .organization: table = "organization"
        default: return typed
        }
        let candidates = try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)").map {
                (id: $0[0] as String, name: $0[1] as String)
            }
        }
        switch NameMatch.find(typed, among: candidates) {
        case .found(let id): return id
        case .ambiguous(let found): throw ArchiveError.ambiguousName(typed: typed, kind: kind, candidates: found)
        case .none(let closest): throw ArchiveError.noSuchName(typed: typed, kind: kind, closest: closest)
        }
    }
}
