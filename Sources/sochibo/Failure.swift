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

    /// The lines that describe `error`, in Vietnamese: the core's sentence, with the command
    /// to run where one helps.
    static func lines(for error: any Error) -> [String] {
        switch error {
        case let error as ArchiveError:
            let sentence = "sochibo: " + error.vietnameseDescription
            switch error {
            case .notAnArchive(_, .damaged):
                return [
                    sentence + "; hãy khôi phục từ bản sao lưu: `sochibo init --archive KHO_MỚI` rồi "
                        + "`sochibo import --archive KHO_MỚI TỆP_SAO_LƯU.xml`, và giữ lại tệp hỏng để nhờ kiểm tra."
                ]
            case .notAnArchive(let directory, _):
                return [sentence + "; hãy chạy `sochibo init --archive \(directory)` trước."]
            case .corrupt:
                return [sentence + "; hãy chạy `sochibo check`."]
            case .importRefused(let problems):
                return problems.map(\.description) + [sentence + "."]
            case .formRefused(let problems):
                return problems.map(\.description) + [sentence + "; sửa rồi chạy lại lệnh."]
            case .locked(let record):
                let how =
                    "muốn sửa, lấy mẫu điền sẵn bằng `sochibo template --from \(record.id) -o sua.txt`, sửa rồi chạy `sochibo correct \(record.id) sua.txt`"
                if let form = record.form {
                    return ["\(form):\(record.line): lỗi: \(record.sentence)", "sochibo: chưa lưu gì cả; \(how)."]
                }
                return [sentence + "; \(how)."]
            case .lifecycle(.correctionChangesNothing):
                // The person has just run those commands: say what to do in the file instead.
                return [
                    sentence
                        + "; chưa ghi gì. Hãy sửa chỗ cần đính chính trong tệp mẫu (các dòng không có dấu # ở đầu), "
                        + "lưu tệp, rồi chạy lại lệnh."
                ]
            case .notPrintable(let id, let kind):
                return [
                    "sochibo: \(id) là mã của một \(kind.vietnameseName); lệnh print chỉ in biên bản kỳ sinh hoạt hoặc văn bản (nghị quyết, kế hoạch…)."
                ]
            case .unconfirmedRegisterChange:
                return [sentence + " (chạy lại lệnh với --confirm)."]
            case .register(.listRefused(let problems)):
                return problems.inRowOrder.map { "sochibo: \($0)." } + [sentence + "."]
            case .unconfirmedWarnings(let meetingID, let warnings):
                return warnings.map { "sochibo: cảnh báo: \($0.vietnameseDescription)." } + [
                    sentence
                        + "; nếu đã xem lại và vẫn thông qua, chạy `sochibo approve \(meetingID) --confirm` (hoặc sửa bằng `sochibo template --from \(meetingID)`)."
                ]
            case .unconfirmedCorrectionWarnings(let meetingID, let warnings):
                return warnings.map { "sochibo: cảnh báo: \($0.vietnameseDescription)." } + [
                    sentence
                        + "; biên bản đính chính được khóa ngay, nên nếu đã xem lại và vẫn ghi, chạy lại lệnh với --confirm (sochibo correct \(meetingID) TỆP --confirm)."
                ]
            case .noSuchName(_, .meeting, let closest) where !closest.isEmpty:
                return ["sochibo: " + error.vietnameseDescription + " Ghi mã của kỳ đó, hoặc chi bộ và đúng ngày họp."]
            case .noSuchName(_, .meeting, _):
                return [
                    sentence
                        + "; ghi mã biên bản hay văn bản, hoặc chi bộ và ngày họp (\"Nà Pàn 28/12/2024\"). Xem các mã bằng `sochibo list meetings --cell CHI_BỘ` hoặc `sochibo list documents --cell CHI_BỘ`."
                ]
            case .noSuchRecord(_, let closest):
                return [
                    sentence + (closest.isEmpty ? "." : "")
                        + " Xem các mã bằng `sochibo list meetings --cell CHI_BỘ` hoặc `sochibo list documents --cell CHI_BỘ`."
                ]
            case .noSuchName(_, .member, let closest):
                let how = "xem danh sách đảng viên bằng `sochibo member list --cell CHI_BỘ`."
                return [sentence + (closest.isEmpty ? "; " + how : " Hoặc " + how)]
            case .noRecordNamed(_, let closest):
                return [
                    sentence + (closest.isEmpty ? "." : "")
                        + " Xem danh sách bằng `sochibo list cells`, `sochibo list members --cell CHI_BỘ`, "
                        + "`sochibo list meetings --cell CHI_BỘ` hoặc `sochibo list documents --cell CHI_BỘ`."
                ]
            case .noSuchName(_, .cell, let closest):
                let how = "xem danh sách chi bộ bằng `sochibo list cells`."
                return ["sochibo: " + error.vietnameseDescription + (closest.isEmpty ? "; " + how : " Hoặc " + how)]
            case .noSuchName(_, .organization, let closest):
                let how = "xem danh sách đảng bộ bằng `sochibo list organizations`."
                return ["sochibo: " + error.vietnameseDescription + (closest.isEmpty ? "; " + how : " Hoặc " + how)]
            case .committeeNotCell(let typed, _):
                return [
                    sentence + "; hãy ghi một chi bộ (xem `sochibo list cells`), hoặc `--organization \(typed)` "
                        + "ở lệnh summary, board hay export để lấy mọi chi bộ của đảng bộ."
                ]
            case .logNeedsWholeArchive:
                return [sentence + " (bỏ --cell, --organization, --year khi dùng --with-log)."]
            default:
                return [sentence + "."]
            }
        case let mistake as AccountError:
            let sentence = "sochibo: \(mistake.vietnameseDescription)"
            switch mistake {
            case .notFound: return [sentence + "; xem danh sách bằng `sochibo user list`."]
            case .missingScope(.secretary): return [sentence + " (--cell)."]
            case .missingScope(.committee): return [sentence + " (--organization)."]
            case .missingScope(.admin): return [sentence + " (bỏ --cell và --organization)."]
            default: return [sentence + "."]
            }
        case let mistake as PasswordInput.Mismatch:
            return ["sochibo: \(mistake.description)."]
        case let mistake as PasswordInput.Missing:
            return ["sochibo: \(mistake.description)."]
        case let mistake as DateOptionError:
            return ["sochibo: \(mistake.description)."]
        case let mistake as OptionValueError:
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

    /// A remark about a command that succeeded (what was left out, and how to include it), on
    /// standard error so that standard output stays the result: "sochibo: …".
    static func note(_ sentence: String) {
        printError("sochibo: \(sentence)")
    }
}
