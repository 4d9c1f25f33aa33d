import Foundation
import Testing

/// A month of a secretary's work through the real program: a form for the minutes, filed,
/// approved; a resolution filed, issued and corrected; the log; a backup with the log restored.
@Suite("A secretary's month with sochibo")
struct SecretaryFlowTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    func run(_ arguments: [String]) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive])
    }

    @Test func fileApproveIssueCorrectAndRestore() throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        #expect(try run(["import", Sochibo.path("archive/samples/dbx-hop-thanh.xml")]).status == 0)

        let blank = directory + "/bien-ban.txt"
        let template = try run(["template", "meeting", "--cell", "cb-na-pan", "--date", "2024-12-28", "-o", blank])
        #expect(template.status == 0, "\(template.errors)")
        #expect(try String(contentsOfFile: blank, encoding: .utf8).contains("Hoàng Văn Mạc [np-04] (miễn sinh hoạt): "))

        let minutes = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")
        let filed = try run(["file", minutes, "--by", "Lý Thị Thu"])
        #expect(filed.status == 0, "\(filed.errors)")
        #expect(filed.output.hasPrefix("Đã lưu dự thảo biên bản cb-na-pan-2024-12-28 ngày 28/12/2024."))
        // np-2024-12 (combined, 15/12) is already the month's regular meeting: a warning to confirm.
        #expect(filed.output.contains("Cảnh báo: tháng 12/2024 chi bộ đã có biên bản sinh hoạt thường kỳ khác"))
        let unconfirmed = try run(["approve", "cb-na-pan-2024-12-28", "--by", "Hà Văn Lợi"])
        #expect(unconfirmed.status == 1)
        #expect(
            unconfirmed.errorLines == [
                "sochibo: cảnh báo: tháng 12/2024 chi bộ đã có biên bản sinh hoạt thường kỳ khác (ngày 15/12/2024).",
                "sochibo: chưa thông qua biên bản cb-na-pan-2024-12-28: có 1 cảnh báo chưa được xác nhận; nếu đã xem lại và vẫn thông qua, chạy `sochibo approve cb-na-pan-2024-12-28 --confirm` (hoặc sửa bằng `sochibo template --from cb-na-pan-2024-12-28`).",
            ])
        // Still a draft: approving it now succeeds (approved minutes would be refused as such).
        #expect(try run(["approve", "cb-na-pan-2024-12-28", "--by", "Hà Văn Lợi", "--confirm"]).status == 0)
        let again = try run(["approve", "cb-na-pan-2024-12-28"])
        #expect(
            again.status == 1 && again.errorLines == ["sochibo: biên bản cb-na-pan-2024-12-28 đã được thông qua rồi."])

        let resolution = Sochibo.path("fixtures/forms/nghi-quyet-na-pan-2024-12-29.txt")
        #expect(try run(["file", resolution]).status == 0)
        let issued = try run(["issue", "cb-na-pan-nq-2024-12-29", "--by", "Hà Văn Lợi"])
        #expect(issued.status == 0 && issued.output == "25-NQ/CB\n", "\(issued.errors)")

        let filled = directory + "/sua.txt"
        #expect(try run(["template", "--from", "cb-na-pan-nq-2024-12-29", "-o", filled]).status == 0)
        let text = try String(contentsOfFile: filled, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Trích yếu: Nghị quyết", with: "Trích yếu: Nghị quyết về").utf8).write(
            to: URL(fileURLWithPath: filled))
        let corrected = try run([
            "correct", "cb-na-pan-nq-2024-12-29", filled, "--by", "Hà Văn Lợi", "--reason", "Ghi thiếu chữ “về”",
        ])
        #expect(corrected.status == 0 && corrected.output.contains("phiên bản 2"), "\(corrected.errors)")
        // The printed page of the corrected version says it is one, when and why; the first did not.
        let printed = try run(["print", "cb-na-pan-nq-2024-12-29"])
        #expect(printed.output.contains("Bản đính chính lần 1 (lúc "), "\(printed.errors)")
        #expect(printed.output.contains("thay bản đã khóa trước; lý do: Ghi thiếu chữ “về”."))
        #expect(!(try run(["print", "cb-na-pan-2024-12-28"]).output.contains("Bản đính chính")))
        let first = try run(["show", "cb-na-pan-nq-2024-12-29", "--version", "1"])
        #expect(first.output.contains("Nghị quyết: Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 01 năm 2025"))
        let current = try run(["show", "cb-na-pan-nq-2024-12-29"])
        #expect(current.output.contains("Nghị quyết về lãnh đạo") && current.output.contains("Phiên bản: 2"))

        let log = try run(["log", "cb-na-pan-nq-2024-12-29", "--format", "json"])
        let entries = try #require(JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["file", "issue", "correct"])
        #expect(entries.last?["actor"] as? String == "Hà Văn Lợi")

        // A backup with the log, restored into a new archive: the same records, the same log and one entry more.
        let backup = directory + "/sao-luu.xml"
        #expect(try run(["export", "--with-log", "-o", backup]).status == 0)
        let restored = directory + "/restored"
        #expect(try Sochibo.run(["init", "--archive", restored]).status == 0)
        let restoring = try Sochibo.run(["import", "--archive", restored, backup, "--by", "Văn phòng Đảng ủy"])
        #expect(restoring.output.contains("đã khôi phục nhật ký"), "\(restoring.errors)")
        let fullLog = try run(["log", "--format", "json"])
        let restoredLog = try Sochibo.run(["log", "--archive", restored, "--format", "json"])
        let before = try #require(JSONSerialization.jsonObject(with: Data(fullLog.output.utf8)) as? [[String: Any]])
        let after = try #require(JSONSerialization.jsonObject(with: Data(restoredLog.output.utf8)) as? [[String: Any]])
        #expect(after.count == before.count + 1)
        #expect(after.last?["action"] as? String == "restore" && after.last?["actor"] as? String == "Văn phòng Đảng ủy")
        #expect(try Sochibo.run(["check", "--archive", restored]).status == 0)
        let plain = try run(["export"]).output
        #expect(try Sochibo.run(["export", "--archive", restored]).output == plain)
        let partial = try run(["export", "--with-log", "--cell", "cb-na-pan"])
        #expect(partial.status == 1 && partial.errorLines.count == 1)
    }

    @Test func aFormWithMistakesSaysWhereAndFilesNothing() throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        #expect(try run(["import", Sochibo.path("archive/samples/dbx-hop-thanh.xml")]).status == 0)
        let original = try String(
            contentsOfFile: Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt"), encoding: .utf8)
        let form = directory + "/sai.txt"
        try Data(
            original.replacingOccurrences(of: "Chủ trì: Hà Văn Lợi [np-01]", with: "Chủ trì: Hà Văn Lực")
                .replacingOccurrences(of: "Bắt đầu: 19:30", with: "Bắt đầu: 25 giờ tối").utf8
        ).write(to: URL(fileURLWithPath: form))
        let result = try run(["file", form])
        #expect(result.status == 1)
        #expect(result.errorLines.count == 3, "\(result.errors)")
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ prefix: String) -> Int { (lines.firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1 }
        #expect(result.errorLines[0].hasPrefix("\(form):\(line("Bắt đầu")): lỗi: “Bắt đầu” phải là giờ, ví dụ 19:30"))
        #expect(result.errorLines[1].hasPrefix("\(form):\(line("Chủ trì")): lỗi: không có đảng viên “Hà Văn Lực”"))
        #expect(result.errorLines[2] == "sochibo: chưa lưu gì cả: 2 lỗi trong mẫu; sửa rồi chạy lại lệnh.")
        #expect(try run(["log"]).output.contains("lập dự thảo") == false)
        let draft = try run(["correct", "np-2024-12", form])
        #expect(draft.status == 1)
    }
}
