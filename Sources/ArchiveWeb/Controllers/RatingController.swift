import ArchiveCore
import ArchivePages
import Hummingbird

/// The committee's rating of approved minutes (`POST /ban-ghi/{id}/xep-loai`): points for each
/// criterion of the archive's rubric and a remark, recorded as the committee's rating beside
/// the cell's own (`domain.md`, "Who rates"). The route table lets committee accounts and
/// admins here; `ArchiveScope.rateAsCommittee` checks that the account may read the minutes.
struct RatingController {
    let pages: Pages

    func add(to router: Router<WebRequestContext>) {
        router.post("/ban-ghi/:id/xep-loai", use: rate)
    }

    @Sendable func rate(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let id = try context.parameters.require("id")
        let form = try await FilingController.form(request, context)
        let rubric = try await scope.rubric()
        var typed: [String: String] = [:]
        var points: [(criterion: String, points: Int)] = []
        var unreadable: [String] = []
        for criterion in rubric.criteria {
            let text = (form["diem-\(criterion.id)"] ?? "").trimmingCharacters(in: .whitespaces)
            typed[criterion.id] = text
            if let value = Int(text) {
                points.append((criterion.id, value))
            } else {
                unreadable.append(criterion.name)
            }
        }
        let note = form["nhan-xet"]
        var problem: String?
        if !unreadable.isEmpty {
            problem = "Chưa ghi: hãy cho điểm bằng số ở các tiêu chí " + unreadable.joined(separator: ", ") + "."
        } else {
            do {
                let rating = try await scope.rateAsCommittee(
                    meetingID: id, points: points, note: note,
                    context: AuditContext(actor: try FilingController.actor(context)))
                _ = rating
                return .redirect(to: WebPath.record(id) + "?xong=xep-loai#xep-loai", type: .normal)
            } catch let mistake as RatingRubric.Mistake {
                problem = "Chưa ghi: " + FilingController.sentence(mistake.description)
            } catch ArchiveError.lifecycle(let refusal) {
                problem = "Chưa ghi: " + FilingController.sentence(refusal.pageDescription)
            } catch let error as ArchiveError {
                problem = "Chưa ghi: " + FilingController.sentence(error.vietnameseDescription)
            }
        }
        let record = try await scope.record(id: id)
        guard let account = context.visitor?.account, let token = context.visitor?.csrfToken,
            var page = RecordPage(bar: WebAccountBar(account: account, csrfToken: token), record: record)
        else { throw WebError.notFound(detail: nil) }
        try await ReadingController.complete(&page, record: record, scope: scope)
        page.committeeRating = try await Self.form(
            for: record, scope: scope, csrfToken: token, typed: typed, note: note, problem: problem)
        return HTMLResponse(pages.render(page), status: .unprocessableContent).response
    }

    /// The rating form on a record's page, for an account that rates as the committee and
    /// approved minutes; nil otherwise.
    static func form(
        for record: ArchiveRecord, scope: ArchiveScope, csrfToken: String, typed: [String: String] = [:],
        note: String? = nil, problem: String? = nil, done: Bool = false
    ) async throws -> CommitteeRatingForm? {
        guard scope.ratesAsCommittee, case .meeting(let meeting, _) = record, meeting.status == .approved else {
            return nil
        }
        return CommitteeRatingForm(
            meetingID: meeting.id, rubric: try await scope.rubric(), csrfToken: csrfToken,
            current: meeting.committeeRating, typed: typed, note: note, problem: problem,
            notice: done ? meeting.committeeRating.map { "Đã ghi xếp loại của đảng ủy: \($0.vietnameseSummary)." } : nil
        )
    }
}
