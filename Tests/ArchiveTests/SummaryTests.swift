import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

/// The yearly summary, figure by figure, over `fixtures/summary/minh-tien-2024.xml`, whose
/// generator says next to each record which figure it produces.
@Suite("Yearly summaries")
struct SummaryTests {
    static let fixture = "fixtures/summary/minh-tien-2024.xml"
    let archive: Archive
    let afterTheYear = LocalDate.d("2025-03-01")

    init() async throws {
        archive = try await Self.approvedArchive()
    }

    /// The fixture with its December minutes approved. The file carries no lifecycle, so that
    /// unrated meeting imports as a draft (the lifecycle tests use it so), and a summary counts
    /// approved minutes only; its figures count it as held, as its generator says.
    static func approvedArchive() async throws -> Archive {
        let archive = try await Support.archive(with: [fixture])
        try await archive.approve(meetingID: "dt-2024-12", context: .tester)
        return archive
    }

    @Test func theDecemberDraftIsNotHeldUntilApproved() async throws {
        let drafts = try await Support.archive(with: [Self.fixture])
        let cell = try #require(
            await drafts.summary(year: 2024, cellID: "cb-dong-tam", today: afterTheYear).cells.first)
        #expect(cell.meetingsHeld == 12 && cell.regularHeld == 10 && cell.missingMonths == [8, 12])
        #expect(cell.unapprovedMinutes == ["dt-2024-12"] && cell.ratings.unrated == 0)
        #expect(cell.findings.contains { $0.code == .unapprovedMinutes && $0.subject == "dt-2024-12" })
        #expect(cell.months[11].sessions.map(\.meeting) == ["dt-2024-12-bt"])
    }

    func dongTam() async throws -> CellYearSummary {
        try await #require(await archive.summary(year: 2024, cellID: "cb-dong-tam", today: afterTheYear).cells.first)
    }

    @Test func sessionsMonthsAndQuarters() async throws {
        let cell = try await dongTam()
        #expect(cell.meetingsHeld == 13)  // December 2023 and January 2025 left out
        #expect(cell.regularHeld == 11)  // regular and combined
        #expect(cell.monthsCounted == 12)
        #expect(cell.missingMonths == [8])
        #expect(cell.thematicHeld == 3)  // thematic and combined
        #expect(cell.quartersWithoutThematic == [3])
        #expect(cell.extraordinaryHeld == 1)
        #expect(cell.heldRegularSessions)
        #expect(cell.months.map(\.sessions.count) == [1, 1, 1, 1, 2, 1, 1, 0, 1, 1, 1, 2])
    }

    @Test func ratings() async throws {
        let cell = try await dongTam()
        #expect(cell.ratings.good == 8 && cell.ratings.fair == 2 && cell.ratings.average == 1)
        #expect(cell.ratings.weak == 1 && cell.ratings.unrated == 1)
        #expect(cell.goodShare == 8.0 / 13.0)
        #expect(cell.fairOrBetterShare == 10.0 / 13.0)
    }

    @Test func attendanceLeavesExemptMembersOutOfBothSides() async throws {
        let cell = try await dongTam()
        // Six expected at every meeting (the exempt member who attends in March is not one of them):
        // six meetings full, six with one away, and 6 May with two away.
        let rate = try #require(cell.attendanceRate)
        #expect(abs(rate - 35.0 / 39.0) < 1e-12)
        let lowest = try #require(cell.lowestAttendance)
        #expect(lowest.meeting == "dt-2024-05" && lowest.present == 4 && lowest.expected == 6)
    }

    @Test func absencesNamedByTheRules() async throws {
        let cell = try await dongTam()
        let unexcused = try #require(cell.unexcusedAbsences.first)
        #expect(cell.unexcusedAbsences.count == 1)
        #expect(unexcused.member == "dt-03" && unexcused.name == "Hoàng Văn Khánh")
        #expect(unexcused.months == [2, 5, 9] && unexcused.count == 3)
        let run = try #require(cell.excusedAbsencesInARow.first)
        #expect(cell.excusedAbsencesInARow.count == 1)
        #expect(run.member == "dt-06" && run.count == 4)
        #expect(run.from == .d("2024-03-04") && run.to == .d("2024-05-20"))
    }

    @Test func votesCountTheExemptWhoAttendAndTheNewlyConfirmed() async throws {
        let cell = try await dongTam()
        // January: 3 of 5 entitled (the probationary member does not vote) passes. March: the
        // exempt member attended, so 6 are entitled and 6 votes cast is no excess. July: the
        // member confirmed on 15 June now votes, so 3 of 6 is not more than half.
        let failed = try #require(cell.failedVotes.first)
        #expect(cell.failedVotes.count == 1)
        #expect(failed.meeting == "dt-2024-07" && failed.subject == "Thông qua chủ trương làm đường nội đồng")
        #expect(failed.votesFor == 3 && failed.entitled == 6)
        #expect(!cell.findings.contains { $0.code == .votesExceedEntitled })
    }

    @Test func lengthsConclusionsDocumentsAndTasks() async throws {
        let cell = try await dongTam()
        #expect(cell.shortMeetings.map(\.meeting) == ["dt-2024-04"])
        #expect(cell.shortMeetings.first?.minutes == 75 && cell.shortMeetings.first?.minimum == 90)
        #expect(cell.meetingsWithoutConclusion == ["dt-2024-06"])
        #expect(cell.resolutionsIssued == 3)  // not the report, the draft, nor 2023's
        #expect(cell.tasks.assigned == 5 && cell.tasks.done == 2)
        #expect(cell.tasks.cancelled == 1 && cell.tasks.open == 2)  // done in January 2025 is still open
    }

    @Test func everyBreachIsAFindingWithItsSubject() async throws {
        let findings = try await dongTam().findings
        let pairs = findings.map { "\($0.code.rawValue) \($0.subject)" }
        #expect(
            pairs == [
                "missing-regular-month cb-dong-tam", "quarter-without-thematic cb-dong-tam",
                // March: 6 votes cast, but only 5 entitled members present (the probationary
                // member present does not vote; the exempt one who came does).
                "votes-exceed-present dt-2024-03", "short-meeting dt-2024-04", "rating-mismatch dt-2024-05",
                "no-conclusion dt-2024-06", "vote-failed dt-2024-07",
                // The extraordinary meeting of 20 December: its recorder is marked absent.
                "recorder-absent dt-2024-12-bt", "unexcused-absences dt-03", "excused-absences-in-a-row dt-06",
            ])
        #expect(
            findings.allSatisfy {
                !$0.message.isEmpty && $0.message == $0.message.precomposedStringWithCanonicalMapping
            })
        #expect(findings[4].message.contains("85 điểm") && findings[4].message.contains("Khá"))
        #expect(findings[8].message.contains("3 lần") && findings[8].message.contains("xem xét xóa tên"))
        #expect(findings[2].message.hasPrefix("Kỳ sinh hoạt ngày 04/03/2024: "))
    }

    @Test func aCellFoundedMidYearCountsOnlyItsMonths() async throws {
        let cell = try await #require(
            await archive.summary(year: 2024, cellID: "cb-truong-th", today: afterTheYear).cells.first)
        #expect(cell.monthsCounted == 6)
        #expect(cell.missingMonths == [11])
        #expect(cell.quartersWithoutThematic == [4])  // quarters 1 and 2 were before it existed
        #expect(cell.regularHeld == 5 && !cell.heldRegularSessions)
        // Three absences without reason in two months: named, not yet grounds for removal.
        let absences = try #require(cell.unexcusedAbsences.first)
        #expect(absences.member == "th-03" && absences.count == 3 && absences.months == [9, 10])
        let finding = try #require(cell.findings.first { $0.code == .unexcusedAbsences })
        #expect(finding.message.contains("3 lần") && finding.message.contains("chưa đủ 3 tháng"))
    }

    @Test func theYearUnderWayCountsOnlyWhatIsOver() async throws {
        let summary = try await archive.summary(year: 2024, cellID: "cb-bac-son", today: .d("2024-06-20"))
        let cell = try #require(summary.cells.first)
        #expect(summary.asOf == .d("2024-06-20"))
        #expect(cell.meetingsHeld == 6)  // 10 June is held; June is not over
        // June counts once its meeting is held ("6/6", not "6/5"); July on, nothing is owed.
        #expect(cell.regularHeld == 6 && cell.monthsCounted == 6 && cell.missingMonths.isEmpty)
        let earlier = try await archive.summary(year: 2024, cellID: "cb-bac-son", today: .d("2024-06-05"))
        #expect(earlier.cells.first?.monthsCounted == 5 && earlier.cells.first?.regularHeld == 5)
        #expect(cell.quartersWithoutThematic.isEmpty)
    }

    @Test func aCommitteeCoversItsSubCommitteesRankedByShareOfGood() async throws {
        let summary = try await archive.summary(year: 2024, organizationID: "dbx-minh-tien", today: afterTheYear)
        #expect(summary.organization == OrganizationName(id: "dbx-minh-tien", name: "Đảng bộ xã Minh Tiến"))
        #expect(summary.cells.map(\.cell) == ["cb-bac-son", "cb-dong-tam", "cb-truong-th"])
        let totals = try #require(summary.totals)
        #expect(totals.cells == 3 && totals.cellsWithRegularSessions == 2 && totals.cellsWithFewerSessions == 1)
        #expect(totals.meetingsHeld == 31 && totals.regularHeld == 28 && totals.thematicHeld == 8)
        #expect(totals.ratings.good == 20 && totals.ratings.fair == 8 && totals.ratings.average == 1)
        #expect(totals.ratings.weak == 1 && totals.ratings.unrated == 1)
        #expect(totals.goodShare == 20.0 / 31.0)
        #expect(totals.findings == 13 && totals.resolutionsIssued == 3)
        let rate = try #require(totals.attendanceRate)
        #expect(abs(rate - (35.0 / 3.0 + 12 + 5) / 31.0) < 1e-12)  // the school: three meetings at 2/3
        let school = try await archive.summary(year: 2024, organizationID: "dbbp-truong-hoc", today: afterTheYear)
        #expect(school.cells.map(\.cell) == ["cb-truong-th"])
    }

    @Test func unknownCellOrCommitteeIsNotFound() async throws {
        await #expect(throws: ArchiveError.notFound(id: "cb-khong-co")) {
            try await archive.summary(year: 2024, cellID: "cb-khong-co", today: afterTheYear)
        }
        await #expect(throws: ArchiveError.notFound(id: "dbx-khong-co")) {
            try await archive.summary(year: 2024, organizationID: "dbx-khong-co", today: afterTheYear)
        }
    }

    @Test func theJSONKeysScriptsRelyOn() async throws {
        let summary = try await archive.summary(year: 2024, organizationID: "dbx-minh-tien", today: afterTheYear)
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any])
        #expect(object["year"] as? Int == 2024)
        #expect(object["totals"] is [String: Any])
        let cells = try #require(object["cells"] as? [[String: Any]])
        let cell = try #require(cells.first { $0["cell"] as? String == "cb-dong-tam" })
        for key in [
            "cell", "name", "regularHeld", "missingMonths", "thematicHeld", "quartersWithoutThematic",
            "extraordinaryHeld", "ratings", "attendanceRate", "findings",
        ] {
            #expect(cell[key] != nil, "missing \(key)")
        }
        #expect(cell["missingMonths"] as? [Int] == [8])
        let ratings = try #require(cell["ratings"] as? [String: Int])
        #expect(ratings == ["good": 8, "fair": 2, "average": 1, "weak": 1, "unrated": 1])
        let finding = try #require((cell["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == ["code", "subject", "message"])
    }
}

@Suite("Summary formats")
struct SummaryFormatTests {
    let summary: YearSummary

    init() async throws {
        let archive = try await SummaryTests.approvedArchive()
        summary = try await archive.summary(year: 2024, organizationID: "dbx-minh-tien", today: .d("2025-03-01"))
    }

    @Test func xmlIsValidAgainstItsOwnSchema() throws {
        let file = try Support.write(Data(try SummaryXML.render(summary).utf8), name: "summary.xml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", Support.path("archive/schema/summary-1.xsd"), file]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        let xml = try SummaryXML.render(summary)
        #expect(xml.contains("xmlns=\"urn:sochibo:summary:1\""))
        #expect(xml.contains("<missingMonth>8</missingMonth>"))
        #expect(xml.contains("<finding code=\"unexcused-absences\" subject=\"dt-03\">"))
    }

    @Test func csvHasABOMVietnameseHeadersAndOneRowPerCellInVietnameseOrder() throws {
        let csv = SummaryCSV.render(summary)
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        let rows = String(csv.dropFirst()).components(separatedBy: "\r\n").dropLast()
        #expect(rows.count == 4)
        #expect(rows.first == SummaryCSV.headers.joined(separator: ","))
        #expect(rows.first?.hasPrefix("Năm,Mã chi bộ,Chi bộ,Đảng bộ,Số buổi sinh hoạt") == true)
        // Bắc Sơn, Đồng Tâm, then the school ("Chi bộ thôn …" before "Chi bộ Trường …": t-h before t-r).
        #expect(rows.dropFirst().map { $0.split(separator: ",")[1] } == ["cb-bac-son", "cb-dong-tam", "cb-truong-th"])
        let dongTam = try #require(rows.first { $0.contains(",cb-dong-tam,") }).split(separator: ",").map(String.init)
        func value(_ column: String) -> String { dongTam[SummaryCSV.columns.firstIndex(of: column)!] }
        #expect(dongTam.count == SummaryCSV.columns.count)
        #expect(value("name") == "Chi bộ thôn Đồng Tâm" && value("organization") == "Đảng bộ xã Minh Tiến")
        #expect(value("unapprovedMinutes") == "0")
        #expect(value("regularHeld") == "11" && value("regularMonthsHeld") == "11" && value("missingMonths") == "T8")
        #expect(value("good") == "8" && value("attendanceRate") == "0.8974")
        #expect(value("failedVotes") == "1" && value("findings") == "10")
    }

    @Test func htmlDrawsEverySessionAndMissedMonth() throws {
        let html = try Pages().render(summary, issued: .d("2025-03-01"))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"vi\">"))
        #expect(html.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && html.contains("Đồng Tâm, ngày 01 tháng 03 năm 2025"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        // A titled box per session (31) and per missed month (2).
        #expect(html.components(separatedBy: "<g><title>").count - 1 == 33)
        #expect(html.contains("<title>Tháng 8/2024: không sinh hoạt thường kỳ</title>"))
        #expect(html.contains("<title>20/12/2024: bất thường, Kém</title>"))
    }

    @Test func htmlEscapesWhatItQuotes() {
        #expect(
            HTMLText.escape("Nghị quyết \"số 5\" <b> & 'x'")
                == "Nghị quyết &quot;số 5&quot; &lt;b&gt; &amp; &#39;x&#39;")
    }
}
