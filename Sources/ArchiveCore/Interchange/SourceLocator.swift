#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds columns for problems that were found on a record rather than by the parser.
///
/// The reader knows the line of each start tag; the column is where the offending attribute
/// (the needle) is written on that line, counted in characters like libxml2 does. The file
/// is read once, line by line, only when there are problems to place. Lines end with LF, CR LF
/// or a CR alone.
package enum SourceLocator {
    /// One needle made of several, tried in order on each line (the most telling first): a
    /// line end separates them, since no needle spans lines.
    package static func alternatives(_ needles: [String]) -> String {
        needles.joined(separator: "\n")
    }

    /// The 1-based column of each `(line, needle)` in the file at `path`; 1 when the needle is
    /// not found, or there is none. The line may move: see `positions(in:for:)`.
    package static func columns(in path: String, for targets: [(line: Int, needle: String?)]) -> [Int] {
        positions(in: path, for: targets).map(\.column)
    }

    /// How many lines of a start tag around the line given are looked at for its attribute.
    private static let tagLines = 64

    /// The 1-based line and column of each `(line, needle)` in the file at `path`: where the
    /// needle is written on the line; else, the start tag being written over several lines,
    /// on a line after it before the tag ends (an attribute on the line after its tag's start,
    /// where the reader places the element) or on a line before it back to the tag's start (the
    /// schema's messages give the line where the tag ends). A needle found on none of these
    /// keeps its line, at column 1; so does a target without one.
    ///
    /// A start tag holds no `<` (not even in an attribute's value), so the search stops at
    /// one: it never finds the needle in another element.
    package static func positions(
        in path: String, for targets: [(line: Int, needle: String?)]
    ) -> [(line: Int, column: Int)] {
        var result = targets.map { (line: $0.line, column: 1) }
        let searched = targets.indices.filter { targets[$0].needle != nil && targets[$0].line > 0 }
        guard !searched.isEmpty, let file = fopen(path, "r") else { return result }
        defer { fclose(file) }
        // The lines to keep: each target's own, whole, and those around it, the first 4,096
        // bytes of each (an attribute is near the start of its line; a base64 line is long).
        var around = Set<Int>()
        for index in searched {
            let line = targets[index].line
            for near in max(1, line - tagLines)...(line + tagLines) { around.insert(near) }
        }
        let own = Set(searched.map { targets[$0].line })
        let lastLine = around.max() ?? 0
        var kept: [Int: [UInt8]] = [:]
        var lineNumber = 1
        var current: [UInt8] = []
        func keep() {
            if around.contains(lineNumber) { kept[lineNumber] = current }
        }
        walk(file) { byte in
            guard let byte else {
                keep()
                lineNumber += 1
                current.removeAll(keepingCapacity: true)
                return lineNumber <= lastLine
            }
            if own.contains(lineNumber) || (around.contains(lineNumber) && current.count < 4096) {
                current.append(byte)
            }
            return true
        }
        if lineNumber <= lastLine { keep() }
        func column(of needle: String, in text: Substring) -> Int? {
            for alternative in needle.split(separator: "\n") {
                guard let range = text.range(of: alternative) else { continue }
                // A value found by its element's end: the column where the value starts.
                let start = alternative.hasPrefix(">") ? text.index(after: range.lowerBound) : range.lowerBound
                return text.base.unicodeScalars[..<start].count + 1
            }
            return nil
        }
        for index in searched {
            guard let needle = targets[index].needle else { continue }
            let line = targets[index].line
            let text = String(decoding: kept[line] ?? [], as: UTF8.self)
            if let found = column(of: needle, in: text[...]) {
                result[index] = (line, found)
                continue
            }
            // On: the rest of a tag started on this line, up to the next `<`.
            var next = line + 1
            var within = !text.contains("<") || text.lastIndex(of: "<").map { !text[$0...].contains(">") } ?? true
            while within, next <= line + tagLines, let bytes = kept[next] {
                let following = String(decoding: bytes, as: UTF8.self)
                let part = following[..<(following.firstIndex(of: "<") ?? following.endIndex)]
                if let found = column(of: needle, in: part) {
                    result[index] = (next, found)
                    break
                }
                within = part.endIndex == following.endIndex && !part.contains(">")
                next += 1
            }
            if result[index].line != line { continue }
            // Back: a tag that ends on this line and started on an earlier one.
            var earlier = line - 1
            within = !text[..<(text.firstIndex(of: ">") ?? text.endIndex)].contains("<")
            while within, earlier >= max(1, line - tagLines), let bytes = kept[earlier] {
                let preceding = String(decoding: bytes, as: UTF8.self)
                let part = preceding[(preceding.lastIndex(of: "<") ?? preceding.startIndex)...]
                if let found = column(of: needle, in: part) {
                    result[index] = (earlier, found)
                    break
                }
                within = !preceding.contains("<")
                earlier -= 1
            }
        }
        return result
    }

    /// Where a file's content ends: the line and the column just after its last character that
    /// is not white space (1-based, characters as libxml2 counts them; `(1, 1)` for a file of
    /// nothing but white space), whether there is any content, whether it starts with `<` (after
    /// a UTF-8 byte order mark) as XML does, and whether it ends with the end tag of an `archive`
    /// root (`</archive>`, with or without a prefix). Nil when the file cannot be read.
    ///
    /// A parser error at or after this place, in a file that does not end with the root's end
    /// tag, means the file stops part way (a copy or a download not finished) — unless
    /// `afterRoot` is set: the first content that follows an `archive` end tag (its line and
    /// column, the line of that end tag, and whether it begins a second document — an XML
    /// declaration or another `<archive`, as when two exports are joined into one file).
    package static func endOfContent(
        in path: String
    ) -> (
        line: Int, column: Int, hasContent: Bool, startsWithMarkup: Bool, endsWithRoot: Bool,
        afterRoot: (line: Int, column: Int, rootEndLine: Int, secondDocument: Bool)?
    )? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var lineNumber = 1
        var column = 0
        var end = (line: 1, column: 1)
        var tail: [UInt8] = []
        var first: UInt8?
        // The bytes of the current line so far (the last few), to see an end tag close.
        var window: [UInt8] = []
        var rootEndLine: Int?
        var afterRoot: (line: Int, column: Int, head: [UInt8])?
        walk(file) { byte in
            guard let byte else {
                lineNumber += 1
                column = 0
                window.removeAll(keepingCapacity: true)
                return true
            }
            // A UTF-8 continuation byte does not start a character.
            if byte & 0xC0 != 0x80 { column += 1 }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                end = (lineNumber, column + 1)
                if first == nil && byte != 0xEF && byte != 0xBB && byte != 0xBF { first = byte }
                tail.append(byte)
                if tail.count > 64 { tail.removeFirst(tail.count - 32) }
                if rootEndLine != nil {
                    if afterRoot == nil { afterRoot = (lineNumber, column, []) }
                    if let head = afterRoot?.head, head.count < 16 { afterRoot?.head.append(byte) }
                }
            }
            if afterRoot == nil {
                window.append(byte)
                if window.count > 64 { window.removeFirst(window.count - 32) }
                if byte == UInt8(ascii: ">"), closesArchive(window) { rootEndLine = lineNumber }
            }
            return true
        }
        let closing = String(decoding: tail, as: UTF8.self)
        let lastTag = closing.lastIndex(of: "<").map { closing[$0...] } ?? ""
        let endsWithRoot = lastTag.hasPrefix("</") && lastTag.hasSuffix("archive>")
        let after = afterRoot.flatMap { found in
            rootEndLine.map { rootEnd in
                // A second export saved on Windows starts with its own byte order mark.
                let head = String(decoding: found.head, as: UTF8.self).drop { $0 == "\u{FEFF}" }
                let second = head.hasPrefix("<?xml") || head.hasPrefix("<archive") || head.contains(":archive")
                return (line: found.line, column: found.column, rootEndLine: rootEnd, secondDocument: second)
            }
        }
        return (end.line, end.column, !tail.isEmpty, first == UInt8(ascii: "<"), endsWithRoot, after)
    }

    /// Whether `bytes` end with an `archive` end tag, with or without a prefix: `</archive>`,
    /// `</a:archive >`.
    private static func closesArchive(_ bytes: [UInt8]) -> Bool {
        var index = bytes.count - 1  // the '>'
        index -= 1
        while index >= 0, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index -= 1 }
        let name = Array("archive".utf8)
        guard index + 1 >= name.count, Array(bytes[(index + 1 - name.count)...index]) == name else { return false }
        index -= name.count
        if index >= 0, bytes[index] == UInt8(ascii: ":") {
            index -= 1
            while index >= 0, bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "<"),
                bytes[index] != UInt8(ascii: " ")
            {
                index -= 1
            }
        }
        return index >= 1 && bytes[index] == UInt8(ascii: "/") && bytes[index - 1] == UInt8(ascii: "<")
    }

    /// Reads `file` to its end, calling `visit` with each byte that is not a line end, and with
    /// nil at each line end (LF, CR LF or a CR alone, as the XML reader counts them); stops
    /// when `visit` returns false.
    private static func walk(_ file: UnsafeMutablePointer<FILE>, _ visit: (UInt8?) -> Bool) {
        var afterCarriageReturn = false
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count == 0 { return }
            for byte in chunk[0..<count] {
                if byte == UInt8(ascii: "\n") && afterCarriageReturn {
                    afterCarriageReturn = false
                    continue
                }
                afterCarriageReturn = byte == UInt8(ascii: "\r")
                let goOn = byte == UInt8(ascii: "\n") || afterCarriageReturn ? visit(nil) : visit(byte)
                if !goOn { return }
            }
        }
    }
}
