import ArchiveCore
import ArchivePages
import Hummingbird

/// The pages that write a cell's records: file minutes, edit a draft (minutes or a document),
/// approve minutes (after their warnings are confirmed), correct approved minutes or an issued
/// document with a reason, discard a draft, write the resolution of a meeting and issue it. Every write goes through the visitor's
/// `ArchiveScope` (`writableCell` / `writableRecord`: secretary of the cell or admin), every
/// POST has passed the CSRF check of `SecurityMiddleware`, and every write names the
/// logged-in account in the audit log.
///
/// The web form is written into the plain-text form (`MeetingFormFields`,
/// `ResolutionFormFields`) and filed through `ArchiveService.file(form:)`: one reader checks
/// the text form and the web form alike, and each problem's line is mapped back to its field.
struct FilingController {
    let pages: Pages
    let today: @Sendable () -> LocalDate

    /// The name of the "form" in the core's problems; never shown.
    static let formName = "web"

    func add(to router: Router<WebRequestContext>) {
        router.get("/chi-bo/:cellID/lap-bien-ban", use: newMinutes)
        router.post("/chi-bo/:cellID/lap-bien-ban", use: fileMinutes)
        router.get("/ban-ghi/:id/sua", use: editDraft)
        router.post("/ban-ghi/:id/sua", use: saveDraft)
        router.post("/ban-ghi/:id/thong-qua", use: approve)
        router.get("/ban-ghi/:id/dinh-chinh", use: correctionForm)
        router.post("/ban-ghi/:id/dinh-chinh", use: correct)
        router.post("/ban-ghi/:id/bo", use: discard)
        router.get("/ban-ghi/:id/soan-nghi-quyet", use: resolutionForm)
        router.post("/ban-ghi/:id/soan-nghi-quyet", use: fileResolution)
        router.post("/ban-ghi/:id/ban-hanh", use: issue)
    }

    // MARK: Minutes

    @Sendable func newMinutes(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let cell = try await scope.writableCell(id: try context.parameters.require("cellID"))
        var fields = MeetingFormFields(cellID: cell.id)
        let day = today()
        fields.date = day.description
        for member in cell.members where member.belongsToCell(on: day) {
            let role = member.roles(on: day)
            if role.contains(where: { $0.title == .secretary }) { fields.chairID = member.id }
        }
        return try await filingPage(context, scope: scope, cell: cell, mode: .new, fields: fields)
    }

    @Sendable func fileMinutes(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let cell = try await scope.writableCell(id: try context.parameters.require("cellID"))
        let form = try await Self.form(request, context)
        var fields = try await meetingFields(form, cell: cell, scope: scope)
        fields.meetingID = ""
        return try await file(form, fields: fields, cell: cell, mode: .new, scope: scope, context: context)
    }

    @Sendable func editDraft(request: Request, context: WebRequestContext) async throws -> Response {
        try await editingPage(request, context, correcting: false)
    }

    @Sendable func saveDraft(request: Request, context: WebRequestContext) async throws -> Response {
        try await saveEditing(request, context, correcting: false)
    }

    @Sendable func correctionForm(request: Request, context: WebRequestContext) async throws -> Response {
        try await editingPage(request, context, correcting: true)
    }

    @Sendable func correct(request: Request, context: WebRequestContext) async throws -> Response {
        try await saveEditing(request, context, correcting: true)
    }

    /// Where a record goes when asked for the other page: a draft is edited (`/sua`), locked
    /// minutes or an issued document corrected (`/dinh-chinh`); `nil` when it is on the right
    /// page, and a refusal on its record page when neither applies (a document superseded or
    /// revoked, which is never changed again).
    private func elsewhere(
        _ record: WritableRecord, correcting: Bool, context: WebRequestContext, scope: ArchiveScope
    ) async throws -> Response? {
        let (id, (_, isDraft, isCorrectable)) = (record.id, Self.state(of: record))
        if correcting ? !isDraft && isCorrectable : isDraft { return nil }
        if isDraft || isCorrectable {
            return .redirect(to: WebPath.record(id) + (isDraft ? "/sua" : "/dinh-chinh"), type: .normal)
        }
        guard case .document(let document, let cell) = record else { return nil }
        return try await recordPage(
            context, scope: scope, record: .document(document, cell: cell),
            problem: "Văn bản này \(document.status.vietnameseName) nên không sửa hay đính chính được nữa.",
            status: .conflict)
    }

    /// The page that edits a draft (`correcting` false) or corrects a locked record.
    private func editingPage(
        _ request: Request, _ context: WebRequestContext, correcting: Bool
    ) async throws -> Response {
        let scope = try context.scope()
        let record = try await writableRecord(context, scope: scope)
        if let elsewhere = try await elsewhere(record, correcting: correcting, context: context, scope: scope) {
            return elsewhere
        }
        let revision = try await Self.revision(of: record, scope: scope)
        switch record {
        case .meeting(let meeting, let cell):
            return try await filingPage(
                context, scope: scope, cell: cell, mode: correcting ? .correct : .edit,
                fields: MeetingFormFields(meeting: meeting), revision: revision
            ).response
        case .document(let document, let cell):
            return try documentPage(
                context, cell: cell, mode: correcting ? .correct(document) : .editDraft(document),
                fields: ResolutionFormFields(document: document), revision: revision)
        }
    }

    /// Saves a draft edited (`correcting` false) or a correction of a locked record. When the
    /// record changed since the page was drawn (someone else saved it, approved or issued it),
    /// nothing is written: the page comes back with everything typed and a sentence, in the
    /// mode the record now allows, carrying the new revision, so that a second press saves
    /// knowingly. Checked here to name what changed, and again in the save's own transaction
    /// (`AuditContext.seenRevision`), so that two presses in the same instant cannot both land.
    private func saveEditing(
        _ request: Request, _ context: WebRequestContext, correcting: Bool
    ) async throws -> Response {
        let scope = try context.scope()
        let record = try await writableRecord(context, scope: scope)
        let state = Self.state(of: record)
        if !state.isDraft && !state.isCorrectable {
            return try await elsewhere(record, correcting: correcting, context: context, scope: scope)
                ?? .redirect(to: WebPath.record(record.id), type: .normal)
        }
        let form = try await Self.form(request, context)
        let current = try await Self.revision(of: record, scope: scope)
        let nowCorrecting = !state.isDraft
        var changed: String?
        if nowCorrecting != correcting {
            let what = state.isMeeting ? "biên bản đã được thông qua" : "văn bản đã được ban hành"
            changed =
                "Trong lúc đồng chí sửa, \(what) nên đã khóa. Những gì đồng chí gõ vẫn ở dưới, chưa lưu: "
                + "muốn lưu, hãy ghi lý do đính chính rồi bấm lưu."
        } else if let posted = form["revision"], posted != current {
            changed = Self.changedSentence(by: try await scope.auditLog(of: record.id).last?.actor)
        }
        switch record {
        case .meeting(let meeting, let cell):
            var fields = try await meetingFields(form, cell: cell, scope: scope)
            fields.meetingID = meeting.id
            let mode: FilingPage.Mode = nowCorrecting ? .correct : .edit
            if let changed {
                var response = try await filingPage(
                    context, scope: scope, cell: cell, mode: mode, fields: fields,
                    problems: [MeetingFormFields.Field.general: [changed]],
                    correctionReason: TextNormalization.collapsed(form["reason"] ?? ""), revision: current
                ).response
                response.status = .conflict
                return response
            }
            return try await file(form, fields: fields, cell: cell, mode: mode, scope: scope, context: context)
        case .document(let document, let cell):
            let mode: ResolutionPage.Mode = nowCorrecting ? .correct(document) : .editDraft(document)
            if let changed {
                var response = try documentPage(
                    context, cell: cell, mode: mode,
                    fields: Self.documentFields(form, base: ResolutionFormFields(document: document)),
                    problems: [ResolutionFormFields.Field.general: [changed]],
                    correctionReason: TextNormalization.collapsed(form["reason"] ?? ""), revision: current)
                response.status = .conflict
                return response
            }
            return try await fileDocument(
                form, base: ResolutionFormFields(document: document), cell: cell, mode: mode, scope: scope,
                context: context)
        }
    }

    /// Whether the record is minutes, a draft, and may be corrected.
    private static func state(of record: WritableRecord) -> (isMeeting: Bool, isDraft: Bool, isCorrectable: Bool) {
        switch record {
        case .meeting(let meeting, _): (true, meeting.status == .draft, meeting.status == .approved)
        case .document(let document, _): (false, document.status == .draft, document.status == .issued)
        }
    }

    /// A record's revision as its pages carry it: the sequence number of its last audit entry
    /// (every write of a record writes one, in the same transaction).
    private static func revision(of record: WritableRecord, scope: ArchiveScope) async throws -> String {
        String(try await scope.auditLog(of: record.id).last?.sequence ?? 0)
    }

    /// Files (new or edited draft) or corrects from the fields; re-shows the page with every
    /// problem beside its field, or goes to the record.
    private func file(
        _ form: FormQuery, fields: MeetingFormFields, cell: Cell, mode: FilingPage.Mode, scope: ArchiveScope,
        context: WebRequestContext
    ) async throws -> Response {
        let reason = TextNormalization.collapsed(form["reason"] ?? "")
        func reshow(
            _ problems: [String: [String]], status: HTTPResponse.Status = .unprocessableContent,
            warnings: [ApprovalWarning] = []
        )
            async throws -> Response
        {
            var response = try await filingPage(
                context, scope: scope, cell: cell, mode: mode, fields: fields, problems: problems,
                correctionReason: reason, revision: form["revision"] ?? "", correctionWarnings: warnings
            ).response
            response.status = status
            return response
        }
        let rowsDate = Self.rowsDate(fields, today: today())
        if form["step"] == "date" { return try await reshow([:], status: .ok) }
        let members = Self.listed(cell, on: rowsDate)
        let names = Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        let (text, fieldAtLine, unwritable) = fields.formText(
            cellName: cell.name, memberNames: names, memberOrder: members.map(\.id))
        var problems: [String: [String]] = [:]
        for (field, line) in unwritable {
            problems[field, default: []].append(
                "Dòng “\(line)” bắt đầu bằng dấu # hoặc nằm trong ngoặc vuông, sổ sẽ hiểu nhầm là hướng dẫn hay tên mục: hãy viết khác đi."
            )
        }
        problems.merge(fields.pageProblems()) { $0 + $1 }
        if mode == .correct, reason.isEmpty {
            problems["correction", default: []].append(
                "Hãy ghi lý do đính chính: lý do được giữ cùng bản cũ để người đọc sau biết vì sao biên bản đã sửa.")
        }
        if !problems.isEmpty { return try await reshow(problems) }
        let actor = try Self.actor(context)
        let seen = mode == .new ? nil : form["revision"].flatMap { Int($0) }
        do {
            let id: String
            if mode == .correct {
                _ = try await scope.writer.correct(
                    id: fields.meetingID, form: text, named: Self.formName, today: today(),
                    confirmingWarnings: form["confirm"] == "1",
                    context: AuditContext(actor: actor, reason: reason, seenRevision: seen))
                id = fields.meetingID
            } else {
                id = try await scope.writer.file(
                    form: text, named: Self.formName, today: today(),
                    context: AuditContext(actor: actor, seenRevision: seen)
                ).id
            }
            let done = mode == .correct ? "dinh-chinh" : "luu"
            return .redirect(to: WebPath.record(id) + "?xong=\(done)", type: .normal)
        } catch ArchiveError.formRefused(let refused) {
            for problem in refused {
                let field = fieldAtLine[problem.line] ?? MeetingFormFields.Field.general
                problems[field, default: []].append(Self.sentence(problem.message))
            }
            return try await reshow(problems)
        } catch ArchiveError.locked(let locked) {
            problems[MeetingFormFields.Field.general, default: []].append(
                "\(await Self.name(of: locked, scope: scope)) cùng ngày và cùng loại đã được thông qua nên đã khóa. "
                    + "Hãy mở biên bản đó từ trang của chi bộ và bấm “Đính chính” để sửa.")
            return try await reshow(problems, status: .conflict)
        } catch ArchiveError.lifecycle(let refusal) {
            problems[MeetingFormFields.Field.general, default: []].append(Self.sentence(refusal.pageDescription))
            return try await reshow(problems, status: .conflict)
        } catch ArchiveError.unconfirmedCorrectionWarnings(_, let warnings) {
            problems[MeetingFormFields.Field.general, default: []].append(
                "Chưa ghi đính chính: bản sửa có cảnh báo (xem ngay dưới ô lý do). Hãy sửa lại nếu cần, hoặc đánh dấu ô “Tôi đã xem các cảnh báo” rồi bấm ghi lần nữa."
            )
            return try await reshow(problems, status: .conflict, warnings: warnings)
        } catch ArchiveError.changedSince(_, let changer, let revision) {
            problems[MeetingFormFields.Field.general, default: []].append(Self.changedSentence(by: changer))
            var response = try await filingPage(
                context, scope: scope, cell: cell, mode: mode, fields: fields, problems: problems,
                correctionReason: reason, revision: String(revision)
            ).response
            response.status = .conflict
            return response
        }
    }

    /// What the page says when someone else saved the record while the person was editing it.
    private static func changedSentence(by actor: String?) -> String {
        "Trong lúc đồng chí sửa, \(actor ?? "một người khác") đã lưu bản này. Những gì đồng chí gõ vẫn "
            + "ở dưới, chưa lưu: hãy mở bản đã lưu ở một thẻ khác để đối chiếu, rồi bấm lưu lại nếu vẫn muốn ghi đè."
    }

    @Sendable func approve(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let id = try context.parameters.require("id")
        let record = try await scope.writableRecord(id: id)
        guard case .meeting(let meeting, _) = record, meeting.status == .draft else {
            return try await recordPage(
                context, scope: scope, record: record,
                problem: "Chỉ thông qua được biên bản còn là dự thảo.", status: .conflict)
        }
        let confirmed = try await Self.form(request, context)["confirm"] == "1"
        do {
            _ = try await scope.writer.approve(
                meetingID: id, confirmingWarnings: confirmed, context: AuditContext(actor: try Self.actor(context)))
        } catch ArchiveError.unconfirmedWarnings {
            return try await recordPage(
                context, scope: scope, record: record,
                problem:
                    "Chưa thông qua: biên bản có cảnh báo. Hãy đọc các cảnh báo bên dưới; sửa dự thảo nếu cần, hoặc đánh dấu ô “Tôi đã xem các cảnh báo” rồi bấm thông qua lần nữa.",
                status: .conflict)
        }
        return .redirect(to: WebPath.record(id) + "?xong=thong-qua", type: .normal)
    }

    @Sendable func discard(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let id = try context.parameters.require("id")
        let record = try await scope.writableRecord(id: id)
        guard try await Self.form(request, context)["confirm"] == "1" else {
            return try await recordPage(
                context, scope: scope, record: record,
                problem: "Chưa bỏ gì: hãy đánh dấu ô “Tôi chắc chắn muốn bỏ dự thảo này” rồi bấm lại.",
                status: .unprocessableContent)
        }
        do {
            _ = try await scope.writer.discard(id: id, context: AuditContext(actor: try Self.actor(context)))
        } catch let error as ArchiveError {
            switch error {
            case .locked, .stillReferenced:
                return try await recordPage(
                    context, scope: scope, record: record, problem: Self.sentence(error.vietnameseDescription),
                    status: .conflict)
            default: throw error
            }
        }
        guard case .meeting(_, let cell) = record else {
            if case .document(let document, let cell) = record {
                return .redirect(to: WebPath.cell(cell.id, year: document.date.year), type: .normal)
            }
            return .redirect(to: "/", type: .normal)
        }
        return .redirect(to: WebPath.cell(cell.id), type: .normal)
    }

    // MARK: Resolution

    @Sendable func resolutionForm(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let (meeting, cell) = try await writableMeeting(context, scope: scope)
        guard meeting.status == .approved else {
            return try await recordPage(
                context, scope: scope, record: .meeting(meeting, cell: cell),
                problem: "Hãy thông qua biên bản trước, rồi soạn nghị quyết của kỳ sinh hoạt.", status: .conflict)
        }
        // The date line's place as the printed minutes have it (a document's place, else the
        // cell's village), never the hall.
        guard case .minutes(_, _, _, let locality, _) = try await scope.printable(id: meeting.id) else {
            throw WebError.notFound(detail: nil)
        }
        return try documentPage(
            context, cell: cell, mode: .fromMeeting(meeting),
            fields: ResolutionFormFields(meeting: meeting, cell: cell, locality: locality))
    }

    @Sendable func fileResolution(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let (meeting, cell) = try await writableMeeting(context, scope: scope)
        guard meeting.status == .approved else {
            return try await recordPage(
                context, scope: scope, record: .meeting(meeting, cell: cell),
                problem: "Hãy thông qua biên bản trước, rồi soạn nghị quyết của kỳ sinh hoạt.", status: .conflict)
        }
        return try await fileDocument(
            try await Self.form(request, context), base: ResolutionFormFields(cellID: cell.id, meetingID: meeting.id),
            cell: cell, mode: .fromMeeting(meeting), scope: scope, context: context)
    }

    /// Files a document from the posted page over `base`, which keeps what the page does not
    /// change (its identifier, type, classification, meeting, signing authority): a new
    /// resolution, an edited draft, or a correction with its reason. Re-shows the page with
    /// every problem beside its field, or goes to the document.
    private func fileDocument(
        _ form: FormQuery, base: ResolutionFormFields, cell: Cell, mode: ResolutionPage.Mode, scope: ArchiveScope,
        context: WebRequestContext
    ) async throws -> Response {
        let fields = Self.documentFields(form, base: base)
        let correcting: Bool
        if case .correct = mode { correcting = true } else { correcting = false }
        let reason = TextNormalization.collapsed(form["reason"] ?? "")
        let names = Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        let (text, fieldAtLine, unwritable) = fields.formText(cellName: cell.name, memberNames: names)
        var problems = fields.pageProblems()
        for (field, line) in unwritable {
            problems[field, default: []].append(
                "Dòng “\(line)” bắt đầu bằng dấu # hoặc nằm trong ngoặc vuông, sổ sẽ hiểu nhầm: hãy viết khác đi.")
        }
        if correcting, reason.isEmpty {
            problems["correction", default: []].append(
                "Hãy ghi lý do đính chính: lý do được giữ cùng bản cũ để người đọc sau biết vì sao văn bản đã sửa.")
        }
        var revision = form["revision"] ?? ""
        if problems.isEmpty {
            let actor = try Self.actor(context)
            let seen: Int?
            if case .fromMeeting = mode { seen = nil } else { seen = Int(revision) }
            do {
                if correcting {
                    // A document raises no approval warnings: there is nothing to confirm.
                    _ = try await scope.writer.correct(
                        id: base.documentID, form: text, named: Self.formName, today: today(),
                        confirmingWarnings: true,
                        context: AuditContext(actor: actor, reason: reason, seenRevision: seen))
                    return .redirect(to: WebPath.record(base.documentID) + "?xong=dinh-chinh", type: .normal)
                }
                let record = try await scope.writer.file(
                    form: text, named: Self.formName, today: today(),
                    context: AuditContext(actor: actor, seenRevision: seen))
                return .redirect(to: WebPath.record(record.id) + "?xong=luu", type: .normal)
            } catch ArchiveError.formRefused(let refused) {
                for problem in refused {
                    let field = fieldAtLine[problem.line] ?? ResolutionFormFields.Field.general
                    problems[field, default: []].append(Self.sentence(problem.message))
                }
            } catch ArchiveError.locked(let locked) {
                problems[ResolutionFormFields.Field.general, default: []].append(
                    "\(await Self.name(of: locked, scope: scope)) cùng ngày và cùng trích yếu đã ban hành nên đã khóa. "
                        + "Hãy đổi trích yếu, hoặc mở văn bản đó và bấm “Đính chính” để sửa.")
            } catch ArchiveError.lifecycle(let refusal) {
                problems[ResolutionFormFields.Field.general, default: []].append(
                    Self.sentence(refusal.pageDescription))
            } catch ArchiveError.changedSince(_, let changer, let current) {
                problems[ResolutionFormFields.Field.general, default: []].append(Self.changedSentence(by: changer))
                revision = String(current)
            }
        }
        var response = try documentPage(
            context, cell: cell, mode: mode, fields: fields, problems: problems, correctionReason: reason,
            revision: revision)
        response.status = .unprocessableContent
        return response
    }

    /// The posted document page's fields over `base`, which keeps what the page does not change.
    private static func documentFields(_ form: FormQuery, base: ResolutionFormFields) -> ResolutionFormFields {
        var fields = base
        fields.date = form["date"] ?? ""
        fields.place = form["place"] ?? ""
        fields.title = form["title"] ?? ""
        fields.body = form["body"] ?? ""
        fields.signerID = form["signer"] ?? ""
        fields.recipients = form["recipients"] ?? ""
        // A task keeps its identifier only if it is one of this document's: a posted
        // identifier is never trusted to name another record's task.
        let ownTasks = Set(base.tasks.map(\.id))
        fields.tasks = []
        for index in 0..<maximumRows {
            guard let text = form["task_text.\(index)"] else { break }
            let id = form["task_id.\(index)"].flatMap { ownTasks.contains($0) ? $0 : nil } ?? ""
            fields.tasks.append(
                .init(
                    id: id, text: text, assigneeID: form["task_who.\(index)"] ?? "",
                    due: form["task_due.\(index)"] ?? ""))
        }
        return fields
    }

    private func documentPage(
        _ context: WebRequestContext, cell: Cell, mode: ResolutionPage.Mode, fields: ResolutionFormFields,
        problems: [String: [String]] = [:], correctionReason: String = "", revision: String = ""
    ) throws -> Response {
        var page = ResolutionPage(
            bar: try context.bar(), cell: cell, mode: mode, fields: fields, problems: problems,
            correctionReason: correctionReason)
        page.revision = revision
        return HTMLResponse(pages.render(page)).response
    }

    @Sendable func issue(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let id = try context.parameters.require("id")
        let record = try await scope.writableRecord(id: id)
        guard case .document(let document, _) = record, document.status == .draft else {
            return try await recordPage(
                context, scope: scope, record: record, problem: "Chỉ ban hành được văn bản còn là dự thảo.",
                status: .conflict)
        }
        do {
            _ = try await scope.writer.issue(documentID: id, context: AuditContext(actor: try Self.actor(context)))
        } catch ArchiveError.lifecycle(let refusal) {
            return try await recordPage(
                context, scope: scope, record: record, problem: Self.sentence(refusal.pageDescription),
                status: .conflict)
        }
        return .redirect(to: WebPath.record(id) + "?xong=ban-hanh", type: .normal)
    }

    // MARK: Shared

    /// The most vote or task rows read from one form.
    static let maximumRows = MeetingFormFields.maximumRows

    /// The record page with the account's actions, a notice of what was done (`?xong=`), or a
    /// refusal. Used by the reading controller too.
    static func actions(
        for record: ArchiveRecord, scope: ArchiveScope, csrfToken: String, done: String?, problem: String?
    ) async throws -> RecordActions? {
        let cellID: String
        switch record {
        case .meeting(_, let cell), .document(_, let cell): cellID = cell.id
        default: return nil
        }
        guard scope.mayWrite(cellID: cellID) else { return nil }
        var warnings: [String] = []
        var notice: String?
        switch record {
        case .meeting(let meeting, _):
            if meeting.status == .draft {
                warnings = try await scope.writer.approvalWarnings(meetingID: meeting.id).map {
                    sentence($0.vietnameseDescription)
                }
            }
            switch done {
            case "luu":
                notice = "Đã lưu dự thảo biên bản. Khi biên bản đã được đọc lại và nhất trí, bấm “Thông qua biên bản”."
            case "thong-qua": notice = "Đã thông qua biên bản; biên bản đã được khóa."
            case "dinh-chinh": notice = "Đã ghi đính chính: đây là phiên bản mới, bản cũ vẫn được giữ."
            default: break
            }
        case .document(let document, let cell):
            switch done {
            case "luu": notice = "Đã lưu dự thảo. Bấm “Ban hành” để cấp số và khóa văn bản."
            case "dinh-chinh": notice = "Đã ghi đính chính: đây là phiên bản mới, bản cũ vẫn được giữ."
            case "ban-hanh":
                notice =
                    "Đã ban hành \(document.kind.vietnameseName.lowercased()) số \(document.symbol(issuerCode: cell.issuerCode) ?? "")."
            default: break
            }
        default: break
        }
        return RecordActions(
            record: record, csrfToken: csrfToken, warnings: warnings, notice: notice, problem: problem)
    }

    private func recordPage(
        _ context: WebRequestContext, scope: ArchiveScope, record: ArchiveRecord, problem: String?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let bar = try context.bar()
        // Read again: the page shows the record as it is now.
        let current = (try? await scope.record(id: record.id)) ?? record
        guard var page = RecordPage(bar: bar, record: current) else { throw WebError.notFound(detail: nil) }
        try await ReadingController.complete(&page, record: current, scope: scope)
        page.actions = try await Self.actions(
            for: current, scope: scope, csrfToken: bar.csrfToken, done: nil, problem: problem)
        return HTMLResponse(pages.render(page), status: status).response
    }

    private func filingPage(
        _ context: WebRequestContext, scope: ArchiveScope, cell: Cell, mode: FilingPage.Mode,
        fields: MeetingFormFields, problems: [String: [String]] = [:], correctionReason: String = "",
        revision: String = "", correctionWarnings: [ApprovalWarning] = []
    ) async throws -> HTMLResponse {
        let rowsDate = Self.rowsDate(fields, today: today())
        var openTasks = try await scope.openTasks(cellID: cell.id, on: rowsDate)
        // A draft's reports stay on the page even if the task has closed since.
        let listed = Set(openTasks.map(\.task.id))
        for taskID in fields.reports.keys.sorted() where !listed.contains(taskID) {
            openTasks.append(
                MeetingForm.OpenTask(
                    task: DocumentTask(id: taskID, assigneeID: nil, due: nil, text: taskID), source: ""))
        }
        var page = FilingPage(
            bar: try context.bar(), cell: cell, mode: mode, fields: fields, rowsDate: rowsDate, problems: problems,
            openTasks: openTasks, rubric: try? await scope.writer.rubric(), correctionReason: correctionReason,
            correctionWarnings: correctionWarnings.map { Self.sentence($0.vietnameseDescription) })
        page.revision = revision
        return HTMLResponse(pages.render(page))
    }

    /// The fields of a posted minutes form: the attendance of every member of the cell (any
    /// date), the votes and task reports as typed.
    private func meetingFields(_ form: FormQuery, cell: Cell, scope: ArchiveScope) async throws -> MeetingFormFields {
        var fields = MeetingFormFields(cellID: cell.id)
        fields.kind = form["kind"] ?? ""
        fields.date = form["date"] ?? ""
        fields.start = form["start"] ?? ""
        fields.end = form["end"] ?? ""
        fields.place = form["place"] ?? ""
        fields.topic = form["topic"] ?? ""
        fields.chairID = form["chair"] ?? ""
        fields.recorderID = form["recorder"] ?? ""
        fields.guests = form["guests"] ?? ""
        for member in cell.members {
            let mark = form["att.\(member.id)"] ?? ""
            let reason = form["why.\(member.id)"] ?? ""
            if !mark.isEmpty || !reason.isEmpty {
                fields.attendance[member.id] = .init(mark: mark, reason: reason)
            }
        }
        fields.agenda = form["agenda"] ?? ""
        fields.proceedings = form["proceedings"] ?? ""
        fields.conclusion = form["conclusion"] ?? ""
        for index in 0..<Self.maximumRows {
            guard let subject = form["vote_subject.\(index)"] else { break }
            fields.votes.append(
                .init(
                    subject: subject, votesFor: form["vote_for.\(index)"] ?? "",
                    votesAgainst: form["vote_against.\(index)"] ?? "", abstentions: form["vote_abstain.\(index)"] ?? "")
            )
        }
        let rowsDate = Self.rowsDate(fields, today: today())
        for open in try await scope.openTasks(cellID: cell.id, on: rowsDate) {
            let status = form["task.\(open.task.id)"] ?? ""
            let note = form["task_note.\(open.task.id)"] ?? ""
            if !status.isEmpty || !note.isEmpty { fields.reports[open.task.id] = .init(status: status, note: note) }
        }
        fields.ratingLevel = form["rating_level"] ?? ""
        fields.ratingScore = form["rating_score"] ?? ""
        fields.ratingNote = form["rating_note"] ?? ""
        return fields
    }

    /// A meeting or a document of a cell the account writes in, named by the path.
    private enum WritableRecord {
        case meeting(Meeting, Cell)
        case document(Document, Cell)

        var id: String {
            switch self {
            case .meeting(let meeting, _): meeting.id
            case .document(let document, _): document.id
            }
        }
    }

    /// The meeting or document named by the path, in a cell the account writes in.
    private func writableRecord(_ context: WebRequestContext, scope: ArchiveScope) async throws -> WritableRecord {
        switch try await scope.writableRecord(id: try context.parameters.require("id")) {
        case .meeting(let meeting, let cell): return .meeting(meeting, cell)
        case .document(let document, let cell): return .document(document, cell)
        default:
            throw WebError.notFound(detail: "Mã này không phải của một biên bản hay văn bản của chi bộ.")
        }
    }

    /// The meeting named by the path, in a cell the account writes in.
    private func writableMeeting(_ context: WebRequestContext, scope: ArchiveScope) async throws -> (Meeting, Cell) {
        guard
            case .meeting(let meeting, let cell) = try await scope.writableRecord(
                id: try context.parameters.require("id"))
        else {
            throw WebError.notFound(detail: "Mã này không phải của một biên bản. Hãy mở biên bản từ trang của chi bộ.")
        }
        return (meeting, cell)
    }

    /// A locked record as a sentence names it to people: a document by its symbol (or its
    /// title while it has none), minutes by their date; never by identifier.
    static func name(of locked: LockedRecord, scope: ArchiveScope) async -> String {
        switch try? await scope.record(id: locked.id) {
        case .document(let document, let cell):
            let name = "\(document.kind.vietnameseName) "
            if let symbol = document.symbol(issuerCode: cell.issuerCode) { return name + symbol }
            return name + "“\(document.title)”"
        case .meeting(let meeting, _):
            return "Biên bản kỳ sinh hoạt ngày \(meeting.date.vietnameseShort)"
        default:
            return locked.kind == .meeting ? "Biên bản đã có" : "Văn bản đã có"
        }
    }

    /// The day the attendance rows are for: the typed date when it is one, else today.
    static func rowsDate(_ fields: MeetingFormFields, today: LocalDate) -> LocalDate {
        if case .date(let date) = LocalDate.typed(fields.date) { return date }
        return today
    }

    /// The members listed on the page for `date`, in Vietnamese order.
    static func listed(_ cell: Cell, on date: LocalDate) -> [Member] {
        cell.members.filter { $0.belongsToCell(on: date) }
            .sorted { VietnameseCollation.precedesByGivenName($0.fullName, $1.fullName) }
    }

    /// The posted form's fields (the body was already read by the CSRF check).
    static func form(_ request: Request, _ context: WebRequestContext) async throws -> FormQuery {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return FormQuery(String(buffer: body))
    }

    /// The logged-in account's name, for the audit log.
    static func actor(_ context: WebRequestContext) throws -> String {
        guard let account = context.visitor?.account else { throw WebError.loginRequired }
        return account.name
    }

    /// A core sentence as a page shows it: capital first letter, full stop.
    static func sentence(_ text: String) -> String {
        let capital = text.prefix(1).uppercased() + text.dropFirst()
        return capital.hasSuffix(".") ? capital : capital + "."
    }

}
