import ArchiveCore

extension Pages {
    /// The web app's stylesheet (`web.css`): large type, big targets, one column on a phone.
    public var webStylesheet: String { String(decoding: PackageResources.web_css, as: UTF8.self) }

    /// The login page. - returns: a whole HTML page (UTF-8).
    public func render(_ page: LoginPage) -> String { render(page, template: "login") }
    /// An error page that says what to do.
    public func render(_ page: ErrorPage) -> String { render(page, template: "error") }
    /// The home page after login: the account's cells.
    public func render(_ page: HomePage) -> String { render(page, template: "home") }
    /// A cell's year.
    public func render(_ page: CellYearPage) -> String { render(page, template: "cell-year") }
    /// Minutes or a document, to read on screen.
    public func render(_ page: RecordPage) -> String { render(page, template: "record") }
    /// The search page with its results.
    public func render(_ page: SearchPage) -> String { render(page, template: "search") }
    /// The audit log of a record or of the archive.
    public func render(_ page: AuditPage) -> String { render(page, template: "audit") }
    /// The inbox: a cell's file previewed and received.
    public func render(_ page: InboxPage) -> String { render(page, template: "inbox") }
    /// The commune office's board.
    public func render(_ page: BoardPage) -> String { render(page, template: "board") }
    /// After logging in again: a form's fields to send once more.
    public func render(_ page: ResendPage) -> String { render(page, template: "resend") }
    /// The committee's report and the office's form.
    public func render(_ page: ReportPage) -> String { render(page, template: "report") }
    /// The administrators' list of accounts.
    public func render(_ page: AccountsPage) -> String { render(page, template: "accounts") }
    /// The page that changes one account's role, place and clearance.
    public func render(_ page: AccountChangePage) -> String { render(page, template: "account-change") }

    /// A cell's member register.
    public func render(_ page: CellMembersPage) -> String { render(page, template: "members") }
    /// One member, with the register's forms.
    public func render(_ page: MemberPage) -> String { render(page, template: "member") }
    /// A spreadsheet list of members before it is loaded.
    public func render(_ page: MemberListPage) -> String { render(page, template: "member-list") }
    /// The first administrator's account, from the one-time setup link.
    public func render(_ page: SetupPage) -> String { render(page, template: "setup") }
    /// The administrators' setting up of committees, cells and terms.
    public func render(_ page: AdminPage) -> String { render(page, template: "admin") }
    /// The page that files, edits or corrects minutes.
    public func render(_ page: FilingPage) -> String { render(page, template: "filing") }
    /// The page that writes a resolution from a meeting.
    public func render(_ page: ResolutionPage) -> String { render(page, template: "resolution") }

    /// The web templates' names and texts.
    static var webSources: [(String, [UInt8])] {
        [
            ("web-page", PackageResources.web_page_mustache),
            ("login", PackageResources.login_mustache),
            ("error", PackageResources.error_mustache),
            ("home", PackageResources.home_mustache),
            ("cell-year", PackageResources.cell_year_mustache),
            ("record", PackageResources.record_mustache),
            ("search", PackageResources.search_mustache),
            ("accounts", PackageResources.accounts_mustache),
            ("account-change", PackageResources.account_change_mustache),
            ("account-scope-fields", PackageResources.account_scope_fields_mustache),
            ("board", PackageResources.board_mustache),
            ("report", PackageResources.report_mustache),
            ("resend", PackageResources.resend_mustache),
            ("inbox", PackageResources.inbox_mustache),
            ("audit", PackageResources.audit_mustache),
            ("register-form", PackageResources.register_form_mustache),
            ("members", PackageResources.members_mustache),
            ("member", PackageResources.member_mustache),
            ("setup", PackageResources.setup_mustache),
            ("member-list", PackageResources.member_list_mustache),
            ("admin", PackageResources.admin_mustache),
            ("filing", PackageResources.filing_mustache),
            ("resolution", PackageResources.resolution_mustache),
        ]
    }
}
