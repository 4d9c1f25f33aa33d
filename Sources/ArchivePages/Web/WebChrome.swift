import ArchiveCore

/// The bar on every page after login: who is logged in, as what, and the logout button (a
/// form that carries the session's CSRF token).
public struct WebAccountBar: Sendable {
    public let accountName: String
    /// "bí thư chi bộ", "văn phòng đảng ủy", "quản trị".
    public let roleName: String
    public let csrfToken: String
    /// Whether to show the link to the account list (administrators only).
    public let showsAccounts: Bool
    /// Whether to show the link to the office's board (committee and administrators).
    public let showsBoard: Bool
    /// Whether the account reads documents marked Mật or higher (downloads carry them only then).
    public let readsConfidential: Bool

    /// The bar of `account`, with the token its forms carry.
    public init(account: Account, csrfToken: String) {
        accountName = account.name
        roleName = account.role.vietnameseName
        self.csrfToken = csrfToken
        showsAccounts = account.role == .admin
        showsBoard = account.role == .admin || account.role == .committee
        readsConfidential = account.confidential
    }
}

/// A link: where it goes and what it says.
public struct WebLink: Sendable, Hashable {
    public let href: String
    public let text: String

    /// A link to `href` reading `text`.
    public init(href: String, text: String) {
        self.href = href
        self.text = text
    }
}

/// The login page (`GET /dang-nhap`): the fields `username` and `password` and the hidden
/// `csrf_token`, with what went wrong last time, if anything.
public struct LoginPage: Sendable {
    /// A form whose session ended before it was saved: where it went and its body as sent,
    /// carried through the login to be sent again (`ResendPage`).
    public struct Resume: Sendable {
        let path: String
        let form: String

        public init(path: String, form: String) {
            self.path = path
            self.form = form
        }
    }

    let pageTitle = "Đăng nhập – Sổ Chi Bộ"
    let csrfToken: String
    let typedName: String
    let loginProblem: String?
    let resume: Resume?

    /// The form; `typedName` is put back in the name field after a failed attempt.
    public init(csrfToken: String, typedName: String = "", problem: String? = nil, resume: Resume? = nil) {
        self.csrfToken = csrfToken
        self.typedName = typedName
        loginProblem = problem
        self.resume = resume
    }
}

/// After logging in again: what a form sent before its session ended, as hidden fields of a
/// form with the new session's token, sent again only when the person presses "Gửi lại".
public struct ResendPage: Sendable {
    struct Field: Sendable {
        let name: String
        let value: String
    }

    let pageTitle = "Gửi lại – Sổ Chi Bộ"
    let bar: WebAccountBar
    let path: String
    let fields: [Field]

    /// The page that sends `fields` (in order, without the old token) to `path`.
    public init(bar: WebAccountBar, path: String, fields: [(name: String, value: String)]) {
        self.bar = bar
        self.path = path
        self.fields = fields.filter { $0.name != "csrf_token" }.map { Field(name: $0.name, value: $0.value) }
    }
}

/// A page that says what went wrong and what to do, in Vietnamese: never a stack trace.
public struct ErrorPage: Sendable {
    let pageTitle: String
    let bar: WebAccountBar?
    /// The HTTP status, e.g. 403.
    public let status: Int
    let headline: String
    let explanation: String
    let nextStep: WebLink

    /// The page for `status` (404, 403, 413, 429, 400, 500, or another), with its own words; `detail`
    /// replaces the standard explanation (it must say what to do), and `title` the standard
    /// headline (a 403 for a stale form is not about permissions).
    public init(status: Int, title: String? = nil, detail: String? = nil, bar: WebAccountBar? = nil) {
        self.status = status
        self.bar = bar
        let home = WebLink(href: "/", text: "Về trang đầu")
        let standard: String
        switch status {
        case 404:
            standard = "Không tìm thấy trang này"
            explanation = detail ?? "Địa chỉ có thể gõ nhầm, hoặc bản ghi không còn. Hãy quay về trang đầu và chọn lại."
            nextStep = home
        case 403:
            standard = "Tài khoản của đồng chí không được xem trang này"
            explanation =
                detail
                ?? "Trang này thuộc chi bộ hoặc quyền khác. Nếu đồng chí cần xem, hãy nhờ quản trị viên của đảng ủy cấp quyền."
            nextStep = home
        case 429:
            standard = "Tạm khóa đăng nhập"
            explanation =
                detail
                ?? "Mật khẩu đã bị gõ sai nhiều lần. Hãy đợi 15 phút rồi đăng nhập lại; nếu quên mật khẩu, hãy nhờ quản trị viên đặt lại."
            nextStep = WebLink(href: "/dang-nhap", text: "Về trang đăng nhập")
        case 413:
            standard = "Tệp hoặc nội dung gửi lên lớn quá"
            explanation =
                detail
                ?? "Nội dung gửi lên lớn hơn mức trang này nhận, nên không có gì bị thay đổi. Hãy quay lại và gửi ít hơn."
            nextStep = home
        case 400:
            standard = "Yêu cầu không hợp lệ"
            explanation =
                detail ?? "Trang gửi lên thiếu hoặc sai thông tin. Hãy quay lại, tải lại trang rồi thử lần nữa."
            nextStep = home
        default:
            standard = "Máy chủ gặp sự cố"
            explanation =
                detail
                ?? "Việc vừa làm chưa xong và không có gì bị thay đổi. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên."
            nextStep = home
        }
        headline = title ?? standard
        pageTitle = "\(headline) – Sổ Chi Bộ"
    }
}

/// The home page after login: the cells the account may see, each a large link.
public struct HomePage: Sendable {
    /// One cell as a card.
    struct CellCard: Sendable {
        let href: String
        let cellName: String
        let organizationName: String
        let figures: String
    }

    let pageTitle = "Trang đầu – Sổ Chi Bộ"
    let bar: WebAccountBar
    let greeting: String
    let cells: [CellCard]
    let hasNoCells: Bool
    let searchHref = "/tim-kiem"

    /// The page listing `cells` (already limited to what the account may see).
    ///
    /// - parameters:
    ///   - organizationNames: committee names by identifier, for each card's second line.
    public init(bar: WebAccountBar, cells: [CellOverview], organizationNames: [String: String]) {
        self.bar = bar
        greeting = cells.count == 1 ? "Chi bộ của đồng chí" : "Các chi bộ đồng chí được xem (\(cells.count))"
        self.cells = cells.map {
            CellCard(
                href: "/chi-bo/\(WebPath.segment($0.id))", cellName: $0.name,
                organizationName: organizationNames[$0.organization] ?? $0.organization,
                figures: "\($0.members) đảng viên · \($0.meetings) kỳ sinh hoạt · \($0.documents) văn bản")
        }
        hasNoCells = cells.isEmpty
    }
}

/// Paths of the web app, with identifiers percent-encoded as one path segment.
public enum WebPath {
    /// `id` safe as one path segment (letters, digits, `-`, `.`, `_`, `~` kept).
    public static func segment(_ id: String) -> String {
        var allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
        allowed.reserveCapacity(70)
        var text = ""
        for byte in id.utf8 {
            if allowed.contains(byte) {
                text.append(Character(Unicode.Scalar(byte)))
            } else {
                text += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return text
    }

    /// `/chi-bo/ID/dang-vien`: a cell's member register.
    public static func members(of cellID: String) -> String { "/chi-bo/\(segment(cellID))/dang-vien" }
    /// `/dang-vien/ID`: one member of the register.
    public static func member(_ id: String) -> String { "/dang-vien/\(segment(id))" }

    /// `/ban-ghi/ID`.
    public static func record(_ id: String) -> String { "/ban-ghi/\(segment(id))" }
    /// `/chi-bo/ID`, of one year when given.
    public static func cell(_ id: String, year: Int? = nil) -> String {
        "/chi-bo/\(segment(id))" + (year.map { "?nam=\($0)" } ?? "")
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
