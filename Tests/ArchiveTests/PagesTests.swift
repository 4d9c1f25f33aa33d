import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

/// The pages as rendered from their templates: every text from the archive is escaped by the
/// template engine, in the pages to print and in the yearly report alike, and the templates
/// compiled into the program are all there.
@Suite("Pages from templates")
struct PagesTests {
    let archive: Archive
    let pages: Pages

    /// A title that would run a script, open an element, break an attribute or start an
    /// entity if it reached the page as it is.
    static let hostile = "Nghị quyết <script>alert('x')</script> & \"số 5\" <img src=x onerror=alert(1)>"
    static let escaped =
        "Nghị quyết &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;số 5&quot; &lt;img src=x onerror=alert(1)&gt;"
    /// `escaped` as the heading prints it, in capitals.
    static let escapedCapitals =
        "NGHỊ QUYẾT &lt;SCRIPT&gt;ALERT(&#39;X&#39;)&lt;/SCRIPT&gt; &amp; &quot;SỐ 5&quot; &lt;IMG SRC=X ONERROR=ALERT(1)&gt;"

    init() async throws {
        archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        pages = try Pages()
    }

    /// Whether `html` holds none of the hostile markup and holds its escaped text `count` times.
    static func escapesTheTitle(_ html: String, count: Int) -> Bool {
        let lowercased = html.lowercased()
        return !lowercased.contains("<script") && !lowercased.contains("<img") && !lowercased.contains("\"số 5\"")
            && !html.contains("& \"") && html.components(separatedBy: escaped).count - 1 == count
    }

    @Test func aTitleIsEscapedInTheDocumentAndTheMinutes() async throws {
        guard
            case .document(var document, let cell, let organization) = try await archive.printable(id: "pl-nq-2023-02")
        else { throw PrintTests.Unexpected("pl-nq-2023-02") }
        document.title = Self.hostile
        let page = pages.document(document, cell: cell, organization: organization)
        // In the window title and the title under the type.
        #expect(Self.escapesTheTitle(page, count: 2))
        #expect(page.contains("<p class=\"title\">\(Self.escaped)</p>"))

        guard
            case .minutes(var meeting, var minutesCell, _, let locality, let tasks) = try await archive.printable(
                id: "pl-2023-11")
        else { throw PrintTests.Unexpected("pl-2023-11") }
        meeting.topic = Self.hostile
        meeting.votes[0].subject = Self.hostile
        minutesCell.name = Self.hostile
        let minutes = pages.minutes(
            meeting, cell: minutesCell, organization: organization, locality: locality, tasks: tasks)
        // The cell's name in the window title, the topic, the vote; the heading in capitals.
        #expect(Self.escapesTheTitle(minutes, count: 3))
        #expect(minutes.contains("<div class=\"cell\">\(Self.escapedCapitals)</div>"))
    }

    @Test func aTitleIsEscapedInTheReports() async throws {
        let today = LocalDate(year: 2025, month: 3, day: 1)!
        var summary = try await archive.summary(year: 2024, cellID: "cb-na-pan", today: today)
        summary.cells[0].name = Self.hostile
        summary.cells[0].findings.append(Finding(code: .shortMeeting, subject: "x", message: Self.hostile))
        let cellReport = pages.render(summary, issued: today)
        // The cell in the window title, its heading (in capitals), the date line's place, its
        // chart's label (an attribute); the finding.
        #expect(Self.escapesTheTitle(cellReport, count: 4))
        #expect(cellReport.contains("<div class=\"cell\">\(Self.escapedCapitals)</div>"))
        #expect(cellReport.contains("aria-label=\"Biểu đồ sinh hoạt từng tháng năm 2024 của \(Self.escaped):"))
        #expect(cellReport.contains("<li>\(Self.escaped)</li>"))

        var report = try await archive.committeeReport(
            of: SummaryPeriod(year: 2024), organizationID: "dbx-hop-thanh", today: today)
        report.summary.cells[0].name = Self.hostile
        report.text.strengths = Self.hostile
        report.text.signerName = Self.hostile
        report.text.recipients = [Self.hostile]
        let committeeReport = pages.render(report)
        // The cell in the annex; the office's text, signer and recipient.
        #expect(Self.escapesTheTitle(committeeReport, count: 4))
        #expect(committeeReport.contains("<p>\(Self.escaped)</p>"))
        #expect(committeeReport.contains("<div class=\"name\">\(Self.escaped)</div>"))
    }

    @Test func htmlTextEscapesAsTheTemplatesDo() {
        #expect(HTMLText.escape(Self.hostile) == Self.escaped)
    }

    @Test func everyTemplateIsCompiledIn() {
        for name in [
            "page", "print-css", "party-heading", "paragraph", "document", "minutes", "summary", "committee-report",
            "cell-figures",
            "cell-findings", "month-chart",
        ] {
            #expect(pages.library.getTemplate(named: name) != nil, "\(name)")
        }
    }
}
