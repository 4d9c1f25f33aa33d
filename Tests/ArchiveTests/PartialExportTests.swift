import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("A partial export imports on its own")
struct PartialExportTests {
    static let sample = "archive/samples/dbx-hop-thanh.xml"

    func firstCellAndYear(_ archive: Archive) throws -> (String, Int) {
        let cell = try #require(try archive.cells(on: .d("2024-12-31")).first)
        let meeting = try #require(try archive.meetings(cellID: cell.id, year: nil).first)
        return (cell.id, meeting.date.year)
    }

    @Test func oneCellOneYear() throws {
        let archive = try Support.archive(with: [Self.sample])
        let (cell, year) = try firstCellAndYear(archive)
        let data = try Support.export(archive, ExportSelection(cellIDs: [cell], year: year))
        let fresh = try Support.emptyArchive()
        let report = try fresh.importFiles([try Support.write(data)])
        #expect(report.added[.cell] ?? 0 >= 1)
        let meetings = try fresh.meetings(cellID: cell, year: year)
        #expect(meetings.count == (try archive.meetings(cellID: cell, year: year).count))
        // The closure may bring in the previous December's resolution, reviewed in January.
        for meeting in try fresh.meetings(cellID: nil, year: nil) where meeting.date.year != year {
            #expect(meeting.date.year == year - 1)
        }
        // Exporting the same selection from the fresh archive gives the same bytes.
        #expect(try Support.export(fresh, ExportSelection(cellIDs: [cell], year: year)) == data)
    }

    @Test func anOrganizationCarriesItsCellsAndParents() throws {
        let archive = try Support.archive(with: [Self.sample])
        let organizations = try archive.cells(on: .d("2024-12-31")).map(\.organization)
        let organization = try #require(organizations.first)
        let data = try Support.export(archive, ExportSelection(organizationID: organization, year: 2024))
        let fresh = try Support.emptyArchive()
        _ = try fresh.importFiles([try Support.write(data)])
        #expect(
            Set(try fresh.cells(on: .d("2024-12-31")).map(\.id))
                == Set(try archive.cells(on: .d("2024-12-31")).map(\.id)))
    }

    @Test func unknownCellIsAnError() throws {
        let archive = try Support.archive(with: ["fixtures/valid/minimal.xml"])
        #expect(throws: ArchiveError.notFound(id: "cb-zz")) {
            try Support.export(archive, ExportSelection(cellIDs: ["cb-zz"]))
        }
    }
}
