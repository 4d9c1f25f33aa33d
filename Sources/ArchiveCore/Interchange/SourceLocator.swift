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
    /// The 1-based column of each `(line, needle)` in the file at `path`; 1 when the needle is
    /// not on the line, or there is none.
    package static func columns(in path: String, for targets: [(line: Int, needle: String?)]) -> [Int] {
        var result = Array(repeating: 1, count: targets.count)
        let wanted = Dictionary(grouping: targets.indices.filter { targets[$0].needle != nil && targets[$0].line > 0 })
        {
            targets[$0].line
        }
        guard !wanted.isEmpty, let file = fopen(path, "r") else { return result }
        defer { fclose(file) }
        let lastLine = wanted.keys.max() ?? 0
        // Lines end with LF, CR LF or a CR alone, as the XML reader counts them.
        var lineNumber = 1
        var current: [UInt8] = []
        func place() {
            guard let indices = wanted[lineNumber] else { return }
            let text = String(decoding: current, as: UTF8.self)
            for index in indices {
                guard let needle = targets[index].needle, let range = text.range(of: needle) else { continue }
                result[index] = text.unicodeScalars[..<range.lowerBound].count + 1
            }
        }
        walk(file) { byte in
            guard let byte else {
                place()
                lineNumber += 1
                current.removeAll(keepingCapacity: true)
                return lineNumber <= lastLine
            }
            if wanted[lineNumber] != nil { current.append(byte) }
            return true
        }
        if lineNumber <= lastLine { place() }
        return result
    }

    /// Where a file's content ends: the line and the column just after its last character that
    /// is not white space (1-based, characters as libxml2 counts them; `(1, 1)` for a file of
    /// nothing but white space), whether there is any content, whether it starts with `<` (after
    /// a UTF-8 byte order mark) as XML does, and whether it ends with the end tag of an `archive`
    /// root (`</archive>`, with or without a prefix). Nil when the file cannot be read.
    ///
    /// A parser error at or after this place, in a file that does not end with the root's end
    /// tag, means the file stops part way (a copy or a download not finished).
    package static func endOfContent(
        in path: String
    ) -> (line: Int, column: Int, hasContent: Bool, startsWithMarkup: Bool, endsWithRoot: Bool)? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var lineNumber = 1
        var column = 0
        var end = (line: 1, column: 1)
        var tail: [UInt8] = []
        var first: UInt8?
        walk(file) { byte in
            guard let byte else {
                lineNumber += 1
                column = 0
                return true
            }
            // A UTF-8 continuation byte does not start a character.
            if byte & 0xC0 != 0x80 { column += 1 }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                end = (lineNumber, column + 1)
                if first == nil && byte != 0xEF && byte != 0xBB && byte != 0xBF { first = byte }
                tail.append(byte)
                if tail.count > 64 { tail.removeFirst(tail.count - 32) }
            }
            return true
        }
        let closing = String(decoding: tail, as: UTF8.self)
        let lastTag = closing.lastIndex(of: "<").map { closing[$0...] } ?? ""
        let endsWithRoot = lastTag.hasPrefix("</") && lastTag.hasSuffix("archive>")
        return (end.line, end.column, !tail.isEmpty, first == UInt8(ascii: "<"), endsWithRoot)
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
