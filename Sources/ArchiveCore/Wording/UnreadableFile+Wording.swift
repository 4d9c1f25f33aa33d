import Foundation

/// Why a file given to a command could not be read, in Vietnamese, saying what to do: never
/// the system's English ("No such file or directory").
public enum UnreadableFile {
    /// The reason `path` cannot be read, judged from the file system now: missing, a
    /// folder, or not readable by this account; `nil` when it looks readable (then the
    /// caller's own reason stands).
    ///
    /// ```swift
    /// UnreadableFile.reason("khong-co.xml")   // "không có tệp khong-co.xml; hãy xem lại tên và thư mục của tệp"
    /// ```
    public static func reason(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "không có tệp \(path); hãy xem lại tên và thư mục của tệp"
        }
        if isDirectory.boolValue { return "\(path) là một thư mục, không phải tệp; hãy ghi tên tệp trong thư mục đó" }
        if !FileManager.default.isReadableFile(atPath: path) {
            return "không có quyền đọc tệp \(path); hãy xin quyền đọc hoặc chép tệp sang chỗ khác"
        }
        return nil
    }
}
