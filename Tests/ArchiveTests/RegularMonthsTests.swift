import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import GRDB
import Testing

/// Months with a regular session set against months counted, never sessions against months,
/// over `fixtures/summary/hoa-binh-2024.xml` (made by `make-two-in-a-month-fixture.py`): An Lạc
/// met twice in May and not in November (12 sessions, 11 months), Bình Minh every month once,
/// Cầu Đá twice in May and in June and not in August nor November (12 sessions, 10 months).
/// And two minutes of one sitting, written by hand with SQL as an older archive may hold them:
/// `check` names the pair, a summary counts the sitting once.
@Suite("Regular months held against months counted")
struct RegularMonthsTests {
    static let fixture = "fixtures/summary/hoa-binh-2024.xml"
    let archive: Archive
    let today = LocalDate.d("2025-03-01")

    init() async throws {
        archive = try await Support.archive(with: [Self.fixture])
    }

    func committee() async throws -> YearSummary {
        try await archive.summary(year: 2024, organizationID: "dbx-hoa-binh", today: today)
    }

    func cell(_ id: String) async throws -> CellYearSummary {
        try #require(await archive.summary(year: 2024, cellID: id, today: today).cells.first)
    }

    @Test func monthsHeldAreMonthsWithARegularSessionNotSessions() async throws {
        let anLac = try await cell("cb-an-lac")
        #expect(anLac.regularHeld == 12 && anLac.regularMonthsHeld == 11 && anLac.monthsCounted == 12)
        #expect(anLac.missingMonths == [11] && anLac.heldRegularSessions)
        #expect(anLac.monthsWithSeveralRegularSessions.map { [$0.month, $0.sessions] } == [[5, 2]])
        #expect(anLac.regularMonthsFigure == "11/12 tháng")
        #expect(anLac.regularMonthsPhrase == "11/12 tháng (thiếu tháng 11; tháng 5 họp 2 lần)")
        let cauDa = try await cell("cb-cau-da")
        #expect(cauDa.regularHeld == 12 && cauDa.regularMonthsHeld == 10 && cauDa.missingMonths == [8, 11])
        #expect(!cauDa.heldRegularSessions, "two sittings in May and June do not make up for August and November")
        #expect(cauDa.regularMonthsPhrase == "10/12 tháng (thiếu tháng 8, 11; tháng 5 họp 2 lần, tháng 6 họp 2 lần)")
        let binhMinh = try await cell("cb-binh-minh")
        #expect(binhMinh.regularMonthsPhrase == "12/12 tháng (không thiếu tháng nào)")
    }

    @Test func totalsCountCellsByTheSameRule() async throws {
        let totals = try #require(try await committee().totals)
        #expect(totals.cellsWithRegularSessions == 2 && totals.cellsWithFewerSessions == 1)
        #expect(totals.regularHeld == 36 && totals.regularMonthsHeld == 33 && totals.monthsCounted == 36)
    }

    @Test func thePrintedSummarySaysMonthsAndTheSecondSession() async throws {
        let summary = try await archive.summary(year: 2024, cellID: "cb-an-lac", today: today)
        let html = try Pages().render(summary, issued: today)
        #expect(
            html.contains(
                "<tr><td>Sinh hoạt thường kỳ</td><td>11/12 tháng có sinh hoạt thường kỳ (tháng 5 họp 2 lần)</td></tr>"))
        #expect(html.contains("<tr><td>Tháng không sinh hoạt thường kỳ</td><td>Tháng 11</td></tr>"))
        #expect(
            html.contains(
                "aria-label=\"Biểu đồ sinh hoạt từng tháng năm 2024 của Chi bộ thôn An Lạc: 12 buổi, 12 buổi Tốt; sinh hoạt thường kỳ 11/12 tháng, thiếu tháng 11, tháng 5 họp 2 lần\""
            ))
        #expect(!html.contains("12/12"))
    }

    @Test func theCommitteeReportAnnexSaysMonths() async throws {
        let report = try await archive.committeeReport(
            of: SummaryPeriod(year: 2024), organizationID: "dbx-hoa-binh", today: today)
        #expect(
            report.resultSections[1].paragraphs == [
                "2/3 chi bộ sinh hoạt đủ 11–12 kỳ thường kỳ, với 36 buổi sinh hoạt thường kỳ.",
                "Chi bộ có tháng không sinh hoạt thường kỳ: Chi bộ thôn An Lạc (tháng 11); Chi bộ thôn Cầu Đá (tháng 8 và 11).",
            ])
        let html = try Pages().render(report)
        #expect(
            html.contains(
                "<th class=\"number\">Tháng có sinh hoạt thường kỳ</th><th>Tháng không sinh hoạt thường kỳ</th>"))
        #expect(html.contains("Chi bộ thôn An Lạc<div class=\"note\">tháng 5 họp 2 lần</div></td>"))
        #expect(html.contains("<td class=\"number\">11/12</td><td class=\"months\">T11</td>"))
        #expect(html.contains("<td class=\"number\">10/12</td><td class=\"months\">T8, T11</td>"))
        #expect(html.contains("<td class=\"number\">12/12</td><td class=\"months\"></td>"))
        #expect(html.contains("<td class=\"number\">33/36</td><td class=\"months\">2 chi bộ</td>"))
    }

    @Test func csvAndXMLSayMonthsHeldAndMonthsAsMonths() async throws {
        let summary = try await committee()
        let csv = SummaryCSV.render(summary)
        let rows = String(csv.dropFirst()).components(separatedBy: "\r\n").dropLast()
        #expect(
            rows.first?.contains(
                "Số buổi thường kỳ,Số tháng có sinh hoạt thường kỳ,Số tháng tính,Tháng không sinh hoạt thường kỳ,")
                == true)
        let anLac = try #require(rows.first { $0.contains(",cb-an-lac,") })
        #expect(anLac.contains(",12,11,12,T11,4,,0,"), "\(anLac)")
        let cauDa = try #require(rows.first { $0.contains(",cb-cau-da,") })
        #expect(cauDa.contains(",12,10,12,\"T8, T11\",4,,0,"), "\(cauDa)")
        let xml = try SummaryXML.render(summary)
        #expect(xml.contains("regularHeld=\"12\" monthsCounted=\"12\""))
        #expect(xml.contains("regularMonthsHeld=\"11\""))
        #expect(xml.contains("regularMonthsHeld=\"33\" monthsCounted=\"36\""))
        let lint = try Support.xmllint(Data(xml.utf8), schema: "archive/schema/summary-1.xsd")
        #expect(lint.valid, "\(lint.message)")
    }

    /// A copy of `id` under `copy`, written straight into the database as a draft, then the
    /// search index rebuilt: what an archive from before the rule, or a hand edit, holds.
    func duplicate(_ id: String, as copy: String) async throws {
        try await archive.writer().write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TABLE copied_meeting AS SELECT * FROM meeting WHERE id = ?;
                    UPDATE copied_meeting SET id = ?, status = 'draft', version = 1, content_sha256 = NULL;
                    INSERT INTO meeting SELECT * FROM copied_meeting;
                    CREATE TEMP TABLE copied_text AS SELECT * FROM meeting_text WHERE meeting_id = ?;
                    UPDATE copied_text SET meeting_id = ?;
                    INSERT INTO meeting_text SELECT * FROM copied_text;
                    CREATE TEMP TABLE copied_attendance AS SELECT * FROM attendance WHERE meeting_id = ?;
                    UPDATE copied_attendance SET meeting_id = ?;
                    INSERT INTO attendance SELECT * FROM copied_attendance;
                    DROP TABLE copied_meeting; DROP TABLE copied_text; DROP TABLE copied_attendance;
                    """, arguments: [id, copy, id, copy, id, copy])
        }
        try await archive.reindex()
    }

    @Test func checkNamesTwoMinutesOfOneSittingAndTheSummaryCountsItOnce() async throws {
        try await duplicate("bm-2024-04", as: "bm-2024-04-b")
        var report = try await archive.check()
        #expect(report.isSound, "\(report.problems)")
        var pairs = report.findings.filter { $0.code == .sameSittingTwice }
        #expect(pairs.map(\.subject) == ["bm-2024-04-b"])
        #expect(
            pairs.first?.message
                == "Chi bộ thôn Bình Minh (cb-binh-minh) có hai biên bản của cùng một kỳ sinh hoạt ngày 08/04/2024: bm-2024-04 (thường kỳ, đã thông qua) và bm-2024-04-b (thường kỳ, dự thảo). Nếu bm-2024-04-b là bản ghi thừa, hãy bỏ dự thảo đó; nếu là một kỳ sinh hoạt khác, hãy sửa lại ngày hoặc loại sinh hoạt của nó."
        )
        // One mistake, one finding: the copy is not also "a second regular meeting in April".
        #expect(!report.findings.contains { $0.code == .secondRegularInMonth && $0.subject.hasPrefix("bm-") })

        // Approved as well (approval does not look for it): the sitting is still counted once.
        _ = try await archive.approve(meetingID: "bm-2024-04-b", confirmingWarnings: true, context: .tester)
        report = try await archive.check()
        #expect(report.isSound, "\(report.problems)")
        pairs = report.findings.filter { $0.code == .sameSittingTwice }
        #expect(pairs.map(\.subject) == ["bm-2024-04-b"])
        #expect(
            pairs.first?.message.hasSuffix(
                "bm-2024-04 (thường kỳ, đã thông qua) và bm-2024-04-b (thường kỳ, đã thông qua). Cả hai đã thông qua nên không bỏ được: hãy đính chính biên bản ghi sai (ngày hoặc loại sinh hoạt). Đến khi đó, tổng hợp chỉ tính biên bản bm-2024-04."
            ) == true, "\(pairs)")
        let binhMinh = try await cell("cb-binh-minh")
        #expect(binhMinh.meetingsHeld == 12 && binhMinh.regularHeld == 12 && binhMinh.ratings.total == 12)
        #expect(binhMinh.regularMonthsHeld == 12 && binhMinh.monthsWithSeveralRegularSessions.isEmpty)
        #expect(binhMinh.repeatedSittings == ["bm-2024-04-b"])
        #expect(binhMinh.months[3].sessions.map(\.meeting) == ["bm-2024-04"])
        #expect(binhMinh.findings.filter { $0.code == .sameSittingTwice } == pairs)
        #expect(!binhMinh.findings.contains { $0.code == .secondRegularInMonth })
        let totals = try #require(try await committee().totals)
        #expect(totals.meetingsHeld == 36 && totals.regularHeld == 36)
    }

    @Test func aCombinedMeetingIsKeptOverARegularRecordOfTheSameSitting() {
        func meeting(_ id: String, _ kind: Meeting.Kind, status: Meeting.Status = .approved) -> Meeting {
            Meeting(
                id: id, cellID: "cb-a", kind: kind, date: .d("2024-06-05"), start: TimeOfDay("19:30")!,
                end: TimeOfDay("21:30")!, place: "Nhà văn hóa", chairID: "a-01", recorderID: "a-02", agenda: [],
                proceedings: [], status: status)
        }
        let regular = meeting("a-06", .regular)
        let combined = meeting("a-06-kh", .combined)
        let thematic = meeting("a-06-cd", .thematic)
        let extraordinary = meeting("a-06-bt", .extraordinary)
        let counted = SameSitting.countedOnce([regular, combined, thematic, extraordinary])
        #expect(counted.kept.map(\.id) == ["a-06-kh", "a-06-bt"])
        #expect(counted.repeated.map(\.id) == ["a-06", "a-06-cd"])
        #expect(
            SameSitting.pairs([regular, combined, thematic, extraordinary]).map { [$0.first.id, $0.second.id] } == [
                ["a-06-kh", "a-06"], ["a-06-kh", "a-06-cd"],
            ])
        // A regular and a thematic meeting on one day are two sittings; so is a draft of another day.
        #expect(SameSitting.pairs([regular, thematic]).isEmpty)
        let draft = meeting("a-06-b", .regular, status: .draft)
        #expect(SameSitting.pairs([draft, regular]).map { [$0.first.id, $0.second.id] } == [["a-06", "a-06-b"]])
    }
}
