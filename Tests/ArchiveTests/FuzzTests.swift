import ArchiveCore
import ArchiveGenerator
import ArchiveSQLite
import Foundation
import LibXML
import Testing

/// The importer and the form reader under mutated input: whatever the bytes, they answer
/// with a refusal in words, never a trap (which would end this test process) or a raw error.
///
/// Run longer with `.ci/fuzz ITERATIONS [SEED]`; it keeps the input of a crash in
/// `fixtures/fuzz/`, which `theRegressionCorpusNeverCrashes` reads on every run.
@Suite("Mutated inputs never crash the importer or the form reader")
struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["SOCHIBO_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 30
    static let seed = environment["SOCHIBO_FUZZ_SEED"].flatMap(UInt64.init) ?? 15

    /// Writes the input about to be tried where `.ci/fuzz` looks after a crash.
    static func remember(_ data: Data, as name: String) {
        guard let folder = environment["SOCHIBO_FUZZ_LAST"] else { return }
        try? data.write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// `bytes` changed in one of the ways that found faults before: a number made huge, a
    /// range cut, doubled or overwritten, a line ending changed.
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        guard bytes.count > 2 else { return bytes }
        let start = Int.random(in: 0..<bytes.count, using: &random)
        let length = min(bytes.count - start, Int.random(in: 1...64, using: &random))
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            let digits = bytes.indices.filter { (48...57).contains(bytes[$0]) }
            if let at = digits.randomElement(using: &random) {
                let huge = ["9223372036854775807", "4611686018427387904", "100000000000000000000000", "-1", "00"]
                bytes.insert(contentsOf: Array(huge.randomElement(using: &random)!.utf8), at: at)
            }
        case 1: bytes.removeSubrange(start..<start + length)
        case 2: bytes.insert(contentsOf: bytes[start..<start + length], at: start)
        case 3:
            for index in start..<start + length { bytes[index] = UInt8.random(in: 0...255, using: &random) }
        case 4:
            for index in bytes.indices where bytes[index] == 10 && Bool.random(using: &random) { bytes[index] = 13 }
        default:
            let pieces = ["<", ">", "\"", "&", "<!--", "]]>", " x=\"1\"", "\u{0}", "\u{85}", "\u{202E}"]
            bytes.insert(contentsOf: Array(pieces.randomElement(using: &random)!.utf8), at: start)
        }
        return bytes
    }

    /// Whether `error` is an answer in words rather than a fault.
    static func isAnswer(_ error: any Error) -> Bool {
        error is ArchiveError || error is RatingRubric.Mistake
    }

    @Test func theRegressionCorpusNeverCrashes() async throws {
        var files: [String] = []
        for folder in ["fixtures/hostile", "fixtures/invalid", "fixtures/fuzz"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Support.path(folder))) ?? []
            files += names.filter { $0.hasSuffix(".xml") }.sorted().map { Support.path(folder + "/" + $0) }
        }
        #expect(files.count > 20)
        for file in files {
            let archive = try Support.emptyArchive()
            do {
                _ = try await archive.importFiles([file], context: .tester)
            } catch {
                #expect(Self.isAnswer(error), "\(file): \(error)")
            }
        }
    }

    @Test func mutatedArchiveFilesAreRefusedInWords() async throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: Support.path("fixtures/valid/minimal.xml"))))
        var random = SeededRandom(seed: Self.seed)
        for iteration in 0..<Self.iterations {
            var bytes = original
            for _ in 0...Int.random(in: 0..<3, using: &random) { bytes = Self.mutate(bytes, &random) }
            Self.remember(Data(bytes), as: "last.xml")
            let file = try Support.write(Data(bytes), name: "fuzz-\(iteration).xml")
            let archive = try Support.emptyArchive()
            do {
                _ = try await archive.importFiles([file], context: .tester)
                _ = try await archive.check()
            } catch {
                #expect(Self.isAnswer(error), "seed \(Self.seed), iteration \(iteration): \(error)")
            }
        }
    }

    @Test func mutatedFormsAreRefusedInWords() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let original = Array(
            try Data(contentsOf: URL(fileURLWithPath: Support.path("fixtures/forms/bien-ban-na-pan-2024-12-28.txt"))))
        // Forms that once crashed, then the mutations of this run.
        let folder = Support.path("fixtures/fuzz")
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".txt")
        }
        for name in kept.sorted() {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)), as: UTF8.self)
            do {
                _ = try await archive.file(
                    form: text, named: name, today: LocalDate("2025-06-30")!, context: .tester)
            } catch {
                #expect(Self.isAnswer(error), "\(name): \(error)")
            }
        }
        var random = SeededRandom(seed: Self.seed &+ 1)
        for iteration in 0..<Self.iterations {
            var bytes = original
            for _ in 0...Int.random(in: 0..<3, using: &random) { bytes = Self.mutate(bytes, &random) }
            Self.remember(Data(bytes), as: "last.txt")
            do {
                _ = try await archive.file(
                    form: String(decoding: bytes, as: UTF8.self), named: "mau.txt", today: LocalDate("2025-06-30")!,
                    context: .tester)
            } catch XMLError.unwritableText(let text) {
                // Issue 15, item 7 (control characters in a form), left to the forms' owner: the
                // form reader lets them through and the writer refuses them raw.
                withKnownIssue("a control character in a form is not yet a FORM:LINE error", isIntermittent: true) {
                    Issue.record("seed \(Self.seed), iteration \(iteration): unwritable text \(text.debugDescription)")
                }
            } catch {
                #expect(Self.isAnswer(error), "seed \(Self.seed), iteration \(iteration): \(error)")
            }
        }
    }
}
