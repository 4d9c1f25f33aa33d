import ArchiveCore
import ArchiveSQLite
import Foundation
import Testing

@Suite("A commit reported as done is on disk")
struct DurabilityTests {
    @Test func theConnectionThatCommitsSyncsEveryCommit() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        // 2 is FULL: in WAL mode, the WAL is synced at every commit, not only at checkpoints.
        #expect(try await archive.commitSynchronousSetting() == 2)
        let reopened = try Archive(opening: archive.directory)
        #expect(try await reopened.commitSynchronousSetting() == 2)
        #expect(try SQLiteShell.query(archive, "PRAGMA journal_mode") == "wal")
    }

    /// An import's pages are copied back into the database file and the WAL emptied: later
    /// reads do not look every page up in a WAL as large as the archive.
    @Test func anImportLeavesNoPagesInTheWriteAheadLog() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let wal = archive.databasePath + "-wal"
        let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(size == 0, "\(size) bytes left in \(wal)")
        // And the archive reads back whole from the database file.
        #expect(try SQLiteShell.query(archive, "SELECT count(*) FROM meeting") == "83")
    }
}
