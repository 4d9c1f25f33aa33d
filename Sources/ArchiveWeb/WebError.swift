import ArchiveCore
import Hummingbird

/// What a request can be refused for. `SecurityMiddleware` turns each into a response: a
/// redirect to the login page, or a Vietnamese page with the status below.
public enum WebError: Error, Sendable, Equatable {
    /// No one is logged in: 303 to `/dang-nhap`.
    case loginRequired
    /// The POST carried no valid `csrf_token`: 403, and nothing was changed.
    case invalidCSRFToken
    /// The account's role may not open this page: 403.
    case wrongRole
    /// The one-time setup link is used, wrong, or the archive has accounts already: 403.
    case setupClosed
    /// The account reads but does not write a cell's records — minutes, documents, the member
    /// register (a committee account): 403.
    case mayNotWrite
    /// The record or cell belongs to a cell the account may not see: 403.
    case otherCell
    /// A document marked Mật or higher, for an account without `confidential`: 403.
    case confidential
    /// The name is locked after repeated failed logins, until the given number of minutes
    /// has passed: 429.
    case loginLocked(minutes: Int)
    /// Nothing here: 404, with what to do in `detail` when given.
    case notFound(detail: String?)
    /// The request makes no sense (a bad parameter): 400.
    case badRequest(String)
    /// A form sent from this site after its session ended (the server restarted, or it lay
    /// unused for hours): 403 and nothing written, but the page logs in again and offers to
    /// send `form` (the body as sent) to `path` once more, so that nothing typed is lost.
    case sessionLost(path: String, form: String)
    /// The body is larger than the path takes (`limitBytes`; a file for the inbox, a form
    /// elsewhere): 413, nothing read further and nothing written.
    case tooLarge(limitBytes: Int, isFile: Bool)

    /// The HTTP status of the refusal.
    public var status: HTTPResponse.Status {
        switch self {
        case .loginRequired: .seeOther
        case .invalidCSRFToken, .wrongRole, .otherCell, .confidential, .setupClosed, .mayNotWrite, .sessionLost:
            .forbidden
        case .loginLocked: .tooManyRequests
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .tooLarge: .contentTooLarge
        }
    }

    /// The page's headline when the status's standard one would mislead (a 403 that is not
    /// about what the account may see); nil for the standard one.
    var title: String? {
        switch self {
        case .invalidCSRFToken: "Trang đã cũ nên chưa lưu gì"
        case .sessionLost: "Phiên làm việc đã hết, chưa lưu gì"
        case .setupClosed: "Đường dẫn thiết lập không còn dùng được"
        case .mayNotWrite: "Tài khoản đảng ủy không ghi hồ sơ của chi bộ"
        default: nil
        }
    }

    /// The page's explanation, saying what to do; nil for the standard one of the status.
    var detail: String? {
        switch self {
        case .loginRequired: nil
        case .sessionLost:
            "Phiên làm việc đã hết nên chưa lưu được. Những gì đồng chí vừa gõ vẫn còn: hãy đăng nhập lại rồi bấm “Gửi lại”."
        case .invalidCSRFToken:
            "Trang đồng chí vừa gửi đã cũ hoặc không đến từ Sổ Chi Bộ, nên không có gì bị thay đổi. Hãy quay lại, tải lại trang rồi làm lại."
        case .wrongRole:
            "Trang này chỉ dành cho quản trị viên. Nếu đồng chí cần làm việc này, hãy nhờ quản trị viên của đảng ủy."
        case .setupClosed:
            "Đường dẫn thiết lập này không còn dùng được: kho đã có tài khoản, hoặc đường dẫn đã dùng hay gõ sai. Hãy đăng nhập; nếu chưa có tài khoản, hãy nhờ quản trị viên."
        case .mayNotWrite:
            "Tài khoản của đảng ủy được đọc và xếp loại biên bản, nhưng không ghi biên bản, văn bản hay sổ đảng viên của chi bộ. Việc ghi do bí thư chi bộ hoặc quản trị viên làm."
        case .otherCell:
            "Bản ghi này thuộc một chi bộ mà tài khoản của đồng chí không được xem. Hãy quay về trang đầu để chọn chi bộ của mình."
        case .confidential:
            "Đây là văn bản mật; chỉ tài khoản được cấp quyền xem văn bản mật mới mở được. Hãy liên hệ văn phòng đảng ủy nếu cần."
        case .loginLocked(let minutes):
            "Mật khẩu của tên đăng nhập này đã bị gõ sai 5 lần. Hãy đợi khoảng \(minutes) phút rồi đăng nhập lại; nếu quên mật khẩu, hãy nhờ quản trị viên đặt lại."
        case .notFound(let detail): detail
        case .badRequest(let detail): detail
        case .tooLarge(let limit, true):
            "Tệp này lớn hơn \(limit / (1024 * 1024)) MB, mức lớn nhất hộp nhận tệp nhận, nên không được nhận và không có gì thay đổi. Tệp xuất từ Sổ Chi Bộ của một chi bộ trong nhiều năm nhỏ hơn thế nhiều: hãy kiểm tra lại đã chọn đúng tệp chưa; nếu đúng, hãy nhờ quản trị viên nhập tệp bằng lệnh sochibo import."
        case .tooLarge(let limit, false):
            "Nội dung gửi lên dài hơn \(limit / (1024 * 1024)) MB, mức lớn nhất của một trang, nên không được lưu. Hãy quay lại, rút ngắn phần đã gõ rồi gửi lại."
        }
    }
}
