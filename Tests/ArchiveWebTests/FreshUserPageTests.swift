import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What a fresh user met in the browser: wrong or technical sentences, a record page that
/// left out guests, task reports and its resolution, too few rows, a plain-text suggestion,
/// control characters dropped, and the same member entered twice.
@Suite struct FreshUserPageTests {
    static let setups: [TestingSetup] = [.router, .live]

    func meeting(_ archive: Archive, _ id: String) async throws -> Meeting? {
        guard case .meeting(let meeting, _)? = try? await archive.record(id: id) else { return nil }
        return meeting
    }

    /// `FilingTests.minutes()` with `changes` in place of its fields.
    static func minutes(_ changes: [String: String]) -> [(String, String)] {
        FilingTests.minutes().map { ($0.0, changes[$0.0] ?? $0.1) }
    }

    @Test(arguments: setups)
    func theFilingFormSaysLengthsRightAndRefusesWhatItWouldDrop(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try await WebSupport.export(archive)
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            let long = try await browser.post(
                "/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes(["start": "7h", "end": "20h"]))
            #expect(long.status == .unprocessableContent)
            #expect(long.body.contains("Từ 07:00 đến 20:00 là 13 giờ, dài hơn 12 giờ"), "\(long.body)")
            #expect(!long.body.contains("qua nửa đêm") && !long.body.contains("13 giờ 0 phút"))

            // A control character is refused beside its field, never dropped silently.
            let control = try await browser.post(
                "/chi-bo/cb-na-pan/lap-bien-ban", Self.minutes(["place": "Nhà văn\u{7} hóa thôn"]))
            #expect(control.status == .unprocessableContent)
            #expect(control.body.contains("Ô này có ký tự điều khiển U+0007"), "\(control.body)")

            // A vote that cannot be read is worded about the page's fields, not the text form.
            let vote = try await browser.post(
                "/chi-bo/cb-na-pan/lap-bien-ban",
                Self.minutes([
                    "vote_against.0": "", "vote_for.0": "mười một", "vote_subject.1": "Kết nạp quần chúng",
                    "vote_for.1": "11", "vote_against.1": "0", "vote_abstain.1": "0",
                ]))
            #expect(vote.status == .unprocessableContent)
            #expect(
                vote.body.contains(
                    "Biểu quyết “Thông qua nghị quyết tháng 12”: hãy ghi số người ở cả ba ô tán thành"),
                "\(vote.body)")
            #expect(!vote.body.contains("nội dung | tán thành"))
            // Three empty vote rows are offered at least, two more than filled.
            #expect(vote.body.contains(#"name="vote_subject.3""#) && !vote.body.contains(#"name="vote_subject.4""#))
            let blank = try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            #expect(blank.body.contains(#"name="vote_subject.2""#) && !blank.body.contains(#"name="vote_subject.3""#))
        }
        #expect(try await WebSupport.export(archive) == before)
    }

    @Test(arguments: setups)
    func aCorrectionChangingNothingIsSaidWithoutIdentifiers(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            try await browser.get("/chi-bo/cb-na-pan/lap-bien-ban")
            _ = try await browser.post("/chi-bo/cb-na-pan/lap-bien-ban", FilingTests.minutes())
            _ = try await browser.post("/ban-ghi/cb-na-pan-2024-12-28/thong-qua", [("confirm", "1")])
            try await browser.get("/ban-ghi/cb-na-pan-2024-12-28/dinh-chinh")
            let same = try await browser.post(
                "/ban-ghi/cb-na-pan-2024-12-28/dinh-chinh", FilingTests.minutes() + [("reason", "Xem lại")])
            #expect(same.status == .conflict)
            #expect(same.body.contains("Nội dung đính chính giống hệt phiên bản hiện hành;"), "\(same.body)")
            #expect(!same.body.contains("hiện hành của cb-na-pan-2024-12-28"))
        }
        #expect(try await archive.lifecycle(of: "cb-na-pan-2024-12-28").version == 1)
    }

    @Test(arguments: setups)
    func theRecordPageShowsGuestsReportsAndWhatWasIssuedFromIt(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let secretary = Browser(client)
            try await secretary.login("bithu.mat")
            let page = try await secretary.get("/ban-ghi/np-2024-12")
            #expect(page.status == .ok)
            #expect(page.body.contains("Khách mời") && page.body.contains("Đồng chí Nguyễn Văn Hậu"))
            #expect(page.body.contains("Báo cáo thực hiện nhiệm vụ kỳ trước"))
            #expect(page.body.contains("Vận động cán bộ, đảng viên và nhân dân ủng hộ Quỹ"), "\(page.body)")
            #expect(page.body.contains("(Nghị quyết 23-NQ/CB)") && page.body.contains(": đã hoàn thành"))
            #expect(
                page.body.contains(
                    #"<a href="/ban-ghi/np-nq-2024-12">Nghị quyết 24-NQ/CB đã ban hành từ kỳ họp này</a>"#))
            #expect(page.body.contains("Báo cáo 02-BC/CB đã ban hành từ kỳ họp này"))
            #expect(page.body.contains("Soạn thêm văn bản") && !page.body.contains("Soạn nghị quyết"))
            // An account that may not read the confidential resolution is not told of it.
            let reader = Browser(client)
            try await reader.login("thu.napan")
            let plain = try await reader.get("/ban-ghi/np-2024-12")
            #expect(!plain.body.contains("24-NQ/CB") && plain.body.contains("Báo cáo 02-BC/CB đã ban hành"))
            // Minutes nothing was issued from still offer the resolution.
            let earlier = try await reader.get("/ban-ghi/np-2023-08")
            #expect(earlier.status == .ok)
        }
    }

    @Test(arguments: setups)
    func theResolutionFormHasRowsToSpare(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("quantri")
            let form = try await browser.get("/ban-ghi/np-2024-12/soan-nghi-quyet")
            #expect(form.status == .ok)
            #expect(form.body.contains(#"name="task_text.4""#) && !form.body.contains(#"name="task_text.5""#))
            var fields: [(String, String)] = [
                ("title", ""), ("date", "2024-12-15"), ("place", "Nà Pàn"), ("body", "Căn cứ."),
                ("signer", "np-01"), ("recipients", "Lưu Chi bộ"),
            ]
            for index in 0..<6 { fields += [("task_text.\(index)", "Việc \(index + 1)"), ("task_who.\(index)", "")] }
            let refused = try await browser.post("/ban-ghi/np-2024-12/soan-nghi-quyet", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains(#"value="Việc 6""#))
            #expect(refused.body.contains(#"name="task_text.7""#) && !refused.body.contains(#"name="task_text.8""#))
        }
    }

    @Test(arguments: setups)
    func wordsReachingPeopleAreVietnamese(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await WebSupport.application(archive: archive).test(setup) { client in
            let office = Browser(client)
            try await office.login("quantri")
            _ = try await office.get("/nhan-tep")
            let notXML = try await InboxPageTests.send(office, file: "Package.swift")
            #expect(notXML.status == .unprocessableContent)
            #expect(notXML.body.contains("không phải tệp XML của Sổ Chi Bộ"), "\(notXML.body)")
            #expect(!notXML.body.contains("Start tag") && !notXML.body.contains("Document is empty"))

            // A second resolution of the same day and summary names the first by its symbol.
            try await office.get("/ban-ghi/np-2024-12/soan-nghi-quyet")
            let fields: [(String, String)] = [
                ("title", "Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 12 năm 2024"), ("date", "2024-12-16"),
                ("place", "Nà Pàn"), ("body", "Căn cứ."), ("signer", "np-01"), ("recipients", "Lưu Chi bộ"),
            ]
            let locked = try await office.post("/ban-ghi/np-2024-12/soan-nghi-quyet", fields)
            #expect(locked.status == .unprocessableContent)
            #expect(
                locked.body.contains("Nghị quyết 24-NQ/CB cùng ngày và cùng trích yếu đã ban hành nên đã khóa"),
                "\(locked.body)")
            #expect(!locked.body.contains("np-nq-2024-12 cùng ngày"))
        }
    }

    @Test(arguments: setups)
    func theSuggestionIsALinkWrittenWithItsMarks(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let browser = Browser(client)
            try await browser.login("quantri")
            let page = try await browser.get("/tim-kiem?q=duong+be+tongg")
            #expect(page.status == .ok)
            #expect(page.body.contains("Hiển thị kết quả cho: tông"), "\(page.body)")
            let none = try await browser.get("/tim-kiem?q=duong+be+tonx&chi-bo=cb-na-pan")
            #expect(
                none.body.contains(#"Có phải đồng chí muốn tìm: <a href="/tim-kiem?q="#), "\(none.body)")
            #expect(none.body.contains("chi-bo=cb-na-pan\">"))
        }
    }

    @Test(arguments: setups)
    func settingUpSaysWhatIsWrongWithACellOrATerm(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await RegisterPagesTests.application(archive).test(setup) { client in
            let admin = Browser(client)
            try await admin.login("quantri")
            try await admin.get("/quan-tri")
            let unnamed = try await admin.post(
                "/quan-tri/chi-bo", [("ma", "cb-moi"), ("ten", " "), ("dang-bo", "dbx-hop-thanh"), ("ky-hieu", "")])
            #expect(unnamed.status == .unprocessableContent)
            #expect(unnamed.body.contains("Chưa ghi tên chi bộ"), "\(unnamed.body)")
            #expect(!unnamed.body.contains("họ và tên"))
            let long = try await admin.post(
                "/quan-tri/chi-bo",
                [("ma", String(repeating: "a", count: 5000)), ("ten", "Chi bộ dài"), ("dang-bo", "dbx-hop-thanh")])
            #expect(long.status == .unprocessableContent)
            #expect(long.body.contains("Mã dài 5.000 ký tự, quá dài: mã chỉ được tối đa 64 ký tự"), "\(long.body)")
            let term = try await admin.post(
                "/quan-tri/nhiem-ky", [("chi-bo", "cb-na-pan"), ("ma", "2022-2025"), ("tu-ngay", "20/05/2025")])
            #expect(term.status == .unprocessableContent)
            #expect(term.body.contains("Chi bộ này đã có nhiệm kỳ 2022-2025"), "\(term.body)")
            #expect(!term.body.contains("đã là mã của một chi bộ"))
        }
    }

    @Test(arguments: setups)
    func theSameMemberIsNotEnteredTwice(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await RegisterPagesTests.application(archive).test(setup) { client in
            let browser = Browser(client)
            try await browser.login("thu.napan")
            try await browser.get("/chi-bo/cb-na-pan/dang-vien")
            let person: [(String, String)] = [
                ("ho-ten", "Vi Văn Tâm"), ("nam-sinh", "1980"), ("ngay-ket-nap", "01/07/2001"),
                // Joined after the sample's last approved minutes (15/12/2024): none changes.
                ("ngay-chinh-thuc", "01/07/2002"), ("ngay-vao-chi-bo", "20/12/2024"),
            ]
            let first = try await browser.post("/chi-bo/cb-na-pan/dang-vien/chuyen-den", person)
            #expect(first.status == .seeOther && first.location == "/dang-vien/cb-na-pan-dv-01?da-ghi=1")
            let twice = try await browser.post("/chi-bo/cb-na-pan/dang-vien/chuyen-den", person)
            #expect(twice.status == .unprocessableContent)
            #expect(twice.body.contains("Chi bộ đã có đồng chí Vi Văn Tâm, sinh năm 1980"), "\(twice.body)")
            #expect(twice.body.contains(#"value="Vi Văn Tâm""#))
            let namesake = try await browser.post(
                "/chi-bo/cb-na-pan/dang-vien/chuyen-den", person.map { $0.0 == "nam-sinh" ? ($0.0, "") : $0 })
            #expect(namesake.status == .seeOther)
            let result = try await browser.get(try #require(namesake.location))
            #expect(
                result.body.contains("Chi bộ đã có đồng chí Vi Văn Tâm (sinh năm 1980) — nếu là người khác, không sao"))

            let list =
                "Họ và tên,Năm sinh,Ngày kết nạp,Ngày vào chi bộ\nvi văn tâm,1980,01/07/2001,\nLò Văn Sáu,1980,01/01/2000\n"
            let preview = try await RegisterPagesTests.upload(
                browser, "/chi-bo/cb-na-pan/dang-vien/danh-sach", file: list)
            #expect(preview.body.contains("Dòng 2: chi bộ đã có đồng chí Vi Văn Tâm, sinh năm 1980"), "\(preview.body)")
            #expect(preview.body.contains("Dòng 3: dòng này thiếu ô “Ngày vào chi bộ”"))
            #expect(!preview.body.contains("Nạp tất cả"))
        }
        #expect((try? await archive.member(id: "cb-na-pan-dv-03")) == nil)
    }
}
