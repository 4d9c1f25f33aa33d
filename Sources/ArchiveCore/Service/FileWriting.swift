import Foundation
import LibXML

/// Every file the program writes on request (`-o PATH`: exports, reports, printed pages, forms),
/// written one way: whole or not at all, private, and never in place of something that is not
/// a plain file. Failures are said in Vietnamese.
///
/// - `nil` or `-`: standard output.
/// - A path that is standard output itself (`/dev/stdout`, `/proc/self/fd/1`, or the file it is
///   redirected to): standard output, so that nothing replaces or truncates it.
/// - A device, a FIFO or a socket (`/dev/null`, `/dev/full`, a named pipe): written directly;
///   it is never replaced. A device that refuses the bytes (`/dev/full`) is an error.
/// - Anything else, a regular file or a new name: written to a temporary file beside it,
///   created exclusively under an unpredictable name without following links, mode 0600 (or
///   the mode of the file it replaces), synced, then renamed into place. A link at `PATH` is
///   followed: the file it points to is replaced, the link stays.
public enum FileWriting {
    /// Writes `data` to `path` as described above.
    ///
    /// - throws: `ArchiveError.cannotWrite` with the reason in Vietnamese.
    public static func write(_ data: Data, to path: String?) throws {
        try withOutput(to: path) { descriptor in
            try data.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                try writeAll(descriptor, base, buffer.count, path: path ?? "-")
            }
        }
    }

    /// Runs `body` with a descriptor open on the destination `path` stands for, and finishes the
    /// file (sync and rename) when it returns. Errors of the output that `body` meets
    /// (`XMLError.cannotWrite`) become `ArchiveError.cannotWrite`; other errors leave nothing
    /// behind at `path`.
    public static func withOutput<T>(to path: String?, _ body: (Int32) async throws -> T) async throws -> T {
        let destination = try Destination(path)
        do {
            let result = try await body(destination.descriptor)
            try destination.finish()
            return result
        } catch {
            destination.abandon()
            throw translated(error, path: destination.path)
        }
    }

    /// `withOutput` for a synchronous `body`.
    public static func withOutput<T>(to path: String?, _ body: (Int32) throws -> T) throws -> T {
        let destination = try Destination(path)
        do {
            let result = try body(destination.descriptor)
            try destination.finish()
            return result
        } catch {
            destination.abandon()
            throw translated(error, path: destination.path)
        }
    }

    private static func translated(_ error: any Error, path: String) -> any Error {
        if case XMLError.cannotWrite(let code) = error {
            return ArchiveError.cannotWrite(path: path, reason: reason(code))
        }
        return error
    }

    /// Writes `count` bytes, all of them, or throws.
    static func writeAll(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int, path: String) throws {
        var written = 0
        while written < count {
            let result = Foundation.write(descriptor, base + written, count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            written += result
        }
    }

    /// Where an output goes, opened.
    private struct Destination {
        enum Kind {
            /// Standard output: neither closed nor synced.
            case standardOutput
            /// A device, FIFO or socket, opened for writing: closed at the end.
            case direct
            /// A temporary file, renamed to `final` at the end.
            case replacing(temporary: String, final: String)
        }

        let path: String
        let descriptor: Int32
        let kind: Kind

        init(_ path: String?) throws {
            guard let path, path != "-" else {
                self.path = "-"
                descriptor = STDOUT_FILENO
                kind = .standardOutput
                return
            }
            self.path = path
            var target = stat()
            var output = stat()
            let exists = stat(path, &target) == 0
            if exists && fstat(STDOUT_FILENO, &output) == 0 && target.st_dev == output.st_dev
                && target.st_ino == output.st_ino
            {
                descriptor = STDOUT_FILENO
                kind = .standardOutput
                return
            }
            let type = target.st_mode & S_IFMT
            if exists && type == S_IFDIR {
                throw ArchiveError.cannotWrite(path: path, reason: reason(EISDIR))
            }
            if exists && type != S_IFREG {
                let opened = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard opened >= 0 else { throw failure(path) }
                descriptor = opened
                kind = .direct
                return
            }
            // A regular file, a new name, or a link to a regular file: replace the file itself.
            let final =
                exists
                ? (realpath(path, nil).map { pointer in
                    defer { free(pointer) }
                    return String(cString: pointer)
                } ?? path) : path
            let mode = exists ? mode_t(target.st_mode & 0o777) : 0o600
            let url = URL(fileURLWithPath: final)
            let folder = url.deletingLastPathComponent().path
            let name = url.lastPathComponent
            for _ in 0..<64 {
                let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
                let temporary = folder + "/." + name + "." + random + ".partial"
                let opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                if opened < 0 {
                    if errno == EEXIST { continue }
                    throw failure(path)
                }
                // The new file keeps the mode of the one it replaces (never more than the owner
                // had); a new one is private.
                if mode != 0o600 { fchmod(opened, mode) }
                descriptor = opened
                kind = .replacing(temporary: temporary, final: final)
                return
            }
            throw ArchiveError.cannotWrite(path: path, reason: reason(EEXIST))
        }

        /// Syncs and closes the output, and moves a temporary file into place.
        func finish() throws {
            switch kind {
            case .standardOutput:
                // A pipe or terminal cannot be synced; a regular file behind standard output can.
                if fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP {
                    throw failure(path)
                }
            case .direct:
                let closed = close(descriptor)
                guard closed == 0 else { throw failure(path) }
            case .replacing(let temporary, let final):
                guard fsync(descriptor) == 0 else { throw failure(path) }
                guard close(descriptor) == 0 else {
                    let error = failure(path)
                    unlink(temporary)
                    throw error
                }
                guard rename(temporary, final) == 0 else {
                    let error = failure(path)
                    unlink(temporary)
                    throw error
                }
                // The rename itself is on disk once the folder is synced.
                let folder = open(URL(fileURLWithPath: final).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
                if folder >= 0 {
                    fsync(folder)
                    close(folder)
                }
            }
        }

        /// Leaves nothing behind after a failure.
        func abandon() {
            switch kind {
            case .standardOutput: break
            case .direct: close(descriptor)
            case .replacing(let temporary, _):
                close(descriptor)
                unlink(temporary)
            }
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
        case EEXIST: "không tạo được tệp tạm bên cạnh"
        case EPIPE: "chương trình nhận dữ liệu đã đóng đầu vào"
        default: String(cString: strerror(code))
        }
    }
}
