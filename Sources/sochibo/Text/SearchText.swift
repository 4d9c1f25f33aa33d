import ArchiveCore

/// Vietnamese text for `search`: a numbered list of hits with their passages, and what part
/// of all the results it is.
public enum SearchText {
    /// The results: the line saying which words were read as what, the page's hits (numbered
    /// from where the page starts, each naming its cell by `cellNames`), and the line saying
    /// which of how many results are shown and how to see the next ones; when nothing was
    /// found, that and the suggestion; for a page past the end, how many results there are.
    public static func render(
        _ counted: CountedSearchResults, query: String, limit: Int, cellNames: [String: String] = [:]
    ) -> String {
        let results = counted.page
        guard counted.total > 0 else {
            return (["Không tìm thấy kết quả nào cho “\(query)”."] + [results.suggestionLine].compactMap { $0 })
                .joined(separator: "\n")
        }
        guard !results.hits.isEmpty else { return pastTheEnd(counted, query: query, limit: limit) }
        return
            ([results.correctionLine].compactMap { $0 }
            + [
                hits(results.hits, offset: counted.offset, cellNames: cellNames),
                countLine(counted, shown: results.hits.count),
            ])
            .joined(separator: "\n")
    }

    /// "Hiển thị 1–20 trong 161 kết quả; xem tiếp bằng --offset 20.", "Hiển thị 141–161 trong
    /// 161 kết quả.", or "5 kết quả." when the page holds them all; "trong ít nhất 500 kết
    /// quả" when the count stopped there.
    static func countLine(_ counted: CountedSearchResults, shown: Int) -> String {
        let total = counted.isCapped ? "ít nhất \(counted.total)" : "\(counted.total)"
        if counted.offset == 0, shown >= counted.total, !counted.isCapped { return "\(counted.total) kết quả." }
        let end = counted.offset + shown
        let next = end < counted.total ? "; xem tiếp bằng --offset \(end)" : ""
        return "Hiển thị \(counted.offset + 1)–\(end) trong \(total) kết quả\(next)."
    }

    /// For an `--offset` at or past the last result: "Chỉ có 161 kết quả cho “nghị quyết”;
    /// --offset 1000 đã qua hết. Trang cuối: --offset 160."
    static func pastTheEnd(_ counted: CountedSearchResults, query: String, limit: Int) -> String {
        let last = (counted.total - 1) / max(1, limit) * max(1, limit)
        return
            "Chỉ có \(counted.total) kết quả cho “\(query)”; --offset \(counted.offset) đã qua hết. Trang cuối: --offset \(last)."
    }

    /// The note on confidential documents left out: "đã để lại 1 văn bản mật khớp với từ tìm;
    /// thêm --include-confidential nếu được phép xem."
    static func hiddenNote(_ hidden: Int) -> String {
        "đã để lại \(hidden) văn bản mật khớp với từ tìm; thêm --include-confidential nếu được phép xem."
    }

    /// The hits, numbered from `offset` + 1, each naming its cell by `cellNames` (its code
    /// when the name is not known).
    static func hits(_ hits: [SearchHit], offset: Int, cellNames: [String: String]) -> String {
        var lines: [String] = []
        for (index, hit) in hits.enumerated() {
            let kind: String
            if hit.kind == .document {
                kind =
                    (Document.Kind(rawValue: hit.type)?.vietnameseName ?? hit.type)
                    + (hit.symbol.map { " số \($0)" } ?? " (chưa có số)")
            } else {
                kind = "Biên bản sinh hoạt " + (Meeting.Kind(rawValue: hit.type)?.vietnameseName ?? hit.type)
            }
            let cell = cellNames[hit.cell] ?? hit.cell
            lines.append("\(offset + index + 1). \(kind), ngày \(hit.date.vietnameseShort), \(cell) [\(hit.id)]")
            lines.append("   \(hit.title)")
            lines.append("   " + hit.snippet.replacingOccurrences(of: "\n", with: " "))
        }
        return lines.joined(separator: "\n")
    }
}
