import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The administrators' accounts page (`/tai-khoan`), through the router and live on loopback:
/// an account made in the browser logs in and sees what its role allows; a refused form keeps
/// what was typed and writes nothing; only administrators reach it, only with the CSRF token;
/// a new password replaces the old; a disabled account cannot log in; no one disables
/// themselves. Also `/quan-tri`: a new cell's committee chosen explicitly, its issuer code
/// held to the core's rule.
@Suite struct AccountPagesTests {
    static let setups: [TestingSetup] = [.router, .live]

    /// The web app on a fresh sample archive (bcrypt cost 4).
    static func application(_ archive: Archive) throws -> some ApplicationProtocol {
        try RegisterPagesTests.application(archive)
    }

    static func logLength(_ archive: Archive) async throws -> Int { try await archive.auditLog(record: nil).count }

    /// The fields of the form that creates an account, with `changes` applied.
    static func creating(_ changes: [String: String] = [:]) -> [(String, String)] {
        var fields: [String: String] = [
            "ten": "bithu.khuoima", "vai-tro": "secretary", "chi-bo": "cb-khuoi-ma", "dang-bo": "",
            "mat-khau": "hoa ban nở tháng ba", "mat-khau-2": "hoa ban nở tháng ba",
        ]
        fields.merge(changes) { _, new in new }
        return fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    @Test(arguments: setups)
    func anAdministratorCreatesASecretaryWhoSeesOnlyTheirCell(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await Self.application(archive).test(setup) { client in
            let admin = Browser(client)
            try await admin.login("quantri")
            let page = try await admin.get("/tai-khoan")
            #expect(page.status == .ok)
            // Names, not identifiers; roles in Vietnamese; confidential and state said.
            #expect(page.body.contains("Bí thư chi bộ · Chi bộ thôn Nà Pàn (Đảng bộ xã Hợp Thành)"))
            #expect(page.body.contains("Văn phòng đảng ủy · Đảng bộ xã Hợp Thành"))
            #expect(page.body.contains("Quản trị · Toàn bộ sổ"))
            #expect(page.body.contains("Được xem văn bản mật") && page.body.contains("Không xem văn bản mật"))
            #expect(!page.body.contains("· cb-na-pan") && !page.body.contains("· dbx-hop-thanh"))
            #expect(!page.body.contains("sochibo user"))
            #expect(
                page.body.contains(#"<option value="cb-khuoi-ma">Chi bộ thôn Khuổi Mạ (Đảng bộ xã Hợp Thành)</option>"#)
            )
            #expect(page.body.contains(#"<option value="" selected>— chọn chi bộ —</option>"#))
            #expect(page.body.contains(#"action="/tai-khoan/tao""#))

            let created = try await admin.post("/tai-khoan/tao", Self.creating())
            #expect(created.status == .seeOther)
            #expect(created.location == "/tai-khoan?da-tao=bithu.khuoima")
            let stored = try #require(try await archive.account(named: "bithu.khuoima"))
            #expect(stored.role == .secretary && stored.cellID == "cb-khuoi-ma" && stored.organizationID == nil)
            #expect(!stored.confidential && !stored.disabled)
            let log = try await archive.auditLog(record: "bithu.khuoima")
            #expect(log.map(\.action) == [.addAccount] && log.first?.actor == "quantri")
            let after = try await admin.get(try #require(created.location))
            #expect(after.body.contains("Đã tạo tài khoản «bithu.khuoima»"))

            // The new account logs in with the password typed twice and sees its cell only.
            let secretary = Browser(client)
            let login = try await secretary.login("bithu.khuoima", password: "hoa ban nở tháng ba")
            #expect(login.status == .seeOther && login.location == "/")
            let home = try await secretary.get("/")
            #expect(home.body.contains("Chi bộ thôn Khuổi Mạ"))
            #expect(!home.body.contains("Chi bộ thôn Nà Pàn"))
            #expect(try await secretary.get("/chi-bo/cb-khuoi-ma").status == .ok)
            #expect(try await secretary.get("/chi-bo/cb-na-pan").status == .forbidden)
            #expect(try await secretary.get("/tai-khoan").status == .forbidden)

            // A committee account: its committee chosen by name, the cell chosen ignored.
            let committee = try await admin.post(
                "/tai-khoan/tao",
                Self.creating([
                    "ten": "Văn phòng Hợp Thành", "vai-tro": "committee", "dang-bo": "dbx-hop-thanh", "xem-mat": "co",
                ]))
            #expect(committee.status == .seeOther)
            let noted = try await admin.get(try #require(committee.location))
            #expect(noted.body.contains("Đã tạo tài khoản «Văn phòng Hợp Thành»"))
            let office = try #require(try await archive.account(named: "Văn phòng Hợp Thành"))
            #expect(office.organizationID == "dbx-hop-thanh" && office.cellID == nil && office.confidential)
        }
    }

    @Test(arguments: setups)
    func aRefusedAccountKeepsWhatWasTypedAndWritesNothing(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try await Self.logLength(archive)
        let accounts = try await archive.accounts().count
        try await Self.application(archive).test(setup) { client in
            let admin = Browser(client)
            try await admin.login("quantri")
            try await admin.get("/tai-khoan")

            let mismatch = try await admin.post(
                "/tai-khoan/tao",
                Self.creating(["chi-bo": "cb-na-pan", "xem-mat": "co", "mat-khau-2": "hoa ban nở tháng tư"]))
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.body.contains("Hai lần gõ mật khẩu không khớp nhau"))
            #expect(mismatch.body.contains(#"value="bithu.khuoima""#))
            #expect(mismatch.body.contains(#"<option value="cb-na-pan" selected>"#))
            #expect(mismatch.body.contains(#"value="secretary" checked"#))
            #expect(mismatch.body.contains(#"name="xem-mat" value="co" checked"#))
            #expect(!mismatch.body.contains("hoa ban nở"), "a password never comes back")
            #expect(mismatch.body.contains(#"<details class="action create" id="tao" open>"#))
            // The sentence stands beside its field: after the field's label, before its input.
            let label = try #require(mismatch.body.range(of: #"<label for="tao-mat-khau-2">"#))
            let problem = try #require(mismatch.body.range(of: "Hai lần gõ mật khẩu không khớp nhau"))
            let input = try #require(mismatch.body.range(of: #"<input id="tao-mat-khau-2""#))
            #expect(label.upperBound < problem.lowerBound && problem.upperBound < input.lowerBound)

            let short = try await admin.post(
                "/tai-khoan/tao", Self.creating(["mat-khau": "ngan", "mat-khau-2": "ngan"]))
            #expect(short.status == .unprocessableContent)
            #expect(short.body.contains("Mật khẩu cần ít nhất 8 ký tự"))
            #expect(short.body.contains(#"value="bithu.khuoima""#))

            let taken = try await admin.post("/tai-khoan/tao", Self.creating(["ten": "thu.napan"]))
            #expect(taken.status == .unprocessableContent)
            #expect(taken.body.contains("Đã có tài khoản «thu.napan»"))
            #expect(taken.body.contains(#"<option value="cb-khuoi-ma" selected>"#))

            let noCell = try await admin.post("/tai-khoan/tao", Self.creating(["chi-bo": ""]))
            #expect(noCell.status == .unprocessableContent)
            #expect(noCell.body.contains("Tài khoản bí thư chi bộ cần chọn chi bộ."))
            #expect(noCell.body.contains(#"value="bithu.khuoima""#))

            let noCommittee = try await admin.post("/tai-khoan/tao", Self.creating(["vai-tro": "committee"]))
            #expect(noCommittee.body.contains("Tài khoản văn phòng đảng ủy cần chọn đảng bộ."))
            let noRole = try await admin.post("/tai-khoan/tao", Self.creating(["vai-tro": ""]))
            #expect(noRole.status == .unprocessableContent)
            #expect(noRole.body.contains("Hãy chọn vai trò của tài khoản"))
            let unknownCell = try await admin.post("/tai-khoan/tao", Self.creating(["chi-bo": "cb-khong-co"]))
            #expect(unknownCell.status == .unprocessableContent)
            #expect(unknownCell.body.contains("Chi bộ đã chọn không còn trong sổ"))
            #expect(!unknownCell.body.contains("AccountError"))
        }
        #expect(try await Self.logLength(archive) == before)
        #expect(try await archive.accounts().count == accounts)
    }

    @Test(arguments: setups)
    func onlyAdministratorsWithTheTokenManageAccounts(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        let before = try await Self.logLength(archive)
        try await Self.application(archive).test(setup) { client in
            let writes: [(String, [(String, String)])] = [
                ("/tai-khoan/tao", Self.creating(["vai-tro": "admin", "chi-bo": ""])),
                (
                    "/tai-khoan/mat-khau",
                    [("ten", "quantri"), ("mat-khau", "chiem-quyen-1"), ("mat-khau-2", "chiem-quyen-1")]
                ),
                ("/tai-khoan/khoa", [("ten", "quantri")]),
                ("/tai-khoan/mo-lai", [("ten", "quantri")]),
                ("/tai-khoan/doi", [("ten", "thu.napan"), ("vai-tro", "admin")]),
            ]
            for name in ["thu.napan", "vanphong"] {
                let other = Browser(client)
                try await other.login(name)
                try await other.get("/")
                let page = try await other.get("/tai-khoan")
                #expect(page.status == .forbidden, "\(name)")
                #expect(page.body.contains("chỉ dành cho quản trị viên"))
                #expect(try await other.get("/tai-khoan/doi?ten=thu.napan").status == .forbidden, "\(name)")
                for (path, fields) in writes {
                    #expect(try await other.post(path, fields).status == .forbidden, "\(name) \(path)")
                }
            }
            // An administrator's session, without the CSRF token: 403 before anything runs.
            let admin = Browser(client)
            try await admin.login("quantri")
            try await admin.get("/tai-khoan")
            for (path, fields) in writes {
                #expect(try await admin.post(path, fields, csrf: false).status == .forbidden, "\(path)")
            }
        }
        #expect(try await Self.logLength(archive) == before)
        #expect(try await archive.accounts().count == WebSupport.accounts.count)
        #expect(try await archive.authenticate(name: "quantri", password: WebSupport.password) != nil)
    }

    @Test(arguments: setups)
    func aNewPasswordReplacesTheOldOne(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await Self.application(archive).test(setup) { client in
            let secretary = Browser(client)
            try await secretary.login("thu.napan")
            #expect(try await secretary.get("/").status == .ok)

            let admin = Browser(client)
            try await admin.login("quantri")
            try await admin.get("/tai-khoan")
            let mismatch = try await admin.post(
                "/tai-khoan/mat-khau", [("ten", "thu.napan"), ("mat-khau", "mat-khau-moi-1"), ("mat-khau-2", "khac")])
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.body.contains("Hai lần gõ mật khẩu không khớp nhau"))
            #expect(!mismatch.body.contains("mat-khau-moi-1"))
            let short = try await admin.post(
                "/tai-khoan/mat-khau", [("ten", "thu.napan"), ("mat-khau", "ngan"), ("mat-khau-2", "ngan")])
            #expect(short.body.contains("Mật khẩu cần ít nhất 8 ký tự"))
            #expect(try await archive.auditLog(record: "thu.napan").map(\.action) == [.addAccount])

            let set = try await admin.post(
                "/tai-khoan/mat-khau",
                [("ten", "thu.napan"), ("mat-khau", "mat-khau-moi-1"), ("mat-khau-2", "mat-khau-moi-1")])
            #expect(set.status == .seeOther)
            #expect(set.location == "/tai-khoan?da-doi=thu.napan")
            let log = try await archive.auditLog(record: "thu.napan")
            #expect(log.map(\.action) == [.addAccount, .changePassword] && log.last?.actor == "quantri")

            // The secretary's session ended; the old password fails, the new one works.
            #expect(try await secretary.get("/").location == "/dang-nhap")
            let old = try await Browser(client).login("thu.napan")
            #expect(old.status == .unauthorized)
            let new = try await Browser(client).login("thu.napan", password: "mat-khau-moi-1")
            #expect(new.status == .seeOther && new.location == "/")
            // The administrator's own session goes on.
            #expect(try await admin.get("/tai-khoan").status == .ok)
        }
    }

    @Test(arguments: setups)
    func aDisabledAccountCannotLogInAndNoOneDisablesThemselves(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await Self.application(archive).test(setup) { client in
            let admin = Browser(client)
            try await admin.login("quantri")
            let page = try await admin.get("/tai-khoan")
            #expect(page.body.contains("Đây là tài khoản đồng chí đang dùng: không tự khóa được."))
            #expect(page.body.contains("Khóa tài khoản bithu.a"))
            #expect(!page.body.contains("Khóa tài khoản quantri<"))

            let disabled = try await admin.post("/tai-khoan/khoa", [("ten", "bithu.a")])
            #expect(disabled.status == .seeOther)
            #expect(disabled.location == "/tai-khoan?da-khoa=bithu.a")
            #expect(try await archive.auditLog(record: "bithu.a").last?.action == .disableAccount)
            #expect(try await Browser(client).login("bithu.a").status == .unauthorized)
            let list = try await admin.get("/tai-khoan?da-khoa=bithu.a")
            #expect(list.body.contains("Đã khóa tài khoản «bithu.a»"))
            let lockedSection = try #require(list.body.range(of: "Tài khoản đã khóa"))
            let row = try #require(list.body.range(of: "bithu.a <span class=\"state\">Đã khóa</span>"))
            #expect(lockedSection.upperBound < row.lowerBound)

            // Itself: refused in a sentence, nothing written. It is also the last administrator
            // (the store refuses that whoever asks: AccountTests).
            let before = try await Self.logLength(archive)
            let own = try await admin.post("/tai-khoan/khoa", [("ten", "quantri")])
            #expect(own.status == .unprocessableContent)
            #expect(own.body.contains("Không khóa được «quantri»: đây là tài khoản đồng chí đang đăng nhập."))
            #expect(try await Self.logLength(archive) == before)
            #expect(try await archive.account(named: "quantri")?.disabled == false)

            // A second administrator made here may disable the first, and then is the last.
            #expect(
                try await admin.post("/tai-khoan/tao", Self.creating(["ten": "quantri.2", "vai-tro": "admin"])).status
                    == .seeOther)
            let second = Browser(client)
            try await second.login("quantri.2", password: "hoa ban nở tháng ba")
            let seen = try await second.get("/tai-khoan")
            #expect(seen.body.contains("Khóa tài khoản quantri<"))
            #expect(try await second.post("/tai-khoan/khoa", [("ten", "quantri")]).status == .seeOther)
            #expect(try await admin.get("/tai-khoan").location == "/dang-nhap")
            let last = try await second.post("/tai-khoan/khoa", [("ten", "quantri.2")])
            #expect(last.status == .unprocessableContent)
            #expect(try await archive.account(named: "quantri.2")?.disabled == false)
        }
    }

    @Test(arguments: setups)
    func aDisabledAccountIsOpenedAgainAndAnAccountChangesRole(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await Self.application(archive).test(setup) { client in
            let admin = Browser(client)
            try await admin.login("quantri")
            try await admin.get("/tai-khoan")
            #expect(try await admin.post("/tai-khoan/khoa", [("ten", "thu.napan")]).status == .seeOther)
            let list = try await admin.get("/tai-khoan")
            #expect(list.body.contains(#"<button type="submit">Mở lại tài khoản thu.napan</button>"#))
            #expect(list.body.contains(#"href="/tai-khoan/doi?ten=vanphong""#))
            #expect(!list.body.contains(#"href="/tai-khoan/doi?ten=quantri""#), "not one's own account")
            let enabled = try await admin.post("/tai-khoan/mo-lai", [("ten", "thu.napan")])
            #expect(enabled.status == .seeOther && enabled.location == "/tai-khoan?da-mo-lai=thu.napan")
            #expect(
                try await admin.get("/tai-khoan?da-mo-lai=thu.napan").body.contains("Đã mở lại tài khoản «thu.napan»"))
            let secretary = Browser(client)
            #expect(try await secretary.login("thu.napan").status == .seeOther, "the old password works again")
            #expect(try await secretary.get("/chi-bo/cb-na-pan").status == .ok)
            #expect(try await secretary.get("/bang-theo-doi?nam=2024").status == .forbidden)

            // The change page shows the account as it is, chosen.
            let form = try await admin.get("/tai-khoan/doi?ten=thu.napan")
            #expect(form.status == .ok)
            #expect(form.body.contains("Hiện nay: Bí thư chi bộ · Chi bộ thôn Nà Pàn (Đảng bộ xã Hợp Thành)"))
            #expect(form.body.contains(#"value="secretary" checked"#))
            #expect(form.body.contains(#"<option value="cb-na-pan" selected>"#))
            #expect(try await admin.get("/tai-khoan/doi?ten=khong-co").status == .notFound)

            // A committee role without its committee comes back with what was chosen.
            let before = try await Self.logLength(archive)
            let unplaced = try await admin.post(
                "/tai-khoan/doi", [("ten", "thu.napan"), ("vai-tro", "committee"), ("dang-bo", ""), ("xem-mat", "co")])
            #expect(unplaced.status == .unprocessableContent)
            #expect(unplaced.body.contains("Tài khoản văn phòng đảng ủy cần chọn đảng bộ."))
            #expect(unplaced.body.contains(#"value="committee" checked"#))
            #expect(unplaced.body.contains(#"name="xem-mat" value="co" checked"#))
            // Not one's own account, even by a crafted form.
            let own = try await admin.post(
                "/tai-khoan/doi", [("ten", "quantri"), ("vai-tro", "secretary"), ("chi-bo", "cb-na-pan")])
            #expect(own.status == .unprocessableContent)
            #expect(own.body.contains("Không đổi được «quantri»: đây là tài khoản đồng chí đang đăng nhập."))
            #expect(try await Self.logLength(archive) == before)

            // The secretary becomes the commune office's: the very next page knows it.
            let changed = try await admin.post(
                "/tai-khoan/doi",
                [("ten", "thu.napan"), ("vai-tro", "committee"), ("dang-bo", "dbx-hop-thanh"), ("chi-bo", "cb-na-pan")])
            #expect(changed.status == .seeOther && changed.location == "/tai-khoan?da-doi-vai-tro=thu.napan")
            let stored = try #require(try await archive.account(named: "thu.napan"))
            #expect(stored.role == .committee && stored.organizationID == "dbx-hop-thanh" && stored.cellID == nil)
            #expect(try await archive.auditLog(record: "thu.napan").last?.action == .changeAccount)
            #expect(try await archive.auditLog(record: "thu.napan").last?.actor == "quantri")
            #expect(try await secretary.get("/bang-theo-doi?nam=2024").status == .ok)
            #expect(try await secretary.get("/chi-bo/cb-phai-luong").status == .ok)
            #expect(
                try await secretary.get("/chi-bo/cb-na-pan/lap-bien-ban").status == .forbidden,
                "a committee writes no minutes")
        }
    }

    @Test(arguments: setups)
    func aNewCellNamesItsCommitteeAndAnIssuerCodeOfLetters(_ setup: TestingSetup) async throws {
        let archive = try await WebSupport.makeArchive()
        try await Self.application(archive).test(setup) { client in
            let admin = Browser(client)
            try await admin.login("quantri")
            let page = try await admin.get("/quan-tri")
            // Nothing chosen for the cell's committee; committees parents first, as paths.
            #expect(page.body.contains(#"<option value="" selected>— chọn đảng bộ —</option>"#))
            let province = try #require(page.body.range(of: #">Đảng bộ tỉnh Lạng Sơn</option>"#))
            let commune = try #require(
                page.body.range(
                    of: ">Đảng bộ tỉnh Lạng Sơn › Đảng bộ huyện Cao Lộc › Đảng bộ xã Hợp Thành</option>"))
            #expect(province.upperBound < commune.lowerBound)

            let before = try await Self.logLength(archive)
            let cell: [(String, String)] = [("ma", "cb-dong"), ("ten", "Chi bộ thôn Đồng")]
            let unchosen = try await admin.post("/quan-tri/chi-bo", cell + [("dang-bo", ""), ("ky-hieu", "")])
            #expect(unchosen.status == .unprocessableContent)
            #expect(unchosen.body.contains("Chưa chọn đảng bộ mà chi bộ trực thuộc."))
            #expect(unchosen.body.contains(#"value="Chi bộ thôn Đồng""#))
            let markup = try await admin.post(
                "/quan-tri/chi-bo", cell + [("dang-bo", "dbx-hop-thanh"), ("ky-hieu", "<b>QQQQQQQQQQQQ")])
            #expect(markup.status == .unprocessableContent)
            #expect(markup.body.contains("Ký hiệu «&lt;b&gt;QQQQQQQQQQQQ» không dùng được"))
            #expect(!markup.body.contains("<b>QQQ"))
            #expect(try await Self.logLength(archive) == before)

            let created = try await admin.post(
                "/quan-tri/chi-bo", cell + [("dang-bo", "dbx-hop-thanh"), ("ky-hieu", "đu")])
            #expect(created.status == .seeOther)
            guard case .cell(let stored) = try await archive.record(id: "cb-dong") else {
                Issue.record("no cell")
                return
            }
            #expect(stored.organizationID == "dbx-hop-thanh" && stored.issuerCode == "ĐU")
        }
    }
}
