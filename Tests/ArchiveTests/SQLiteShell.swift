import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation

/// The `sqlite3` shell, run on an archive's file: the real tool a person would use to look
/// at or damage the database, kept apart from the program under test.
enum SQLiteShell {
    /// Runs `sql` and returns standard output, trimmed.
    @discardableResult
    static func query(_ archive: Archive, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [archive.databasePath, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
