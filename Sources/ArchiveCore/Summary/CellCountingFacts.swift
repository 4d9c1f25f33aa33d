/// What one cell's summary for a period is worked out from, as the store reads it: the cell
/// with its members and terms, its committee's name, and its records of the period.
///
/// The store reads these in its read transaction; `CellYearSummarizer.summarize(_:)` counts
/// them, on any thread.
public struct CellCountingFacts: Sendable {
    /// The cell, with its members and terms.
    public var cell: Cell
    /// The name of the committee the cell belongs to.
    public var organizationName: String
    /// The cell's meetings of the period (read for counting: no narrative).
    public var meetings: [Meeting]
    /// The cell's documents of the period (read for counting: no body).
    public var documents: [Document]
    /// The last reported status of each of the period's tasks, by task identifier.
    public var taskStatus: [String: TaskReport.Status]

    /// The facts of one cell.
    public init(
        cell: Cell, organizationName: String, meetings: [Meeting], documents: [Document],
        taskStatus: [String: TaskReport.Status]
    ) {
        self.cell = cell
        self.organizationName = organizationName
        self.meetings = meetings
        self.documents = documents
        self.taskStatus = taskStatus
    }
}

extension CellYearSummarizer {
    /// The summary of the cell `facts` were read for: `summarize(cell:organizationName:…)`.
    public func summarize(_ facts: CellCountingFacts) -> CellYearSummary {
        summarize(
            cell: facts.cell, organizationName: facts.organizationName, meetings: facts.meetings,
            documents: facts.documents, taskStatus: facts.taskStatus)
    }
}
