import ArchiveCore

/// One field of a register form: a text, date or number input, or a choice.
public struct RegisterField: Sendable {
    /// The form field's name, e.g. `ngay`.
    let name: String
    /// The element's id: the form's anchor and the name.
    let fieldID: String
    let label: String
    /// `text` or `number` for an input (a date is a text typed as people write it).
    let inputType: String
    /// What an empty date field shows: the order of day, month and year.
    let datePlaceholder: String?
    let value: String
    let isSelect: Bool
    let options: [Option]
    let required: Bool
    let fieldHint: String?

    /// One choice of a select.
    struct Option: Sendable {
        let value: String
        let text: String
        let selected: Bool
    }

    /// A field; for a choice, `choices` are (value, text) pairs.
    init(
        _ name: String, _ label: String, type: String = "text", required: Bool = false, hint: String? = nil,
        choices: [(String, String)] = [], typed: [String: String], form: String
    ) {
        self.name = name
        fieldID = form + "-" + name
        self.label = label
        self.required = required
        fieldHint = hint
        let typedValue = typed[name] ?? ""
        // Dates are typed as people write them (28/12/2024) in a text field: a browser's date
        // input shows the browser's own order (12/28/2024 in an English one), which misleads.
        inputType = type == "date" ? "text" : type
        datePlaceholder = type == "date" ? "ngày/tháng/năm, ví dụ 28/12/2024" : nil
        value = typedValue
        isSelect = !choices.isEmpty
        options = choices.map { Option(value: $0.0, text: $0.1, selected: $0.0 == typedValue) }
    }
}

/// A small form of the register: one action, posted with the CSRF token; after a refusal it
/// comes back with what was typed and the sentence.
public struct RegisterForm: Sendable {
    /// The element's id, also the page anchor.
    let anchor: String
    /// Where it posts.
    public let action: String
    let heading: String
    let fields: [RegisterField]
    let submitLabel: String
    let csrfToken: String
    let formProblem: String?
    /// Open the `<details>` it sits in: it was just refused.
    let isOpen: Bool
    /// It was refused because it changes approved minutes: show the box that confirms it.
    var asksConfirmation = false
    /// A sentence the person must tick before the form is sent (`chac-chan`), for an action
    /// that cannot be undone.
    var acknowledgement: String?
}

/// The register's forms, by what they do; each takes what was typed (`typed`, by field name)
/// and the sentence of a refusal, when the form comes back.
public struct RegisterForms: Sendable {
    let csrfToken: String
    /// The path of the form that was refused, and its values and sentence.
    let refused: (action: String, typed: [String: String], problem: String)?
    /// The refused form asks the person to confirm a change to approved minutes
    /// (`ArchiveError.unconfirmedRegisterChange`).
    let asksConfirmation: Bool

    /// Forms carrying `csrfToken`; `refused` names the one to show again, with the box that
    /// confirms a change to approved minutes when `asksConfirmation`.
    public init(
        csrfToken: String, refused: (action: String, typed: [String: String], problem: String)? = nil,
        asksConfirmation: Bool = false
    ) {
        self.csrfToken = csrfToken
        self.refused = refused
        self.asksConfirmation = asksConfirmation
    }

    private func form(
        _ anchor: String, action: String, heading: String, submit: String,
        fields: ([String: String], String) -> [RegisterField]
    ) -> RegisterForm {
        let isRefused = refused?.action == action
        let typed = isRefused ? refused?.typed ?? [:] : [:]
        return RegisterForm(
            anchor: anchor, action: action, heading: heading, fields: fields(typed, anchor), submitLabel: submit,
            csrfToken: csrfToken, formProblem: isRefused ? refused?.problem : nil, isOpen: isRefused,
            asksConfirmation: isRefused && asksConfirmation)
    }

    private static let offices: [(String, String)] = Role.Title.allCases.map { ($0.rawValue, $0.vietnameseName) }

    /// The forms that enter a new member into `cellID`: admit, transfer in, attach.
    public func entering(cellID: String) -> [RegisterForm] {
        let base = WebPath.members(of: cellID)
        func person(_ typed: [String: String], _ form: String, official: Bool) -> [RegisterField] {
            var fields = [
                RegisterField("ho-ten", "Họ và tên", required: true, typed: typed, form: form),
                RegisterField("nam-sinh", "Năm sinh", type: "number", typed: typed, form: form),
                RegisterField(
                    "ngay-ket-nap", "Ngày kết nạp vào Đảng", type: "date", required: true, typed: typed, form: form),
            ]
            if official {
                fields.append(
                    RegisterField(
                        "ngay-chinh-thuc", "Ngày công nhận chính thức", type: "date",
                        hint: "Bỏ trống nếu đồng chí còn là đảng viên dự bị.", typed: typed, form: form))
            }
            fields.append(
                RegisterField(
                    "ngay-vao-chi-bo", "Ngày vào sinh hoạt ở chi bộ", type: "date", required: official,
                    hint: official ? nil : "Bỏ trống nếu là ngày kết nạp.", typed: typed, form: form))
            return fields
        }
        return [
            form("ket-nap", action: base + "/ket-nap", heading: "Kết nạp đảng viên mới", submit: "Ghi kết nạp") {
                person($0, $1, official: false)
            },
            form("chuyen-den", action: base + "/chuyen-den", heading: "Đảng viên chuyển đến", submit: "Ghi chuyển đến")
            {
                person($0, $1, official: true)
            },
            form(
                "tam-thoi", action: base + "/tam-thoi", heading: "Đảng viên sinh hoạt tạm thời",
                submit: "Ghi sinh hoạt tạm thời"
            ) {
                person($0, $1, official: true)
            },
        ]
    }

    /// The forms of one member's events.
    public func events(of member: Member) -> [RegisterForm] {
        let base = WebPath.member(member.id)
        var forms: [RegisterForm] = []
        if member.confirmed == nil {
            forms.append(
                form(
                    "chinh-thuc", action: base + "/chinh-thuc", heading: "Công nhận chính thức", submit: "Ghi công nhận"
                ) {
                    [
                        RegisterField(
                            "ngay", "Ngày công nhận", type: "date", required: true, hint: "Sau đủ 12 tháng dự bị.",
                            typed: $0, form: $1)
                    ]
                })
        }
        forms.append(
            form(
                "mien", action: base + "/mien", heading: "Miễn công tác và sinh hoạt đảng", submit: "Ghi miễn sinh hoạt"
            ) {
                [
                    RegisterField("tu-ngay", "Từ ngày", type: "date", required: true, typed: $0, form: $1),
                    RegisterField(
                        "den-ngay", "Đến ngày", type: "date", hint: "Bỏ trống nếu chưa định.", typed: $0, form: $1),
                    RegisterField(
                        "ly-do", "Lý do", required: true, hint: "Ví dụ: Tuổi cao, sức yếu.", typed: $0, form: $1),
                ]
            })
        if member.exemptions.contains(where: { $0.to == nil }) {
            forms.append(
                form("het-mien", action: base + "/het-mien", heading: "Kết thúc miễn sinh hoạt", submit: "Ghi kết thúc")
                {
                    [
                        RegisterField(
                            "ngay", "Ngày cuối cùng được miễn", type: "date", required: true, typed: $0, form: $1)
                    ]
                })
        }
        forms += [
            form("chuc-vu", action: base + "/chuc-vu", heading: "Nhận chức vụ", submit: "Ghi chức vụ") {
                [
                    RegisterField("chuc-vu", "Chức vụ", choices: Self.offices, typed: $0, form: $1),
                    RegisterField("tu-ngay", "Từ ngày", type: "date", required: true, typed: $0, form: $1),
                    RegisterField(
                        "den-ngay", "Đến ngày", type: "date", hint: "Bỏ trống nếu đang giữ.", typed: $0, form: $1),
                ]
            },
            form("kiem-nhiem", action: base + "/kiem-nhiem", heading: "Chức vụ kiêm nhiệm", submit: "Ghi kiêm nhiệm") {
                [
                    RegisterField(
                        "ten-chuc-vu", "Chức vụ", required: true, hint: "Ví dụ: Trưởng thôn.", typed: $0, form: $1),
                    RegisterField("tu-ngay", "Từ ngày", type: "date", required: true, typed: $0, form: $1),
                    RegisterField(
                        "den-ngay", "Đến ngày", type: "date", hint: "Bỏ trống nếu đang giữ.", typed: $0, form: $1),
                ]
            },
            form("ra-khoi", action: base + "/ra-khoi", heading: "Ra khỏi chi bộ", submit: "Ghi ra khỏi chi bộ") {
                [
                    RegisterField(
                        "ly-do-roi", "Lý do",
                        choices: [Member.LeaveReason.transferred, .deceased, .removed, .other].map {
                            ($0.rawValue, $0.vietnameseName.prefix(1).uppercased() + $0.vietnameseName.dropFirst())
                        }, typed: $0, form: $1),
                    RegisterField(
                        "ngay", "Từ ngày", type: "date", required: true,
                        hint: "Từ ngày này không còn sinh hoạt ở chi bộ.", typed: $0, form: $1),
                ]
            },
        ]
        let held = Role.Title.allCases.filter { title in member.roles.contains { $0.title == title && $0.to == nil } }
        if !held.isEmpty {
            forms.append(
                form("thoi-chuc-vu", action: base + "/thoi-chuc-vu", heading: "Thôi chức vụ", submit: "Ghi thôi chức") {
                    [
                        RegisterField(
                            "chuc-vu", "Chức vụ", choices: held.map { ($0.rawValue, $0.vietnameseName) }, typed: $0,
                            form: $1),
                        RegisterField(
                            "ngay", "Ngày cuối cùng giữ chức", type: "date", required: true, typed: $0, form: $1),
                    ]
                })
        }
        // A member entered by mistake is taken out, whether or not a leaving was recorded.
        var discard = form(
            "bo", action: base + "/bo", heading: "Bỏ đảng viên ghi nhầm", submit: "Bỏ đảng viên này"
        ) { _, _ in [] }
        discard.acknowledgement =
            "Đồng chí này được ghi nhầm (sai ngày, nhầm người hay ghi hai lần) và chưa có trong biên bản hay văn bản "
            + "nào. Việc bỏ được ghi vào nhật ký; đảng viên đã sinh hoạt ở chi bộ thì ghi “Ra khỏi chi bộ”."
        return (member.leftCell == nil ? forms : []) + [discard]
    }
}

/// A cell's members (`GET /chi-bo/ID/dang-vien`), by given name, with their status today,
/// and the forms that enter a new member when the account may keep the register.
public struct CellMembersPage: Sendable {
    struct Row: Sendable {
        let href: String
        let memberName: String
        let status: String
        let statusClass: String
        let offices: String
    }

    let pageTitle: String
    let bar: WebAccountBar
    let cellName: String
    let cellHref: String
    let organizationName: String
    let summary: String
    let rows: [Row]
    let formerRows: [Row]
    let hasFormer: Bool
    let forms: [RegisterForm]
    let canWrite: Bool
    let savedNote: String?
    /// Where the spreadsheet list is sent for a preview.
    let listAction: String

    /// The page of `cell` on `today`; `forms` empty for an account that only reads.
    public init(
        bar: WebAccountBar, cell: Cell, organizationName: String, today: LocalDate, forms: [RegisterForm],
        saved: Bool = false
    ) {
        listAction = WebPath.members(of: cell.id) + "/danh-sach"
        self.bar = bar
        cellName = cell.name
        cellHref = WebPath.cell(cell.id)
        self.organizationName = organizationName
        pageTitle = "Đảng viên – \(cell.name) – Sổ Chi Bộ"
        let sorted = cell.members.sorted { VietnameseCollation.personPrecedes($0.fullName, $1.fullName) }
        func row(_ member: Member) -> Row {
            let status = member.status(on: today)
            var offices = member.roles(on: today).map(\.title.vietnameseName)
            if member.temporary { offices.append("sinh hoạt tạm thời") }
            if let left = member.leftCell, let reason = member.leaveReason, left <= today {
                offices.append(reason.vietnamesePhrase(on: left))
            }
            return Row(
                href: WebPath.member(member.id), memberName: member.fullName,
                status: status.vietnameseName.prefix(1).uppercased() + status.vietnameseName.dropFirst(),
                statusClass: status.rawValue, offices: offices.joined(separator: " · "))
        }
        rows = sorted.filter { $0.belongsToCell(on: today) }.map(row)
        formerRows = sorted.filter { !$0.belongsToCell(on: today) }.map(row)
        hasFormer = !formerRows.isEmpty
        let current = sorted.filter { $0.belongsToCell(on: today) }
        let official = current.filter { $0.status(on: today) == .official }.count
        let probationary = current.filter { $0.status(on: today) == .probationary }.count
        let exempt = current.filter { $0.status(on: today) == .exempt }.count
        summary =
            "Ngày \(today.vietnameseShort): \(current.count) đảng viên — \(official) chính thức, \(probationary) dự bị, \(exempt) miễn sinh hoạt."
        self.forms = forms
        canWrite = !forms.isEmpty
        savedNote = saved ? "Đã ghi vào sổ đảng viên và nhật ký." : nil
    }
}

/// One member (`GET /dang-vien/ID`): the register's facts and the forms of its events.
public struct MemberPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let text: String
    }

    let pageTitle: String
    let bar: WebAccountBar
    let memberName: String
    let cellName: String
    let membersHref: String
    let facts: [Fact]
    let forms: [RegisterForm]
    let canWrite: Bool
    let savedNote: String?
    /// A line to look at after the member was entered: a namesake still in the cell.
    public var warning: String?

    /// The page of `member` of `cell` on `today`; `forms` empty for an account that only reads.
    public init(
        bar: WebAccountBar, member: Member, cell: Cell, today: LocalDate, forms: [RegisterForm], saved: Bool = false
    ) {
        self.bar = bar
        memberName = member.fullName
        cellName = cell.name
        membersHref = WebPath.members(of: cell.id)
        pageTitle = "\(member.fullName) – \(cell.name) – Sổ Chi Bộ"
        let status = member.status(on: today).vietnameseName
        var facts = [Fact(label: "Tình trạng hôm nay", text: status.prefix(1).uppercased() + status.dropFirst())]
        if let year = member.birthYear { facts.append(Fact(label: "Năm sinh", text: String(year))) }
        facts.append(Fact(label: "Ngày kết nạp", text: member.admitted.vietnameseShort))
        facts.append(
            Fact(label: "Ngày chính thức", text: member.confirmed?.vietnameseShort ?? "chưa (đảng viên dự bị)"))
        if let joined = member.joinedCell { facts.append(Fact(label: "Vào chi bộ", text: joined.vietnameseShort)) }
        if member.temporary { facts.append(Fact(label: "Sinh hoạt", text: "tạm thời")) }
        if let left = member.leftCell, let reason = member.leaveReason {
            facts.append(Fact(label: "Ra khỏi chi bộ", text: reason.vietnamesePhrase(on: left)))
        }
        func period(_ from: LocalDate, _ to: LocalDate?) -> String {
            "từ \(from.vietnameseShort)" + (to.map { " đến \($0.vietnameseShort)" } ?? "")
        }
        for role in member.roles {
            facts.append(Fact(label: role.title.vietnameseName, text: period(role.from, role.to)))
        }
        for post in member.concurrentPosts {
            facts.append(Fact(label: "Kiêm nhiệm", text: "\(post.title), \(period(post.from, post.to))"))
        }
        for exemption in member.exemptions {
            facts.append(
                Fact(label: "Miễn sinh hoạt", text: "\(period(exemption.from, exemption.to)): \(exemption.reason)"))
        }
        self.facts = facts
        self.forms = forms
        canWrite = !forms.isEmpty
        savedNote = saved ? "Đã ghi vào sổ đảng viên và nhật ký." : nil
    }
}

/// The one-time setup page (`GET /thiet-lap?ma=…`): the first administrator's name and
/// password, typed twice.
public struct SetupPage: Sendable {
    let pageTitle = "Thiết lập lần đầu – Sổ Chi Bộ"
    let csrfToken: String
    let setupToken: String
    let typedName: String
    let setupProblem: String?

    /// The form; after a refusal, `typedName` and the sentence come back (never the password).
    public init(csrfToken: String, setupToken: String, typedName: String = "", problem: String? = nil) {
        self.csrfToken = csrfToken
        self.setupToken = setupToken
        self.typedName = typedName
        setupProblem = problem
    }
}

/// The administrators' setting up (`GET /quan-tri`): create a committee, a cell, a term; the
/// cells listed with their member registers.
public struct AdminPage: Sendable {
    let pageTitle = "Thiết lập đảng bộ và chi bộ – Sổ Chi Bộ"
    let bar: WebAccountBar
    let forms: [RegisterForm]
    let cells: [WebLink]
    let hasNoCells: Bool
    let savedNote: String?

    /// The page with its three forms; `refused` names the form to show again. Committees are
    /// listed parents first, each as its path from the top ("Đảng bộ tỉnh Lạng Sơn › Đảng bộ xã
    /// Hợp Thành"); the cell's committee and the term's cell start unchosen, so that nothing
    /// lands under the first of the list by default.
    public init(
        bar: WebAccountBar, organizations: [Organization], cells: [CellOverview], forms: RegisterForms,
        saved: Bool = false
    ) {
        self.bar = bar
        let paths = CommitteeTree.paths(organizations).map { ($0.organization.id, $0.path) }
        let committees = [("", "(không có: đảng bộ cấp cao nhất)")] + paths
        let cellChoices =
            [("", "— chọn chi bộ —")]
            + cells.sorted { VietnameseCollation.precedes($0.name, $1.name) }.map { ($0.id, $0.name) }
        self.forms = [
            forms.admin("dang-bo", action: "/quan-tri/dang-bo", heading: "Tạo đảng bộ", submit: "Tạo đảng bộ") {
                [
                    RegisterField(
                        "ma", "Mã", required: true, hint: "Chữ không dấu, ví dụ dbx-tan-lap.", typed: $0, form: $1),
                    RegisterField(
                        "ten", "Tên", required: true, hint: "Ví dụ: Đảng bộ xã Tân Lập.", typed: $0, form: $1),
                    RegisterField("cap-tren", "Trực thuộc", choices: committees, typed: $0, form: $1),
                ]
            },
            forms.admin("chi-bo", action: "/quan-tri/chi-bo", heading: "Tạo chi bộ", submit: "Tạo chi bộ") {
                [
                    RegisterField(
                        "ma", "Mã", required: true, hint: "Chữ không dấu, ví dụ cb-thon-dong.", typed: $0, form: $1),
                    RegisterField("ten", "Tên", required: true, hint: "Ví dụ: Chi bộ thôn Đồng.", typed: $0, form: $1),
                    RegisterField(
                        "dang-bo", "Thuộc đảng bộ", choices: [("", "— chọn đảng bộ —")] + paths, typed: $0, form: $1),
                    RegisterField(
                        "ky-hieu", "Ký hiệu trên văn bản",
                        hint:
                            "Từ 1 đến \(MemberRules.maximumIssuerCodeLength) chữ cái, in sau số văn bản (05-NQ/CB). Bỏ trống là CB.",
                        typed: $0, form: $1),
                ]
            },
            forms.admin(
                "nhiem-ky", action: "/quan-tri/nhiem-ky", heading: "Mở nhiệm kỳ của chi bộ", submit: "Mở nhiệm kỳ"
            ) {
                [
                    RegisterField("chi-bo", "Chi bộ", choices: cellChoices, typed: $0, form: $1),
                    RegisterField("ma", "Mã nhiệm kỳ", required: true, hint: "Ví dụ: 2025-2030.", typed: $0, form: $1),
                    RegisterField("tu-ngay", "Từ ngày", type: "date", required: true, typed: $0, form: $1),
                    RegisterField(
                        "den-ngay", "Đến ngày", type: "date", hint: "Bỏ trống nếu đang diễn ra.", typed: $0, form: $1),
                ]
            },
        ]
        self.cells = cells.map { WebLink(href: WebPath.members(of: $0.id), text: $0.name) }
        hasNoCells = cells.isEmpty
        savedNote = saved ? "Đã lưu và ghi vào nhật ký." : nil
    }
}

extension RegisterForms {
    fileprivate func admin(
        _ anchor: String, action: String, heading: String, submit: String,
        fields: ([String: String], String) -> [RegisterField]
    ) -> RegisterForm {
        let isRefused = refused?.action == action
        let typed = isRefused ? refused?.typed ?? [:] : [:]
        return RegisterForm(
            anchor: anchor, action: action, heading: heading, fields: fields(typed, anchor), submitLabel: submit,
            csrfToken: csrfToken, formProblem: isRefused ? refused?.problem : nil, isOpen: true)
    }
}

/// A committee's spreadsheet list before it is loaded (`POST /chi-bo/ID/dang-vien/danh-sach`):
/// the rows as read, the problems by row, and, when there is none, the button that loads
/// them all (the file travels again, in a hidden field, so nothing is kept on the server).
public struct MemberListPage: Sendable {
    struct Row: Sendable {
        let row: Int
        let memberName: String
        let birthYear: String
        let admitted: String
        let standing: String
        let joined: String
    }

    let pageTitle: String
    let bar: WebAccountBar
    let cellName: String
    let membersHref: String
    let rows: [Row]
    let problems: [String]
    let hasProblems: Bool
    let canLoad: Bool
    let loadAction: String
    let fileContent: String
    let csrfToken: String
    let summary: String
    /// Rows that load but deserve a look (a namesake already in the cell), as sentences.
    let warnings: [String]
    let hasWarnings: Bool

    /// The preview of `list` for `cell`; `problems` are the file's and the rules' together,
    /// `warnings` rows that load but deserve a look, `content` the file as base64 for the
    /// load button.
    public init(
        bar: WebAccountBar, cell: Cell, list: MemberList, problems: [MemberList.Problem],
        warnings: [MemberList.Problem] = [], content: String
    ) {
        // By row, as the file reads, however the checks that found them were put together.
        self.warnings = warnings.inRowOrder.map { $0.description.prefix(1).uppercased() + $0.description.dropFirst() }
        hasWarnings = !warnings.isEmpty
        self.bar = bar
        cellName = cell.name
        membersHref = WebPath.members(of: cell.id)
        pageTitle = "Nạp danh sách đảng viên – \(cell.name) – Sổ Chi Bộ"
        rows = list.entries.map { entry in
            let member = entry.member
            return Row(
                row: entry.row, memberName: member.fullName, birthYear: member.birthYear.map(String.init) ?? "",
                admitted: member.admitted.vietnameseShort,
                standing: member.confirmed.map { "chính thức từ \($0.vietnameseShort)" } ?? "dự bị",
                joined: (member.joinedCell ?? member.admitted).vietnameseShort)
        }
        self.problems = problems.inRowOrder.map {
            $0.description.prefix(1).uppercased() + $0.description.dropFirst() + "."
        }
        hasProblems = !problems.isEmpty
        canLoad = problems.isEmpty && !list.entries.isEmpty
        loadAction = WebPath.members(of: cell.id) + "/danh-sach/nap"
        fileContent = content
        csrfToken = bar.csrfToken
        summary =
            problems.isEmpty
            ? "Đọc được \(list.entries.count) đảng viên. Xem lại rồi bấm “Nạp tất cả”."
            : "Có \(problems.count) lỗi: chưa nạp ai cả. Hãy sửa trong bảng tính, lưu lại dạng CSV rồi gửi lại cả tệp."
    }
}
