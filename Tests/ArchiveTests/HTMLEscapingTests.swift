import ArchivePages
import Mustache
import Testing

/// `HTMLText.escape`, which every template now uses, writes what swift-mustache's own HTML
/// escaping writes for text as people type it, and escapes a quote the library leaves.
@Suite struct HTMLEscapingTests {
    /// The library's escaping of `text`: a template without a content-type pragma.
    static func library(_ text: String) throws -> String {
        try MustacheTemplate(string: "{{.}}").render(text)
    }

    @Test func ordinaryTextIsEscapedAsTheLibraryEscapesIt() throws {
        let ascii = String(String.UnicodeScalarView((0x20...0x7E).compactMap(Unicode.Scalar.init)))
        let texts = [
            "", ascii, "Nghị quyết \"số 5\" <mật> & 'chi bộ'", "Đảng ủy xã Hợp Thành", "a&&b<<>>\"\"''",
            "&amp; already", "Hoà Hòa Thuỷ Thủy", "Ðảng\u{A0}viên", "😀 <b>", "\u{FEFF}'\u{200B}'",
        ]
        for text in texts {
            #expect(HTMLText.escape(text) == (try Self.library(text)), "\(text)")
        }
    }

    @Test func aQuoteFollowedByACombiningMarkIsEscaped() throws {
        // One Character to the library's lookup, so it stays; a browser still ends an
        // attribute's value at the quote.
        let text = "x\"\u{301} autofocus onfocus=alert(1) y='\u{300}"
        let escaped = HTMLText.escape(text)
        #expect(!escaped.utf8.contains(UInt8(ascii: "\"")))
        #expect(!escaped.utf8.contains(UInt8(ascii: "'")))
        #expect(Array(escaped.utf8) == Array("x&quot;\u{301} autofocus onfocus=alert(1) y=&#39;\u{300}".utf8))
        #expect((try Self.library(text)).utf8.contains(UInt8(ascii: "\"")))
    }

    @Test func everyTemplateEscapesWithIt() throws {
        let pages = try Pages()
        // A partial rendered on its own: the engine gives it the library's escaping unless
        // the partial itself names another.
        let rendered = try #require(pages.library.render(["text": "x\"\u{301}<"], withTemplate: "paragraph"))
        #expect(!rendered.utf8.contains(UInt8(ascii: "\"")), "\(rendered)")
        #expect(rendered.contains("<p>x&quot;\u{301}&lt;</p>"), "\(rendered)")
    }
}
