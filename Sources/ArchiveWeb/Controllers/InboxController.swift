import ArchiveCore
import ArchivePages
import Foundation
import Hummingbird

/// The inbox (issue 13, "Receiving cells' files"): `GET /nhan-tep` the form; `POST /nhan-tep`
/// (multipart, field `tep`) keeps the file aside and shows what it would add and change,
/// checked all or nothing with nothing written; `POST /nhan-tep/nhan` (field `ma`, the
/// preview's token) imports it in one transaction in the account's name. What an account may
/// receive is `ArchiveScope.receivingRefusal`'s rule, checked at both steps.
struct InboxController {
    let pages: Pages
    let pending: PendingUploads

    func add(to router: Router<WebRequestContext>) {
        router.get("/nhan-tep", use: form)
        router.post("/nhan-tep", use: preview)
        router.post("/nhan-tep/nhan", use: accept)
    }

    @Sendable func form(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        HTMLResponse(pages.render(InboxPage(bar: try context.bar(), limitBytes: AccessPolicy.inboxLimit)))
    }

    @Sendable func preview(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let bar = try context.bar()
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]),
            let part = MultipartForm(body: Array(body.readableBytesView), boundary: boundary).parts.first(where: {
                $0.name == "tep"
            }), !part.data.isEmpty
        else {
            throw WebError.badRequest("Chưa chọn tệp. Hãy quay lại, chọn tệp XML của chi bộ rồi bấm “Xem trước”.")
        }
        let fileName = part.filename.flatMap { $0.isEmpty ? nil : $0 } ?? "tệp gửi lên"
        let (token, path) = try await pending.keep(Data(part.data), fileName: fileName, accountName: bar.accountName)
        do {
            let report = try await scope.previewImport(path)
            let refusal = scope.receivingRefusal(report)
            if refusal != nil { await pending.remove(token) }
            // A refused file shows only why: what it would add or leave unchanged in cells the
            // account may not receive is not the account's to learn.
            let page = InboxPage(
                bar: bar, fileName: fileName, report: refusal == nil ? report : nil, refusal: refusal,
                acceptToken: refusal == nil && !report.changes.isEmpty ? token : nil,
                notice: report.changes.isEmpty ? "Tệp không có gì mới so với sổ: không cần nhận." : nil,
                limitBytes: AccessPolicy.inboxLimit)
            return HTMLResponse(pages.render(page), status: refusal == nil ? .ok : .forbidden).response
        } catch ArchiveError.importRefused(let problems) {
            // Refused only because its members change approved minutes: the file may be
            // taken once the person confirms it, as `sochibo import --confirm` takes it.
            if let report = try? await scope.previewImport(path, confirmingChangesToApprovedMinutes: true),
                scope.receivingRefusal(report) == nil, !report.changes.isEmpty
            {
                let page = InboxPage(
                    bar: bar, fileName: fileName, report: report, acceptToken: token,
                    changesToConfirm: problems.map(\.message), limitBytes: AccessPolicy.inboxLimit)
                return HTMLResponse(pages.render(page), status: .ok).response
            }
            await pending.remove(token)
            let located = problems.map { problem in
                var problem = problem
                problem.file = fileName
                return problem
            }
            let page = InboxPage(bar: bar, fileName: fileName, problems: located, limitBytes: AccessPolicy.inboxLimit)
            return HTMLResponse(pages.render(page), status: .unprocessableContent).response
        }
    }

    @Sendable func accept(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let bar = try context.bar()
        let fields = try await FilingController.form(request, context)
        let token = fields["ma"] ?? ""
        guard let upload = await pending.upload(token, for: bar.accountName) else {
            throw WebError.badRequest(
                "Tệp xem trước đã quá một giờ hoặc đã được nhận. Hãy chọn lại tệp và bấm “Xem trước”.")
        }
        let received: Result<ImportReport, any Error>
        do {
            received = .success(
                try await scope.receive(
                    upload.path,
                    context: AuditContext(
                        actor: try FilingController.actor(context),
                        confirmedChangesToApprovedMinutes: fields["confirm"] == "1")))
        } catch {
            received = .failure(error)
        }
        // Accepted or refused, the kept file is done with.
        await pending.remove(token)
        do {
            let report = try received.get()
            let page = InboxPage(
                bar: bar, fileName: upload.fileName, report: report,
                notice: "Đã nhận tệp “\(upload.fileName)”: các thay đổi dưới đây đã được ghi vào sổ.",
                limitBytes: AccessPolicy.inboxLimit)
            return HTMLResponse(pages.render(page)).response
        } catch ArchiveError.importRefused(let problems) {
            // The archive changed since the preview (another import): nothing was written.
            let page = InboxPage(
                bar: bar, fileName: upload.fileName, problems: problems, limitBytes: AccessPolicy.inboxLimit)
            return HTMLResponse(pages.render(page), status: .unprocessableContent).response
        }
    }

}
