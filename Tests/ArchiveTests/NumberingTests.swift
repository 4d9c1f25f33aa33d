import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Testing

@Suite("Document numbers run per (cell, type, term)")
struct NumberingTests {
    @Test func nextFreeNumberFollowsTheHighestIssued() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/forward-references.xml"])
        // a-nq-01 (superseded, number 1) and a-nq-02 (issued, number 2) hold numbers.
        await #expect(try await archive.nextFreeNumber(cellID: "cb-a", kind: .resolution, termID: "2022-2025") == 3)
        await #expect(try await archive.nextFreeNumber(cellID: "cb-a", kind: .report, termID: "2022-2025") == 1)
    }

    @Test func draftsHoldNoNumber() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/draft-no-number.xml"])
        await #expect(try await archive.nextFreeNumber(cellID: "cb-a", kind: .resolution, termID: "2022-2025") == 2)
    }

    @Test func eachCellAndTermHasItsOwnSequence() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let resolutions = try await archive.documents(cellID: "cb-na-pan", year: nil).filter { $0.type == .resolution }
        let highest = resolutions.compactMap(\.number).max() ?? 0
        await #expect(
            try await archive.nextFreeNumber(cellID: "cb-na-pan", kind: .resolution, termID: "2022-2025") == highest + 1
        )
        await #expect(
            try await archive.nextFreeNumber(cellID: "cb-na-pan", kind: .resolution, termID: "2025-2030") == 1)
        await #expect(throws: ArchiveError.notFound(id: "1999-2000")) {
            try await archive.nextFreeNumber(cellID: "cb-na-pan", kind: .resolution, termID: "1999-2000")
        }
    }
}
