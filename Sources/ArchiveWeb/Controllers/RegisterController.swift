import ArchiveCore
import ArchivePages
import Foundation
import Hummingbird

/// The member register's pages: a cell's members (`GET /chi-bo/{cellID}/dang-vien`), one
/// member (`GET /dang-vien/{id}`), and one small form per event, each a POST that goes
/// through the visitor's `ArchiveScope` (a secretary its own cell, an administrator every
/// cell, a committee account reads only) and writes one transaction audited with the
/// logged-in account's name. A refused event shows the page again with what was typed and
/// the sentence (422), having written nothing; an accepted one returns to the page (303).
struct RegisterController {
    let pages: Pages
    let today: @Sendable () -> LocalDate

    func add(to router: Router<WebRequestContext>) {
        router.get("/chi-bo/:cellID/dang-vien", use: members)
        router.post("/chi-bo/:cellID/dang-vien/:event", use: enter)
        // (Named before the trie meets `:event`: a constant segment takes the path.)
        router.post("/chi-bo/:cellID/dang-vien/danh-sach", use: previewList)
        router.post("/chi-bo/:cellID/dang-vien/danh-sach/nap", use: loadList)
        router.get("/dang-vien/:id", use: member)
        router.post("/dang-vien/:id/:event", use: event)
    }

    /// The logged-in person; `typed`'s `confirm` box says the person confirmed a change to
    /// approved minutes.
    private func audit(_ context: WebRequestContext, typed: [String: String] = [:]) throws -> AuditContext {
        guard let account = context.visitor?.account else { throw WebError.loginRequired }
        return AuditContext(actor: account.name, confirmedChangesToApprovedMinutes: typed["confirm"] == "1")
    }

    // MARK: Pages

    @Sendable func members(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        try await membersPage(
            cellID: try context.parameters.require("cellID"), context: context,
            saved: FormQuery(request)["da-ghi"] != nil, refused: nil)
    }

    private func membersPage(
        cellID: String, context: WebRequestContext, saved: Bool,
        refused: (action: String, typed: [String: String], problem: String)?, asksConfirmation: Bool = false
    ) async throws -> HTMLResponse {
        let scope = try context.scope()
        let cell = try await scope.cell(id: cellID)
        let forms =
            scope.mayKeepRegister(of: cell.id)
            ? RegisterForms(
                csrfToken: try context.bar().csrfToken, refused: refused, asksConfirmation: asksConfirmation
            ).entering(cellID: cell.id) : []
        let page = CellMembersPage(
            bar: try context.bar(), cell: cell, organizationName: await scope.organizationName(id: cell.organizationID),
            today: today(), forms: forms, saved: saved)
        return HTMLResponse(pages.render(page), status: refused == nil ? .ok : .unprocessableContent)
    }

    @Sendable func member(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let query = FormQuery(request)
        return try await memberPage(
            id: try context.parameters.require("id"), context: context, saved: query["da-ghi"] != nil,
            refused: nil, namesakes: query["cung-ten"] != nil)
    }

    private func memberPage(
        id: String, context: WebRequestContext, saved: Bool,
        refused: (action: String, typed: [String: String], problem: String)?, namesakes: Bool = false,
        asksConfirmation: Bool = false
    ) async throws -> HTMLResponse {
        let scope = try context.scope()
        let (member, cell) = try await scope.member(id: id)
        let forms =
            scope.mayKeepRegister(of: cell.id)
            ? RegisterForms(
                csrfToken: try context.bar().csrfToken, refused: refused, asksConfirmation: asksConfirmation
            ).events(of: member) : []
        var page = MemberPage(
            bar: try context.bar(), member: member, cell: cell, today: today(), forms: forms, saved: saved)
        if namesakes {
            page.warning = MemberRules.namesakeWarning(
                MemberRules.namesakes(of: member.fullName, in: cell, except: member.id))
        }
        return HTMLResponse(pages.render(page), status: refused == nil ? .ok : .unprocessableContent)
    }

    // MARK: Events

    /// A form's fields, decoded as browsers send them.
    static func fields(of request: Request, context: WebRequestContext) async throws -> [String: String] {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return FormQuery(String(buffer: body)).all
    }

    /// `POST /chi-bo/{cellID}/dang-vien/ket-nap|chuyen-den|tam-thoi`: a new member.
    @Sendable func enter(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let cellID = try context.parameters.require("cellID")
        let event = try context.parameters.require("event")
        guard ["ket-nap", "chuyen-den", "tam-thoi"].contains(event) else { throw WebError.notFound(detail: nil) }
        let register = try scope.register(of: cellID)
        let typed = try await Self.fields(of: request, context: context)
        let form = RegisterInput(typed)
        do {
            let newMember = NewMember(
                cellID: cellID, fullName: form.text("ho-ten"), birthYear: try form.year("nam-sinh"),
                admitted: try form.date("ngay-ket-nap", "Ngày kết nạp vào Đảng"),
                joinedCell: try form.optionalDate("ngay-vao-chi-bo", "Ngày vào sinh hoạt ở chi bộ"),
                confirmed: try form.optionalDate("ngay-chinh-thuc", "Ngày công nhận chính thức"))
            let audit = try audit(context, typed: typed)
            let namesakes = MemberRules.namesakes(of: newMember.fullName, in: try await scope.cell(id: cellID))
            let member: Member
            switch event {
            case "ket-nap": member = try await register.admit(newMember, today: today(), context: audit)
            case "chuyen-den": member = try await register.transferIn(newMember, today: today(), context: audit)
            default: member = try await register.attach(newMember, today: today(), context: audit)
            }
            let namesake = namesakes.isEmpty ? "" : "&cung-ten=1"
            return .redirect(to: WebPath.member(member.id) + "?da-ghi=1" + namesake, type: .normal)
        } catch let problem as RegisterInput.Problem {
            return try await membersPage(
                cellID: cellID, context: context, saved: false,
                refused: (WebPath.members(of: cellID) + "/" + event, typed, problem.sentence)
            ).response
        } catch let error as ArchiveError {
            return try await membersPage(
                cellID: cellID, context: context, saved: false,
                refused: (WebPath.members(of: cellID) + "/" + event, typed, Self.sentence(error)),
                asksConfirmation: Self.asksConfirmation(error)
            ).response
        }
    }

    /// `POST /dang-vien/{id}/{event}`: one event of a member.
    @Sendable func event(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let id = try context.parameters.require("id")
        let event = try context.parameters.require("event")
        let (_, cell) = try await scope.member(id: id)
        let register = try scope.register(of: cell.id)
        let typed = try await Self.fields(of: request, context: context)
        let form = RegisterInput(typed)
        let today = today()
        let audit = try audit(context, typed: typed)
        do {
            switch event {
            case "chinh-thuc":
                _ = try await register.confirm(
                    memberID: id, on: try form.date("ngay", "Ngày công nhận"), today: today, context: audit)
            case "mien":
                let exemption = Exemption(
                    from: try form.date("tu-ngay", "Từ ngày"), to: try form.optionalDate("den-ngay", "Đến ngày"),
                    reason: form.text("ly-do"))
                _ = try await register.exempt(memberID: id, exemption, today: today, context: audit)
            case "het-mien":
                _ = try await register.endExemption(
                    memberID: id, on: try form.date("ngay", "Ngày cuối cùng được miễn"), today: today, context: audit)
            case "chuc-vu":
                let role = Role(
                    title: try form.office(), from: try form.date("tu-ngay", "Từ ngày"),
                    to: try form.optionalDate("den-ngay", "Đến ngày"))
                _ = try await register.takeOffice(memberID: id, role, today: today, context: audit)
            case "thoi-chuc-vu":
                _ = try await register.leaveOffice(
                    memberID: id, title: try form.office(), on: try form.date("ngay", "Ngày cuối cùng giữ chức"),
                    today: today, context: audit)
            case "kiem-nhiem":
                let post = ConcurrentPost(
                    title: form.text("ten-chuc-vu"), from: try form.date("tu-ngay", "Từ ngày"),
                    to: try form.optionalDate("den-ngay", "Đến ngày"))
                _ = try await register.addConcurrentPost(memberID: id, post, today: today, context: audit)
            case "bo":
                guard typed["chac-chan"] == "1" else {
                    throw RegisterInput.Problem(sentence: "Hãy đánh dấu ô xác nhận trước khi bỏ đảng viên ghi nhầm.")
                }
                _ = try await register.discard(memberID: id, context: audit)
                return .redirect(to: WebPath.members(of: cell.id) + "?da-ghi=1", type: .normal)
            case "ra-khoi":
                guard let reason = Member.LeaveReason(rawValue: form.text("ly-do-roi")) else {
                    throw RegisterInput.Problem(sentence: "Hãy chọn lý do ra khỏi chi bộ.")
                }
                _ = try await register.leave(
                    memberID: id, on: try form.date("ngay", "Từ ngày"), reason: reason, today: today, context: audit)
            default:
                throw WebError.notFound(detail: nil)
            }
            return .redirect(to: WebPath.member(id) + "?da-ghi=1", type: .normal)
        } catch let problem as RegisterInput.Problem {
            return try await memberPage(
                id: id, context: context, saved: false,
                refused: (WebPath.member(id) + "/" + event, typed, problem.sentence)
            ).response
        } catch let error as ArchiveError {
            return try await memberPage(
                id: id, context: context, saved: false,
                refused: (WebPath.member(id) + "/" + event, typed, Self.sentence(error)),
                asksConfirmation: Self.asksConfirmation(error)
            ).response
        }
    }

    // MARK: The committee's spreadsheet list

    /// `POST /chi-bo/{cellID}/dang-vien/danh-sach` (a file upload, field `tep`): the list as
    /// read, with every problem by row; nothing is written.
    @Sendable func previewList(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let cellID = try context.parameters.require("cellID")
        _ = try scope.register(of: cellID)
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]),
            let file = MultipartForm(body: Array(body.readableBytesView), boundary: boundary).file("tep")
        else { throw WebError.badRequest("Chưa chọn tệp CSV. Hãy quay lại, chọn tệp rồi bấm “Xem trước”.") }
        return try await listPage(Data(file), cellID: cellID, context: context, status: .ok)
    }

    /// `POST /chi-bo/{cellID}/dang-vien/danh-sach/nap` (field `noi-dung`: the file, base64):
    /// loads every member of the list in one transaction, or none and the preview again.
    @Sendable func loadList(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let cellID = try context.parameters.require("cellID")
        let register = try scope.register(of: cellID)
        let fields = try await Self.fields(of: request, context: context)
        guard let data = Data(base64Encoded: fields["noi-dung"] ?? "") else {
            throw WebError.badRequest("Nội dung danh sách bị hỏng. Hãy quay lại và gửi lại tệp CSV.")
        }
        do {
            _ = try await register.load(
                MemberList.read(data, cellID: cellID), today: today(), context: try audit(context))
        } catch ArchiveError.register(.listRefused) {
            return try await listPage(data, cellID: cellID, context: context, status: .unprocessableContent)
        }
        return .redirect(to: WebPath.members(of: cellID) + "?da-ghi=1", type: .normal)
    }

    private func listPage(
        _ data: Data, cellID: String, context: WebRequestContext, status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try context.scope()
        let cell = try await scope.cell(id: cellID)
        let list = MemberList.read(data, cellID: cellID)
        let page = MemberListPage(
            bar: try context.bar(), cell: cell, list: list,
            problems: try await scope.register(of: cellID).loadProblems(list, today: today()),
            warnings: list.warnings(today: today(), cells: [cell]), content: data.base64EncodedString())
        return HTMLResponse(pages.render(page), status: status).response
    }

    /// Whether `error` is a change to approved minutes the person may confirm.
    static func asksConfirmation(_ error: ArchiveError) -> Bool {
        if case .unconfirmedRegisterChange = error { return true }
        return false
    }

    /// The core's sentence as a page says it: a capital and a full stop.
    static func sentence(_ error: ArchiveError) -> String {
        let text = error.vietnameseDescription
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}

/// The fields of a register form, read as people type them.
struct RegisterInput {
    /// A field that cannot be read: one sentence for the page.
    struct Problem: Error {
        var sentence: String
    }

    let fields: [String: String]

    init(_ fields: [String: String]) { self.fields = fields }

    func text(_ name: String) -> String { TextNormalization.collapsed(fields[name] ?? "") }

    func optionalDate(_ name: String, _ label: String) throws -> LocalDate? {
        let typed = text(name)
        if typed.isEmpty { return nil }
        let date = LocalDate.typed(typed)
        if let problem = date.problem(label: label) {
            throw Problem(sentence: problem.prefix(1).uppercased() + problem.dropFirst() + ".")
        }
        return date.date
    }

    func date(_ name: String, _ label: String) throws -> LocalDate {
        guard let date = try optionalDate(name, label) else {
            throw Problem(sentence: "Chưa ghi “\(label)”. Hãy chọn hoặc gõ ngày, ví dụ 28/12/2024.")
        }
        return date
    }

    func year(_ name: String) throws -> Int? {
        let typed = text(name)
        if typed.isEmpty { return nil }
        guard let year = Int(typed) else { throw Problem(sentence: "Năm sinh phải là một số, ví dụ 1975.") }
        return year
    }

    func office() throws -> Role.Title {
        guard let title = Role.Title(rawValue: text("chuc-vu")) else {
            throw Problem(sentence: "Hãy chọn chức vụ: bí thư, phó bí thư hoặc chi ủy viên.")
        }
        return title
    }
}
