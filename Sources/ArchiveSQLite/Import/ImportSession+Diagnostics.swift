import ArchiveCore
import LibXML

/// The diagnostics of an import: libxml2's messages turned into `ImportRefusal`s (worded in
/// ArchiveCore), a file's problems kept or dropped when it ends, and every problem placed at
/// its line and column (`SourceLocator` finds the columns of the record checks' problems).
extension ImportSession {
    /// The index of the record that `line` falls in, if any.
    private func record(at line: Int) -> Int? {
        var low = 0
        var high = recordStarts.count
        while low < high {
            let middle = (low + high) / 2
            if recordStarts[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    /// `kind:id` of every element with an identifier inside `record` (a cell's members and
    /// terms, a document's tasks), which a reference elsewhere may name.
    static func declaredKeys(in record: XMLElement) -> [String] {
        var keys: [String] = []
        var pending = record.children
        while let element = pending.popLast() {
            if let id = element.attribute("id") { keys.append("\(element.name):\(TextNormalization.trimmed(id))") }
            pending += element.children
        }
        return keys
    }

    /// Keeps what is worth reporting of the file's problems: the parser's and the schema's,
    /// and ours except those about records the schema already refused, or references to
    /// records refused for another reason.
    func finishFile(_ path: String, diagnostics: [XMLDiagnostic]) {
        var diagnostics = diagnostics
        if diagnostics.contains(where: { $0.severity == .fatal && $0.refusal == nil }),
            let end = SourceLocator.endOfContent(in: path)
        {
            if !end.hasContent {
                // libxml2 calls an empty file "extra content at the end".
                let message = ImportRefusal.notXML.vietnameseDescription
                problems.append((path, SourceProblem(line: 1, needle: nil, message: message), 1))
                fileProblems = []
                return
            }
            if let after = end.afterRoot,
                diagnostics.contains(where: { $0.severity == .fatal && $0.line >= after.line })
            {
                // The document ended, then more came: libxml2 says "extra content" or, for a
                // second document joined on, that a declaration belongs at the start.
                diagnostics.removeAll { $0.severity == .fatal && $0.line >= after.line }
                let message = ImportRefusal.contentAfterRoot(
                    rootEndLine: after.rootEndLine, secondDocument: after.secondDocument
                ).vietnameseDescription
                problems.append((path, SourceProblem(line: after.line, needle: nil, message: message), after.column))
            }
            // libxml2 places it at the cut or at the start of the token the cut fell in.
            // An end tag written wrong (`</archiv>`) is a mistake, not a cut; libxml2 calls the
            // end tag a cut fell in "unparsable".
            let stopsAtTheCut =
                diagnostics.contains { $0.severity == .fatal && $0.line >= end.line }
                && !diagnostics.contains {
                    $0.message.hasPrefix("Opening and ending tag mismatch") && !$0.message.contains(" and unparsable")
                }
            if end.afterRoot == nil && end.startsWithMarkup && !end.endsWithRoot && stopsAtTheCut {
                // A file cut short: libxml2 says so in two or three ways at the cut, none of
                // which says "cut" (an attribute without value, extra content, a root not
                // <archive>); the record the cut falls in is not a record's fault.
                diagnostics.removeAll { $0.line >= end.line }
                let cutRecord = record(at: end.line)
                fileProblems.removeAll { $0.line >= end.line || (cutRecord != nil && record(at: $0.line) == cutRecord) }
                cutFiles.insert(files.count - 1)
                let message = ImportRefusal.truncated(line: end.line).vietnameseDescription
                problems.append((path, SourceProblem(line: end.line, needle: nil, message: message), end.column))
            }
        }
        var schemaRefused = Set<Int>()
        for diagnostic in diagnostics where diagnostic.severity != .warning {
            // Noise that libxml2 adds after a pattern error on the same attribute.
            if diagnostic.message.contains("No precomputed value available") { continue }
            var line = diagnostic.line
            var column = diagnostic.column
            if diagnostic.severity == .error, let index = record(at: diagnostic.line) {
                schemaRefused.insert(index)
                let key = recordStarts[index].key
                refused.insert(key)
                // The members, terms and tasks written inside it go with it: a later reference
                // to them is not a second fault.
                refused.formUnion(recordStarts[index].declares)
                // The streaming validator reports constraints on a whole record (a duplicate
                // id) at its end tag; point at the record's start, where a reader looks.
                let element = key.prefix { $0 != ":" }
                if diagnostic.message.hasPrefix("Element '{\(ArchiveFormat.namespace)}\(element)'") {
                    line = recordStarts[index].line
                    column = 0
                }
            }
            let message = Self.refusal(for: diagnostic).vietnameseDescription
            // The streaming validator gives no column: look for what the message names.
            let needle = column > 0 ? nil : Self.needle(for: diagnostic.message)
            problems.append((path, SourceProblem(line: line, needle: needle, message: message), column))
        }
        for problem in fileProblems {
            if let index = record(at: problem.line), schemaRefused.contains(index) { continue }
            if let target = problem.target, refused.contains(target) { continue }
            problems.append((path, problem, nil))
        }
        fileProblems = []
    }

    /// The text a schema message points at on its line: `attribute=` for one about an
    /// attribute, `<element` otherwise; nil for a message that names neither. When the message
    /// quotes the value it refuses, the value as written comes first (`title="chairman"`,
    /// `2005-13-26</admitted`), the general needle after it (`SourceLocator`'s alternatives):
    /// on a line holding several such elements — a file written on one line — only the value
    /// tells which one is wrong.
    static func needle(for message: String) -> String? {
        guard message.hasPrefix("Element '") else { return nil }
        let quoted = message.dropFirst("Element '".count).prefix { $0 != "'" }
        let name = quoted.split(separator: "}").last.map(String.init) ?? ""
        guard !name.isEmpty else { return nil }
        let rest = message.dropFirst("Element '".count + quoted.count + 1)
        let value = refusedValue(in: rest)
        if rest.hasPrefix(", attribute '") {
            let attribute = rest.dropFirst(", attribute '".count).prefix { $0 != "'" }
            if !attribute.isEmpty {
                let general = "\(attribute)="
                return value.map {
                    SourceLocator.alternatives(["\(attribute)=\"\($0)\"", "\(attribute)='\($0)'", general])
                }
                    ?? general
            }
        }
        let general = "<\(name)"
        return value.map { SourceLocator.alternatives([">\($0)</", general]) } ?? general
    }

    /// The value a schema message quotes as refused (`'2005-13-26' is not a valid value…`,
    /// `The value '…' is not…`), when it is one a line can hold.
    private static func refusedValue(in message: Substring) -> String? {
        let patterns = [#/: '([^'\n<>]+)' is not /#, #/The value '([^'\n<>]+)' /#]
        for pattern in patterns {
            if let match = message.firstMatch(of: pattern) { return String(match.1) }
        }
        return nil
    }

    /// What a libxml2 diagnostic refuses, told apart by libxml2's own message.
    static func refusal(for diagnostic: XMLDiagnostic) -> ImportRefusal {
        switch diagnostic.severity {
        case .fatal:
            if let refusal = diagnostic.refusal {
                return .input(refusal)
            }
            if diagnostic.message.hasPrefix(XMLPullReader.encodingRefusal) {
                return .encodingDeclared(String(diagnostic.message.dropFirst(XMLPullReader.encodingRefusal.count)))
            }
            if diagnostic.message.hasPrefix("entity") {
                return .entityReference(message: diagnostic.message)
            }
            if diagnostic.message.contains("entity reference loop") || diagnostic.message.contains("amplification") {
                return .entityExpansion(message: diagnostic.message)
            }
            if diagnostic.message.hasPrefix("Document is empty")
                || diagnostic.message.hasPrefix("Start tag expected")
            {
                return .notXML
            }
            return .malformed(message: diagnostic.message)
        case .error, .warning:
            return .schema(message: diagnostic.message)
        }
    }

    /// Every problem, located, in file order then line order.
    func locatedProblems() -> [ImportProblem] {
        var located: [ImportProblem] = []
        var seen = Set<String>()
        for path in files where seen.insert(path).inserted {
            let entries = problems.filter { $0.file == path }
            guard !entries.isEmpty else { continue }
            // A needle is looked for where its problem was found, or on the other lines of a
            // start tag written over several (`SourceLocator.positions`).
            let positions = SourceLocator.positions(
                in: path, for: entries.map { ($0.problem.line, $0.problem.column == nil ? $0.problem.needle : nil) })
            var fileProblems: [ImportProblem] = []
            for (entry, position) in zip(entries, positions) {
                let problem = entry.problem
                var line = problem.line
                let finalColumn: Int
                if let column = problem.column ?? entry.parserColumn, column > 0 {
                    finalColumn = column
                } else if problem.line > 0 {
                    (line, finalColumn) = position
                } else {
                    finalColumn = 0
                }
                fileProblems.append(
                    ImportProblem(file: path, line: line, column: finalColumn, message: problem.message))
            }
            located += fileProblems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        }
        return located
    }
}
