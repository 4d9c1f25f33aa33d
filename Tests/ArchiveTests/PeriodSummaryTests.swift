import ArchiveCore
import ArchiveSQLite
import Foundation
import Testing

/// Summaries of a quarter and of a month, by the same rules as the year's, over
/// `fixtures/summary/minh-tien-2024.xml` (Đồng Tâm misses August and has no thematic meeting
/// in the third quarter; the school was founded on 1 July 2024).
@Suite("Summaries of a quarter or a month")
struct PeriodSummaryTests {
    let archive: Archive
    let afterTheYear = LocalDate.d("2025-03-01")

    init() async throws {
        archive = try await SummaryTests.approvedArchive()
    }

    func cell(_ id: String, _ period: SummaryPeriod, today: LocalDate? = nil) async throws -> CellYearSummary {
        try #require(
            await archive.summary(of: period, cellID: id, today: today ?? afterTheYear, ratingBasis: .committeeFirst)
                .cells.first)
    }

    @Test func theThirdQuarterCountsItsThreeMonthsAndItsThematicMeeting() async throws {
        let third = try #require(SummaryPeriod(year: 2024, quarter: 3))
        #expect(third.months == 7...9 && third.quarters == [3] && third.vietnameseName == "quý III năm 2024")
        let dongTam = try await cell("cb-dong-tam", third)
        #expect(dongTam.monthsCounted == 3 && dongTam.missingMonths == [8] && dongTam.regularHeld == 2)
        #expect(dongTam.quartersWithoutThematic == [3] && dongTam.thematicHeld == 0)
        #expect(dongTam.months.map(\.month) == [7, 8, 9])
        #expect(dongTam.findings.contains { $0.code == .missingRegularMonth && $0.message.contains("tháng 8/2024") })
        let summary = try await archive.summary(
            of: third, cellID: "cb-dong-tam", today: afterTheYear, ratingBasis: .committeeFirst)
        #expect(summary.asOf == .d("2024-09-30") && summary.period == third)
    }

    @Test func aMonthOwesNoThematicMeetingAndBeforeFoundingOwesNothing() async throws {
        let august = try #require(SummaryPeriod(year: 2024, month: 8))
        let dongTam = try await cell("cb-dong-tam", august)
        #expect(dongTam.monthsCounted == 1 && dongTam.missingMonths == [8] && dongTam.quartersWithoutThematic.isEmpty)
        let school = try await cell("cb-truong-th", try #require(SummaryPeriod(year: 2024, quarter: 2)))
        #expect(school.monthsCounted == 0 && school.missingMonths.isEmpty && school.quartersWithoutThematic.isEmpty)
        #expect(school.heldRegularSessions)
    }

    @Test func aQuarterUnderWayCountsOnlyTheMonthsOver() async throws {
        let third = try #require(SummaryPeriod(year: 2024, quarter: 3))
        let dongTam = try await cell("cb-dong-tam", third, today: .d("2024-08-15"))
        #expect(dongTam.monthsCounted == 1 && dongTam.missingMonths.isEmpty && dongTam.quartersWithoutThematic.isEmpty)
        #expect(dongTam.meetingsHeld == 1)  // 5 July; nothing after 15 August is counted
    }

    /// The months are the year cut in pieces: what each month misses, together, is what the
    /// year misses; the quarters' missing thematic meetings are the year's.
    @Test func monthsAndQuartersAddUpToTheYear() async throws {
        for id in ["cb-dong-tam", "cb-bac-son", "cb-truong-th"] {
            let year = try await cell(id, SummaryPeriod(year: 2024))
            var missing: [Int] = []
            var held = 0
            for month in 1...12 {
                let summary = try await cell(id, try #require(SummaryPeriod(year: 2024, month: month)))
                missing += summary.missingMonths
                held += summary.meetingsHeld
            }
            #expect(missing == year.missingMonths && held == year.meetingsHeld, "\(id)")
            var quarters: [Int] = []
            for quarter in 1...4 {
                quarters += try await cell(id, try #require(SummaryPeriod(year: 2024, quarter: quarter)))
                    .quartersWithoutThematic
            }
            #expect(quarters == year.quartersWithoutThematic, "\(id)")
        }
    }

    @Test func aCommitteesQuarterSaysSoAndItsXMLIsValid() async throws {
        let third = try #require(SummaryPeriod(year: 2024, quarter: 3))
        let summary = try await archive.summary(
            of: third, organizationID: "dbx-minh-tien", today: afterTheYear, ratingBasis: .cell)
        let totals = try #require(summary.totals)
        #expect(totals.cells == 3 && totals.cellsWithRegularSessions == 2)  // Đồng Tâm missed August
        let xml = try SummaryXML.render(summary)
        #expect(xml.contains(#"quarter="3""#) && xml.contains(#"ratingBasis="cell""#))
        let checked = try Support.xmllint(Data(xml.utf8), schema: "archive/schema/summary-1.xsd")
        #expect(checked.valid, "\(checked.message)")
        #expect(SummaryPeriod(year: 2024, quarter: 5) == nil && SummaryPeriod(year: 2024, month: 0) == nil)
    }
}
