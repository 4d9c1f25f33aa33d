import ArchiveCore
import GRDB

/// Stored as its name (`meeting`), as the tables' `kind` columns hold it.
extension RecordKind: DatabaseValueConvertible {}
