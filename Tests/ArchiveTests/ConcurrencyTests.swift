import ArchiveCore
import ArchiveGenerator
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("Readers keep working during an import")
struct ConcurrencyTests {
    @Test func readersSeeTheLastCommittedStateWhileAnImportRuns() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let text = TextSource(
            titles: ["Nghị quyết lãnh đạo thực hiện nhiệm vụ"],
            paragraphs: ["Chi bộ thống nhất thông qua nghị quyết, phân công đảng viên phụ trách từng nhiệm vụ cụ thể."])
        let big = Support.temporaryDirectory("big") + "/big.xml"
        try ArchiveGenerator(cells: 40, years: 2, text: text).write(to: big)
        let reader = try Archive(opening: archive.directory)
        let done = Flag()
        let importing = Task.detached {
            defer { done.set() }
            return try await archive.importFiles([big], context: .tester)
        }
        var readsDuringImport = 0
        var sawOnlyCommittedStates = true
        while !done.isSet {
            let count = try await reader.meetings(cellID: nil, year: nil).count
            if count != 1 && count != 1 + 40 * 24 { sawOnlyCommittedStates = false }
            readsDuringImport += 1
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        let report = try await importing.value
        #expect(report.added[.meeting] == 40 * 24)
        #expect(readsDuringImport > 0)
        #expect(sawOnlyCommittedStates, "a reader saw a half-written import")
        await #expect(try await reader.meetings(cellID: nil, year: nil).count == 1 + 40 * 24)
    }

}

@Suite("Opening an archive while another process writes")
struct OpenDuringWriteTests {
    @Test func commandsOpenAndReadWhileTheWriteLockIsHeld() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        // The real sqlite3 shell holds the write lock, as another process's import would, and
        // keeps it until this test has read: a reader that waited for the writer would time
        // out instead. No clock is involved, so a loaded machine cannot make it fail.
        let locked = archive.directory + "/locked", release = archive.directory + "/release"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = [
            "-c",
            """
            (echo 'BEGIN IMMEDIATE; UPDATE organization SET name = name;'; echo ".system touch '$1'"; \
             while [ ! -f "$2" ]; do sleep 0.1; done; echo 'COMMIT;') | sqlite3 "$0"
            """,
            archive.databasePath, locked, release,
        ]
        try holder.run()
        defer {
            // Whatever happens above, let the writer commit and end.
            FileManager.default.createFile(atPath: release, contents: nil)
            holder.waitUntilExit()
        }
        while !FileManager.default.fileExists(atPath: locked) { try await Task.sleep(for: .milliseconds(50)) }
        let opened = try Archive(opening: archive.directory)
        await #expect(try await opened.meetings(cellID: nil, year: nil).count == 1)
        await #expect(try await opened.search("duong be tong").map(\.id).contains("a-nq-01"))
        #expect(holder.isRunning, "the writer still holds its lock")
    }
}

/// A flag one task sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
