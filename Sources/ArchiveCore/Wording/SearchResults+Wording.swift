extension SearchResults {
    /// The line that says which words were read as what, for the hits found through them:
    /// "Hiển thị kết quả cho: camera (đã gõ: camra)"; nil without corrections.
    public var correctionLine: String? {
        guard let readAs else { return nil }
        return "Hiển thị kết quả cho: \(readAs) (đã gõ: \(corrections.map(\.typed).joined(separator: " ")))"
    }

    /// The question offered when nothing was found: "Có phải đồng chí muốn tìm: camera an ninh?";
    /// nil without a suggestion.
    public var suggestionLine: String? {
        suggestion.map { "Có phải đồng chí muốn tìm: \($0)?" }
    }
}
