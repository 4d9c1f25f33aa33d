import Foundation

/// Real Vietnamese text to fill generated archives: titles and paragraphs, never a small
/// invented vocabulary.
///
/// ```swift
/// let text = try TextSource(corpus: "../shared/corpus/vi-articles.jsonl.gz")
/// print(text.paragraphs.count)
/// ```
public struct TextSource: Sendable {
    /// Article titles.
    public var titles: [String]
    /// Paragraphs of article bodies (short ones left out).
    public var paragraphs: [String]

    /// A source from given titles and paragraphs.
    public init(titles: [String], paragraphs: [String]) {
        precondition(!titles.isEmpty && !paragraphs.isEmpty, "a text source needs text")
        self.titles = titles
        self.paragraphs = paragraphs
    }

    /// Reads the corpus (JSON lines of `{"id","title","text"}`, gzip-compressed or not).
    ///
    /// - parameter limit: read at most this many articles.
    /// - throws: when the file cannot be read or holds no text.
    public init(corpus path: String, limit: Int = .max) throws {
        let data: Data
        if path.hasSuffix(".gz") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec gzip -dc \"$0\"", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        } else {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        struct Article: Decodable {
            var title: String
            var text: String
        }
        var titles: [String] = []
        var paragraphs: [String] = []
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")).prefix(limit) {
            guard let article = try? decoder.decode(Article.self, from: line) else { continue }
            titles.append(Self.clean(article.title))
            paragraphs += article.text.split(separator: "\n").map { Self.clean(String($0)) }.filter { $0.count >= 60 }
        }
        guard !titles.isEmpty, !paragraphs.isEmpty else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.init(titles: titles, paragraphs: paragraphs)
    }

    /// NFC, without the control characters XML cannot carry, trimmed.
    static func clean(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" }
        return String(String.UnicodeScalarView(kept)).precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A random title.
    public func title(using random: inout SeededRandom) -> String { titles.randomElement(using: &random)! }

    /// `count` random paragraphs.
    public func paragraphs(_ count: Int, using random: inout SeededRandom) -> [String] {
        (0..<count).map { _ in paragraphs.randomElement(using: &random)! }
    }
}
