import ArchiveCore
import ArchiveGenerator
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("Mutated files never crash the importer nor leave half an import")
struct MutationTests {
    static let seeds: [String] = [
        "fixtures/valid/minimal.xml", "fixtures/valid/attachment.xml", "fixtures/valid/edge-unicode.xml",
    ]

    /// One random change: flip a byte, delete a run, duplicate a run, or cut the file short.
    static func mutate(_ bytes: [UInt8], random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 1:
            let end = min(bytes.count, position + Int.random(in: 1...40, using: &random))
            bytes.removeSubrange(position..<end)
        case 2:
            let end = min(bytes.count, position + Int.random(in: 1...40, using: &random))
            bytes.insert(contentsOf: bytes[position..<end], at: end)
        default:
            bytes.removeSubrange(position..<bytes.count)
        }
        return bytes
    }

    @Test(arguments: seeds)
    func mutationsAreAcceptedOrRefusedCleanly(_ seed: String) async throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.path(seed))))
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let directory = Support.temporaryDirectory("mutation")
        var random = SeededRandom(seed: 20_231_105)
        var refused = 0
        for round in 0..<120 {
            let mutated = Self.mutate(original, random: &random)
            let path = directory + "/mutant-\(round).xml"
            try Data(mutated).write(to: URL(fileURLWithPath: path))
            let before = try await Support.export(archive)
            do {
                _ = try await archive.importFiles([path], context: .tester)
            } catch ArchiveError.importRefused(let problems) {
                refused += 1
                #expect(!problems.isEmpty)
                #expect(problems.allSatisfy { $0.file == path && !$0.message.isEmpty })
                await #expect(
                    try await Support.export(archive) == before, "mutant \(round) of \(seed) changed the archive")
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        #expect(refused > 0)
        await #expect(try await archive.check().isSound)
    }
}
