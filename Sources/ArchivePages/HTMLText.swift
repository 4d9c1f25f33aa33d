import Mustache

/// Text made safe for HTML by the template engine's own escaping (`&`, `<`, `>`, `"` and `'`),
/// for text that must be escaped outside a template, such as a search snippet before its
/// match marks become `<mark>`. Pages escape their text in their templates instead.
///
/// ```swift
/// HTMLText.escape("Nghị quyết \"số 5\" <mật>")   // Nghị quyết &quot;số 5&quot; &lt;mật&gt;
/// ```
public enum HTMLText {
    /// `text` as the engine writes it for `{{text}}`.
    public static func escape(_ text: String) -> String {
        variable.render(text)
    }

    /// `{{.}}`: the rendered object, escaped.
    private static let variable = try! MustacheTemplate(string: "{{.}}")
}
