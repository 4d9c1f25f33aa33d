import ArchiveCore
import ArchiveSQLite
import Foundation

/// Yearly-summary latency on a generated archive: the whole district (every cell), one commune,
/// and single cells, next to the `sqlite3` shell running the bare counting queries over the
/// same year (meetings by cell, kind and level; attendance by cell and presence): the least
/// any summary must read.
enum SummaryBenchmark {
    static func run(archivePath: String, cells: Int, year: Int) async throws -> [String] {
        let archive = try Archive(opening: archivePath)
        let today = LocalDate(year: year + 1, month: 1, day: 15)!
        func seconds(_ body: () async throws -> Void) async rethrows -> Double {
            try await SearchBenchmark.milliseconds(body) / 1000
        }
        _ = try await archive.summary(year: year, organizationID: "hu-mau", today: today)  // warm the page cache
        var district: [Double] = []
        var findings = 0
        for _ in 0..<3 {
            district.append(
                try await seconds {
                    let summary = try await archive.summary(year: year, organizationID: "hu-mau", today: today)
                    findings = summary.totals?.findings ?? 0
                })
        }
        district.sort()
        var communes: [Double] = []
        for commune in 0..<min(20, max(1, cells / 20)) {
            communes.append(
                try await SearchBenchmark.milliseconds {
                    _ = try await archive.summary(year: year, organizationID: "dbx-\(commune)", today: today)
                })
        }
        communes.sort()
        let sample = stride(from: 0, to: cells, by: max(1, cells / 200)).map { "cb-\($0)" }
        var single: [Double] = []
        for cell in sample {
            single.append(
                try await SearchBenchmark.milliseconds {
                    _ = try await archive.summary(year: year, cellID: cell, today: today)
                })
        }
        single.sort()
        // The office's board of each commune (about 20 cells each in the generated district).
        var boards: [Double] = []
        for commune in 0..<min(20, max(1, cells / 20)) {
            boards.append(
                try await SearchBenchmark.milliseconds {
                    _ = try await archive.board(year: year, organizationID: "dbx-\(commune)", today: today)
                })
        }
        boards.sort()
        var lines = [
            "summary of \(year)                    p50 / median        p99",
            String(
                format: "district hu-mau, %5d cells        %8.2f s             (%.0f cells/s, %d findings)",
                cells, district[1], Double(cells) / district[1], findings),
            String(
                format: "one commune                        %8.1f ms %9.1f ms",
                SearchBenchmark.percentile(communes, 0.5),
                SearchBenchmark.percentile(communes, 0.99)),
            String(
                format: "one cell (%d measured)           %8.2f ms %9.2f ms", single.count,
                SearchBenchmark.percentile(single, 0.5), SearchBenchmark.percentile(single, 0.99)),
            String(
                format: "board of one commune (%d cells)    %8.2f ms %9.2f ms", max(1, cells / max(1, cells / 20)),
                SearchBenchmark.percentile(boards, 0.5), SearchBenchmark.percentile(boards, 0.99)),
        ]
        if let sqlite3 = which("sqlite3") {
            let first = "'\(year)-01-01'", last = "'\(year)-12-31'"
            let counting = try measure(
                sqlite3,
                [
                    archivePath + "/archive.sqlite",
                    """
                    SELECT cell_id, kind, rating_level, count(*) FROM meeting WHERE date BETWEEN \(first) AND \(last)
                        GROUP BY cell_id, kind, rating_level;
                    SELECT m.cell_id, a.presence, count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id
                        WHERE m.date BETWEEN \(first) AND \(last) GROUP BY m.cell_id, a.presence;
                    """,
                ])
            // The least a board of one commune must read: its cells' meetings of the year.
            let boardFacts = try measure(
                sqlite3,
                [
                    archivePath + "/archive.sqlite",
                    """
                    SELECT m.cell_id, m.kind, m.date, m.status, m.rating_level FROM meeting m
                        JOIN cell c ON c.id = m.cell_id
                        WHERE c.organization_id = 'dbx-0' AND m.date BETWEEN \(first) AND \(last);
                    """,
                ])
            lines.append(
                String(
                    format:
                        "sqlite3 shell: one commune's meetings %7.1f ms (whole process)       board p50 / that: %.1f×",
                    boardFacts.seconds * 1000, SearchBenchmark.percentile(boards, 0.5) / (boardFacts.seconds * 1000)))
            lines.append(
                String(
                    format: "sqlite3 shell: bare counts, district %8.2f s             summary / bare counts: %.1f×",
                    counting.seconds, district[1] / counting.seconds))
        }
        return lines
    }
}
