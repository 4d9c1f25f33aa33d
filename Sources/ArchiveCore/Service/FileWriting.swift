import Foundation

/// Files the program writes (exports, reports): whole or not at all, with failures said in
/// Vietnamese.
public enum FileWriting {
    /// Writes `data` to `path` through a temporary file beside it that is synced and renamed
    /// into place, so that an interrupted write never leaves half a file.
    ///
    /// - throws: `ArchiveError.cannotWrite` with the reason in Vietnamese.
    public static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        var written = 0
        let complete = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        guard complete, fsync(descriptor) == 0 else {
            let error = failure(path)
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// The error for `path` from the current `errno`.
    package static func failure(_ path: String) -> ArchiveError {
        .cannotWrite(path: path, reason: reason(errno))
    }

    /// A system error number in Vietnamese, for the common cases; the system's words otherwise.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "thư mục chứa tệp không tồn tại"
        case EACCES, EPERM: "không có quyền ghi vào đó"
        case ENOSPC: "ổ đĩa đã đầy"
        case EROFS: "ổ đĩa chỉ cho đọc"
        case EISDIR: "đó là một thư mục"
        case ENOTDIR: "một phần của đường dẫn không phải thư mục"
        case EDQUOT: "đã hết hạn mức dung lượng"
        default: String(cString: strerror(code))
        }
    }
}
