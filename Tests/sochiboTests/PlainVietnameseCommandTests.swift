import ArchiveCore
import Foundation
import Testing

/// What the command line left unsaid or said in English and in codes (issue 11, item 11),
/// run as the real program on the sample archive: the option parser's refusals and help
/// screens, search's count, a member's leave reason, the log's record kinds, an earlier
/// version's time, the order of `list members`, and a template dated year 0024.
@Suite struct PlainVietnameseCommandTests {
    let directory = Sochibo.temporaryDirectory()
    var archive: String { directory + "/kho" }
    static let minutes = Sochibo.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt")

    func start() throws {
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try Sochibo.run([
            "import", "--archive", archive, Sochibo.path("archive/samples/dbx-hop-thanh.xml"),
        ])
        #expect(imported.status == 0, "\(imported.errors)")
    }

    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Sochibo.Result {
        try Sochibo.run(arguments + ["--archive", archive], environment: environment)
    }

    /// The words of swift-argument-parser's own messages that must never reach a person.
    static let english = [
        "Error:", "Usage:", "USAGE:", "See '", "Help:", "is invalid", "Missing", "Unknown option", "Unexpected",
        "Please provide", "does not take", "OPTIONS:", "OVERVIEW:", "ARGUMENTS:", "SUBCOMMANDS:",
        "Show help information", "(default:", "(values:", "<subcommand>", "for detailed help",
        // The parser's words on their own: a help screen wrapped at the terminal's width may
        // cut "(values: …; default: text)" after the semicolon.
        "default", "values:", "as flag",
    ]

    // MARK: The parser's refusals

    @Test func everyKindOfParserRefusalIsOneVietnameseLine() throws {
        try start()
        // One of each kind: an error thrown from validate() (ValidationError), a value a
        // conversion refuses (a number, an enumeration), an unknown option with and without a
        // near one, a missing value, a missing argument, one too many, an unknown command, a
        // flag given a value; each with what the line must say.
        let cases: [([String], String)] = [
            (
                ["template", "meeting", "--cell", "cb-na-pan", "--date", "28/12/24"],
                "ghi năm bằng hai chữ số (28/12/24)"
            ),
            (
                ["template", "meeting", "--cell", "cb-na-pan", "--date", "31/02/2024"],
                "ngày 31/02/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày"
            ),
            (["template", "meeting"], "--cell ID"),
            (["search", "--from", "1/12/24", "nghị quyết"], "“--from” ghi năm bằng hai chữ số"),
            (["search", "--kind", "bienban", "nghị quyết"], "--kind chỉ nhận meeting hoặc document"),
            (["search", "--status", "nhap", "nghị quyết"], "--status chỉ nhận draft"),
            (["summary", "--year", "2024"], "--cell ID hoặc --organization ID"),
            (["summary", "--cell", "cb-na-pan", "--year", "2024", "--quarter", "5"], "--quarter phải từ 1 đến 4"),
            (["rate", "np-2024-12", "time=abc"], "“time=abc” không đúng dạng TIÊU_CHÍ=ĐIỂM"),
            (["search", "--limit", "abc", "nghị quyết"], "giá trị «abc» không dùng được cho --limit"),
            (["list", "foo"], "giá trị «foo» không dùng được cho DANH_SÁCH (chỉ nhận: organizations, cells, members"),
            (
                ["list", "cells", "--format", "xml"],
                "giá trị «xml» không dùng được cho --format (chỉ nhận: text, json)"
            ),
            (["list", "cells", "--khong-co"], "không có tùy chọn --khong-co"),
            (["list", "cells", "--cel", "cb-na-pan"], "không có tùy chọn --cel (có phải --cell?)"),
            (["search", "nghị quyết", "--cell"], "thiếu giá trị sau --cell"),
            (
                ["search", "--offset", "-1", "nghị quyết"],
                "giá trị «-1» không dùng được cho --offset: số ở đây không được âm"
            ),
            (["show"], "thiếu mã hoặc tên của bản ghi"),
            (["search"], "thiếu từ khóa cần tìm"),
            (["import"], "thiếu tệp cần nhập"),
            (["approve"], "thiếu mã biên bản"),
            (["user", "add"], "thiếu tên đăng nhập"),
            (["show", "np-11", "np-12"], "thừa «np-12»"),
            (["show", "np-11", "np-12", "np-13"], "thừa «np-12», «np-13»"),
            (["search", "--include-confidential=có", "nghị quyết"], "--include-confidential không nhận giá trị"),
        ]
        for (arguments, words) in cases {
            let refused = try run(arguments)
            #expect(refused.status == 64, "\(arguments): \(refused.status)")
            #expect(refused.output.isEmpty, "\(arguments): \(refused.output)")
            #expect(refused.errorLines.count == 1, "\(arguments): \(refused.errors)")
            let line = refused.errorLines.first ?? ""
            #expect(line.hasPrefix("sochibo: ") && line.hasSuffix("."), "\(arguments): \(line)")
            #expect(line.contains(words), "\(arguments): \(line)")
            #expect(line.contains("xem `sochibo "), "\(arguments): \(line)")
            for english in Self.english { #expect(!line.contains(english), "\(arguments): \(line)") }
        }
        // Help asked for a command that does not exist is a refusal, not the main help.
        for asked in [["help", "xyz"], ["help", "member", "xyz"]] {
            let unknown = try Sochibo.run(asked)
            #expect(unknown.status == 64 && unknown.output.isEmpty, "\(unknown.output)")
            let name = asked.dropFirst().joined(separator: " ")
            #expect(
                unknown.errorLines == ["sochibo: không có lệnh «\(name)»; xem `sochibo --help`."], "\(unknown.errors)")
        }
        #expect(try Sochibo.run(["help", "member", "admit"]).status == 0)
        // A command that does not exist, at the top and in a group of subcommands.
        for (arguments, help) in [(["khong-co"], "sochibo"), (["member", "khong-co"], "sochibo member")] {
            let unknown = try Sochibo.run(arguments)
            #expect(unknown.status == 64)
            #expect(
                unknown.errorLines == ["sochibo: không có lệnh «khong-co»; xem `\(help) --help`."], "\(unknown.errors)")
        }
    }

    @Test func wordsCopiedWithInvisibleCharactersAreReadAsTyped() throws {
        try start()
        // From a web page, Zalo or Excel: a no-break space, a zero-width space, a trailing space.
        let plain = try run(["list", "meetings", "--cell", "Nà Pàn", "--year", "2024"])
        let copied = try run(["list", "meetings", "--cell", "Nà\u{A0}Pàn", "--year", "2024\u{A0}"])
        #expect(copied.status == 0 && copied.output == plain.output, "\(copied.errors)")
        let type = try run(["template", "document", "--cell", "Nà Pàn", "--type", "NQ\u{200B}", "--date", "29/12/2024"])
        #expect(type.status == 0 && type.output.contains("NGHỊ QUYẾT"), "\(type.errors)")
        let ratedAs = { (criterion: String) in
            try run(["rate", "np-2024-12", criterion]).errors
        }
        #expect(try ratedAs("kết\u{A0}quả=27") == ratedAs("kết quả=27"))
    }

    @Test func committeesAreListedAndACommitteeGivenAsACellIsSaidToBeOne() throws {
        try start()
        let listed = try run(["list", "organizations"])
        #expect(listed.status == 0 && listed.output.contains("dbx-hop-thanh  Đảng bộ xã Hợp Thành"), "\(listed.output)")
        #expect(listed.output.hasSuffix("3 đảng bộ.\n"))
        let asCell = try run(["list", "meetings", "--cell", "dbx-hop-thanh"])
        #expect(asCell.status == 1)
        #expect(
            asCell.errorLines.first?.hasPrefix(
                "sochibo: «dbx-hop-thanh» là Đảng bộ xã Hợp Thành, một đảng bộ, không phải chi bộ; hãy ghi một chi bộ")
                == true, "\(asCell.errors)")
        let unknown = try run(["summary", "--organization", "xyz", "--year", "2024"])
        #expect(
            unknown.errorLines == [
                "sochibo: không có đảng bộ nào tên hay mã «xyz»; xem danh sách đảng bộ bằng `sochibo list organizations`."
            ], "\(unknown.errors)")
        let typo = try run(["summary", "--organization", "Hop Thanhh", "--year", "2024"])
        #expect(typo.errors.contains("(dbx-hop-thanh)? Hoặc xem") && !typo.errors.contains("?."), "\(typo.errors)")
    }

    /// The subcommands a help screen lists under "LỆNH CON:", by name.
    static func subcommands(in text: String) -> [String] {
        guard let start = text.range(of: "LỆNH CON:\n") else { return [] }
        return text[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "Xem" }
    }

    @Test func helpScreensUseVietnameseHeadingsOnEveryCommand() throws {
        let root = try Sochibo.run(["--help"])
        #expect(root.status == 0)
        #expect(root.output.contains("TÙY CHỌN:") && root.output.contains("LỆNH CON:"), "\(root.output)")
        #expect(root.output.contains("Xem hướng dẫn của từng lệnh bằng `sochibo help LỆNH`."))
        // Every command and subcommand listed, by --help and by `sochibo help`.
        let listed = Self.subcommands(in:)
        var commands = listed(root.output).map { [$0] }
        #expect(commands.count >= 20, "\(commands)")
        var checked = 0
        while let command = commands.popLast() {
            for arguments in [command + ["--help"], ["help"] + command] {
                let help = try Sochibo.run(arguments)
                #expect(help.status == 0, "\(arguments): \(help.errors)")
                #expect(help.output.contains("CÁCH DÙNG: sochibo"), "\(arguments)")
                #expect(help.output.contains("Xem hướng dẫn này."), "\(arguments)")
                for english in Self.english { #expect(!help.output.contains(english), "\(arguments): \(english)") }
                if arguments.last == "--help" { commands += listed(help.output).map { command + [$0] } }
                checked += 1
            }
        }
        #expect(checked > 50)
        let search = try Sochibo.run(["search", "--help"])
        #expect(search.output.contains("(mặc định: 20)"), "\(search.output)")
        #expect(search.output.contains("(chọn một:") && search.output.contains("mặc định: text)"), "\(search.output)")
    }

    /// The tester's report, item 4: `summary --help` said "default: text", the parser's
    /// "(…; default: text)" cut at the terminal's width after the semicolon. Every command's
    /// help, at widths that cut its lines in other places, has none of the parser's English.
    /// Below 60 columns help is laid out at 60 (at 24 the parser stopped with a fatal error,
    /// at 10 it said "OVERVIEW:"), its descriptions whole.
    @Test(arguments: ["10", "24", "40", "57", "66", "100", "132"])
    func helpScreensWrappedAtAnyWidthHaveNoEnglish(columns: String) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = columns
        let root = try Sochibo.run(["--help"], environment: environment)
        let listed = Self.subcommands(in:)
        var commands = listed(root.output).map { [$0] }
        #expect(commands.count >= 20, "\(commands)")
        var checked = 0
        while let command = commands.popLast() {
            let help = try Sochibo.run(command + ["--help"], environment: environment)
            #expect(help.status == 0, "\(command): \(help.errors)")
            for english in Self.english {
                #expect(!help.output.contains(english), "\(command) at \(columns) columns: \(english)\n\(help.output)")
            }
            // A value's placeholder is a Vietnamese word (`<NGÀY>`), never the parser's English
            // property name (`<format>`, `<limit>`) nor an English date pattern (`<dd/mm/yyyy>`).
            let english = help.output.matches(of: /<[a-z][a-z0-9\/._-]*>/).map { String($0.output) }
            #expect(english.isEmpty, "\(command): \(english)")
            commands += listed(help.output).map { command + [$0] }
            checked += 1
        }
        #expect(checked > 25)
        // What the summary's line said, in Vietnamese wherever the line is cut.
        let summary = try Sochibo.run(["summary", "--help"], environment: environment).output
        let joined = summary.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        #expect(joined.contains("(chọn một: text, json, csv, xml, html, xlsx; mặc định: text)"), "\(summary)")
    }

    // MARK: search

    /// The hits of `arguments` counted in JSON, as many as there are.
    func count(_ arguments: [String]) throws -> Int {
        let found = try run(["search", "--format", "json", "--limit", "1000"] + arguments)
        #expect(found.status == 0, "\(found.errors)")
        let hits = try JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [Any]
        return hits?.count ?? -1
    }

    @Test func searchSaysTheTrueTotalThePageAndHowToSeeMore() throws {
        try start()
        let total = try count(["nghị quyết"])
        #expect(total > 40, "the sample has many resolutions")
        let first = try run(["search", "nghị quyết"])
        #expect(first.status == 0)
        #expect(
            first.output.hasSuffix("Hiển thị 1–20 trong \(total) kết quả; xem tiếp bằng --offset 20.\n"),
            "\(first.output.suffix(200))")
        let last = (total - 1) / 20 * 20
        let end = try run(["search", "nghị quyết", "--offset", String(last)])
        #expect(
            end.output.hasSuffix("Hiển thị \(last + 1)–\(total) trong \(total) kết quả.\n"), "\(end.output.suffix(200))"
        )
        #expect(end.output.hasPrefix("\(total). ") || end.output.contains("\n\(total). "), "\(end.output)")
        let past = try run(["search", "nghị quyết", "--offset", "1000"])
        #expect(past.status == 0)
        #expect(
            past.output
                == "Chỉ có \(total) kết quả cho “nghị quyết”; --offset 1000 đã qua hết. Trang cuối: --offset \(last).\n",
            "\(past.output)")
        #expect(!past.output.contains("Không tìm thấy"))
        // As JSON the page is an empty array, and the count goes to stderr as the text says it.
        let pastJSON = try run(["search", "nghị quyết", "--offset", "1000", "--format", "json"])
        #expect(pastJSON.status == 0)
        #expect(pastJSON.output.filter { !$0.isWhitespace } == "[]")
        #expect(
            pastJSON.errorLines.first
                == "sochibo: Chỉ có \(total) kết quả cho “nghị quyết”; --offset 1000 đã qua hết. Trang cuối: --offset \(last).",
            "\(pastJSON.errors)")
        let none = try run(["search", "khôngcótừnàyđâu"])
        #expect(none.output.hasPrefix("Không tìm thấy kết quả nào cho “khôngcótừnàyđâu”."), "\(none.output)")
    }

    @Test func searchSaysHowManyConfidentialDocumentsItLeftOutAndHowToSeeThem() throws {
        try start()
        let filters = ["--cell", "cb-phai-luong", "--from", "01/01/2023", "--to", "31/01/2023", "nghị quyết"]
        let shown = try count(filters)
        let all = try count(filters + ["--include-confidential"])
        #expect(all > shown && shown > 0, "\(shown) of \(all)")
        let hidden = try run(["search"] + filters)
        #expect(hidden.status == 0)
        #expect(hidden.output.hasSuffix("\(shown) kết quả.\n"), "\(hidden.output)")
        #expect(
            hidden.errorLines == [
                "sochibo: đã để lại \(all - shown) văn bản mật khớp với từ tìm; thêm --include-confidential nếu được phép xem."
            ], "\(hidden.errors)")
        let allowed = try run(["search"] + filters + ["--include-confidential"])
        #expect(allowed.errors.isEmpty && allowed.output.hasSuffix("\(all) kết quả.\n"), "\(allowed.errors)")
        // Hits name their cell by its name.
        #expect(allowed.output.contains(", Chi bộ thôn Phai Luông [pl-"), "\(allowed.output)")
        #expect(!allowed.output.contains(", cb-phai-luong ["))
        // Over every cell: no hit names a cell by its code.
        let everywhere = try run(["search", "nghị quyết", "--limit", "200"])
        #expect(!everywhere.output.contains(", cb-"), "\(everywhere.output)")
    }

    /// The tester's report, item 5: `search --format json` says what the text's last line
    /// and its note say (the total, whether counting stopped, the confidential documents left
    /// out), on every hit, beside the hit's own fields, which are as before.
    @Test func searchInJSONCarriesTheTotalAndTheConfidentialLeftOut() throws {
        try start()
        func hits(_ arguments: [String]) throws -> [[String: Any]] {
            let found = try run(["search", "--format", "json"] + arguments)
            #expect(found.status == 0, "\(found.errors)")
            return try #require(JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [[String: Any]])
        }
        let total = try count(["nghị quyết"])
        let hidden = try count(["nghị quyết", "--include-confidential"]) - total
        let page = try hits(["nghị quyết"])
        #expect(page.count == 20 && total > 20 && hidden > 0)
        for hit in page {
            #expect(hit["total"] as? Int == total, "\(hit)")
            #expect(hit["totalIsCapped"] as? Bool == false && hit["hiddenConfidential"] as? Int == hidden, "\(hit)")
            for key in ["id", "kind", "type", "date", "cell", "title", "snippet", "score", "confidential"] {
                #expect(hit[key] != nil, "\(key) missing: \(hit)")
            }
        }
        // A page further on says the same total.
        #expect(try hits(["nghị quyết", "--offset", "20", "--limit", "5"]).allSatisfy { $0["total"] as? Int == total })
        // Counted up to 500 or the end of the page: a limit of 1 still counts them all.
        #expect(try hits(["nghị quyết", "--limit", "1"]).first?["total"] as? Int == total)
        let filters = ["--cell", "cb-phai-luong", "--from", "01/01/2023", "--to", "31/01/2023", "nghị quyết"]
        let shown = try hits(filters)
        let all = try hits(filters + ["--include-confidential"])
        #expect(!shown.isEmpty && all.count > shown.count, "\(shown.count) of \(all.count)")
        #expect(shown.allSatisfy { $0["total"] as? Int == shown.count }, "\(shown)")
        #expect(shown.allSatisfy { $0["hiddenConfidential"] as? Int == all.count - shown.count }, "\(shown)")
        #expect(all.allSatisfy { $0["total"] as? Int == all.count && $0["hiddenConfidential"] as? Int == 0 })
    }

    // MARK: show, log

    @Test func showSaysWhyAMemberLeftInVietnamese() throws {
        try start()
        let removed = try run(["show", "np-11"])
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(removed.output.contains("(\(Member.LeaveReason.removed.vietnameseName))"), "\(removed.output)")
        #expect(removed.output.contains("Ngày rời chi bộ: 16/01/2025 (xóa tên)"), "\(removed.output)")
        for (command, member, reason) in [
            ("death", "np-12", Member.LeaveReason.deceased), ("transfer-out", "np-13", .transferred),
        ] {
            let recorded = try run(["member", command, member, "--date", "01/02/2025", "--by", "Hà Văn Lợi"])
            #expect(recorded.status == 0, "\(recorded.errors)")
            let shown = try run(["show", member])
            #expect(shown.output.contains("Ngày rời chi bộ: 01/02/2025 (\(reason.vietnameseName))"), "\(shown.output)")
            #expect(!shown.output.contains("(\(reason.rawValue))"))
        }
    }

    @Test func logNamesTheKindOfEveryRecordInVietnamese() throws {
        try start()
        let added = try Sochibo.run(
            ["user", "add", "thu.napan", "--role", "secretary", "--cell", "cb-na-pan", "--archive", archive],
            input: "mật khẩu dài\nmật khẩu dài\n")
        #expect(added.status == 0, "\(added.errors)")
        let died = try run(["member", "death", "np-12", "--date", "01/02/2025", "--by", "Hà Văn Lợi"])
        #expect(died.status == 0, "\(died.errors)")
        let log = try run(["log"])
        #expect(log.status == 0)
        for kind in [
            "đảng bộ dbx-hop-thanh", "chi bộ cb-na-pan", "đảng viên np-12", "biên bản np-2024-12", "văn bản np-nq-",
        ] {
            #expect(log.output.contains(kind), "\(kind)")
        }
        #expect(log.output.contains("tài khoản thu.napan"))
        for english in ["organization ", "cell ", "member ", "meeting ", "document ", "account "] {
            #expect(!log.output.contains(english), "\(english)")
        }
    }

    @Test func anEarlierVersionSaysWhenItWasReplacedInLocalTimeAsTheLogDoes() throws {
        try start()
        let id = "cb-na-pan-2024-12-28"
        #expect(try run(["file", Self.minutes, "--by", "Hà Văn Lợi"]).status == 0)
        #expect(try run(["approve", id, "--confirm", "--by", "Hà Văn Lợi"]).status == 0)
        let corrected = directory + "/sua.txt"
        #expect(try run(["template", "--from", id, "-o", corrected]).status == 0)
        let text = try String(contentsOfFile: corrected, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Kết thúc: 21:20", with: "Kết thúc: 21:25").utf8)
            .write(to: URL(fileURLWithPath: corrected))
        let correction = try run(["correct", id, corrected, "--by", "Hà Văn Lợi", "--reason", "ghi sai giờ"])
        #expect(correction.status == 0, "\(correction.errors)")
        // A zone far from UTC, so that local time and the stored time differ.
        let zone = ["TZ": "Asia/Ho_Chi_Minh", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
        let shown = try run(["show", id, "--version", "1"], environment: zone)
        #expect(shown.status == 0, "\(shown.errors)")
        let first = shown.output.split(separator: "\n").first.map(String.init) ?? ""
        let log = try run(["log", id], environment: zone)
        let row = try #require(log.output.split(separator: "\n").first { $0.contains("đính chính") })
        let time = try #require(row.split(separator: " ", omittingEmptySubsequences: true).dropFirst().prefix(3))
        #expect(
            first
                == "Phiên bản 1 của \(id) (phiên bản hiện hành là 2; đã được thay lúc \(time.joined(separator: " ")))",
            "\(first) / \(row)")
        #expect(!first.contains("Z)") && !first.contains("T"), "\(first)")
    }

    // MARK: list members, template

    @Test func listMembersIsInVietnameseOrderOfCellsAndNames() throws {
        try start()
        let byName = try run(["member", "list", "--cell", "cb-na-pan"])
        let register = byName.output.split(separator: "\n").map { String($0.split(separator: "\t")[1]) }
        let listed = try run(["list", "members", "--cell", "cb-na-pan", "--format", "json"])
        let members = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let names = members.compactMap { $0["fullName"] as? String }
        #expect(names.count == register.count && names.count > 5)
        #expect(names == register, "\(names)")
        let ids = members.compactMap { $0["id"] as? String }
        #expect(ids != ids.sorted(), "the sample's codes are not in the order of names")
        for (left, right) in zip(names, names.dropFirst()) {
            #expect(!VietnameseCollation.personPrecedes(right, left), "\(left) before \(right)")
        }
        // Every cell: cells in the order `list cells` gives (of their names), each by name.
        let cells = try #require(
            try JSONSerialization.jsonObject(with: Data(try run(["list", "cells", "--format", "json"]).output.utf8))
                as? [[String: Any]]
        ).compactMap { $0["id"] as? String }
        let all = try #require(
            try JSONSerialization.jsonObject(with: Data(try run(["list", "members", "--format", "json"]).output.utf8))
                as? [[String: Any]])
        let order = all.compactMap { $0["cell"] as? String }
        #expect(order.count == all.count && cells.count == 3)
        #expect(order.map { cells.firstIndex(of: $0) ?? -1 } == order.map { cells.firstIndex(of: $0) ?? -1 }.sorted())
        let text = try run(["list", "members"])
        let first = all.first?["fullName"] as? String ?? "?"
        #expect(text.output.split(separator: "\n").dropFirst(2).first?.contains(first) == true, "\(text.output)")
    }

    @Test func aTemplateForYear0024IsRefusedAsFileRefusesSuchAForm() throws {
        try start()
        let refused = try run(["template", "meeting", "--cell", "cb-na-pan", "--date", "28/12/0024"])
        #expect(refused.status == 1 && refused.output.isEmpty, "\(refused.output)")
        #expect(refused.errorLines.count == 1, "\(refused.errors)")
        let line = refused.errorLines.first ?? ""
        #expect(line.hasPrefix("sochibo: --date: ngày 28/12/0024 trước khi Chi bộ thôn Nà Pàn có nhiệm kỳ đầu tiên"))
        // The same sentence as `file` gives for a form of that day.
        let form = directory + "/nam-0024.txt"
        try Data(
            try String(contentsOfFile: Self.minutes, encoding: .utf8)
                .replacingOccurrences(of: "Ngày: 2024-12-28", with: "Ngày: 28/12/0024").utf8
        ).write(to: URL(fileURLWithPath: form))
        let filed = try run(["file", form])
        #expect(filed.status == 1)
        let sentence = String(line.dropFirst("sochibo: --date: ".count).dropLast())
        #expect(filed.errors.contains(sentence), "\(filed.errors)")
        // A date within the cell's life is still given its form, a day not yet come too.
        #expect(try run(["template", "meeting", "--cell", "cb-na-pan", "--date", "28/12/2024"]).status == 0)
        let tomorrow = try run(["template", "meeting", "--cell", "cb-na-pan", "--date", "31/12/2099"])
        #expect(tomorrow.status == 0, "\(tomorrow.errors)")
    }
}
