import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The inbox: a cell's file previewed record by record with nothing written, then received
/// in one transaction; what each account may receive; a broken file refused at its lines.
@Suite struct InboxPageTests {
    static let setups: [TestingSetup] = [.router, .live]

    static func send(
        _ browser: Browser, file: String, csrf: Bool = true, contents given: String? = nil
    ) async throws -> Browser.Page {
        let contents = try given ?? String(contentsOfFile: WebSupport.packageRoot + "/" + file, encoding: .utf8)
        let boundary = "----sochibo-inbox-test-5u2Q"
        var body = ""
        if csrf, let token = browser.csrfToken {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(token)\r\n"
        }
        let name = (file as NSString).lastPathComponent
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"\(name)\"\r\n"
        body += "Content-Type: application/xml\r\n\r\n\(contents)\r\n--\(boundary)--\r\n"
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if let cookie = browser.cookie { headers[.cookie] = cookie }
        let response = try await browser.client.executeRequest(
            uri: "/nhan-tep", method: .post, headers: headers, body: ByteBuffer(string: body))
        return Browser.Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// A file over the inbox's 16 MiB gets a page that says so, not a server error, and the
    /// archive is unchanged; so does a form over 1 MiB.
    @Test(arguments: setups)
    func aFileOverTheLimitIsRefusedInASentence(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try await WebSupport.export(archive)
        try await WebSupport.application(archive: archive).test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            try await office.get("/nhan-tep")
            let big = "<?xml version=\"1.0\"?>\n<!-- " + String(repeating: "x", count: 17 * 1024 * 1024) + " -->"
            let refused = try await Self.send(office, file: "lon.xml", contents: big)
            #expect(refused.status == .contentTooLarge)
            #expect(refused.body.contains("Tệp này lớn hơn 16 MB") && !refused.body.contains("Máy chủ gặp sự cố"))
            let longForm = try await office.post(
                "/ban-ghi/np-2024-12/xep-loai", [("nhan-xet", String(repeating: "a", count: 2 * 1024 * 1024))])
            #expect(longForm.status == .contentTooLarge && longForm.body.contains("dài hơn 1 MB"))
        }
        #expect(try await WebSupport.export(archive) == before)
    }

    static func token(in page: String) -> String? {
        guard let range = page.range(of: #"name="ma" value=""#) else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A cell's file whose members change approved minutes the office holds (a member who
    /// joined before them, in no attendance) is shown with what changes and taken only with
    /// the box ticked, as `sochibo import --confirm` takes it.
    @Test(arguments: setups)
    func aFileThatChangesApprovedMinutesIsTakenOnlyWhenConfirmed(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try await WebSupport.export(archive)
        var text = try String(
            contentsOfFile: WebSupport.packageRoot + "/archive/samples/dbx-hop-thanh.xml", encoding: .utf8)
        let cell = try #require(text.range(of: #"<cell id="cb-na-pan""#))
        let firstMember = try #require(text.range(of: "<member ", range: cell.upperBound..<text.endIndex))
        text.insert(
            contentsOf: "<member id=\"np-99\"><fullName>Nguyễn Văn Thử</fullName><admitted>2000-01-01</admitted>"
                + "<confirmed>2001-01-01</confirmed><joinedCell>2023-01-01</joinedCell></member>\n    ",
            at: firstMember.lowerBound)
        let file = text
        try await WebSupport.application(archive: archive).test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            try await office.get("/nhan-tep")
            let preview = try await Self.send(office, file: "na-pan.xml", contents: file)
            #expect(preview.status == .ok, "\(preview.body)")
            #expect(preview.body.contains("Tệp làm đổi số liệu của biên bản đã thông qua trong sổ."))
            #expect(preview.body.contains("Các đảng viên trong tệp làm đổi số liệu của Chi bộ thôn Nà Pàn: "))
            #expect(preview.body.contains(#"name="confirm" value="1" required"#))
            // Without the box: refused, nothing written.
            let unticked = try await office.post("/nhan-tep/nhan", [("ma", try #require(Self.token(in: preview.body)))])
            #expect(unticked.status == .unprocessableContent)
            #expect(try await WebSupport.export(archive) == before)
            let again = try await Self.send(office, file: "na-pan.xml", contents: file)
            let ticked = try await office.post(
                "/nhan-tep/nhan", [("ma", try #require(Self.token(in: again.body))), ("confirm", "1")])
            #expect(ticked.status == .ok, "\(ticked.body)")
        }
        #expect(try await archive.member(id: "np-99").member.fullName == "Nguyễn Văn Thử")
    }

    @Test(arguments: setups)
    func aFileIsPreviewedRecordByRecordThenReceived(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try await WebSupport.export(archive)
        try await WebSupport.application(archive: archive).test(setup) { client in
            let admin = Browser(client)
            try await admin.login("quantri")
            #expect(try await admin.get("/nhan-tep").body.contains(#"enctype="multipart/form-data""#))
            let preview = try await Self.send(admin, file: "fixtures/valid/minimal-update.xml")
            #expect(preview.status == .ok, "\(preview.body)")
            #expect(preview.body.contains("0 bản ghi mới, 3 bản ghi thay đổi"))
            #expect(preview.body.contains("Nông Thị Thu Huệ") && preview.body.contains("a-2023-01"))
            #expect(try await WebSupport.export(archive) == before)  // nothing written yet
            let token = try #require(Self.token(in: preview.body))
            let received = try await admin.post("/nhan-tep/nhan", [("ma", token)])
            #expect(received.status == .ok && received.body.contains("Đã nhận tệp “minimal-update.xml”"))
            // The same token cannot be used twice.
            #expect(try await admin.post("/nhan-tep/nhan", [("ma", token)]).status == .badRequest)
        }
        #expect(try await WebSupport.export(archive) != before)
        #expect(try await archive.auditLog(record: "a-2023-01").last?.actor == "quantri")
    }

    @Test(arguments: setups)
    func aSecretaryReceivesOnlyItsCellsFileAndBrokenFilesAreRefusedAtTheirLines(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try await WebSupport.export(archive)
        try await WebSupport.application(archive: archive).test(setup) { client in
            let secretary = Browser(client)
            try await secretary.login("thu.napan")
            _ = try await secretary.get("/nhan-tep")
            let other = try await Self.send(secretary, file: "fixtures/valid/minimal-update.xml")
            #expect(other.status == .forbidden)
            #expect(other.body.contains("chi bộ khác (cb-a)") && Self.token(in: other.body) == nil)
            // Only why: not what the file would add or leave unchanged in a cell not its own.
            #expect(!other.body.contains("bản ghi không đổi") && !other.body.contains("bản ghi thay đổi,"))
            let office = Browser(client)
            try await office.login("vanphong")
            _ = try await office.get("/nhan-tep")
            let outside = try await Self.send(office, file: "fixtures/valid/minimal-update.xml")
            #expect(outside.status == .forbidden && outside.body.contains("không thuộc đảng bộ của đồng chí"))
            let broken = try await Self.send(office, file: "fixtures/invalid/bad-date.xml")
            #expect(broken.status == .unprocessableContent)
            #expect(
                broken.body.contains("Tệp không nhận được; không có gì bị thay đổi.") && broken.body.contains("Dòng "))
            #expect(
                try await Self.send(office, file: "fixtures/valid/minimal-update.xml", csrf: false).status == .forbidden
            )
        }
        #expect(try await WebSupport.export(archive) == before)
    }
}

/// Downloads in format v1: a cell's year for whoever reads the cell, never a confidential
/// document for an account that may not read it; the whole archive for administrators.
@Suite struct DownloadPageTests {
    @Test(arguments: [TestingSetup.router, .live])
    func aCellsYearDownloadsAndImportsElsewhere(_ setup: TestingSetup) async throws {
        let folder = WebSupport.temporaryDirectory()
        try await WebSupport.application().test(setup) { client in
            let secretary = Browser(client)
            try await secretary.login("thu.napan")
            let page = try await secretary.get("/chi-bo/cb-na-pan?nam=2023")
            #expect(page.body.contains(#"href="/chi-bo/cb-na-pan/tai-ve?nam=2023""#))
            let file = try await secretary.get("/chi-bo/cb-na-pan/tai-ve?nam=2023")
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition] == #"attachment; filename="cb-na-pan-2023.xml""#)
            #expect(file.body.hasPrefix("<?xml") && file.body.contains(#"<meeting id="np-2023-01""#))
            #expect(!file.body.contains(#"<meeting id="np-2024-"#))
            try Data(file.body.utf8).write(to: URL(fileURLWithPath: folder + "/cb-na-pan-2023.xml"))
            // 2024 holds a resolution marked Mật: this account takes the year without it.
            let withheld = try await secretary.get("/chi-bo/cb-na-pan/tai-ve?nam=2024")
            #expect(withheld.status == .ok && withheld.body.contains(#"<meeting id="np-2024-12""#))
            #expect(!withheld.body.contains("np-nq-2024-12"))
            try Data(withheld.body.utf8).write(to: URL(fileURLWithPath: folder + "/cb-na-pan-2024.xml"))
            let allowed = Browser(client)
            try await allowed.login("bithu.mat")
            #expect(try await allowed.get("/chi-bo/cb-na-pan/tai-ve?nam=2024").body.contains("np-nq-2024-12"))
            #expect(try await secretary.get("/chi-bo/cb-a/tai-ve").status == .forbidden)
            #expect(try await secretary.get("/tai-ve").status == .forbidden)
            #expect(try await secretary.get("/chi-bo/cb-na-pan/tai-ve?nam=abc").status == .badRequest)
        }
        // What was downloaded imports on its own into an empty archive.
        let elsewhere = try Archive.create(at: folder + "/archive")
        let report = try await elsewhere.importFiles(
            [folder + "/cb-na-pan-2023.xml"], context: AuditContext(actor: "kiểm thử"))
        #expect((report.added[.meeting] ?? 0) >= 12)
        let withoutSecrets = try await elsewhere.importFiles(
            [folder + "/cb-na-pan-2024.xml"], context: AuditContext(actor: "kiểm thử"))
        #expect((withoutSecrets.added[.meeting] ?? 0) >= 11)
        #expect(try await elsewhere.check().isSound)
    }

    @Test(arguments: [TestingSetup.router, .live])
    func aYearsConfidentialResolutionTravelsOnlyToConfidentialAccounts(_ setup: TestingSetup) async throws {
        try await WebSupport.application().test(setup) { client in
            let office = Browser(client)
            try await office.login("vanphong")
            let withheld = try await office.get("/chi-bo/cb-phai-luong/tai-ve?nam=2023")
            #expect(withheld.status == .ok && withheld.body.hasPrefix("<?xml"))
            #expect(
                !withheld.body.contains("pl-nq-2023-01") && !withheld.body.contains(#"classification="confidential""#))
            let admin = Browser(client)
            try await admin.login("quantri")
            let allowed = try await admin.get("/chi-bo/cb-phai-luong/tai-ve?nam=2023")
            #expect(allowed.status == .ok && allowed.body.contains(#"<document id="pl-nq-2023-01""#))
            let backup = try await admin.get("/tai-ve")
            #expect(
                backup.status == .ok && backup.body.contains("<auditLog entries=")
                    && backup.body.contains(#"id="cb-a""#))
        }
    }
}
