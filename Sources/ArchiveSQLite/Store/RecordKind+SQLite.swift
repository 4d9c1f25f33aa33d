import ArchiveCore
import GRDB

/// Stored as its name (`meeting`), as the tables' `kind` columns hold it.
extension RecordKind: DatabaseValueConvertible {}

extension Meeting.Kind {
    /// An SQL condition, true when the meeting kinds in the columns `left` and `right` record
    /// one sitting (`sameSittingKinds`): the rule written once, for the statements that compare
    /// two meetings' kinds.
    static func sameSittingCondition(_ left: String, _ right: String) -> String {
        let cases = allCases.map { kind in
            let kinds = kind.sameSittingKinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return "(\(left) = '\(kind.rawValue)' AND \(right) IN (\(kinds)))"
        }
        return "(" + cases.joined(separator: " OR ") + ")"
    }
}
