/// The Vietnamese sentences of the errors that guard the archive against impossible values,
/// concurrent use and faulty files, written once for every front end. None names a command:
/// the command line and the web app add their own hint.
extension ArchiveError {
    /// The sentence, without a final full stop, for the cases worded here; `nil` for the rest.
    public var safetyDescription: String? {
        switch self {
        case .numberingExhausted(let cellID, let kind, let termID, let highest):
            "không còn số cho \(kind.vietnameseName.lowercased()) của chi bộ \(cellID)"
                + (termID.map { " trong nhiệm kỳ \($0)" } ?? "")
                + ": số lớn nhất đã dùng là \(highest), vượt quá \(Document.maximumNumber); chưa ban hành gì"
        case .readOnly(let directory):
            "kho lưu trữ \(directory) chỉ cho đọc (không có quyền ghi vào tệp hoặc thư mục, hay ổ đĩa chỉ cho đọc); chưa ghi gì cả"
        case .readOnlyNeedsUpgrade(let directory):
            "kho lưu trữ \(directory) được tạo bởi phiên bản cũ và cần nâng cấp, nhưng chỉ cho đọc; hãy sao chép nó vào một thư mục ghi được"
        case .queryTooLong(let words, let maximum):
            "câu tìm kiếm quá dài"
                + (words.map { " (\($0) từ)" } ?? "")
                + ": chỉ tìm với tối đa \(maximum) từ; hãy bớt từ rồi tìm lại"
        default: nil
        }
    }
}
