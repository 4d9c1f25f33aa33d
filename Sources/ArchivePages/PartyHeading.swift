import ArchiveCore

/// The heading every Party document and set of minutes opens with, as HTML: on the left the
/// parent committee in capitals over the issuing cell in bold capitals, a star, and the
/// number line when there is one; on the right "ĐẢNG CỘNG SẢN VIỆT NAM" in bold, underlined,
/// over the place-and-date line in italics. Markings (Mật, Dự thảo) go under the left column.
///
/// ```swift
/// PartyHeading.html(
///     parent: "Đảng bộ xã Hợp Thành", issuer: "Chi bộ thôn Phai Luông", number: "Số 01-NQ/CB",
///     markings: [], placeAndDate: "Phai Luông, ngày 06 tháng 01 năm 2023")
/// ```
enum PartyHeading {
    /// A marking printed in a frame under the left column.
    struct Marking {
        /// The text, printed as given ("MẬT", "DỰ THẢO").
        var text: String
        /// The CSS class that styles it.
        var style: String
    }

    /// The heading. Every text is escaped here; `number` may carry `&nbsp;` for a blank number
    /// and is passed through as markup.
    static func html(
        parent: String, issuer: String, number: String?, markings: [Marking], placeAndDate: String
    )
        -> String
    {
        let numberLine = number.map { "<div class=\"number\">\($0)</div>" } ?? ""
        let marks = markings.map { "<div class=\"marking \($0.style)\">\(HTMLText.escape($0.text))</div>" }
            .joined()
        return """
            <header class="heading">
            <div class="issuer">
            <div class="parent">\(HTMLText.escape(parent.uppercased()))</div>
            <div class="cell">\(HTMLText.escape(issuer.uppercased()))</div>
            <div class="star">*</div>
            \(numberLine)\(marks)
            </div>
            <div class="nation">
            <div class="party">ĐẢNG CỘNG SẢN VIỆT NAM</div>
            <div class="date">\(HTMLText.escape(placeAndDate))</div>
            </div>
            </header>
            """
    }

    /// The stylesheet of the heading.
    static let style = """
        .heading { display: grid; grid-template-columns: 44% 56%; align-items: start; text-align: center;
                   line-height: 1.3; }
        .heading .parent { font-size: 13pt; }
        .heading .cell { font-size: 13pt; font-weight: bold; }
        .heading .star { margin: 0 0 2pt; }
        .heading .number { font-size: 13pt; }
        .heading .party { font-size: 15pt; font-weight: bold; text-decoration: underline; text-decoration-thickness: 1pt;
                          text-underline-offset: 4pt; }
        .heading .date { margin-top: 24pt; font-style: italic; }
        .marking { display: inline-block; margin: 8pt 4pt 0; padding: 1pt 10pt; border: 1.5pt solid #000;
                   font-weight: bold; letter-spacing: .5pt; }
        .marking.draft { border-style: double; border-width: 3pt; }
        """
}
