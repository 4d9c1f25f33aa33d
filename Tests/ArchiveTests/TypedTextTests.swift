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
        ("", .blank),
        ("cóc", .unknown),
    ])
    func presenceAsWritten(_ text: String, _ expected: FormFieldReader.PresenceReading) {
        #expect(FormFieldReader.presence(text) == expected)
    }
}
