import ArchiveCore
import ArchiveSQLite

/// `--cell` and `--organization` as people type them: a code (`cb-na-pan`) or a name ("Nà
/// Pàn", "Chi bộ thôn Nà Pàn", "na pan"), read into the identifier by `identifier(naming:)`.
extension Archive {
    /// The cell `typed` names; nil for nil. - throws: `ArchiveError.noSuchName`, `.ambiguousName`.
    func cellID(_ typed: String?) async throws -> String? {
        guard let typed else { return nil }
        return try await identifier(naming: typed, kind: .cell)
    }

    /// The committee `typed` names; nil for nil.
    func organizationID(_ typed: String?) async throws -> String? {
        guard let typed else { return nil }
        return try await identifier(naming: typed, kind: .organization)
    }
}
