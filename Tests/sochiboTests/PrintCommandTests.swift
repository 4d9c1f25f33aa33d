import Foundation
import Testing

@Suite("sochibo print")
struct PrintCommandTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/archive" }

    func filled() throws -> String {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try Sochibo.run([
            "import", "--archive", archive, Sochibo.path("archive/samples/dbx-hop-thanh.xml"),
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        return archive
    }

    func printed(_ html: String, name: String) throws -> String {
        try Browser.printedText(html, in: directory, name: name)
    }

    @Test func aResolutionPrintsOnA4WithItsHeadingNumberDateAndSigner() throws {
        let archive = try filled()
        let html = directory + "/nghi-quyet.html"
        let made = try Sochibo.run(["print", "--archive", archive, "pl-nq-2023-01", "-o", html])
        #expect(made.status == 0 && made.output.isEmpty && made.errors.isEmpty, "\(made.errors)")
        let text = try printed(html, name: "nghi-quyet")
        for expected in [
            "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ XÃ HỢP THÀNH", "CHI BỘ THÔN PHAI LUÔNG", "Số 01-NQ/CB", "MẬT",
            "Phai Luông, ngày 06 tháng 01 năm 2023", "NGHỊ QUYẾT",
            "Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 01 năm 2023", "CHI BỘ QUYẾT NGHỊ:",
            "Giao đồng chí Vi Thị Hồng phụ trách; thời gian hoàn thành trước ngày 31/01/2023.", "Nơi nhận:",
            "- Đảng ủy xã;", "- Lưu Chi bộ.", "T/M CHI BỘ", "BÍ THƯ", "Hoàng Văn Thuận",
        ] {
            #expect(text.contains(expected), "missing “\(expected)” in the PDF")
        }
        // The tasks are written in its section II: "PHÂN CÔNG THỰC HIỆN" would repeat them.
        #expect(!text.contains("PHÂN CÔNG THỰC HIỆN"))
    }

    @Test func minutesPrintWithAttendanceOfficersAndSignaturePlaces() throws {
        let archive = try filled()
        // Without -o the page goes to standard output, whole.
        let made = try Sochibo.run(["print", "--archive", archive, "pl-2023-11"])
        #expect(made.status == 0 && made.errors.isEmpty, "\(made.errors)")
        #expect(made.output.hasPrefix("<!DOCTYPE html>") && made.output.hasSuffix("</html>\n"))
        let html = directory + "/bien-ban.html"
        try Data(made.output.utf8).write(to: URL(fileURLWithPath: html))
        let text = try printed(html, name: "bien-ban")
        for expected in [
            "ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ THÔN PHAI LUÔNG", "Phai Luông, ngày 05 tháng 11 năm 2023", "BIÊN BẢN",
            "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2023",
            "Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày 05 tháng 11 năm 2023.",
            "Chủ trì: đồng chí Hoàng Văn Thuận, Bí thư chi bộ.", "Thư ký: đồng chí Vi Thị Hồng, Chi ủy viên.",
            "Tổng số đảng viên của chi bộ: 22 đồng chí (chính thức: 21, dự bị: 01",
            "Được miễn công tác và sinh hoạt đảng: 02 đồng chí", "Số đảng viên phải dự sinh hoạt: 20 đồng chí.",
            "Có mặt: 19 đồng chí, đạt 95%", "Vắng mặt: 01 đồng chí", "không có lý do: 01 đồng chí (Hứa Văn Cường).",
            "tán thành 18/19 đồng chí", "Kỳ sinh hoạt kết thúc lúc 21 giờ 15 phút cùng ngày.", "THƯ KÝ", "CHỦ TRÌ",
        ] {
            #expect(text.contains(expected), "missing “\(expected)” in the PDF")
        }
        // The signature places, side by side: the recorder's name on the left, the chair's on the right.
        #expect(text.contains("THƯ KÝ CHỦ TRÌ Vi Thị Hồng Hoàng Văn Thuận"), "\(text.suffix(300))")
    }

    /// Minutes whose closing line and signatures used to fall on a page of their own (issue 11,
    /// item 14, found on 31 of the sample's 84 minutes): the last page also holds the end of
    /// the minutes' last part.
    @Test(arguments: ["km-2023-02", "km-2023-03", "km-2023-06"])
    func theSignaturesNeverStandOnAPageAlone(_ id: String) throws {
        let archive = try filled()
        let html = directory + "/\(id).html"
        #expect(try Sochibo.run(["print", "--archive", archive, id, "-o", html]).status == 0)
        _ = try printed(html, name: id)
        let pages = try Browser.pageCount(in: directory, name: id)
        let last = try Sochibo.tool(
            "/usr/bin/pdftotext", ["-f", String(pages), "-l", String(pages), directory + "/\(id).pdf", "-"]
        ).output
        let lines = last.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines.contains { $0.hasPrefix("THƯ KÝ") }, "\(lines)")
        let ending = lines.firstIndex { $0.hasPrefix("Kỳ sinh hoạt kết thúc") } ?? 0
        #expect(ending > 0, "the last page of \(id) holds only its closing line and signatures: \(lines)")
    }

    @Test func mistakesAreOneVietnameseLineAndWriteNothing() throws {
        let archive = try filled()
        let unknown = try Sochibo.run(["print", "--archive", archive, "khong-co"])
        #expect(unknown.status == 1 && unknown.output.isEmpty)
        #expect(
            unknown.errorLines == [
                "sochibo: không có biên bản hay văn bản nào mã «khong-co». Xem các mã bằng `sochibo list meetings --cell CHI_BỘ` hoặc `sochibo list documents --cell CHI_BỘ`."
            ])
        for (id, kind) in [("cb-phai-luong", "chi bộ"), ("pl-01", "đảng viên"), ("dbx-hop-thanh", "đảng bộ")] {
            let refused = try Sochibo.run(["print", "--archive", archive, id])
            #expect(refused.status == 1 && refused.output.isEmpty && refused.errorLines.count == 1)
            #expect(refused.errors.hasPrefix("sochibo: \(id) là mã của một \(kind); lệnh print chỉ in biên bản"))
        }
        let folder = directory + "/khong-co-thu-muc"
        let unwritable = try Sochibo.run(["print", "--archive", archive, "pl-nq-2023-01", "-o", folder + "/nq.html"])
        #expect(unwritable.status == 1 && unwritable.errorLines.count == 1)
        #expect(unwritable.errors.contains("thư mục chứa tệp không tồn tại"))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
