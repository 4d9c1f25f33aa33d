import ArchiveCore
import Testing

/// libxml2's messages about a file, in Vietnamese (issue 11, item 11), from the messages
/// libxml2 2.9 really writes; one not recognised keeps libxml2's own words after its place.
@Suite struct XMLMessageWordingTests {
    static let element = "Element '{urn:sochibo:archive:1}"

    @Test(arguments: [
        (
            element + "birthYear': 'abc' is not a valid value of the atomic type 'xs:gYear'.",
            "phần tử <birthYear>: «abc» không phải một năm (bốn chữ số, ví dụ 1956)"
        ),
        (
            element
                + "entry', attribute 'action': [facet 'enumeration'] The value 'boss' is not an element of the set {'import', 'file'}.",
            "phần tử <entry>, thuộc tính action: «boss» không thuộc các giá trị được phép (import, file)"
        ),
        (
            element + "meeting': Missing child element(s). Expected is ( {urn:sochibo:archive:1}agenda ).",
            "phần tử <meeting>: thiếu phần tử con: <agenda>"
        ),
        (
            element + "meeting': The attribute 'date' is required but missing.",
            "phần tử <meeting>: thiếu thuộc tính bắt buộc date"
        ),
        (
            element + "meeting', attribute 'colour': The attribute 'colour' is not allowed.",
            "phần tử <meeting>, thuộc tính colour: không có thuộc tính colour trong định dạng"
        ),
        (
            element
                + "rating', attribute 'score': [facet 'maxInclusive'] The value '140' is greater than the maximum value allowed ('100').",
            "phần tử <rating>, thuộc tính score: «140» lớn hơn mức cao nhất cho phép (100)"
        ),
        (
            element
                + "title': [facet 'maxLength'] The value has a length of '600'; this exceeds the allowed maximum length of '500'.",
            "phần tử <title>: dài 600 ký tự, quá 500 ký tự cho phép"
        ),
        (
            element
                + "cell': Character content other than whitespace is not allowed because the content type is 'element-only'.",
            "phần tử <cell>: không được viết chữ trực tiếp ở đây, chỉ đặt các phần tử con"
        ),
        (
            element + "foo': This element is not expected.",
            "phần tử <foo>: phần tử này không được đặt ở đây"
        ),
        // Not recognised: libxml2's words stay, after the place.
        (element + "x': Something new in a later libxml2.", "phần tử <x>: Something new in a later libxml2."),
    ])
    func schemaMessages(_ raw: String, _ said: String) {
        #expect(XMLMessageWording.schema(raw) == said)
    }

    @Test(arguments: [
        (
            "Opening and ending tag mismatch: p line 54 and proceedings",
            "thẻ mở <p> (dòng 54) không khớp với thẻ đóng </proceedings>"
        ),
        (
            "Input is not proper UTF-8, indicate encoding !\nBytes: 0xD0 0x3C 0x2F 0x6E",
            "có byte không phải UTF-8 (tệp được lưu bằng bảng mã khác, như Windows-1258 hay TCVN3)"
        ),
        ("Premature end of data in tag archive line 2", "tệp hết giữa chừng: thẻ <archive> mở ở dòng 2 chưa được đóng"),
        ("xmlParseEntityRef: no name", "dấu & phải được viết là &amp;"),
        ("PCDATA invalid Char value 1", "có ký tự điều khiển không được phép (mã 1)"),
    ])
    func parserMessages(_ raw: String, _ said: String) {
        #expect(XMLMessageWording.parser(raw) == said)
    }

    @Test func anUnknownParserMessageIsLeftToTheCaller() {
        #expect(XMLMessageWording.parser("Something else entirely") == nil)
    }
}
