#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds columns for problems that were found on a record rather than by the parser.
///
/// The reader knows the line of each start tag; the column is where the offending attribute
/// (the needle) is written on that line, counted in characters like libxml2 does. The file
/// is read once, line by line, only when there are problems to place.
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
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var lineNumber = 0
        while lineNumber < lastLine, getline(&buffer, &capacity, file) >= 0, let buffer {
            lineNumber += 1
            guard let indices = wanted[lineNumber] else { continue }
            let text = String(cString: buffer)
            for index in indices {
                guard let needle = targets[index].needle, let range = text.range(of: needle) else { continue }
                result[index] = text.unicodeScalars[..<range.lowerBound].count + 1
            }
        }
        return result
    }
}
