import Foundation
import GRDB
import Testing

@testable import ArchiveCore
@testable import ArchivePages
@testable import ArchiveSQLite

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

    @Test func writesTheStrokedDAsD() throws {
        #expect(VietnameseText.withoutStroke("Đảng đoàn ĐOÀN") == "Dảng doàn DOÀN")
        #expect(VietnameseText.withoutStroke("không có") == "không có")
        #expect(VietnameseText.withoutStroke("Ą ą ĉ đ") == "Ą ą ĉ d")  // other letters led by 0xC4 stay
        var texts = ["", "đ", "Đ", "xđ", "đx", "ĐđĐ"]
        texts += try String(contentsOfFile: Support.path("archive/samples/dbx-hop-thanh.xml"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        for text in texts {
            let expected = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            #expect(VietnameseText.withoutStroke(text) == expected)
        }
    }

    @Test func knowsWhenTextCarriesMarks() {
        #expect(VietnameseText.hasDiacritics("Đảng"))
        #expect(VietnameseText.hasDiacritics("dảng"))
        #expect(!VietnameseText.hasDiacritics("Dang Vien"))
    }

    /// Folding as first written: a dictionary of base letters, looked up per scalar.
    static let referenceTable: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [0x0110: "d", 0x0111: "d"]
        for range: ClosedRange<UInt32> in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range where value != 0x0110 && value != 0x0111 {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                if let base = decomposed.first, decomposed.count > 1, base.isASCII { table[value] = base }
            }
        }
        // SQLite's exceptions, which `foldsAsTheIndexDoes` finds.
        table[0x017F] = "s"
        table[0x1E9B] = "s"
        table[0x01E0] = nil
        table[0x01E1] = nil
        // The look-alikes of Đ đ (Ð ð Ɖ ɖ), which `search_folded` writes as d since v6.
        for value: UInt32 in [0x00D0, 0x00F0, 0x0189, 0x0256] { table[value] = "d" }
        return table
    }()

    static func referenceFold(_ text: String) -> String {
        let table = referenceTable
        var output: [UInt8] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
            } else if let base = table[value] {
                output.append(UInt8(base.value) | 0x20)
            } else if ![.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory) {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    output.append(contentsOf: String(lowered).utf8)
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Words as first written: a walk over Characters.
    static func referenceWords(_ text: String) -> [VietnameseText.Word] {
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil
                || [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
        }
        var words: [VietnameseText.Word] = []
        var start: String.Index?
        var index = text.startIndex
        func close(at end: String.Index) {
            guard let begin = start else { return }
            let exact = String(text[begin..<end]).lowercased().precomposedStringWithCanonicalMapping
            words.append(VietnameseText.Word(range: begin..<end, exact: exact, folded: referenceFold(exact)))
            start = nil
        }
        while index < text.endIndex {
            let isWord = text[index].unicodeScalars.contains(where: isWordScalar)
            if isWord && start == nil { start = index }
            if !isWord { close(at: index) }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return words
    }

    @Test func foldsEveryScalarAsFirstWritten() {
        for value in UInt32(0)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(scalar) + "Đ"
            #expect(VietnameseText.fold(text) == Self.referenceFold(text), "U+\(String(value, radix: 16))")
        }
    }

    /// The folded index is folded by SQL and SQLite's tokenizer, snippets and ranking by
    /// `fold`: the two must agree on every Latin letter, Vietnamese and all, or a hit would
    /// be found but not marked. Each letter is written between two others, in both cases, into
    /// a real archive's `search_text`, and the tokens `search_index` holds are read back.
    @Test func foldsAsTheIndexDoes() throws {
        let archive = try Support.emptyArchive()
        var words: [String] = ["Đảng đoàn ĐOÀN đồng chí Nguyễn Thị Ưởng"]
        for range: ClosedRange<UInt32> in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
                words.append("a" + String(scalar) + "b")
            }
        }
        let indexed = try archive.writer().write { db in
            for (number, word) in words.enumerated() {
                try db.execute(
                    sql: "INSERT INTO search_text (id, title, body, symbol) VALUES (?, ?, '', '')",
                    arguments: [number + 1, word])
            }
            try db.execute(
                sql: """
                    INSERT INTO search_index (search_index) VALUES ('rebuild');
                    CREATE VIRTUAL TABLE temp.folded_terms USING fts5vocab(main, search_index, instance);
                    """)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT doc, group_concat(term, ' ') FROM (
                        SELECT doc, term FROM temp.folded_terms ORDER BY doc, offset)
                    GROUP BY doc ORDER BY doc
                    """
            ).map { row -> String in row[1] }
        }
        #expect(indexed.count == words.count)
        var disagreements: [String] = []
        for (word, tokens) in zip(words, indexed) {
            let folded = VietnameseText.words(word).map(\.folded).joined(separator: " ")
            if folded != tokens { disagreements.append("\(word): fold \(folded), index \(tokens)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }

    @Test func scalarsTakenForCharactersNeverJoin() {
        let scalars = (UInt32(0)...0x2_FFFF).compactMap(Unicode.Scalar.init).filter(VietnameseText.isOwnCharacter)
        var joined: [String] = []
        for first in scalars {
            for second in scalars where !(first == "\r" && second == "\n") {
                var pair = String(first)
                pair.unicodeScalars.append(second)
                if pair.count != 2 {
                    joined.append("U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
                }
            }
        }
        #expect(joined.isEmpty, "\(joined.prefix(5))")
    }

    @Test func wordsAsFirstWritten() throws {
        var texts = [
            "Số 05-NQ/CB,\r\nngày 06/01/2023.", "e\u{0301}  Nghi\u{0323} quye\u{0302}\u{0301}t -\u{0301}x",
            "Ἀθῆναι Δ 👨‍👩‍👧 ok",
            "ǅ ǲ ß İ ﬁ Ⅻ ½ ٣ 한국어 ", "", "  ", "x", "“gương mẫu” … – —", "a\u{200D}b c\u{00AD}d",
        ]
        for file in ["fixtures/search/articles.xml", "archive/samples/dbx-hop-thanh.xml"] {
            texts += try String(contentsOfFile: Support.path(file), encoding: .utf8).split(separator: "\n").map(
                String.init)
        }
        for text in texts {
            let words = VietnameseText.words(text)
            let reference = Self.referenceWords(text)
            #expect(words.map(\.exact) == reference.map(\.exact), "\(text)")
            #expect(words.map(\.folded) == reference.map(\.folded), "\(text)")
            #expect(words.map { text[$0.range] } == reference.map { text[$0.range] }, "\(text)")
        }
    }
}
