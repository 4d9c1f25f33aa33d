import ArchiveCore

extension Pages {
    /// The page for whatever `printable(id:)` read: minutes or a document, as one
    /// self-contained HTML page (UTF-8) in the Party layout of `domain.md`, for A4.
    ///
    /// ```swift
    /// let page = pages.render(try archive.printable(id: "np-nq-2023-08"), logHead: try archive.auditLogHead())
    /// ```
    ///
    /// - parameters:
    ///   - logHead: the audit log's head, printed in a footer line when given.
    ///   - lifecycle: the record's versions: a corrected record says so under its title, with
    ///     when and why (`RecordLifecycle.correctionLine`).
    public func render(
        _ record: PrintableRecord, logHead: AuditLogHead? = nil, lifecycle: RecordLifecycle? = nil
    ) -> String {
        switch record {
        case .minutes(let meeting, let cell, let organization, let locality, let tasks):
            minutes(
                meeting, cell: cell, organization: organization, locality: locality, tasks: tasks, logHead: logHead,
                correctionLine: lifecycle?.correctionLine)
        case .document(let document, let cell, let organization):
            self.document(
                document, cell: cell, organization: organization, logHead: logHead,
                correctionLine: lifecycle?.correctionLine)
        }
    }

    /// A document to print and sign, as one HTML page: the heading with its number
    /// (`Số 05-NQ/CB`, or a blank number and a "DỰ THẢO" marking for a draft) and its security
    /// marking, the place-and-date line in words, the type in capitals over the title, the body,
    /// the tasks it assigns, then the recipients (ending "Lưu Chi bộ.") beside the signature.
    ///
    /// ```swift
    /// pages.document(resolution, cell: phaiLuong, organization: hopThanh)
    /// // … <div class="number">Số <span class="symbol">01-NQ/CB</span></div> …
    /// ```
    ///
    /// - parameters:
    ///   - cell: the issuing cell with its members, for the signer's and assignees' names.
    ///   - organization: the committee the cell belongs to, for the heading's parent line.
    ///   - logHead: the audit log's head, printed in a footer line when given.
    ///   - correctionLine: what a corrected version says under its title.
    public func document(
        _ document: Document, cell: Cell, organization: Organization, logHead: AuditLogHead? = nil,
        correctionLine: String? = nil
    ) -> String {
        var view = DocumentView(document, cell: cell, organization: organization)
        view.logHeadLine = logHead?.vietnameseLine
        view.correctionLine = correctionLine
        return render(view, template: "document")
    }

    /// A meeting's minutes (BIÊN BẢN SINH HOẠT CHI BỘ) as one HTML page: the heading, the kind
    /// of session, time, place, chair, recorder and guests, attendance by category with names
    /// (counted by `Meeting.attendanceCount(members:)` and `Member.status(on:)`), the agenda,
    /// proceedings, conclusion, votes against the members entitled to vote, task reports, the
    /// rating, the end time, and the recorder's and the chair's signature places.
    ///
    /// ```swift
    /// pages.minutes(meeting, cell: phaiLuong, organization: hopThanh, locality: "Phai Luông", tasks: [])
    /// ```
    ///
    /// - parameters:
    ///   - cell: the cell with all its members (any date; the rules pick those of the day).
    ///   - organization: the committee the cell belongs to.
    ///   - locality: the place name of the date line, e.g. "Phai Luông".
    ///   - tasks: the tasks the meeting's reports are about, to say what each task was.
    ///   - logHead: the audit log's head, printed in a footer line when given.
    ///   - correctionLine: what a corrected version says under its title.
    public func minutes(
        _ meeting: Meeting, cell: Cell, organization: Organization, locality: String, tasks: [ReviewedTask],
        logHead: AuditLogHead? = nil, correctionLine: String? = nil
    ) -> String {
        var view = MinutesView(meeting, cell: cell, organization: organization, locality: locality, tasks: tasks)
        view.logHeadLine = logHead?.vietnameseLine
        view.correctionLine = correctionLine
        return render(view, template: "minutes")
    }
}
