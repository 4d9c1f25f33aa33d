import ArchiveCore

/// A meeting's minutes or a document, to read on a screen (`GET /ban-ghi/{id}`): what it is,
/// the facts in a short list, then its parts under headings; the print page is one link away.
public struct RecordPage: Sendable {
    /// One fact: "Ngày" – "08/08/2023".
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    /// One part under a heading, each item a paragraph or a list entry.
    struct Part: Sendable {
        let heading: String
        let items: [String]
        let numbered: Bool
    }

    let pageTitle: String
    let bar: WebAccountBar
    let kindLabel: String
    package let recordTitle: String
    let marking: String?
    let facts: [Fact]
    var parts: [Part]
    let printHref: String
    /// The record's audit log (`/ban-ghi/ID/nhat-ky`).
    let logHref: String
    let cellLink: WebLink
    /// The buttons of an account that may write in the record's cell; nil for readers.
    public var actions: RecordActions?
    /// The committee's rating form, for a committee account on approved minutes.
    public var committeeRating: CommitteeRatingForm?
    /// The corrections the record has had, newest last ("Phiên bản 1, thay ngày … vì: …").
    var corrections: [String] = []
    var hasCorrections = false
    /// The documents adopted at these minutes, as links: "Nghị quyết 01-NQ/CB đã ban hành từ
    /// kỳ họp này".
    var adopted: [WebLink] = []
    var hasAdopted = false
    /// The minutes' names of members, for the task reports.
    private var memberNames: [String: String] = [:]
    /// The minutes' task reports, until `show(reviewed:)` says what each task was.
    private var taskReports: [TaskReport] = []

    /// Shows the documents adopted at these minutes (those the account may read), each a link.
    public mutating func show(adopted documents: [Document], issuerCode: String) {
        adopted = documents.map { document in
            let kind = document.kind.vietnameseName
            let text =
                if document.status == .draft {
                    "\(kind) “\(document.title)” (dự thảo) đã soạn từ kỳ họp này"
                } else {
                    "\(kind) \(document.symbol(issuerCode: issuerCode) ?? "“\(document.title)”") đã ban hành từ kỳ họp này"
                }
            return WebLink(href: WebPath.record(document.id), text: text)
        }
        hasAdopted = !adopted.isEmpty
    }

    /// Shows what each reported task was and where it came from (the minutes' own reports
    /// name only the task's identifier); a task withheld from the account keeps its number.
    public mutating func show(reviewed tasks: [ReviewedTask]) {
        guard !taskReports.isEmpty else { return }
        let byID = Dictionary(tasks.map { ($0.task.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = taskReports.map { report in
            var text = "Nhiệm vụ \(report.taskID)"
            if let reviewed = byID[report.taskID] {
                text = reviewed.task.text
                if let symbol = reviewed.documentSymbol {
                    text += " (\(reviewed.documentKind.vietnameseName) \(symbol))"
                }
                if let assignee = reviewed.task.assigneeID {
                    text += " – đồng chí \(memberNames[assignee] ?? assignee) phụ trách"
                }
            }
            text += ": \(report.status.vietnameseName)"
            if let note = report.note, !note.isEmpty { text += " – \(note)" }
            return text
        }
        parts = parts.map {
            $0.heading == Self.reportsHeading ? Part(heading: $0.heading, items: items, numbered: true) : $0
        }
    }

    static let reportsHeading = "Báo cáo thực hiện nhiệm vụ kỳ trước"

    /// Shows the record's earlier versions and why each was replaced, when it was corrected.
    public mutating func show(_ lifecycle: RecordLifecycle) {
        corrections = lifecycle.previous.map { version in
            let day = LocalDate(String(version.replaced.prefix(10)))?.vietnameseShort ?? version.replaced
            return "Phiên bản \(version.version) được thay ngày \(day)"
                + (version.replacedBecause.map { ", lý do: \($0)" } ?? "")
        }
        hasCorrections = !corrections.isEmpty
        if hasCorrections { corrections.append("Đang xem phiên bản \(lifecycle.version) (đính chính).") }
    }

    /// The page of minutes (`.meeting`) or a document (`.document`); nil for other records.
    public init?(bar: WebAccountBar, record: ArchiveRecord) {
        switch record {
        case .meeting(let meeting, let cell):
            self.init(bar: bar, meeting: meeting, cell: cell)
        case .document(let document, let cell):
            self.init(bar: bar, document: document, cell: cell)
        case .organization, .cell, .member:
            return nil
        }
    }

    private init(bar: WebAccountBar, meeting: Meeting, cell: Cell) {
        self.bar = bar
        let names = Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        kindLabel = "Biên bản sinh hoạt \(meeting.kind.vietnameseName)"
        recordTitle = meeting.topic ?? "Kỳ sinh hoạt ngày \(meeting.date.vietnameseShort)"
        pageTitle = "\(kindLabel) ngày \(meeting.date.vietnameseShort) – \(cell.name)"
        marking = nil
        let count = meeting.attendanceCount(members: cell.members)
        var facts = [
            Fact(label: "Chi bộ", value: cell.name),
            Fact(label: "Ngày", value: meeting.date.vietnameseShort),
            Fact(
                label: "Thời gian",
                value: "\(meeting.start)–\(meeting.end) (\(meeting.durationMinutes) phút)"),
            Fact(label: "Địa điểm", value: meeting.place),
            Fact(label: "Chủ trì", value: names[meeting.chairID] ?? meeting.chairID),
            Fact(label: "Thư ký", value: names[meeting.recorderID] ?? meeting.recorderID),
            Fact(
                label: "Có mặt",
                value: "\(count.present)/\(count.expected) đảng viên (\(Percent.text(count.rate)))"),
            Fact(label: "Biên bản", value: meeting.status == .approved ? "đã thông qua" : "dự thảo"),
        ]
        for rater in Rating.Rater.allCases {
            facts.append(
                Fact(
                    label: rater.vietnameseLabel, value: meeting.rating(by: rater)?.vietnameseSummary ?? "chưa xếp loại"
                ))
        }
        self.facts = facts
        let absent = meeting.attendance.filter { $0.presence != .present }.map { entry in
            let name = names[entry.memberID] ?? entry.memberID
            switch entry.presence {
            case .excused: return "\(name): vắng có lý do" + (entry.reason.map { " (\($0))" } ?? "")
            default: return "\(name): vắng không lý do"
            }
        }
        let base = meeting.votingBase(members: cell.members)
        let votes = meeting.votes.map { vote in
            "\(vote.subject): \(vote.votesFor) tán thành, \(vote.votesAgainst) không tán thành, \(vote.abstentions) không biểu quyết"
                + " trên \(base.entitled) đảng viên có quyền biểu quyết – "
                + (base.passed(vote) ? "được thông qua" : "không được thông qua")
        }
        memberNames = names
        taskReports = meeting.taskReports
        let reports = meeting.taskReports.map { report in
            "Nhiệm vụ \(report.taskID): \(report.status.vietnameseName)"
                + (report.note.flatMap { $0.isEmpty ? nil : " – \($0)" } ?? "")
        }
        parts = [
            Part(heading: "Khách mời", items: meeting.guests, numbered: false),
            Part(heading: "Chương trình", items: meeting.agenda, numbered: true),
            Part(heading: "Diễn biến", items: meeting.proceedings, numbered: false),
            Part(heading: "Kết luận", items: meeting.conclusion, numbered: false),
            Part(heading: "Biểu quyết", items: votes, numbered: false),
            Part(heading: Self.reportsHeading, items: reports, numbered: true),
            Part(heading: "Vắng mặt", items: absent, numbered: false),
        ].filter { !$0.items.isEmpty }
        printHref = WebPath.record(meeting.id) + "/in"
        logHref = WebPath.record(meeting.id) + "/nhat-ky"
        cellLink = WebLink(
            href: WebPath.cell(cell.id, year: meeting.date.year), text: "Năm \(meeting.date.year) của \(cell.name)")
    }

    private init(bar: WebAccountBar, document: Document, cell: Cell) {
        self.bar = bar
        let names = Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        let symbol = document.status == .draft ? nil : document.symbol(issuerCode: cell.issuerCode)
        kindLabel = document.kind.vietnameseName + (symbol.map { " số \($0)" } ?? " (dự thảo)")
        recordTitle = document.title
        pageTitle = "\(kindLabel) – \(document.title)"
        marking = document.classification == .none ? nil : document.classification.vietnameseName
        facts = [
            Fact(label: "Chi bộ", value: cell.name),
            Fact(label: "Ngày", value: document.date.vietnameseShort),
            Fact(label: "Nơi ban hành", value: document.place),
            Fact(label: "Tình trạng", value: document.status.vietnameseName),
        ]
        let tasks = document.tasks.map { task in
            var text = task.text
            if let assignee = task.assigneeID { text += " – đồng chí \(names[assignee] ?? assignee) phụ trách" }
            if let due = task.due { text += ", hạn \(due.vietnameseShort)" }
            return text
        }
        parts = [
            Part(heading: "Nội dung", items: document.body, numbered: false),
            Part(heading: "Phân công thực hiện", items: tasks, numbered: true),
            Part(heading: "Nơi nhận", items: document.recipients, numbered: false),
        ].filter { !$0.items.isEmpty }
        printHref = WebPath.record(document.id) + "/in"
        logHref = WebPath.record(document.id) + "/nhat-ky"
        cellLink = WebLink(
            href: WebPath.cell(cell.id, year: document.date.year), text: "Năm \(document.date.year) của \(cell.name)")
    }
}

extension RecordPage: TemplateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "bar": bar
        case "kindLabel": kindLabel
        case "recordTitle": recordTitle
        case "marking": marking
        case "facts": facts
        case "parts": parts
        case "printHref": printHref
        case "logHref": logHref
        case "cellLink": cellLink
        case "actions": actions
        case "committeeRating": committeeRating
        case "corrections": corrections
        case "hasCorrections": hasCorrections
        case "adopted": adopted
        case "hasAdopted": hasAdopted
        case "memberNames": memberNames
        case "taskReports": taskReports
        default: nil
        }
    }
}

/// What the account may do with the record on its page, each a POST form with the CSRF token
/// or a link: edit, approve (with the warnings to confirm), correct, write the resolution,
/// issue, discard; and what the last action did or why it was refused.
public struct RecordActions: Sendable {
    let csrfToken: String
    let editHref: String?
    let approveAction: String?
    let warnings: [String]
    let hasWarnings: Bool
    let correctHref: String?
    let resolutionHref: String?
    let issueAction: String?
    let discardAction: String?
    let notice: String?
    let problem: String?
    let hasAny: Bool

    /// The actions on `record` for a writer of its cell (`csrfToken` from the session).
    ///
    /// - parameters:
    ///   - warnings: the approval warnings of draft minutes, worded.
    ///   - notice: what the last action did ("Đã thông qua…").
    ///   - problem: why the last action was refused, if it was.
    public init(
        record: ArchiveRecord, csrfToken: String, warnings: [String] = [], notice: String? = nil,
        problem: String? = nil
    ) {
        self.csrfToken = csrfToken
        self.warnings = warnings
        hasWarnings = !warnings.isEmpty
        self.notice = notice
        self.problem = problem
        var edit: String?, approve: String?, correct: String?, resolution: String?, issue: String?
        var discard: String?
        switch record {
        case .meeting(let meeting, _):
            let path = WebPath.record(meeting.id)
            if meeting.status == .draft {
                edit = path + "/sua"
                approve = path + "/thong-qua"
                discard = path + "/bo"
            } else {
                correct = path + "/dinh-chinh"
                resolution = path + "/soan-nghi-quyet"
            }
        case .document(let document, _):
            let path = WebPath.record(document.id)
            if document.status == .draft {
                edit = path + "/sua"
                issue = path + "/ban-hanh"
                discard = path + "/bo"
            } else if document.status == .issued {
                correct = path + "/dinh-chinh"
            }
        case .organization, .cell, .member:
            break
        }
        editHref = edit
        approveAction = approve
        correctHref = correct
        resolutionHref = resolution
        issueAction = issue
        discardAction = discard
        hasAny = [edit, approve, correct, resolution, issue, discard].contains { $0 != nil }
    }
}

/// The committee's rating of approved minutes on their page (`POST /ban-ghi/{id}/xep-loai`):
/// points for each criterion of the archive's rubric, and a remark; the cell's own rating is
/// shown beside it and never changed by this form (`domain.md`, "Who rates").
public struct CommitteeRatingForm: Sendable {
    /// One criterion: its name, the most points it gives, and what was typed.
    struct Criterion: Sendable {
        let id: String
        let name: String
        let maximum: Int
        let value: String
    }

    let action: String
    let csrfToken: String
    let criteria: [Criterion]
    let note: String
    /// The committee's rating now, as "Tốt (92 điểm)", if it rated already.
    let current: String?
    let problem: String?
    /// What the last rating did ("Đã ghi xếp loại…").
    let notice: String?
    let thresholds: String

    /// The form for `meetingID` under `rubric`.
    ///
    /// - parameters:
    ///   - typed: points as typed, by criterion id (after a refusal), else the current ones.
    ///   - current: the committee's rating now, if any.
    ///   - problem: why the last attempt was refused.
    ///   - notice: what the last rating did.
    public init(
        meetingID: String, rubric: RatingRubric, csrfToken: String, current: Rating?, typed: [String: String] = [:],
        note: String? = nil, problem: String? = nil, notice: String? = nil
    ) {
        action = WebPath.record(meetingID) + "/xep-loai"
        self.notice = notice
        self.csrfToken = csrfToken
        criteria = rubric.criteria.map {
            Criterion(id: $0.id, name: $0.name, maximum: $0.points, value: typed[$0.id] ?? "")
        }
        self.note = note ?? current?.note ?? ""
        self.current = current?.vietnameseSummary
        self.problem = problem
        let levels = rubric.thresholds
        thresholds =
            "Tốt từ \(levels.good) điểm, Khá từ \(levels.fair), Trung bình từ \(levels.average), dưới \(levels.average) là Kém."
    }
}
