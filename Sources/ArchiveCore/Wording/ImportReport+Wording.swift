extension ImportReport {
    /// One Vietnamese line that counts what was added and updated.
    ///
    /// ```swift
    /// report.summaryLine   // "Đã nhập 1 tệp: thêm 1 đảng bộ, 3 chi bộ, 64 đảng viên; cập nhật 0 bản ghi."
    /// ```
    public var summaryLine: String {
        func list(_ counts: [RecordKind: Int]) -> String {
            RecordKind.allCases.compactMap { kind in
                counts[kind].flatMap { $0 > 0 ? "\($0) \(kind.vietnameseName)" : nil }
            }.joined(separator: ", ")
        }
        let addedText = list(added)
        let updatedText = list(updated)
        var line = "Đã nhập \(files) tệp: "
        line += addedText.isEmpty ? "không thêm bản ghi mới" : "thêm \(addedText)"
        if updatedText.isEmpty {
            line += "; không cập nhật bản ghi nào"
        } else {
            let total = updated.values.reduce(0, +)
            let named = updatedIDs.joined(separator: ", ") + (total > updatedIDs.count ? ", …" : "")
            line += "; cập nhật \(updatedText) (\(named))"
        }
        let same = unchanged.values.reduce(0, +)
        if same > 0 { line += "; \(same) bản ghi không đổi" }
        return line + "."
    }
}
