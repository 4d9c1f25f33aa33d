import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation

/// Paths and fresh archives for tests: every test gets its own directory and real SQLite file.
enum Support {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A path under the package root.
    static func path(_ relative: String) -> String { packageRoot + "/" + relative }

    /// One folder per test process for everything the tests write, removed when it exits.
    static let temporaryRoot: String = {
        let path = NSTemporaryDirectory() + "sochibo-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Support.temporaryRoot) }
        return path
    }()

    /// A new empty directory under the tests' temporary root.
    static func temporaryDirectory(_ label: String = "test") -> String {
        let path = temporaryRoot + "/\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A new empty archive.
    static func emptyArchive() throws -> Archive {
        try Archive.create(at: temporaryDirectory("archive") + "/archive")
    }

    /// An archive holding the given fixture files.
    static func archive(with files: [String]) async throws -> Archive {
        let archive = try emptyArchive()
        _ = try await archive.importFiles(files.map(path), context: .tester)
        return archive
    }

    /// The full export of `archive` (or a selection), as bytes.
    static func export(_ archive: Archive, _ selection: ExportSelection = ExportSelection()) async throws -> Data {
        let file = temporaryDirectory("export") + "/export.xml"
        try await archive.export(selection, to: file)
        return try Data(contentsOf: URL(fileURLWithPath: file))
    }

    /// Writes `data` to a new temporary file and returns its path.
    static func write(_ data: Data, name: String = "file.xml") throws -> String {
        let file = temporaryDirectory("file") + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The problems an import was refused with, or an empty list if it succeeded.
    static func problems(importing files: [String], into archive: Archive) async -> [ImportProblem] {
        do {
            _ = try await archive.importFiles(files, context: .tester)
            return []
        } catch ArchiveError.importRefused(let problems) {
            return problems
        } catch {
            return [ImportProblem(file: "?", line: 0, column: 0, message: "unexpected error: \(error)")]
        }
    }
}

extension LocalDate {
    /// A date literal for tests.
    static func d(_ text: String) -> LocalDate { LocalDate(text)! }
}

extension Support {
    /// What libxml2's own `xmllint --schema` says of `data`: whether it is valid, and its words.
    static func xmllint(
        _ data: Data, schema: String = "archive/schema/archive-1.xsd"
    ) throws -> (
        valid: Bool, message: String
    ) {
        let file = try write(data, name: "xmllint-\(UUID().uuidString).xml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", path(schema), file]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, message)
    }
}

extension AuditContext {
    /// The person the tests act as, in the audit log.
    static var tester: AuditContext { AuditContext(actor: "kiểm thử") }
}

extension Sequence {
    /// `map` for an asynchronous transform, in order, one element at a time.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
