import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Testing

@Suite("Document numbers run per (cell, type, term)")
struct NumberingTests {
    @Test func nextFreeNumberFollowsTheHighestIssued() throws {
        let archive = try Support.archive(with: ["fixtures/valid/forward-references.xml"])
        // a-nq-01 (superseded, number 1) and a-nq-02 (issued, number 2) hold numbers.
        #expect(try archive.nextFreeNumber(cellID: "cb-a", kind: .resolution, termID: "2022-2025") == 3)
        #expect(try archive.nextFreeNumber(cellID: "cb-a", kind: .report, termID: "2022-2025") == 1)
    }

    @Test func draftsHoldNoNumber() throws {
        let archive = try Support.archive(with: ["fixtures/valid/draft-no-number.xml"])
        #expect(try archive.nextFreeNumber(cellID: "cb-a", kind: .resolution, termID: "2022-2025") == 2)
    }

    @Test func eachCellAndTermHasItsOwnSequence() throws {
        let archive = try Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let resolutions = try archive.documents(cellID: "cb-na-pan", year: nil).filter { $0.type == .resolution }
        let highest = resolutions.compactMap(\.number).max() ?? 0
        #expect(try archive.nextFreeNumber(cellID: "cb-na-pan", kind: .resolution, termID: "2022-2025") == highest + 1)
        #expect(try archive.nextFreeNumber(cellID: "cb-na-pan", kind: .resolution, termID: "2025-2030") == 1)
        #expect(throws: ArchiveError.notFound(id: "1999-2000")) {
            try archive.nextFreeNumber(cellID: "cb-na-pan", kind: .resolution, termID: "1999-2000")
        }
    }
}
