import ArchiveCore
import GRDB

/// One record, one identifier: organizations, cells, members, meetings and documents share
/// one set of identifiers, since `show`, `print`, `template --from` and the log look a record
/// up by its identifier alone. (Tasks have their own, inside their document.)
extension Database {
    /// The kinds of record the archive holds under `id`: none, one, or (in an archive written
    /// before this rule) several.
    func recordKinds(holding id: String) throws -> [RecordKind] {
        try String.fetchAll(
            cachedStatement(
                sql: """
                    SELECT 'organization' FROM organization WHERE id = ?1
                    UNION ALL SELECT 'cell' FROM cell WHERE id = ?1
                    UNION ALL SELECT 'member' FROM member WHERE id = ?1
                    UNION ALL SELECT 'meeting' FROM meeting WHERE id = ?1
                    UNION ALL SELECT 'document' FROM document WHERE id = ?1
                    """),
            arguments: [id]
        ).compactMap(RecordKind.init(rawValue:))
    }

    /// The kind of record other than `kind` that holds `id`, if any.
    func otherKind(holding id: String, besides kind: RecordKind) throws -> RecordKind? {
        try recordKinds(holding: id).first { $0 != kind }
    }
}
