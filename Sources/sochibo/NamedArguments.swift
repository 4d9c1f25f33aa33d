import ArchiveCore
import ArchiveSQLite
import ArgumentParser

/// `--cell` and `--organization` as people type them: a code (`cb-na-pan`) or a name ("Nà
/// Pàn", "Chi bộ thôn Nà Pàn", "na pan"), read into the identifier by `identifier(naming:)`;
/// members by code or full name, records for the log by code or as people know them.
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

    /// The member `typed` names (code or full name), looked up within the cell `cell` names
    /// when given. - throws: what `memberID(naming:cellID:)` and `cellID(_:)` throw.
    func memberID(_ typed: String, cell: String?) async throws -> String {
        try await memberID(naming: typed, cellID: try await cellID(cell))
    }

    /// The log of the record `typed` names: the entries under that code as typed (a discarded
    /// draft keeps its entries), else of the record it names (`anyRecordID(naming:)`); the
    /// whole log for nil. - throws: what `anyRecordID(naming:)` throws for a record that is none.
    func auditLog(naming typed: String?) async throws -> [AuditEntry] {
        let entries = try await auditLog(record: typed)
        guard let typed, entries.isEmpty else { return entries }
        return try await auditLog(record: try await anyRecordID(naming: typed))
    }
}

/// A member named on the command line: a code (`np-03`) or a full name ("Hà Văn Lợi", "ha van
/// loi"), looked up within `--cell` when given, else in the whole archive.
struct MemberArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("Mã hoặc họ tên đảng viên.", valueName: "ĐẢNG_VIÊN"))
    var member: String

    @Option(help: ArgumentHelp("Chi bộ của đảng viên, khi tìm theo tên (mã hoặc tên chi bộ).", valueName: "CHI_BỘ"))
    var cell: String?

    /// The member's code. - throws: what `Archive.memberID(_:cell:)` throws.
    func id(in archive: Archive) async throws -> String {
        try await archive.memberID(member, cell: cell)
    }
}
