import Foundation

/// A form sent as `multipart/form-data` (a file upload), read as browsers send it
/// (RFC 7578): parts separated by the boundary of the Content-Type, each with a
/// Content-Disposition naming its field and, for a file, its file name.
///
/// ```swift
/// let boundary = MultipartForm.boundary(of: "multipart/form-data; boundary=XyZ")   // "XyZ"
/// let form = MultipartForm(body: bytes, boundary: "XyZ")
/// form["csrf_token"]        // the field's text
/// form.file("tep")          // the file's bytes
/// ```
struct MultipartForm {
    /// One part: a field or a file.
    struct Part {
        var name: String
        var filename: String?
        var data: [UInt8]
    }

    private(set) var parts: [Part] = []

    /// The boundary named by a `multipart/form-data` Content-Type, nil for any other type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") ? String(pair[1].dropFirst().dropLast()) : pair[1]
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// The parts of `body`; a body that does not follow the format gives fewer parts, never a
    /// fault.
    init(body: [UInt8], boundary: String) {
        let delimiter = Array(("--" + boundary).utf8)
        var positions: [Int] = []
        var index = 0
        while index + delimiter.count <= body.count {
            if body[index] == delimiter[0], Array(body[index..<index + delimiter.count]) == delimiter {
                positions.append(index)
                index += delimiter.count
            } else {
                index += 1
            }
        }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var from = start + delimiter.count
            if from + 1 < end, body[from] == 13, body[from + 1] == 10 { from += 2 }
            var to = end
            if to - 2 >= from, body[to - 2] == 13, body[to - 1] == 10 { to -= 2 }
            let segment = Array(body[from..<to])
            guard let split = Self.headerEnd(in: segment) else { continue }
            let headers = String(decoding: segment[..<split], as: UTF8.self)
            var name: String?
            var filename: String?
            for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                for parameter in line.split(separator: ";").dropFirst() {
                    let pair = parameter.split(separator: "=", maxSplits: 1).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    guard pair.count == 2 else { continue }
                    let value = pair[1].hasPrefix("\"") ? String(pair[1].dropFirst().dropLast()) : pair[1]
                    if pair[0].lowercased() == "name" { name = value }
                    if pair[0].lowercased() == "filename" { filename = value }
                }
            }
            if let name { parts.append(Part(name: name, filename: filename, data: Array(segment[(split + 4)...]))) }
        }
    }

    /// The text of the first field named `name`.
    subscript(_ name: String) -> String? {
        parts.first { $0.name == name }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The bytes of the first part named `name`.
    func file(_ name: String) -> [UInt8]? { parts.first { $0.name == name }?.data }

    private static func headerEnd(in segment: [UInt8]) -> Int? {
        guard segment.count >= 4 else { return nil }
        for index in 0...(segment.count - 4)
        where segment[index] == 13 && segment[index + 1] == 10 && segment[index + 2] == 13 && segment[index + 3] == 10 {
            return index
        }
        return nil
    }
}
