import Foundation
import LibXML

extension XMLInputRefusal {
    /// The refusal in Vietnamese, saying what was refused and what to do; an attachment is
    /// named with its decoded size.
    ///
    /// ```swift
    /// XMLInputRefusal.base64TooLarge(element: "attachment", nameAttribute: "so.pdf", bytes: 150_000_000,
    ///                                limit: 104_857_600).vietnamese
    /// // "tệp đính kèm “so.pdf” (143,1 MB) vượt giới hạn 100 MB cho mỗi tệp đính kèm; …"
    /// ```
    package var vietnamese: String {
        switch self {
        case .tooManyAttributes(let limit):
            return "nội dung bị từ chối: một phần tử có quá \(limit) thuộc tính; "
                + "không phần tử nào của định dạng lưu trữ cần nhiều đến thế"
        case .doctype:
            return "nội dung bị từ chối: tệp có khai báo <!DOCTYPE>; định dạng lưu trữ không dùng DTD, "
                + "mọi thực thể và tham chiếu ra ngoài tệp đều bị từ chối"
        case .base64TooLarge(let element, let name, let bytes, let limit):
            let named = name.map { "“\($0)”" } ?? "không tên"
            // Just past the limit, both round alike ("100 MB vượt giới hạn 100 MB"): in bytes then.
            var (size, maximum) = (Self.megabytes(bytes), Self.megabytes(limit))
            if size == maximum { (size, maximum) = (Self.bytes(bytes), Self.bytes(limit)) }
            if element == "attachment" {
                return "tệp đính kèm \(named) (\(size)) vượt giới hạn \(maximum) cho mỗi tệp đính kèm; "
                    + "hãy quét lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp nhỏ hơn rồi xuất lại"
            }
            return "nội dung của <\(element)> \(named) (\(size)) vượt giới hạn \(maximum)"
        }
    }

    /// `bytes` in megabytes of 1,048,576 bytes, one decimal, Vietnamese decimal comma: "143,1 MB",
    /// "100 MB".
    /// `count` in bytes with Vietnamese digit grouping: "104.857.601 byte".
    static func bytes(_ count: Int) -> String {
        let digits = String(count)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "." }
            grouped.append(digit)
        }
        return grouped + " byte"
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10),\(tenths % 10) MB"
    }
}
