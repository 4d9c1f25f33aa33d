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
}
