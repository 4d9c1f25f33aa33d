/// The five kinds of record an archive keeps, by the names format v1, the audit log and the
/// search index use (`organization`, `cell`, `member`, `meeting`, `document`), in the order
/// a file lists them.
public enum RecordKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case organization, cell, member, meeting, document

    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
