import ArchiveCore

/// The inbox (`/nhan-tep`): a cell's XML file (format v1) chosen and sent; then what it would
/// add and change, record by record, checked all or nothing before anything is written; then
/// the button that accepts it.
public struct InboxPage: Sendable {
    /// One record the file adds or changes.
    struct Change: Sendable {
        let kindName: String
        let label: String
        let id: String
        let what: String
        let href: String?
    }

    let pageTitle = "Nhận tệp của chi bộ – Sổ Chi Bộ"
    let bar: WebAccountBar
    let fileName: String?
    let summary: String?
    let changes: [Change]
    let hasChanges: Bool
    /// The file's problems, each "Dòng 12, cột 5: …", when it was refused.
    let problems: [String]
    let hasProblems: Bool
    /// Why this account may not receive the file, if so.
    let refusal: String?
    /// The token of the previewed file, when it may be accepted.
    let acceptToken: String?
    let notice: String?
    let limit: String
    /// What the file's members change in approved minutes, which the person must confirm
    /// before accepting it; empty when nothing.
    let changesToConfirm: [String]
    let hasChangesToConfirm: Bool

    /// The page: empty (`report` and `problems` nil), a preview, or a refusal.
    ///
    /// - parameters:
    ///   - report: what the file would do (a preview) or did (after accepting, with `notice`).
    ///   - problems: why the file is refused, at its lines.
    ///   - acceptToken: set when the account may accept the previewed file.
    ///   - changesToConfirm: the sentences of the approved minutes the file changes, to be
    ///     confirmed with the acceptance.
    ///   - limitBytes: the largest file the inbox takes.
    public init(
        bar: WebAccountBar, fileName: String? = nil, report: ImportReport? = nil, problems: [ImportProblem] = [],
        refusal: String? = nil, acceptToken: String? = nil, notice: String? = nil, changesToConfirm: [String] = [],
        limitBytes: Int
    ) {
        self.changesToConfirm = changesToConfirm.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
        hasChangesToConfirm = !changesToConfirm.isEmpty
        self.bar = bar
        self.fileName = fileName
        if let report {
            let added = report.added.values.reduce(0, +)
            let updated = report.updated.values.reduce(0, +)
            let unchanged = report.unchanged.values.reduce(0, +)
            summary = "\(added) bản ghi mới, \(updated) bản ghi thay đổi, \(unchanged) bản ghi không đổi."
        } else {
            summary = nil
        }
        changes = (report?.changes ?? []).map { change in
            Change(
                kindName: change.kind.vietnameseName.prefix(1).uppercased() + change.kind.vietnameseName.dropFirst(),
                label: change.label, id: change.id, what: change.isNew ? "mới" : "thay đổi",
                href: notice != nil && (change.kind == .meeting || change.kind == .document)
                    ? WebPath.record(change.id) : nil)
        }
        hasChanges = !changes.isEmpty
        self.problems = problems.map { problem in
            (problem.line > 0
                ? "Dòng \(problem.line)" + (problem.column > 0 ? ", cột \(problem.column)" : "") + ": " : "")
                + problem.message
        }
        hasProblems = !problems.isEmpty
        self.refusal = refusal
        self.acceptToken = acceptToken
        self.notice = notice
        limit = "\(limitBytes / (1024 * 1024)) MB"
    }
}
