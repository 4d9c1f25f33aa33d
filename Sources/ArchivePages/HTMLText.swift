import Mustache

/// HTML escaping: `&`, `<`, `>`, `"` and `'`, the characters swift-mustache's own HTML content
/// type replaces, with the same entities. Every template is rendered with it (`Pages.init`
/// names it in a `CONTENT_TYPE` pragma at the head of each one), and `escape` serves text that
/// must be escaped outside a template, such as a search snippet before its match marks become
/// `<mark>`.
///
/// It finds the five characters by their UTF-8 bytes and returns a text with none of them as
/// it is. swift-mustache's `HTMLContentType` walks each value Character by Character with a
/// dictionary lookup per Character: under load that was the largest single cost of a page
/// (13% of the server's time on a cell's page). By bytes it is also stricter: a quote
/// followed by a combining mark is one Character (`"́`), which the library's lookup does not
/// find and leaves as it is, although a browser ends an attribute's value at that quote.
///
/// ```swift
/// HTMLText.escape("Nghị quyết \"số 5\" <mật>")   // Nghị quyết &quot;số 5&quot; &lt;mật&gt;
/// ```
public enum HTMLText {
    /// `text` as every template writes it for `{{text}}`.
    public static func escape(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: isEscaped) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 32)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// The name the templates' pragma gives this escaping: `{{% CONTENT_TYPE: SOCHIBOHTML }}`.
    static let contentTypeName = "SOCHIBOHTML"

    /// `escape` as a swift-mustache content type.
    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLText.escape(text) }
    }
}
