/// The accounts' refusals as a form in the web app says them, beside the field: a whole
/// sentence (capital, full stop), without the command line's options.
extension AccountError {
    /// One sentence that says what to do, e.g. "Đã có tài khoản «thu.dong». Hãy chọn tên khác."
    public var formSentence: String {
        switch self {
        case .invalidName:
            "Tên đăng nhập cần từ 1 đến \(AccountRules.maximumNameLength) ký tự, ví dụ thu.napan."
        case .alreadyExists(let name): "Đã có tài khoản «\(name)». Hãy chọn tên khác, ví dụ thêm tên thôn."
        case .notFound(let name): "Không có tài khoản «\(name)». Hãy tải lại trang Tài khoản rồi chọn lại."
        case .passwordTooShort:
            "Mật khẩu cần ít nhất \(AccountRules.minimumPasswordLength) ký tự. Nên ghép vài từ dễ nhớ mà người khác khó đoán."
        case .missingScope(.secretary): "Tài khoản bí thư chi bộ cần chọn chi bộ."
        case .missingScope(.committee): "Tài khoản văn phòng đảng ủy cần chọn đảng bộ."
        case .missingScope(.admin): "Tài khoản quản trị không gắn với chi bộ hay đảng bộ nào."
        case .unknownCell: "Chi bộ đã chọn không còn trong sổ. Hãy tải lại trang rồi chọn lại."
        case .unknownOrganization: "Đảng bộ đã chọn không còn trong sổ. Hãy tải lại trang rồi chọn lại."
        case .lastAdministrator(let name):
            "Không khóa được «\(name)»: đây là tài khoản quản trị cuối cùng còn dùng được. Hãy tạo một tài khoản quản trị khác trước."
        case .ownAccount(let name):
            "Không khóa được «\(name)»: đây là tài khoản đồng chí đang đăng nhập. Nếu cần, hãy nhờ một quản trị viên khác khóa."
        case .lastAdministratorRole(let name):
            "Không đổi được vai trò của «\(name)»: đây là tài khoản quản trị cuối cùng còn dùng được. Hãy tạo một tài khoản quản trị khác trước."
        case .ownRole(let name):
            "Không đổi được «\(name)»: đây là tài khoản đồng chí đang đăng nhập. Nếu cần, hãy nhờ một quản trị viên khác đổi."
        }
    }
}
