import ArchiveCore

/// Vietnamese text for `search`: a numbered list of hits with their passages.
public enum SearchText {
    /// The results: the line saying which words were read as what, the hits, or when none,
    /// the suggestion; `offset` numbers the hits from where the page starts.
    public static func render(_ results: SearchResults, query: String, offset: Int = 0) -> String {
        guard !results.hits.isEmpty else {
            return (["Không tìm thấy kết quả nào cho “\(query)”."] + [results.suggestionLine].compactMap { $0 })
                .joined(separator: "\n")
        }
        return ([results.correctionLine].compactMap { $0 } + [render(results.hits, query: query, offset: offset)])
            .joined(separator: "\n")
    }

    /// The hits; `offset` numbers them from where the page starts.
    public static func render(_ hits: [SearchHit], query: String, offset: Int = 0) -> String {
        guard !hits.isEmpty else { return "Không tìm thấy kết quả nào cho “\(query)”." }
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
            lines.append("\(offset + index + 1). \(kind), ngày \(hit.date.vietnameseShort), \(hit.cell) [\(hit.id)]")
            lines.append("   \(hit.title)")
            lines.append("   " + hit.snippet.replacingOccurrences(of: "\n", with: " "))
        }
        lines.append("\(hits.count) kết quả.")
        return lines.joined(separator: "\n")
    }
}
