import ArchiveCore
import Mustache

/// The HTML pages of the archive, rendered from the swift-mustache templates in `Templates/`:
/// the page shell, the Party heading, the A4 stylesheet, minutes and documents to print and
/// sign, and the yearly report with its month chart. The templates are compiled into the
/// program (SwiftPM `embedInCode` resources), parsed once by `init()` into ``library``; a
/// `Pages` is an immutable value, made once and shared by every caller and task.
///
/// Every page is one self-contained HTML document (UTF-8, no scripts, no external files).
/// The view models compute every text and figure; the templates lay them out, and every text
/// is escaped by the template engine. Mind one rule of the engine when adding a view: inside a
/// section, a name that the current view lacks, or holds as nil, is looked up in the views
/// around it, so a nil `{{#note}}` can print an outer `note`; name fields so that never happens.
///
/// ```swift
/// let pages = try Pages()
/// let page = pages.render(try archive.printable(id: "pl-nq-2023-01"))
/// // <!DOCTYPE html>… ĐẢNG CỘNG SẢN VIỆT NAM … Số 01-NQ/CB … Phai Luông, ngày 06 tháng 01 năm 2023 …
/// ```
public struct Pages: Sendable {
    /// The templates, each under the name of its file without the extension (`page`,
    /// `party-heading`, `minutes`, `document`, `summary`, `month-chart`…) and the stylesheet
    /// as `print-css`; a front end can register its own pages beside them and include these as
    /// partials, e.g. `{{<page}}{{$content}}…{{/content}}{{/page}}`.
    public let library: MustacheLibrary

    /// A template of the library that failed to parse: a fault of the program, not of the data.
    public struct TemplateError: Error, CustomStringConvertible {
        /// The template's name, e.g. `minutes`.
        public var name: String
        /// The parser's error.
        public var error: any Error

        public var description: String { "template \(name): \(error)" }
    }

    /// Parses the templates compiled into the program, each escaping its values with
    /// ``HTMLText`` (a `CONTENT_TYPE` pragma put at its head, which renders as nothing: the
    /// engine gives every partial the library's own escaping unless the partial names another).
    ///
    /// swift-mustache keeps its content types in a process-wide table; registering ours under
    /// its name again, as every `Pages` does, changes nothing.
    ///
    /// - throws: ``TemplateError`` if a template does not parse (which a test would catch).
    public init() throws {
        MustacheContentTypes.register(HTMLText.ContentType(), named: HTMLText.contentTypeName)
        let pragma = "{{% CONTENT_TYPE: \(HTMLText.contentTypeName) }}"
        var library = MustacheLibrary()
        for (name, bytes) in Self.sources {
            do {
                try library.register(pragma + "\n" + String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                throw TemplateError(name: name, error: error)
            }
        }
        self.library = library
    }

    /// The templates' names and texts, from the resources SwiftPM compiles into the module.
    private static var sources: [(String, [UInt8])] {
        [
            ("page", PackageResources.page_mustache),
            ("print-css", PackageResources.print_css),
            ("party-heading", PackageResources.party_heading_mustache),
            ("paragraph", PackageResources.paragraph_mustache),
            ("document", PackageResources.document_mustache),
            ("minutes", PackageResources.minutes_mustache),
            ("summary", PackageResources.summary_mustache),
            ("committee-report", PackageResources.committee_report_mustache),
            ("cell-figures", PackageResources.cell_figures_mustache),
            ("cell-findings", PackageResources.cell_findings_mustache),
            ("month-chart", PackageResources.month_chart_mustache),
        ] + webSources
    }

    /// `view` laid out by the template `name`, which `init()` registered.
    func render(_ view: Any, template name: String) -> String {
        #if DEBUG
            // A view read by `child(named:)` must answer as `Mirror` would (`TemplateView`).
            if let field = TemplateFields.mismatch(in: view) {
                preconditionFailure("\(field): child(named:) does not answer as the stored property")
            }
        #endif
        guard let page = library.render(view, withTemplate: name) else {
            preconditionFailure("the template \(name) is registered by Pages.init()")
        }
        return page
    }
}
