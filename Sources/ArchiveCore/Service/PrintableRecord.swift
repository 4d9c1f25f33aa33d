/// A record that `print` lays out in the Party layout, with everything the page shows: the
/// cell with its members (for names and attendance), the committee the cell belongs to (the
/// parent line of the heading), and for minutes the locality of the date line and the tasks
/// the meeting reviewed.
///
/// ```swift
/// switch try archive.printable(id: "pl-2023-11") {
/// case .minutes(let meeting, let cell, let organization, let locality, let tasks):
///     pages.minutes(meeting, cell: cell, organization: organization, locality: locality, tasks: tasks)
/// case .document(let document, let cell, let organization):
///     pages.document(document, cell: cell, organization: organization)
/// }
/// ```
public enum PrintableRecord: Sendable, Hashable {
    /// A meeting's minutes (biên bản sinh hoạt chi bộ).
    ///
    /// `locality` is the place name of the date line ("Phai Luông"); `tasks` are the tasks
    /// named by the meeting's task reports, with the documents that assigned them.
    case minutes(Meeting, cell: Cell, organization: Organization, locality: String, tasks: [ReviewedTask])
    /// A document (nghị quyết, kế hoạch, báo cáo…).
    case document(Document, cell: Cell, organization: Organization)
}

/// A task a meeting reported on, with the document that assigned it, so that minutes can say
/// what the task was and where it came from ("Nghị quyết số 10-NQ/CB").
///
/// ```swift
/// ReviewedTask(task: task, documentKind: .resolution, documentSymbol: "10-NQ/CB")
/// ```
public struct ReviewedTask: Sendable, Hashable {
    /// The task as the document wrote it.
    public var task: DocumentTask
    /// The type of the document that assigned it.
    public var documentKind: Document.Kind
    /// That document's symbol; `nil` while it is a draft without a number.
    public var documentSymbol: String?
    /// Whether that document is marked Mật or higher.
    public var confidential: Bool

    /// Creates a reviewed task.
    public init(task: DocumentTask, documentKind: Document.Kind, documentSymbol: String?, confidential: Bool = false) {
        self.task = task
        self.documentKind = documentKind
        self.documentSymbol = documentSymbol
        self.confidential = confidential
    }
}

extension PrintableRecord {
    /// The words printed in place of a task of a confidential document.
    public static let withheldTaskText = "(nhiệm vụ của văn bản mật, không in ở đây)"

    /// The record with the text of every reviewed task of a confidential document replaced by
    /// `withheldTaskText` (`domain.md`: what is drawn from a confidential record into another
    /// output is withheld unless the reader is allowed), and how many were withheld.
    public func withholdingConfidentialTasks() -> (record: PrintableRecord, withheld: Int) {
        guard case .minutes(let meeting, let cell, let organization, let locality, var tasks) = self else {
            return (self, 0)
        }
        var withheld = 0
        for index in tasks.indices where tasks[index].confidential {
            tasks[index].task.text = Self.withheldTaskText
            withheld += 1
        }
        return (.minutes(meeting, cell: cell, organization: organization, locality: locality, tasks: tasks), withheld)
    }
}
