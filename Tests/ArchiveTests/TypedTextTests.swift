import Testing

@testable import ArchiveCore

/// Text as people type it: one tone placement, invisible characters, Đ look-alikes, Vietnamese
/// order, dates and times (issue 11, items 5–8).
@Suite("Typed text")
struct TypedTextTests {
    @Test(arguments: [("hoà", "hòa"), ("thuỷ", "thủy"), ("Đảng uỷ", "Đảng ủy"), ("khoẻ", "khỏe"), ("Thuý", "Thúy")])
    func bothTonePlacementsCompareEqual(_ old: String, _ new: String) {
        #expect(VietnameseText.comparable(old) == VietnameseText.comparable(new))
        #expect(VietnameseText.tonePlacementNormalized(old) == new)
    }

    @Test func hoaStaysApartFromHoa() {
        #expect(VietnameseText.comparable("Hoà") != VietnameseText.comparable("Hoa"))
        #expect(VietnameseText.comparable("hoà giải") != VietnameseText.comparable("hóa giải"))
    }

    @Test func invisibleAndLookAlikeCharactersAreCleaned() {
        #expect(TextNormalization.cleaned("Ðảng\u{A0}viên\u{200B}\u{AD}") == "Đảng viên")
        #expect(TextNormalization.cleaned("Ɖoàn\u{202F}Thị\u{FEFF}") == "Đoàn Thị")
        #expect(TextNormalization.cleaned("a\u{85}b\u{7F}c") == "abc")
        #expect(TextNormalization.collapsed(" Lương Văn\u{A0} Hòa ") == "Lương Văn Hòa")
        #expect(VietnameseText.withoutStroke("Ðảng ðoàn Ɖ ɖ đ Đ") == "Dảng doàn D d d D")
    }

    @Test func vietnameseOrder() {
        let names = [
            "Yên Bình", "Đồng Tâm", "Ân Thi", "Dương Xá", "Bắc Sơn", "Ba Vì", "An", "Ăn", "Ơn", "Ôn", "Ưng", "Uyên",
        ]
        #expect(
            names.sorted(by: VietnameseCollation.precedes) == [
                "An", "Ăn", "Ân Thi", "Ba Vì", "Bắc Sơn", "Dương Xá", "Đồng Tâm", "Ôn", "Ơn", "Uyên", "Ưng", "Yên Bình",
            ])
        #expect(VietnameseCollation.precedes("ma", "mà") && VietnameseCollation.precedes("mả", "má"))
        // Numbers by their value: "Tổ dân phố số 2" before "số 10"; "Thôn 1" before "Thôn 1A".
        let numbered = ["Thôn 10", "Thôn 2", "Thôn 1A", "Thôn 01", "Thôn Bản", "Thôn", "Thôn 100"]
        #expect(
            numbered.sorted(by: VietnameseCollation.precedes) == [
                "Thôn", "Thôn 01", "Thôn 1A", "Thôn 2", "Thôn 10", "Thôn 100", "Thôn Bản",
            ])
    }

    /// A cell or committee by what people know it as (issue 11, item 9).
    @Test func namesAsPeopleKnowThem() {
        let cells = [
            (id: "cb-na-pan", name: "Chi bộ thôn Nà Pàn"), (id: "cb-na-pan-2", name: "Chi bộ thôn Na Pan"),
            (id: "cb-phai-luong", name: "Chi bộ thôn Phai Luông"), (id: "cb-hoa", name: "Chi bộ thôn Hoà Bình"),
            (id: "cb-hoa-2", name: "Chi bộ tổ dân phố Hòa Bình"),
        ]
        #expect(NameMatch.find("cb-phai-luong", among: cells) == .found("cb-phai-luong"))
        #expect(NameMatch.find("Chi bộ thôn Phai Luông", among: cells) == .found("cb-phai-luong"))
        #expect(NameMatch.find("phai luong", among: cells) == .found("cb-phai-luong"))
        #expect(NameMatch.find(" Phai\u{A0}Luông ", among: cells) == .found("cb-phai-luong"))
        // With marks, the marks decide; without them, two cells answer.
        #expect(NameMatch.find("Nà Pàn", among: cells) == .found("cb-na-pan"))
        #expect(NameMatch.find("Na Pan", among: cells) == .found("cb-na-pan-2"))
        // Marks that match neither exactly: both, to choose from, in Vietnamese order.
        guard case .ambiguous(let two) = NameMatch.find("thôn na pàn", among: cells) else {
            Issue.record("“thôn na pàn” should name two cells")
            return
        }
        #expect(two.map(\.id) == ["cb-na-pan-2", "cb-na-pan"])
        // Both conventions of tone placement name the same place: two cells are "Hòa Bình".
        guard case .ambiguous(let hoaBinh) = NameMatch.find("Hoà Bình", among: cells) else {
            Issue.record("Hoà Bình should name two cells")
            return
        }
        #expect(hoaBinh.map(\.id) == ["cb-hoa", "cb-hoa-2"])
        // A name that is none: the closest, to choose from.
        guard case .none(let closest) = NameMatch.find("Pai Luong", among: cells) else {
            Issue.record("Pai Luong is not a cell")
            return
        }
        #expect(closest.first?.id == "cb-phai-luong")
    }

    /// Members by code or full name, one matcher for forms and the command line.
    @Test func peopleByTheirNames() {
        let people = [
            (id: "np-01", name: "Hà Văn Lợi"), (id: "np-02", name: "Lý Thị Thu"), (id: "np-12", name: "Hứa Thị Thủy"),
            (id: "pl-30", name: "Hà Văn Lợi"), (id: "np-06", name: "Lương Văn Hòa"),
            (id: "np-07", name: "Lương Văn Hoa"),
        ]
        #expect(NameMatch.findPerson("np-02", among: people) == .found("np-02"))
        #expect(NameMatch.findPerson("ly thi thu", among: people) == .found("np-02"))
        #expect(NameMatch.findPerson("Lương Văn Hoà", among: people) == .found("np-06"))
        #expect(
            NameMatch.findPerson("Hà Văn Lợi", among: people)
                == .ambiguous([
                    NameMatch.Candidate(id: "np-01", name: "Hà Văn Lợi"),
                    NameMatch.Candidate(id: "pl-30", name: "Hà Văn Lợi"),
                ]))
        guard case .none(let closest) = NameMatch.findPerson("Lý Thị Thuy", among: people) else {
            Issue.record("“Lý Thị Thuy” is nobody")
            return
        }
        #expect(closest.map(\.id) == ["np-02", "np-12"])
        guard case .none(let byGivenName) = NameMatch.findPerson("Nguyễn Văn Thu", among: people) else {
            Issue.record("“Nguyễn Văn Thu” is nobody")
            return
        }
        #expect(byGivenName.map(\.id) == ["np-02"])
    }

    /// A document's meeting by its code, its day, or its cell and day (issue 11, item 9).
    @Test func aDocumentsMeetingByItsDay() throws {
        let cell = Cell(
            id: "cb-na-pan", organizationID: "dbx", issuerCode: "CB", name: "Chi bộ thôn Nà Pàn", terms: [], members: []
        )
        let known = ["np-2024-11": LocalDate("2024-11-08")!, "np-2024-12": LocalDate("2024-12-15")!]
        func id(_ written: String) -> String? { try? DocumentForm.meeting(written, cell: cell, known: known).get() }
        func problem(_ written: String) -> String {
            guard case .failure(let problem) = DocumentForm.meeting(written, cell: cell, known: known) else {
                return ""
            }
            return problem.message
        }
        #expect(id("np-2024-12") == "np-2024-12")
        #expect(id("15/12/2024") == "np-2024-12")
        #expect(id("ngày 15/12/2024") == "np-2024-12")
        #expect(id("Nà Pàn 08/11/2024") == "np-2024-11")
        #expect(id("Chi bộ thôn Nà Pàn ngày 2024-11-08") == "np-2024-11")
        #expect(problem("np-2024-13").hasSuffix("có phải: np-2024-11 (ngày 08/11/2024); np-2024-12 (ngày 15/12/2024)?"))
        #expect(
            problem("14/12/2024").hasSuffix(
                "ngày 14/12/2024; có phải: np-2024-12 (ngày 15/12/2024); np-2024-11 (ngày 08/11/2024)?"))
        #expect(problem("Phai Luông 15/12/2024").hasPrefix("“Phai Luông” không phải Chi bộ thôn Nà Pàn"))
        #expect(problem("15/12/24").contains("hai chữ số"))
    }

    @Test func datesAsTyped() {
        #expect(LocalDate.typed("28/12/2024") == .date(LocalDate("2024-12-28")!))
        #expect(LocalDate.typed("5/1/2024") == .date(LocalDate("2024-01-05")!))
        #expect(LocalDate.typed("2024-12-28") == .date(LocalDate("2024-12-28")!))
        #expect(LocalDate.typed("28/12/24") == .twoDigitYear("28/12/24"))
        #expect(LocalDate.typed("30/02/2024") == .invalid("30/02/2024"))
    }

    @Test(arguments: [
        ("19:30", "19:30"), ("19h", "19:00"), ("19h30", "19:30"), ("19.30", "19:30"), ("7 giờ tối", "19:00"),
        ("7 giờ 30 tối", "19:30"), ("7h30 sáng", "07:30"), ("2 giờ chiều", "14:00"), ("19g30", "19:30"),
        ("7 giờ rưỡi tối", "19:30"), ("19h rưỡi", "19:30"), ("8 giờ rưỡi sáng", "08:30"),
    ])
    func timesAsTyped(_ typed: String, _ expected: String) {
        #expect(TimeOfDay.typed(typed)?.description == expected)
    }

    @Test func nonsenseTimesAreRefused() {
        #expect(TimeOfDay.typed("25 giờ") == nil)
        #expect(TimeOfDay.typed("bảy giờ") == nil)
        #expect(TimeOfDay.typed("19:3") == nil)
    }

    @Test func oneMidnightRule() {
        #expect(Meeting.duration(from: TimeOfDay("22:30")!, to: TimeOfDay("00:15")!) == 105)
    }

    @Test(arguments: [
        ("vắng có lý do (đi viện)", FormFieldReader.PresenceReading.marked(.excused, reason: "đi viện")),
        ("vắng có lý do - ốm", .marked(.excused, reason: "ốm")),
        ("vắng có lí do – ốm", .marked(.excused, reason: "ốm")),
        ("vắng có lý do, ốm", .marked(.excused, reason: "ốm")),
        ("vắng có lý do: ốm", .marked(.excused, reason: "ốm")),
        ("vắng ko lý do", .marked(.unexcused, reason: nil)),
        ("vắng k lí do", .marked(.unexcused, reason: nil)),
        ("x", .marked(.present, reason: nil)),
        ("có", .marked(.present, reason: nil)),
        ("có mặt", .marked(.present, reason: nil)),
        ("có mặt (đến muộn)", .presentWithNote("đến muộn")),
        ("vắng (có lý do: ốm)", .marked(.excused, reason: "ốm")),
        ("vắng (có lý do) đi viện", .marked(.excused, reason: "đi viện")),
        ("vắng có lý do / ốm", .marked(.excused, reason: "ốm")),
        ("vắng có lý do: ốm (đi viện)", .marked(.excused, reason: "ốm (đi viện)")),
        ("vắng mặt có lý do: ốm", .marked(.excused, reason: "ốm")),
        ("vắng mặt không lý do", .marked(.unexcused, reason: nil)),
        ("có lý do: ốm", .marked(.excused, reason: "ốm")),
        ("không lý do", .marked(.unexcused, reason: nil)),
        ("", .blank),
        ("cóc", .unknown),
    ])
    func presenceAsWritten(_ text: String, _ expected: FormFieldReader.PresenceReading) {
        #expect(FormFieldReader.presence(text) == expected)
    }
}

/// The collation key's table of precomposed letters gives the key their decomposition gives,
/// for every character it holds and for names as they are written.
@Suite struct CollationTableTests {
    @Test func everyLetterOfTheTableSortsAsItsDecompositionDoes() {
        let scalars = (0x20...0x24F).compactMap(Unicode.Scalar.init) + (0x1E00...0x1EFF).compactMap(Unicode.Scalar.init)
        for scalar in scalars where !(0x30...0x39).contains(scalar.value) {
            let text = "a" + String(Character(scalar)) + "b"
            #expect(
                VietnameseCollation.key(text) == VietnameseCollation.key(text, lookingUp: false),
                "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
    }

    @Test func namesAndTheirOrderAreTheSameEitherWay() throws {
        let sample = try String(contentsOfFile: Support.path("archive/samples/dbx-hop-thanh.xml"), encoding: .utf8)
        // Every name and word of the sample, in both tone-placement conventions and with
        // combining marks left apart (characters of two or three scalars take the slow way).
        let words = Set(sample.split(whereSeparator: { !$0.isLetter && $0 != " " }).map(String.init))
        var texts = Array(words) + ["Hoà", "Hòa", "Thuỷ", "Thủy", "Ðảng", "Tổ 10", "Tổ 2", "ẞ", "Ǆ"]
        texts += texts.map(\.decomposedStringWithCanonicalMapping)
        #expect(words.count > 200)
        let keys = texts.map {
            (fast: VietnameseCollation.key($0), slow: VietnameseCollation.key($0, lookingUp: false))
        }
        for (text, key) in zip(texts, keys) {
            #expect(key.fast == key.slow, "\(text)")
        }
        let indices = Array(texts.indices)
        #expect(indices.sorted { keys[$0].fast < keys[$1].fast } == indices.sorted { keys[$0].slow < keys[$1].slow })
    }
}
