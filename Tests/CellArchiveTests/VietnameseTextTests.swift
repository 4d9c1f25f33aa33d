import CellArchive
import Testing

@Suite("Vietnamese folding and words")
struct VietnameseTextTests {
    @Test func foldsEveryMarkAndD() {
        #expect(VietnameseText.fold("Đảng viên") == "dang vien")
        #expect(VietnameseText.fold("NGHỊ QUYẾT") == "nghi quyet")
        #expect(VietnameseText.fold("ư ơ ă â ê ô đ Ư Ơ Ă Â Ê Ô Đ") == "u o a a e o d u o a a e o d")
        #expect(VietnameseText.fold("thuở ấy, người ở đây") == "thuo ay, nguoi o day")
        // Decomposed input folds the same.
        #expect(VietnameseText.fold("Nghi\u{0323} quye\u{0302}\u{0301}t") == "nghi quyet")
        for word in ["đảng", "đang", "dáng", "dạng"] { #expect(VietnameseText.fold(word) == "dang") }
    }

    @Test func splitsLikeUnicode61() {
        #expect(
            VietnameseText.words("Số 05-NQ/CB, ngày 06/01/2023.").map(\.folded) == [
                "so", "05", "nq", "cb", "ngay", "06", "01", "2023",
            ])
        let words = VietnameseText.words("  Đảng viên “gương mẫu” ")
        #expect(words.map(\.exact) == ["đảng", "viên", "gương", "mẫu"])
        #expect(words.map(\.folded) == ["dang", "vien", "guong", "mau"])
        let text = "Chi bộ thôn Nà Pàn"
        #expect(words.isEmpty == false && String(text[VietnameseText.words(text)[3].range]) == "Nà")
    }

    @Test func knowsWhenTextCarriesMarks() {
        #expect(VietnameseText.hasDiacritics("Đảng"))
        #expect(VietnameseText.hasDiacritics("dảng"))
        #expect(!VietnameseText.hasDiacritics("Dang Vien"))
    }
}
