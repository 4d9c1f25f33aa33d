import Foundation
import Testing

/// Issue 11, items 1 and 10, through the real program: a form used again, a code copied from
/// another cell or mistyped, or a document's title corrected never overwrites another record
/// nor makes a second record of one meeting or document; a correction is warned like an
/// approval, since it is locked at once. Nothing is written when a form is refused.
@Suite struct FilingMistakesTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }
    static let minutes = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")
    static let resolution = Sochibo.path("fixtures/forms/nghi-quyet-na-pan-2024-12-29.txt")

    func run(_ arguments: [String]) throws -> Sochibo.Result {
        let writes: Set<String> = ["import", "file", "correct", "approve"]
        return try Sochibo.run(
            arguments + ["--archive", archive] + (writes.contains(arguments[0]) ? ["--by", "Hà Văn Lợi"] : []))
    }

    func start() throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        #expect(try run(["import", Sochibo.path("archive/samples/dbx-hop-thanh.xml")]).status == 0)
    }

    /// `text` with the line starting `label:` replaced by `label: value`.
    func form(_ text: String, _ label: String, _ value: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasPrefix(label + ":") ? Substring(label + ": " + value) : $0
        }.joined(separator: "\n")
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func meetings(_ cell: String) throws -> [String] {
        let listed = try run(["list", "meetings", "--cell", cell, "--format", "json"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }
    }

    @Test func lastMonthsFormFilledAgainDoesNotOverwriteItsMinutes() throws {
        try start()
        #expect(try run(["file", Self.minutes]).status == 0)
        let filled = directory + "/thang12.txt"
        #expect(try run(["template", "--from", "cb-na-pan-2024-12-28", "-o", filled]).status == 0)
        // A draft's form says to file it again, not to correct it (the last note's leftover).
        let header = try String(contentsOfFile: filled, encoding: .utf8).split(separator: "\n").prefix(2)
        #expect(
            header.last == "# Sửa mẫu này rồi lưu lại dự thảo cb-na-pan-2024-12-28 bằng lệnh: sochibo file TỆP_NÀY")
        let before = try run(["show", "cb-na-pan-2024-12-28"]).output
        // January's minutes written on December's form, its code still on it (one member has
        // left the cell since: the secretary struck the line, as the tester did).
        let december = try String(contentsOfFile: filled, encoding: .utf8)
        let struck = december.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Mông Văn Hiếu") }.joined(separator: "\n")
        let january = try write(form(struck, "Ngày", "25/01/2025"), "thang1.txt")
        let refused = try run(["file", january])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "mã cb-na-pan-2024-12-28 là biên bản kỳ ngày 28/12/2024, còn mẫu này ghi ngày 25/01/2025, khác tháng"),
            "\(refused.errors)")
        #expect(refused.errors.contains("hãy để trống mã rồi lưu lại"))
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).output == before, "December's draft is untouched")
        // Emptied of its code, the same form files January's minutes beside December's.
        let fresh = try write(
            form(try String(contentsOfFile: january, encoding: .utf8), "Mã biên bản", ""), "thang1-moi.txt")
        let filed = try run(["file", fresh])
        #expect(filed.status == 0, "\(filed.errors)")
        #expect(try meetings("cb-na-pan").contains("cb-na-pan-2025-01-25"))
        // A day corrected within the month is the same minutes, moved.
        let moved = try write(
            form(try String(contentsOfFile: filled, encoding: .utf8), "Ngày", "27/12/2024"), "ngay27.txt")
        let again = try run(["file", moved])
        #expect(again.status == 0, "\(again.errors)")
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).output.contains("27/12/2024"))
    }

    @Test func theSameFormWithItsKindCorrectedIsRefusedNotASecondMeeting() throws {
        try start()
        #expect(try run(["file", Self.minutes]).status == 0)
        // A draft is listed as one, and not counted as a meeting held.
        let listed = try run(["list", "meetings", "--cell", "Nà Pàn", "--year", "2024"]).output
        #expect(listed.contains("13 kỳ sinh hoạt đã thông qua; 1 biên bản chưa thông qua (dự thảo)."), "\(listed)")
        #expect(
            listed.split(separator: "\n").contains { $0.hasPrefix("cb-na-pan-2024-12-28") && $0.contains("dự thảo") })
        let original = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let combined = form(form(original, "Loại", "kết hợp"), "Chủ đề", "Học tập Chỉ thị 05")
        let refused = try run(["file", try write(combined, "ket-hop.txt")])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "chi bộ đã có dự thảo biên bản cb-na-pan-2024-12-28 cùng ngày 28/12/2024 (loại thường kỳ)"))
        #expect(try meetings("cb-na-pan").filter { $0.hasPrefix("cb-na-pan-2024-12-28") } == ["cb-na-pan-2024-12-28"])
        // With the draft's code, the kind is corrected in place; with a new code, it is another meeting.
        let named = try run(["file", try write(form(combined, "Mã biên bản", "cb-na-pan-2024-12-28"), "ma.txt")])
        #expect(named.status == 0, "\(named.errors)")
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).output.contains("kết hợp"))
        let other = form(form(original, "Loại", "bất thường"), "Mã biên bản", "cb-na-pan-2024-12-28-bt")
        #expect(try run(["file", try write(other, "bt.txt")]).status == 0)
        #expect(try meetings("cb-na-pan").filter { $0.hasPrefix("cb-na-pan-2024-12-28") }.count == 2)
    }

    @Test func aSelfRatingWhoseScoreEarnsAnotherLevelIsWarnedBeforeApproval() throws {
        try start()
        let original = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let filed = try run(["file", try write(form(original, "Điểm", "75"), "75.txt")])
        #expect(filed.status == 0, "\(filed.errors)")
        let warning = "chi bộ tự đánh giá loại Tốt nhưng 75 điểm theo thang điểm là loại Khá"
        #expect(filed.output.contains(warning), "\(filed.output)")
        let approve = try run(["approve", "cb-na-pan-2024-12-28"])
        #expect(approve.status == 1 && approve.errors.contains(warning), "\(approve.errors)")
        // The summary's paper carries no record code in the sentence about the month's other meeting.
        #expect(!filed.output.contains("(np-2024-12,"))
    }

    @Test func minutesImportedWithTimesAFormWouldRefuseCanStillBeCorrected() throws {
        // An import accepts any times; a new form refuses 13 hours as a slip. The imported
        // minutes must still take a correction that keeps their times.
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let sample = try String(contentsOfFile: Sochibo.path("archive/samples/dbx-hop-thanh.xml"), encoding: .utf8)
            .replacingOccurrences(
                of:
                    "<meeting id=\"np-2024-11\" cell=\"cb-na-pan\" kind=\"regular\" date=\"2024-11-08\" start=\"19:30\" end=\"21:06\">",
                with:
                    "<meeting id=\"np-2024-11\" cell=\"cb-na-pan\" kind=\"regular\" date=\"2024-11-08\" start=\"08:00\" end=\"21:00\">"
            )
        #expect(try run(["import", try write(sample, "mau.xml")]).status == 0)
        let filled = directory + "/thang11.txt"
        #expect(try run(["template", "--from", "np-2024-11", "-o", filled]).status == 0)
        let text = try String(contentsOfFile: filled, encoding: .utf8)
        #expect(
            text.split(separator: "\n")[1]
                == "# Sửa mẫu này rồi ghi đính chính bằng lệnh: sochibo correct np-2024-11 TỆP_NÀY")
        let place = try #require(text.split(separator: "\n").first { $0.hasPrefix("Địa điểm:") })
        // Corrected with nothing changed: what to do in the file, not the commands just run.
        let unchanged = try run(["correct", "np-2024-11", filled, "--reason", "Ghi đúng địa điểm", "--confirm"])
        #expect(unchanged.status == 1)
        #expect(
            unchanged.errorLines == [
                "sochibo: nội dung đính chính giống hệt phiên bản hiện hành của np-2024-11; chưa ghi gì. Hãy sửa chỗ "
                    + "cần đính chính trong tệp mẫu (các dòng không có dấu # ở đầu), lưu tệp, rồi chạy lại lệnh."
            ], "\(unchanged.errors)")
        let corrected = try write(form(text, "Địa điểm", "Hội trường thôn Nà Pàn"), "sua.txt")
        let result = try run(["correct", "np-2024-11", corrected, "--reason", "Ghi đúng địa điểm", "--confirm"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try run(["show", "np-2024-11"]).output.contains("Hội trường thôn Nà Pàn"), "\(place)")
        // Changing the times to something as long is still refused as a slip.
        let longer = try write(form(text, "Kết thúc", "21:30"), "dai.txt")
        let refused = try run(["correct", "np-2024-11", longer, "--reason", "Sửa giờ", "--confirm"])
        #expect(refused.status == 1 && refused.errors.contains("dài hơn 12 giờ"), "\(refused.errors)")
    }

    @Test func aFormSavedByNotepadAsUnicodeIsReadAndOneInAnotherEncodingIsRefusedAtItsLine() throws {
        try start()
        let text = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let utf16 = directory + "/unicode.txt"
        try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: URL(fileURLWithPath: utf16))
        let filed = try run(["file", utf16])
        #expect(filed.status == 0, "\(filed.errors)")
        #expect(try meetings("cb-na-pan").contains("cb-na-pan-2024-12-28"))
        let latin = directory + "/ansi.txt"
        let firstAccented = try #require(
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { !$0.allSatisfy(\.isASCII) })
        // As an ANSI editor saves it: one byte a character, '?' for what Latin-1 lacks.
        let ansi = text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
        try Data(ansi).write(to: URL(fileURLWithPath: latin))
        let refused = try run(["file", latin])
        #expect(refused.status == 1)
        #expect(
            refused.errorLines.first?.hasPrefix("\(latin):\(firstAccented + 1): lỗi: có chữ không phải mã UTF-8")
                == true, "\(refused.errors)")
    }

    @Test func theLogTellsAFirstFilingFromALaterOne() throws {
        try start()
        let original = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let moved = try write(form(original, "Địa điểm", "Hội trường thôn Nà Pàn"), "dia-diem.txt")
        for path in [Self.minutes, Self.minutes, moved] { #expect(try run(["file", path]).status == 0) }
        #expect(try run(["discard", "cb-na-pan-2024-12-28", "--by", "Hà Văn Lợi"]).status == 0)
        #expect(try run(["file", Self.minutes]).status == 0)
        let actions = try run(["log", "cb-na-pan-2024-12-28"]).output.split(separator: "\n").compactMap { line in
            ["lập dự thảo", "lưu lại dự thảo (không đổi)", "sửa dự thảo", "bỏ dự thảo"].first { line.contains($0) }
        }
        #expect(
            actions == ["lập dự thảo", "lưu lại dự thảo (không đổi)", "sửa dự thảo", "bỏ dự thảo", "lập dự thảo"],
            "\(actions)")
    }

    @Test func aCodeFromAnotherCellOrMistypedIsRefused() throws {
        try start()
        let text = try String(contentsOfFile: Self.minutes, encoding: .utf8)
        let khuoiMa = try run(["show", "km-2023-01"]).output
        let copied = try write(form(text, "Mã biên bản", "km-2023-01"), "ma-khac.txt")
        let other = try run(["file", copied])
        #expect(other.status == 1)
        #expect(
            other.errors.contains(
                "mã km-2023-01 là của một biên bản của Chi bộ thôn Khuổi Mạ, còn mẫu này ghi Chi bộ thôn Nà Pàn"),
            "\(other.errors)")
        #expect(try run(["show", "km-2023-01"]).output == khuoiMa)

        #expect(try run(["file", Self.minutes]).status == 0)
        let before = try meetings("cb-na-pan")
        let mistyped = try write(form(text, "Mã biên bản", "cb-na-pan-2024-12-29"), "go-nham.txt")
        let typo = try run(["file", mistyped])
        #expect(typo.status == 1)
        #expect(
            typo.errors.contains(
                "trong kho không có biên bản mã cb-na-pan-2024-12-29, nhưng chi bộ đã có biên bản cb-na-pan-2024-12-28 cùng ngày 28/12/2024"
            ), "\(typo.errors)")
        #expect(try meetings("cb-na-pan") == before, "no second minutes of one meeting")
    }

    @Test func aResolutionWithItsTitleCorrectedIsTheSameDraft() throws {
        try start()
        #expect(try run(["file", Self.minutes]).status == 0)
        let filed = try run(["file", Self.resolution])
        #expect(filed.status == 0, "\(filed.errors)")
        let text = try String(contentsOfFile: Self.resolution, encoding: .utf8)
        let retitled = try write(
            form(text, "Trích yếu", "Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 1 năm 2025"), "sua-trich-yeu.txt")
        let refused = try run(["file", retitled])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "chi bộ đã có dự thảo nghị quyết cb-na-pan-nq-2024-12-29 cùng ngày 29/12/2024"),
            "\(refused.errors)")
        // With the draft's code, the title is corrected in place; with a new code, it is another one.
        let corrected = try write(
            form(
                try String(contentsOfFile: retitled, encoding: .utf8), "Mã văn bản", "cb-na-pan-nq-2024-12-29"),
            "dung-ma.txt")
        let replaced = try run(["file", corrected])
        #expect(replaced.status == 0, "\(replaced.errors)")
        #expect(try run(["show", "cb-na-pan-nq-2024-12-29"]).output.contains("tháng 1 năm 2025"))
        let another = try write(
            form(
                try String(contentsOfFile: retitled, encoding: .utf8), "Mã văn bản",
                "cb-na-pan-nq-2024-12-29-2"),
            "van-ban-khac.txt")
        #expect(try run(["file", another]).status == 0)
    }

    @Test func aCorrectionThatBringsAWarningIsConfirmedFirst() throws {
        try start()
        let filled = directory + "/sua9.txt"
        #expect(try run(["template", "--from", "np-2024-09", "-o", filled]).status == 0)
        let text = try String(contentsOfFile: filled, encoding: .utf8).replacingOccurrences(
            of: "tháng 9 năm 2024 | 13 | 0 | 0", with: "tháng 9 năm 2024 | 40 | 0 | 0")
        let corrected = try write(text, "sua9-40.txt")
        let refused = try run(["correct", "np-2024-09", corrected, "--reason", "Ghi lại số biểu quyết"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("sochibo: cảnh báo: "), "\(refused.errors)")
        #expect(refused.errors.contains("40"))
        #expect(
            refused.errors.contains("chưa ghi đính chính biên bản np-2024-09: bản sửa có 1 cảnh báo chưa được xác nhận")
        )
        #expect(refused.errors.contains("--confirm"))
        #expect(!(try run(["show", "np-2024-09"]).output.contains("phiên bản 2")))
        let confirmed = try run(["correct", "np-2024-09", corrected, "--reason", "Ghi lại số biểu quyết", "--confirm"])
        #expect(confirmed.status == 0, "\(confirmed.errors)")
        #expect(confirmed.output.contains("phiên bản 2"))
        // Confirmed, it is kept as written, but the page never calls an impossible count "đạt".
        let page = directory + "/np-2024-09.html"
        #expect(try run(["print", "np-2024-09", "-o", page]).status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<b>số phiếu không hợp lệ</b> (40 phiếu, nhiều hơn"), "\(html)")
        #expect(
            !html.contains(
                "tán thành 40/13 đồng chí (307,7%), không tán thành 0, không biểu quyết 0. Kết quả: <b>đạt</b>"))
    }

    /// The reviewers' case: votes beyond the members present are warned at filing, refused at
    /// approval without confirmation, and named by `check` and `summary` while still a draft.
    @Test func votesBeyondThosePresentAreWarnedRefusedAndNamed() throws {
        try start()
        let filed = try run(["file", Sochibo.path("fixtures/cases/votes-exceed-present-form.txt")])
        #expect(filed.status == 0, "\(filed.errors)")
        #expect(filed.output.contains("Cảnh báo: biểu quyết") && filed.output.contains("13 phiếu"), "\(filed.output)")
        let approve = try run(["approve", "cb-na-pan-2024-12-28"])
        #expect(approve.status == 1 && approve.errors.contains("--confirm"), "\(approve.errors)")
        // `show`, like the print, never calls an impossible count "đạt".
        let shown = try run(["show", "cb-na-pan-2024-12-28"]).output
        #expect(shown.contains("số phiếu không hợp lệ (13 phiếu, nhiều hơn") && !shown.contains(": đạt"), "\(shown)")
        let check = try run(["check"])
        #expect(check.output.contains("[votes-exceed-present]"), "\(check.output)")
        #expect(check.output.contains("cb-na-pan-2024-12-28"))
        let summary = try run(["summary", "--year", "2024", "--cell", "cb-na-pan"])
        #expect(
            summary.output.contains("votes-exceed-present") || summary.output.contains("biểu quyết"),
            "\(summary.output)")
    }

    /// The fresh tester's case: a draft filed, then a member admitted before its date (allowed,
    /// it is a draft). Approval warns that the attendance lists do not name the member, and
    /// refuses without `--confirm`, as `show` would later report the minutes incomplete.
    @Test func aMemberMissingFromTheListsIsWarnedBeforeApproval() throws {
        try start()
        let filed = try run(["file", Self.minutes])
        #expect(filed.status == 0, "\(filed.errors)")
        #expect(!filed.output.contains("danh sách dự họp thiếu"), "\(filed.output)")
        let admitted = try run([
            "member", "admit", "--cell", "cb-na-pan", "--name", "Lò Văn Mới", "--birth-year", "1995", "--admitted",
            "20/12/2024", "--by", "Hà Văn Lợi",
        ])
        #expect(admitted.status == 0, "\(admitted.errors)")
        let warning = "danh sách dự họp thiếu 1 đảng viên của chi bộ ngày đó"
        // Filed again, the form itself is refused for the missing line (filing is stricter).
        let refiled = try run(["file", Self.minutes])
        #expect(refiled.status == 1 && refiled.errors.contains("thiếu 1 đảng viên: Lò Văn Mới"), "\(refiled.errors)")
        let approve = try run(["approve", "cb-na-pan-2024-12-28"])
        #expect(approve.status == 1, "\(approve.output)")
        #expect(approve.errors.contains(warning) && approve.errors.contains("Lò Văn Mới"), "\(approve.errors)")
        #expect(approve.errors.contains("--confirm"))
        #expect(try run(["show", "cb-na-pan-2024-12-28"]).output.contains("dự thảo"))
        #expect(try run(["approve", "cb-na-pan-2024-12-28", "--confirm"]).status == 0)
    }
}
