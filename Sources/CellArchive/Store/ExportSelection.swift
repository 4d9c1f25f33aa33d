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

    /// Creates a selection.
    public init(cellIDs: [String] = [], organizationID: String? = nil, year: Int? = nil) {
        self.cellIDs = cellIDs
        self.organizationID = organizationID
        self.year = year
    }

    /// Whether the selection is the whole archive.
    public var isEverything: Bool { cellIDs.isEmpty && organizationID == nil && year == nil }
}
