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

    /// Creates a selection.
    public init(cellIDs: [String] = [], organizationID: String? = nil, year: Int? = nil, withLog: Bool = false) {
        self.cellIDs = cellIDs
        self.organizationID = organizationID
        self.year = year
        self.withLog = withLog
    }

    /// Whether the selection is the whole archive.
    public var isEverything: Bool { cellIDs.isEmpty && organizationID == nil && year == nil }
}
