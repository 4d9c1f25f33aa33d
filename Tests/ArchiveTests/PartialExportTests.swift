import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@Suite("A partial export imports on its own")
struct PartialExportTests {
    static let sample = "archive/samples/dbx-hop-thanh.xml"

    func firstCellAndYear(_ archive: Archive) async throws -> (String, Int) {
        let cell = try await #require(try await archive.cells(on: .d("2024-12-31")).first)
        let meeting = try await #require(try await archive.meetings(cellID: cell.id, year: nil).first)
        return (cell.id, meeting.date.year)
    }

    @Test func oneCellOneYear() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let (cell, year) = try await firstCellAndYear(archive)
        let data = try await Support.export(archive, ExportSelection(cellIDs: [cell], year: year))
        let fresh = try Support.emptyArchive()
        let report = try await fresh.importFiles([try Support.write(data)], context: .tester)
        #expect(report.added[.cell] ?? 0 >= 1)
        let meetings = try await fresh.meetings(cellID: cell, year: year)
        await #expect(meetings.count == (try await archive.meetings(cellID: cell, year: year).count))
        // The closure may bring in the previous December's resolution, reviewed in January.
        for meeting in try await fresh.meetings(cellID: nil, year: nil) where meeting.date.year != year {
            #expect(meeting.date.year == year - 1)
        }
        // Exporting the same selection from the fresh archive gives the same bytes.
        await #expect(try await Support.export(fresh, ExportSelection(cellIDs: [cell], year: year)) == data)
    }

    @Test func anOrganizationCarriesItsCellsAndParents() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let organizations = try await archive.cells(on: .d("2024-12-31")).map(\.organization)
        let organization = try #require(organizations.first)
        let data = try await Support.export(archive, ExportSelection(organizationID: organization, year: 2024))
        let fresh = try Support.emptyArchive()
        _ = try await fresh.importFiles([try Support.write(data)], context: .tester)
        await #expect(
            Set(try await fresh.cells(on: .d("2024-12-31")).map(\.id))
                == Set(try await archive.cells(on: .d("2024-12-31")).map(\.id)))
    }

    @Test func confidentialDocumentsAndWhatRefersToThemStayBehind() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        let selection = ExportSelection(cellIDs: ["cb-phai-luong"], year: 2023)
        let file = Support.temporaryDirectory("export") + "/export.xml"
        let summary = try await archive.export(selection, to: file)
        // pl-nq-2023-01 (Mật); pl-2023-02 reports on its tasks; pl-nq-2023-02 was adopted there,
        // pl-2023-03 reports on that one's tasks, and so on to the year's end.
        #expect(summary.withheldConfidentialDocuments == 1)
        #expect(summary.confidentialDocuments == 0)
        let meetings = try await archive.meetings(cellID: "cb-phai-luong", year: 2023)
        let withheldMeetings = try #require(summary.withheldReferring[.meeting])
        let fresh = try Support.emptyArchive()
        _ = try await fresh.importFiles([file], context: .tester)
        await #expect(
            try await fresh.meetings(cellID: "cb-phai-luong", year: 2023).count == meetings.count - withheldMeetings)
        await #expect(try await fresh.check().isSound)
        await #expect(try await fresh.documents(cellID: nil, year: nil).allSatisfy { $0.classification == .none })
        // What was carried is carried again, byte for byte, from the archive that received it.
        await #expect(
            try await Support.export(fresh, selection) == (try Data(contentsOf: URL(fileURLWithPath: file))))
        // Asked for, everything goes, and nothing is counted as left out.
        let everything = try await archive.export(
            ExportSelection(cellIDs: ["cb-phai-luong"], year: 2023, includeConfidential: true),
            to: Support.temporaryDirectory("export") + "/all.xml")
        #expect(everything.withheldConfidentialDocuments == 0 && everything.confidentialDocuments == 1)
        #expect(everything.counts[.meeting, default: 0] >= meetings.count)
    }

    @Test func unknownCellIsAnError() async throws {
        let archive = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        await #expect(throws: ArchiveError.notFound(id: "cb-zz")) {
            try await Support.export(archive, ExportSelection(cellIDs: ["cb-zz"]))
        }
    }
}
