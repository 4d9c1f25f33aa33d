import ArchiveCore
import ArchivePages
import Hummingbird

/// The committee's report (issue 13): `GET /bao-cao` shows the period's figures and the
/// office's form, `POST /bao-cao` saves what the office wrote (one transaction, with an audit
/// entry), `GET /bao-cao/in` is the A4 page to print. The route table lets committee accounts
/// and admins here; `ArchiveScope.committeeReport` keeps each to the committees it reads.
struct ReportController {
    let pages: Pages
    let today: @Sendable () -> LocalDate

    func add(to router: Router<WebRequestContext>) {
        router.get("/bao-cao", use: show)
        router.post("/bao-cao", use: save)
        router.get("/bao-cao/in", use: printPage)
    }

    @Sendable func show(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let query = FormQuery(request)
        let period = try period(query)
        let (report, organizations) = try await context.scope().committeeReport(
            of: period, organizationID: organizationID(query), today: today())
        let notice = query["xong"] == "luu" ? "Đã lưu phần văn phòng viết. Bấm “Xem bản in” để in báo cáo." : nil
        return HTMLResponse(
            pages.render(
                ReportPage(
                    bar: try context.bar(), report: report, organizations: organizations.map(Self.name),
                    notice: notice)))
    }

    @Sendable func printPage(request: Request, context: WebRequestContext) async throws -> HTMLResponse {
        let query = FormQuery(request)
        let (report, _) = try await context.scope().committeeReport(
            of: try period(query), organizationID: organizationID(query), today: today())
        return HTMLResponse(pages.render(report, logHead: try await context.scope().auditLogHead()))
    }

    @Sendable func save(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let form = try await FilingController.form(request, context)
        let period = try period(form)
        guard let organizationID = organizationID(form) else {
            throw WebError.badRequest("Thiếu đảng bộ của báo cáo. Hãy mở lại trang báo cáo từ bảng theo dõi.")
        }
        let dateText = TextNormalization.collapsed(form["ngay"] ?? "")
        var text = ReportText(
            number: form["so"] ?? "", place: form["dia-danh"] ?? "", strengths: form["uu-diem"] ?? "",
            shortcomings: form["han-che"] ?? "", directions: form["phuong-huong"] ?? "",
            signerTitle: ReportText.SignerTitle(rawValue: form["nguoi-ky"] ?? "") ?? .secretary,
            signerName: form["ho-ten"] ?? "",
            recipients: (form["noi-nhan"] ?? "").split(whereSeparator: \.isNewline).map(String.init))
        var problem: String?
        if !dateText.isEmpty {
            let typed = LocalDate.typed(dateText)
            if let refusal = typed.problem(label: "Ngày báo cáo") {
                problem = FilingController.sentence(refusal)
            } else {
                text.date = typed.date
            }
        }
        if problem == nil {
            do {
                try await scope.saveReportText(text, organizationID: organizationID, period: period, today: today())
                return .redirect(
                    to: WebPath.report(organizationID: organizationID, period: period) + "&xong=luu",
                    type: .normal)
            } catch let error as ArchiveError {
                guard case .register = error else { throw error }
                problem = FilingController.sentence(error.vietnameseDescription)
            }
        }
        let (report, organizations) = try await scope.committeeReport(
            of: period, organizationID: organizationID, today: today())
        let page = ReportPage(
            bar: try context.bar(), report: report, organizations: organizations.map(Self.name), typed: text,
            typedDate: dateText, problem: problem)
        return HTMLResponse(pages.render(page), status: .unprocessableContent).response
    }

    /// The period asked for (`nam`, `ky`), refused when it is not one or has not begun.
    private func period(_ query: FormQuery) throws -> SummaryPeriod {
        let today = today()
        let yearText = query["nam"].flatMap { $0.isEmpty ? nil : $0 }
        guard let year = yearText.map({ Int($0) }) ?? today.year, (1930...today.year).contains(year),
            let period = ReportPeriodParameter.period(year: year, value: query["ky"])
        else {
            throw WebError.badRequest("Kỳ báo cáo không hợp lệ. Hãy chọn năm và kỳ bằng ô chọn trên trang báo cáo.")
        }
        guard period.firstDay <= today else {
            let name = period.vietnameseName
            throw WebError.badRequest(
                "\(name.prefix(1).uppercased() + name.dropFirst()) chưa bắt đầu, chưa có gì để báo cáo. Hãy chọn kỳ khác."
            )
        }
        return period
    }

    private func organizationID(_ query: FormQuery) -> String? {
        query["dang-bo"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func name(_ organization: Organization) -> OrganizationName {
        OrganizationName(id: organization.id, name: organization.name)
    }
}
