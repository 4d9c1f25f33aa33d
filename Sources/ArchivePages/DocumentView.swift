import ArchiveCore

/// What `document.mustache` shows of a document: the heading with its number and markings,
/// the type over the title, the body, the tasks it assigns, the recipients and the signature.
struct DocumentView {
    /// The last task, kept on the page of the signature and numbered on from the others.
    struct LastTask {
        var number: Int
        var text: String
    }

    let pageTitle: String
    let mainClass = "record"
    /// The audit log's head for the page's footer ("Sổ nhật ký: 1.234 mục, mã cuối …"), or nil.
    var logHeadLine: String?
    /// "Bản đính chính lần 1 (…) thay bản đã khóa trước; lý do: …", under the title.
    var correctionLine: String?
    let heading: PartyHeadingView
    /// "NGHỊ QUYẾT".
    let kindName: String
    let documentTitle: String
    /// The body's paragraphs, but for the one kept with the signature when there are no tasks.
    let bodyParagraphs: [ParagraphView]
    let keptParagraph: ParagraphView?
    /// The tasks but the last, each "What to do. Đồng chí X phụ trách; thời hạn hoàn thành: …".
    let leadingTasks: [String]
    let lastTask: LastTask?
    /// Each recipient with its ending: "Đảng ủy xã;" … "Lưu Chi bộ."
    let recipients: [String]
    /// "T/M CHI BỘ".
    let authority: String
    /// "BÍ THƯ".
    let office: String
    let signer: String

    init(_ document: Document, cell: Cell, organization: Organization) {
        let names = PrintText.Names(cell.members)
        let symbol = document.status == .draft ? nil : document.symbol(issuerCode: cell.issuerCode)
        var markings: [PartyHeadingView.Marking] = []
        if document.classification != .none {
            markings.append(.init(text: document.classification.vietnameseName.uppercased(), className: "secret"))
        }
        if document.status == .draft { markings.append(.draft) }
        heading = PartyHeadingView(
            parent: organization.name, issuer: cell.name,
            number: symbol.map { .init(symbol: $0) }
                ?? .init(blankKind: document.kind.rawValue + "/" + cell.issuerCode),
            markings: markings, placeAndDate: "\(document.place), \(document.date.vietnameseLong)")
        pageTitle = [document.kind.vietnameseName, symbol.map { "số \($0)" }, "– " + document.title]
            .compactMap { $0 }.joined(separator: " ")
        kindName = document.kind.vietnameseName.uppercased()
        documentTitle = document.title

        // The signature never stands alone on a page: the last paragraph or task goes with it.
        let paragraphs = document.body.map(ParagraphView.init)
        let tasks = document.tasks.map { task in
            var details: [String] = []
            if let assignee = task.assigneeID { details.append("Đồng chí \(names[assignee]) phụ trách") }
            if let due = task.due { details.append("thời hạn hoàn thành: \(due.vietnameseLong)") }
            let text = PrintText.sentence(task.text)
            return details.isEmpty ? text : text + " " + details.joined(separator: "; ") + "."
        }
        // A resolution usually lists its tasks in its own body ("II. NHIỆM VỤ…"): printed
        // again under "PHÂN CÔNG THỰC HIỆN" they would read twice (issue 11, item 14). The
        // section is left out only when every task is in the body with who answers for it in
        // the same paragraph; a body that repeats the task's words but not its assignee (a
        // conclusion copied from the minutes) would otherwise lose the assignment from paper.
        let foldedParagraphs = document.body.map(VietnameseText.fold)
        let tasksInBody =
            !document.tasks.isEmpty
            && document.tasks.allSatisfy { task in
                let folded = VietnameseText.fold(task.text).trimmingCharacters(
                    in: .whitespaces.union(.punctuationCharacters))
                let assignee = task.assigneeID.map { VietnameseText.fold(names[$0]) }
                return !folded.isEmpty
                    && foldedParagraphs.contains { paragraph in
                        paragraph.contains(folded) && (assignee.map { paragraph.contains($0) } ?? true)
                    }
            }
        if let last = tasks.last, !tasksInBody {
            bodyParagraphs = paragraphs
            keptParagraph = nil
            leadingTasks = Array(tasks.dropLast())
            lastTask = LastTask(number: tasks.count, text: last)
        } else {
            bodyParagraphs = Array(paragraphs.dropLast())
            keptParagraph = paragraphs.last
            leadingTasks = []
            lastTask = nil
        }

        recipients = Self.recipients(document.recipients)
        let signature = document.signature
        authority = (signature?.authority ?? "T/M CHI BỘ").uppercased()
        office = (signature?.title ?? "BÍ THƯ").uppercased()
        signer = signature.map { names[$0.memberID] } ?? ""
    }

    /// The recipients, each ending ";" but the last, which ends "."; the list ends with the
    /// filing line ("Lưu Chi bộ"), added when missing.
    static func recipients(_ written: [String]) -> [String] {
        func isFilingLine(_ recipient: String) -> Bool { recipient.lowercased().hasPrefix("lưu ") }
        var lines = written.map(PrintText.trimmedOfPunctuation).filter { !$0.isEmpty }
        let filing = lines.filter(isFilingLine)
        lines.removeAll(where: isFilingLine)
        lines += filing.isEmpty ? ["Lưu Chi bộ"] : filing
        return lines.enumerated().map { index, line in line + (index == lines.count - 1 ? "." : ";") }
    }
}
