import ArchiveGenerator
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("A killed import leaves the archive exactly as it was")
struct KilledImportTests {
    @Test func killingAnImportMidwayChangesNothing() throws {
        let directory = Sochibo.temporaryDirectory()
        let archive = directory + "/archive"
        try Sochibo.run(["init", "--archive", archive])
        try Sochibo.run(["import", "--archive", archive, Sochibo.path("fixtures/valid/minimal.xml")])
        let before = try Sochibo.run(["export", "--archive", archive]).output

        let text = TextSource(
            titles: ["Nghị quyết lãnh đạo thực hiện nhiệm vụ"],
            paragraphs: ["Chi bộ thống nhất thông qua nghị quyết, phân công đảng viên phụ trách từng nhiệm vụ cụ thể."])
        let big = directory + "/big.xml"
        try ArchiveGenerator(cells: 300, years: 3, text: text).write(to: big)

        // Start a real import and kill it once it is writing (the WAL file grows).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Sochibo.executable)
        process.arguments = ["import", "--archive", archive, big]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let wal = archive + "/archive.sqlite-wal"
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size > 4_000_000 { break }
            usleep(20_000)
        }
        #expect(process.isRunning, "the import finished before it could be killed: make the file bigger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let check = try Sochibo.run(["check", "--archive", archive])
        #expect(check.status == 0, "\(check.output)")
        let after = try Sochibo.run(["export", "--archive", archive]).output
        #expect(after == before, "a killed import left something behind")
        // And the same import, run to the end, still works.
        let complete = try Sochibo.run(["import", "--archive", archive, big])
        #expect(complete.status == 0, "\(complete.errors)")
    }
}
