import Foundation

/// libxml2's English messages about a file, said in Vietnamese (issue 11, item 11: no English
/// in what a secretary reads). The common schema and parser messages are recognised by their
/// fixed English wording and rebuilt around what they quote (element, attribute, value); a
/// message not recognised keeps libxml2's words, after a Vietnamese sentence saying what kind
/// of fault it is, so that nothing libxml2 said is lost.
///
/// ```swift
/// XMLMessageWording.schema("Element '{urn:sochibo:archive:1}birthYear': 'abc' is not a valid value of the atomic type 'xs:gYear'.")
/// // "phần tử <birthYear>: «abc» không phải một năm (bốn chữ số, ví dụ 1956)"
/// ```
public enum XMLMessageWording {
    /// A schema message (libxml2's `xmlschemas`), in Vietnamese.
    public static func schema(_ raw: String) -> String {
        var message = trimmed(raw)
        var place = ""
        if let match = message.firstMatch(of: #/^Element '([^']*)'(?:, attribute '([^']*)')?: /#) {
            place = "phần tử <\(localName(String(match.1)))>"
            if let attribute = match.2 { place += ", thuộc tính \(attribute)" }
            message = String(message[match.range.upperBound...])
        }
        let said = schemaRest(message)
        return said.map { place.isEmpty ? $0 : place + ": " + $0 }
            ?? (place.isEmpty ? raw : place + ": " + message)
    }

    /// A parser message (libxml2's well-formedness errors), in Vietnamese; `nil` when it is not
    /// one of those recognised (the caller keeps libxml2's words).
    public static func parser(_ raw: String) -> String? {
        let message = trimmed(raw)
        if let match = message.firstMatch(of: #/^Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)/#) {
            return "thẻ mở <\(match.1)> (dòng \(match.2)) không khớp với thẻ đóng </\(match.3)>"
        }
        if let match = message.firstMatch(of: #/^Premature end of data in tag (\S+) line (\d+)/#) {
            return "tệp hết giữa chừng: thẻ <\(match.1)> mở ở dòng \(match.2) chưa được đóng"
        }
        if message.hasPrefix("Input is not proper UTF-8") {
            return "có byte không phải UTF-8 (tệp được lưu bằng bảng mã khác, như Windows-1258 hay TCVN3)"
        }
        if let match = message.firstMatch(of: #/^Couldn't find end of Start Tag (\S+)/#) {
            return "thẻ <\(match.1)> chưa được viết hết (thiếu dấu >)"
        }
        if message.hasPrefix("Extra content at the end of the document") {
            return "còn nội dung sau thẻ đóng cuối cùng của tệp"
        }
        if message.hasPrefix("xmlParseEntityRef: no name") || message.hasPrefix("EntityRef: expecting ';'") {
            return "dấu & phải được viết là &amp;"
        }
        if message.hasPrefix("StartTag: invalid element name") {
            return "tên thẻ không hợp lệ (dấu < phải được viết là &lt;)"
        }
        if let match = message.firstMatch(of: #/^(?:PCDATA )?invalid Char value (\d+)/#) {
            return "có ký tự điều khiển không được phép (mã \(match.1))"
        }
        if let match = message.firstMatch(of: #/^xmlParseCharRef: invalid xmlChar value (\d+)/#) {
            return "tham chiếu tới ký tự điều khiển không được phép (mã \(match.1))"
        }
        if let match = message.firstMatch(of: #/^Attribute (\S+) redefined/#) {
            return "thuộc tính \(match.1) được viết hai lần trong một thẻ"
        }
        if message.hasPrefix("attributes construct error") || message.hasPrefix("AttValue: \" or ' expected") {
            return "thuộc tính viết sai (giá trị phải nằm trong dấu nháy)"
        }
        return nil
    }

    /// What follows the element in a schema message, or nil when not recognised.
    private static func schemaRest(_ message: String) -> String? {
        if let match = message.firstMatch(
            of: #/^'(.*)' is not a valid value of the (?:local )?(?:atomic|list|union) type(?: '([^']*)')?\.?$/#)
        {
            return "«\(match.1)» không phải \(typeName(match.2.map(String.init)))"
        }
        if let match = message.firstMatch(
            of: #/^\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.?$/#)
        {
            let allowed = match.2.split(separator: ",").map { $0.trimmingCharacters(in: [" ", "'"]) }
            return "«\(match.1)» không thuộc các giá trị được phép (\(allowed.joined(separator: ", ")))"
        }
        if let match = message.firstMatch(of: #/^\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern/#)
        {
            return "«\(match.1)» không đúng dạng quy định"
        }
        if let match = message.firstMatch(
            of:
                #/^\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'/#
        ) {
            return "dài \(match.1) ký tự, quá \(match.2) ký tự cho phép"
        }
        if let match = message.firstMatch(
            of:
                #/^\[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'/#
        ) {
            return "dài \(match.1) ký tự, cần ít nhất \(match.2) ký tự"
        }
        if let match = message.firstMatch(
            of: #/^\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed \('(.*)'\)/#)
        {
            return "«\(match.1)» nhỏ hơn mức thấp nhất cho phép (\(match.2))"
        }
        if let match = message.firstMatch(
            of: #/^\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value allowed \('(.*)'\)/#)
        {
            return "«\(match.1)» lớn hơn mức cao nhất cho phép (\(match.2))"
        }
        if let match = message.firstMatch(of: #/^Missing child element\(s\)\. Expected is (?:one of )?\( (.*) \)\.?$/#)
        {
            return "thiếu phần tử con: " + elements(String(match.1))
        }
        if let match = message.firstMatch(
            of: #/^This element is not expected\.(?: Expected is (?:one of )?\( (.*) \)\.?)?$/#)
        {
            return "phần tử này không được đặt ở đây"
                + (match.1.map { " (chỗ này cần: " + elements(String($0)) + ")" } ?? "")
        }
        if let match = message.firstMatch(of: #/^The attribute '([^']*)' is required but missing\.?$/#) {
            return "thiếu thuộc tính bắt buộc \(match.1)"
        }
        if let match = message.firstMatch(of: #/^The attribute '([^']*)' is not allowed\.?$/#) {
            return "không có thuộc tính \(match.1) trong định dạng"
        }
        if message.hasPrefix("Character content other than whitespace is not allowed") {
            return "không được viết chữ trực tiếp ở đây, chỉ đặt các phần tử con"
        }
        if message.hasPrefix("Element content is not allowed") {
            return "không được đặt phần tử con ở đây, chỉ viết chữ"
        }
        if message.hasPrefix("No matching global declaration available for the validation root") {
            return "phần tử gốc không phải <archive> của định dạng Sổ Chi Bộ"
        }
        return nil
    }

    /// The kind of value a schema type asks for, in Vietnamese.
    private static func typeName(_ type: String?) -> String {
        switch type.map(localName) {
        case "date": "một ngày có thật, viết dạng YYYY-MM-DD (ví dụ 2024-12-28)"
        case "gYear": "một năm (bốn chữ số, ví dụ 1956)"
        case "time": "một giờ dạng HH:MM:SS (ví dụ 19:30:00)"
        case "dateTime": "một thời điểm dạng YYYY-MM-DDTHH:MM:SSZ"
        case "integer", "int", "nonNegativeInteger", "positiveInteger": "một số nguyên"
        case "boolean": "true hoặc false"
        case "base64Binary": "dữ liệu base64"
        case "Identifier": "một mã hợp lệ (chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang)"
        case "Sha256": "một mã sha256 (64 chữ số hệ 16)"
        default: "giá trị hợp lệ" + (type.map { " (kiểu \(localName($0)))" } ?? "")
        }
    }

    /// "{urn:…}date, {urn:…}time" → "<date>, <time>".
    private static func elements(_ list: String) -> String {
        list.split(separator: ",").map { "<" + localName($0.trimmingCharacters(in: .whitespaces)) + ">" }
            .joined(separator: ", ")
    }

    /// A name without its namespace or prefix: "{urn:sochibo:archive:1}date" and "xs:date" → "date".
    private static func localName(_ name: String) -> String {
        if let close = name.lastIndex(of: "}") { return String(name[name.index(after: close)...]) }
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
