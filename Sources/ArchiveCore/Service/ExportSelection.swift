/// Which part of an archive to export. Empty means everything.
///
/// ```swift
/// let selection = ExportSelection(cellIDs: ["cb-phai-luong"], year: 2023)
/// ```
public struct ExportSelection: Sendable, Hashable {
    /// Cells to export (with their meetings and documents).
    public var cellIDs: [String]
    /// A committee whose cells, and sub-committees' cells, are exported.
    public var organizationID: String?
    /// Only meetings and documents dated in this year.
    public var year: Int?
    /// Carry the audit log too (a whole-archive backup only): importing the file into an empty
    /// archive restores it.
    public var withLog: Bool
    /// Carry documents marked Mật or higher in a partial export. Without it they are withheld,
    /// with every record that refers to them, so that the file still imports on its own
    /// (`domain.md`: confidential documents do not travel beyond who may read them). The whole
    /// archive, the backup, always carries everything.
    public var includeConfidential: Bool

    /// Creates a selection.
    public init(
        cellIDs: [String] = [], organizationID: String? = nil, year: Int? = nil, withLog: Bool = false,
        includeConfidential: Bool = false
    ) {
        self.cellIDs = cellIDs
        self.organizationID = organizationID
        self.year = year
        self.withLog = withLog
        self.includeConfidential = includeConfidential
    }

    /// Whether the selection is the whole archive.
    public var isEverything: Bool { cellIDs.isEmpty && organizationID == nil && year == nil }
}
