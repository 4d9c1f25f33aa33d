import ArchiveCore
import ArchivePages
import Hummingbird

/// The pages that read the archive, each through the visitor's `ArchiveScope`: the home
/// page, a cell's year, a record, its print page, search, the board and the audit logs.
struct ReadingController {
    let pages: Pages
    let today: @Sendable () -> LocalDate

    func add(to router: Router<WebRequestContext>) {
        router.get("/", use: home)
        router.get("/chi-bo/:cellID", use: cell)
        router.get("/ban-ghi/:id", use: record)
        router.get("/ban-ghi/:id/in", use: printPage)
        router.get("/tim-kiem", use: search)
        router.get("/bang-theo-doi", use: board)
        router.get("/ban-ghi/:id/nhat-ky", use: recordLog)
        router.get("/nhat-ky", use: archiveLog)
    }

    @Sendable func home(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let cells = try await scope.cells(on: today())
        var names: [String: String] = [:]
        for organization in Set(cells.map(\.organization)) {
            names[organization] = await scope.organizationName(id: organization)
        }
        return HTMLResponse(pages.render(HomePage(bar: try context.bar(), cells: cells, organizationNames: names)))
    }

    @Sendable func cell(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let id = try context.parameters.require("cellID")
        let today = today()
        let yearText = FormQuery(request)["nam"].flatMap { $0.isEmpty ? nil : $0 }
        guard let year = yearText.map({ Int($0) }) ?? today.year, (1900...today.year + 1).contains(year) else {
            throw WebError.badRequest("Năm không hợp lệ. Hãy chọn năm từ trang của chi bộ.")
        }
        let cell = try await scope.cell(id: id)
        let agenda = try await scope.cellAgenda(cellID: id, year: year, today: today)
        var page = CellYearPage(
            bar: try context.bar(), cell: cell, organizationName: await scope.organizationName(id: cell.organizationID),
            year: year, today: today, agenda: agenda, documents: Array(try await scope.documents(cellID: id).prefix(8)),
            yearsWithMeetings: agenda.yearsWithMeetings)
        if scope.mayWrite(cellID: cell.id) { page.fileHref = WebPath.cell(cell.id) + "/lap-bien-ban" }
        return HTMLResponse(pages.render(page))
    }

    @Sendable func board(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let today = today()
        let query = FormQuery(request)
        let yearText = query["nam"].flatMap { $0.isEmpty ? nil : $0 }
        guard let year = yearText.map({ Int($0) }) ?? today.year, (1930...today.year).contains(year) else {
            throw WebError.badRequest("Năm không hợp lệ. Hãy chọn năm bằng các nút trên bảng theo dõi.")
        }
        let organizationID = query["dang-bo"].flatMap { $0.isEmpty ? nil : $0 }
        let (board, organizations) = try await scope.board(year: year, organizationID: organizationID, today: today)
        return HTMLResponse(
            pages.render(
                BoardPage(
                    bar: try context.bar(), board: board, today: today,
                    organizations: organizations.map { OrganizationName(id: $0.id, name: $0.name) })))
    }

    @Sendable func record(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let record = try await scope.record(id: try context.parameters.require("id"))
        let bar = try context.bar()
        guard var page = RecordPage(bar: bar, record: record) else { throw WebError.notFound(detail: nil) }
        try await Self.complete(&page, record: record, scope: scope)
        page.show(try await scope.lifecycle(of: record))
        let done = FormQuery(request)["xong"]
        page.actions = try await FilingController.actions(
            for: record, scope: scope, csrfToken: bar.csrfToken, done: done, problem: nil)
        page.committeeRating = try await RatingController.form(
            for: record, scope: scope, csrfToken: bar.csrfToken, done: done == "xep-loai")
        return HTMLResponse(pages.render(page))
    }

    /// Adds to the page of minutes what the record alone does not hold: what each reported
    /// task was, and the documents adopted at the meeting.
    static func complete(_ page: inout RecordPage, record: ArchiveRecord, scope: ArchiveScope) async throws {
        guard case .meeting(let meeting, let cell) = record else { return }
        if !meeting.taskReports.isEmpty,
            case .minutes(_, _, _, _, let tasks) = try await scope.printable(of: record)
        {
            page.show(reviewed: tasks)
        }
        page.show(adopted: try await scope.documents(adoptedAt: meeting.id), issuerCode: cell.issuerCode)
    }

    @Sendable func recordLog(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let id = try context.parameters.require("id")
        let record = try await scope.record(id: id)
        let bar = try context.bar()
        let title = RecordPage(bar: bar, record: record)?.recordTitle ?? id
        return HTMLResponse(
            pages.render(
                AuditPage(
                    bar: bar, heading: "Nhật ký: \(title)", entries: try await scope.auditLog(of: id),
                    backLink: WebLink(href: WebPath.record(id), text: title))))
    }

    @Sendable func archiveLog(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        return HTMLResponse(
            pages.render(
                AuditPage(bar: try context.bar(), heading: "Nhật ký của sổ", entries: try await scope.auditLog())))
    }

    @Sendable func printPage(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let record = try await scope.printable(id: try context.parameters.require("id"))
        return HTMLResponse(
            pages.render(
                record, logHead: try await scope.auditLogHead(),
                lifecycle: try await scope.lifecycle(id: try context.parameters.require("id"))))
    }

    /// The most hits counted for one search; pages go up to it.
    static let searchCap = 500

    @Sendable func search(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let scope = try context.scope()
        let query = FormQuery(request)
        let asked = SearchPage.Request(
            text: query["q"] ?? "", cellID: query["chi-bo"] ?? "", type: query["loai"] ?? "",
            year: query["nam"].flatMap { Int($0) }, page: query["trang"].flatMap { Int($0) } ?? 1)
        var filters = SearchFilters(limit: Self.searchCap)
        if !asked.cellID.isEmpty { filters.cellID = asked.cellID }
        if asked.type == "bien-ban" {
            filters.kinds = [.meeting]
        } else if let kind = Document.Kind(rawValue: asked.type) {
            filters.kinds = [.document]
            filters.types = [kind]
        }
        if let year = asked.year {
            filters.from = LocalDate(year: year, month: 1, day: 1)
            filters.to = LocalDate(year: year, month: 12, day: 31)
        }
        let cells = try await scope.cellNames().map { (id: $0.id, name: $0.name) }
        var shown: [SearchHit] = []
        var total = 0
        var hidden = 0
        var readAs: String?
        var suggestion: String?
        if !TextNormalization.trimmed(asked.text).isEmpty {
            // Counted up to the cap without snippets; only this page's hits carry them.
            let start = max(0, asked.page - 1).multipliedReportingOverflow(by: SearchPage.pageSize)
            let result = try await scope.search(
                asked.text, filters, pageStart: start.overflow ? Int.max : start.partialValue,
                pageSize: SearchPage.pageSize)
            shown = result.hits
            total = result.total
            hidden = result.hiddenConfidential
            readAs = result.correctionLine
            suggestion = result.suggestion
        }
        let thisYear = today().year
        let page = SearchPage(
            bar: try context.bar(), request: asked, cells: cells, years: Array((thisYear - 9...thisYear).reversed()),
            hits: shown, total: total, cappedAt: Self.searchCap, hiddenConfidential: hidden,
            correctionLine: readAs, suggestion: suggestion)
        return HTMLResponse(pages.render(page))
    }
}
