import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation

/// The commune office's two reads on one commune's archive (issue 13): its board of a year and
/// its report on the year (the figures of the year and the year before, read in one
/// transaction, and the A4 page rendered), p50/p99 over `rounds`, each next to the `sqlite3`
/// shell running the bare queries over the same archive in the same run: the commune's
/// meetings of the year for the board, and the counting queries of both years for the report.
///
///     sochibo-bench commune-office ARCHIVE ORGANIZATION YEAR ROUNDS
enum CommuneOfficeBenchmark {
    static func run(archivePath: String, organizationID: String, year: Int, rounds: Int) async throws -> [String] {
        let archive = try Archive(opening: archivePath)
        let pages = try Pages()
        let today = LocalDate(year: year + 1, month: 1, day: 15)!
        let period = SummaryPeriod(year: year)
        // Warm the page cache, and count what is read.
        let board = try await archive.board(year: year, organizationID: organizationID, today: today)
        let warm = try await archive.committeeReport(of: period, organizationID: organizationID, today: today)
        var boards: [Double] = []
        var reports: [Double] = []
        var renders: [Double] = []
        var bytes = 0
        for _ in 0..<rounds {
            boards.append(
                try await SearchBenchmark.milliseconds {
                    _ = try await archive.board(year: year, organizationID: organizationID, today: today)
                })
            var report = warm
            reports.append(
                try await SearchBenchmark.milliseconds {
                    report = try await archive.committeeReport(
                        of: period, organizationID: organizationID, today: today)
                })
            renders.append(SearchBenchmark.millisecondsSync { bytes = pages.render(report).utf8.count })
        }
        boards.sort()
        reports.sort()
        renders.sort()
        func line(_ label: String, _ values: [Double]) -> String {
            label.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(
                    format: "%8.2f ms %9.2f ms", SearchBenchmark.percentile(values, 0.5),
                    SearchBenchmark.percentile(values, 0.99))
        }
        var lines = [
            "commune \(organizationID), \(board.rows.count) cells, \(year) (\(rounds) rounds)     p50          p99",
            line("board", boards),
            line("report: figures of \(year) and \(year - 1)", reports),
            line("report: A4 page rendered (\(bytes / 1024) KiB)", renders),
        ]
        if let sqlite3 = which("sqlite3") {
            let database = archivePath + "/archive.sqlite"
            let cells = """
                (WITH RECURSIVE below(id) AS (SELECT '\(organizationID)' UNION
                    SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
                 SELECT c.id FROM cell c WHERE c.organization_id IN (SELECT id FROM below))
                """
            let boardFacts = try measure(
                sqlite3,
                [
                    database,
                    """
                    SELECT cell_id, kind, date, status, rating_level, committee_rating_level FROM meeting
                        WHERE cell_id IN \(cells) AND date BETWEEN '\(year)-01-01' AND '\(year)-12-31';
                    """,
                ])
            var counts = ""
            for counted in [year - 1, year] {
                let range = "BETWEEN '\(counted)-01-01' AND '\(counted)-12-31'"
                counts += """
                    SELECT cell_id, kind, status, coalesce(committee_rating_level, rating_level), count(*) FROM meeting
                        WHERE cell_id IN \(cells) AND date \(range) GROUP BY 1, 2, 3, 4;
                    SELECT m.cell_id, a.presence, count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id
                        WHERE m.cell_id IN \(cells) AND m.date \(range) GROUP BY 1, 2;
                    SELECT cell_id, count(*) FROM member WHERE cell_id IN \(cells) GROUP BY 1;
                    SELECT d.cell_id, count(*) FROM task t JOIN document d ON d.id = t.document_id
                        WHERE d.cell_id IN \(cells) AND d.date \(range) GROUP BY 1;

                    """
            }
            let reportFacts = try measure(sqlite3, [database, counts])
            let boardMilliseconds = boardFacts.seconds * 1000, reportMilliseconds = reportFacts.seconds * 1000
            lines.append(
                "sqlite3: the commune's meetings of \(year)".padding(toLength: 44, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8.2f ms (whole process)   board p50 / that: %.1f×", boardMilliseconds,
                        SearchBenchmark.percentile(boards, 0.5) / boardMilliseconds))
            lines.append(
                "sqlite3: bare counts of \(year - 1) and \(year)".padding(toLength: 44, withPad: " ", startingAt: 0)
                    + String(
                        format: "%8.2f ms (whole process)   report p50 / that: %.1f×", reportMilliseconds,
                        SearchBenchmark.percentile(reports, 0.5) / reportMilliseconds))
        }
        return lines
    }
}
