import ArchiveCore
import ArchiveSQLite
import ArgumentParser
import Foundation

/// Turns core errors into what a person reads at the terminal: one line on standard error
/// (one per problem for a refused import) and exit status 1.
enum Failure {
    /// Runs `body`; on error prints the error's lines and exits with status 1.
    static func guarding<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            for line in lines(for: error) { printError(line) }
            throw ExitCode.failure
        }
    }

    /// The lines that describe `error`, in Vietnamese.
    static func lines(for error: any Error) -> [String] {
        switch error {
        case ArchiveError.notAnArchive(let directory, let reason):
            return [
                "sochibo: \(directory) không phải kho lưu trữ Sổ Chi Bộ (\(reason)); hãy chạy `sochibo init --archive \(directory)` trước."
            ]
        case ArchiveError.busy(let directory):
            return ["sochibo: kho lưu trữ \(directory) đang bận (một lần nhập khác đang ghi); hãy thử lại sau ít phút."]
        case ArchiveError.alreadyExists(let directory):
            return ["sochibo: \(directory) đã có kho lưu trữ; không tạo lại để tránh mất dữ liệu."]
        case ArchiveError.importRefused(let problems):
            let shown = problems.map(\.description)
            return shown + ["sochibo: không nhập gì cả: \(problems.count) lỗi; kho lưu trữ giữ nguyên như trước."]
        case ArchiveError.notFound(let id):
            return ["sochibo: không tìm thấy \(id) trong kho lưu trữ."]
        case ArchiveError.notPrintable(let id, let kind):
            return [
                "sochibo: \(id) là mã của một \(kind); lệnh print chỉ in biên bản kỳ sinh hoạt hoặc văn bản (nghị quyết, kế hoạch…)."
            ]
        case ArchiveError.corrupt(let detail):
            return ["sochibo: kho lưu trữ bị hỏng: \(detail); hãy chạy `sochibo check`."]
        case ArchiveError.cannotWrite(let path, let reason):
            return ["sochibo: không ghi được \(path): \(reason)."]
        case ArchiveError.formRefused(let problems):
            return problems.map(\.description) + [
                "sochibo: chưa lưu gì cả: \(problems.count) lỗi trong mẫu; sửa rồi chạy lại lệnh."
            ]
        case ArchiveError.notAllowed(let reason):
            return ["sochibo: \(reason)."]
        case let mistake as AccountError:
            return ["sochibo: \(mistake.vietnameseDescription)."]
        case let mistake as PasswordInput.Mismatch:
            return ["sochibo: \(mistake.description)."]
        case let mistake as PasswordInput.Missing:
            return ["sochibo: \(mistake.description)."]
        case let mistake as RatingRubric.Mistake:
            return ["sochibo: \(mistake.description)."]
        default:
            return ["sochibo: \(error)"]
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
