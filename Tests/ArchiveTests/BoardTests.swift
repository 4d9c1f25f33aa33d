import ArchiveCore
import ArchiveSQLite
import Foundation
import Testing

/// The commune office's board over `fixtures/summary/minh-tien-2024.xml`, whose 2024 is known
/// record by record (see its generator), and checked against the yearly summary's own counts.
@Suite("The office's board")
struct BoardTests {
    let archive: Archive
    let afterTheYear = LocalDate.d("2025-03-01")

    init() async throws {
        // As imported: the unrated December minutes of Đồng Tâm are still a draft.
        archive = try await Support.archive(with: [SummaryTests.fixture])
    }

    @Test func lateCellsComeFirstWithEachMonthsState() async throws {
        let board = try await archive.board(year: 2024, organizationID: "dbx-minh-tien", today: afterTheYear)
        #expect(board.organization == OrganizationName(id: "dbx-minh-tien", name: "Đảng bộ xã Minh Tiến"))
        #expect(board.asOf == .d("2024-12-31"))
        // Đồng Tâm: August missing, December a draft (2 late); the school: November (1); Bắc Sơn: none.
        #expect(board.rows.map(\.cell) == ["cb-dong-tam", "cb-truong-th", "cb-bac-son"])
        #expect(board.rows.map(\.late) == [2, 1, 0])
        #expect(board.lateCells == 2)

        let dongTam = board.rows[0]
        #expect(dongTam.months[7].state == .missing && dongTam.months[7].late && dongTam.months[7].meeting == nil)
        #expect(dongTam.months[11].state == .draft && dongTam.months[11].meeting == "dt-2024-12")
        #expect(dongTam.months[11].late && dongTam.months[11].extraordinary == ["dt-2024-12-bt"])
        #expect(dongTam.months[0].state == .rated && dongTam.months[0].level != nil)
        #expect(dongTam.months[0].meeting == "dt-2024-01")
        // The combined meetings of March and October fill both a month and a quarter.
        #expect(dongTam.months[2].meeting == "dt-2024-03" && dongTam.quarters[0].meeting == "dt-2024-03")
        #expect(dongTam.quarters[1].meeting == "dt-2024-05-cd")
        #expect(dongTam.quarters[2].state == .missing && dongTam.quarters[2].late)
        #expect(dongTam.quarters[3].meeting == "dt-2024-10")
        #expect(dongTam.held == 10 && dongTam.counted == 12 && dongTam.lateQuarters == 1 && dongTam.drafts == 1)

        // Founded 1 July 2024: the first half-year and its quarters owe nothing.
        let school = board.rows[1]
        #expect(school.months[0..<6].allSatisfy { $0.state == .beforeFounding && !$0.late })
        #expect(school.counted == 6 && school.held == 5)
        #expect(school.months[10].state == .missing && school.months[10].late)
        #expect(school.quarters.map(\.state).prefix(2) == [.beforeFounding, .beforeFounding])
        #expect(school.quarters[2].meeting == "th-2024-09-cd" && school.quarters[3].state == .missing)

        // August: three cells owe it, two held it, Đồng Tâm has nothing.
        #expect(board.months[7] == BoardMonthTotal(month: 8, counted: 3, held: 2, rated: 2, drafts: 0, missing: 1))
        // January: the school did not exist yet.
        #expect(board.months[0].counted == 2 && board.months[0].held == 2)
        #expect(board.months[11].drafts == 1)
    }

    @Test func approvingTheDraftFillsItsMonth() async throws {
        try await archive.approve(meetingID: "dt-2024-12", context: .tester)
        let board = try await archive.board(year: 2024, organizationID: "dbx-minh-tien", today: afterTheYear)
        let dongTam = try #require(board.rows.first { $0.cell == "cb-dong-tam" })
        #expect(dongTam.months[11].state == .approved && !dongTam.months[11].late && dongTam.late == 1)
        // Now tied on one late month: Vietnamese order of names decides (Đồng before Trường).
        #expect(board.rows.map(\.cell) == ["cb-dong-tam", "cb-truong-th", "cb-bac-son"])
    }

    @Test func theYearUnderWayOwesOnlyWhatIsOver() async throws {
        let board = try await archive.board(year: 2024, organizationID: "dbx-minh-tien", today: .d("2024-06-20"))
        let bacSon = try #require(board.rows.first { $0.cell == "cb-bac-son" })
        // 10 June is held though June is not over: it counts, "6/6" rather than "6/5".
        #expect(bacSon.held == 6 && bacSon.counted == 6 && bacSon.late == 0)
        #expect(bacSon.months[5].state.isHeld)
        #expect(bacSon.months[6...].allSatisfy { $0.state == .notDue && !$0.late })
        #expect(board.rows.allSatisfy { $0.late == 0 })
        #expect(board.months[6].counted == 0)
        #expect(board.months[5].held <= board.months[5].counted)
    }

    /// The board and the summary are two views of one rule: a cell's late months are the
    /// summary's missing months, its late quarters the quarters without a thematic meeting.
    @Test(arguments: ["2024-03-31", "2024-08-15", "2025-03-01"])
    func theBoardAgreesWithTheSummary(_ today: String) async throws {
        for (file, organization, years) in [
            (SummaryTests.fixture, "dbx-minh-tien", [2023, 2024]),
            ("archive/samples/dbx-hop-thanh.xml", "dbx-hop-thanh", [2023, 2024]),
        ] {
            let archive = try await Support.archive(with: [file])
            for year in years {
                let day = LocalDate.d(today)
                let board = try await archive.board(year: year, organizationID: organization, today: day)
                let summary = try await archive.summary(year: year, organizationID: organization, today: day)
                // A cell founded after the day is on the board, owing nothing, but not among
                // the summary's cells (it had no meeting to hold).
                let summarized = Set(summary.cells.map(\.cell))
                #expect(summarized.isSubset(of: board.rows.map(\.cell)))
                for row in board.rows where !summarized.contains(row.cell) {
                    #expect(row.counted == 0 && row.held == 0 && row.late == 0, "\(row.cell) \(year)")
                    #expect(row.months.allSatisfy { [.beforeFounding, .notDue].contains($0.state) })
                    #expect(
                        row.months.prefix(day.year > year ? 12 : day.month).allSatisfy { $0.state == .beforeFounding })
                }
                for cell in summary.cells {
                    let row = try #require(board.rows.first { $0.cell == cell.cell })
                    #expect(row.months.filter(\.late).map(\.month) == cell.missingMonths, "\(cell.cell) \(year)")
                    #expect(row.quarters.filter(\.late).map(\.quarter) == cell.quartersWithoutThematic)
                    #expect(row.counted == cell.monthsCounted)
                    #expect(row.drafts == cell.unapprovedMinutes.count)
                }
            }
        }
    }

    @Test func aSubCommitteeSeesItsOwnCellsAndAnUnknownOneIsNotFound() async throws {
        let school = try await archive.board(year: 2024, organizationID: "dbbp-truong-hoc", today: afterTheYear)
        #expect(school.rows.map(\.cell) == ["cb-truong-th"])
        await #expect(throws: ArchiveError.notFound(id: "dbx-khong-co")) {
            try await archive.board(year: 2024, organizationID: "dbx-khong-co", today: afterTheYear)
        }
    }
}

/// A cell's home page: its year by the board's rules, and what needs doing.
@Suite("A cell's agenda")
struct CellAgendaTests {
    @Test func theSchoolInMidNovemberOwesItsMeetingsAndNamesAMemberAbsentTwice() async throws {
        let archive = try await Support.archive(with: [SummaryTests.fixture])
        let agenda = try await archive.cellAgenda(
            cellID: "cb-truong-th", year: 2024, today: .d("2024-11-15"), includeConfidential: true)
        #expect(agenda.meetings.map(\.id).first == "th-2024-07" && agenda.meetings.allSatisfy { $0.date.year == 2024 })
        #expect(agenda.row.months[10].state == .notDue && agenda.row.late == 0)
        #expect(agenda.yearsWithMeetings == [2024])
        let sentences = agenda.toDo.map(\.sentence)
        #expect(
            sentences.contains(
                "Tháng 11 chưa có kỳ sinh hoạt thường kỳ: cần họp và lập biên bản trước ngày 30/11/2024."),
            "\(sentences)")
        #expect(sentences.contains("Quý IV chưa sinh hoạt chuyên đề: cần tổ chức trước ngày 31/12/2024."))
        let absence = try #require(agenda.toDo.first { $0.kind == .repeatedAbsence })
        #expect(absence.sentence.contains("trong 2 tháng năm nay") && absence.sentence.contains("xem xét xóa tên"))
        // A past year: the page shows it, nothing is asked.
        #expect(
            try await archive.cellAgenda(
                cellID: "cb-truong-th", year: 2024, today: .d("2025-02-01"), includeConfidential: true
            ).toDo.isEmpty)
    }

    @Test func manyOverdueTasksAreNamedFiveThenCounted() throws {
        let row = BoardBuilder(year: 2024, today: .d("2024-06-10")).row(
            of: BoardCell(id: "cb-x", name: "Chi bộ X", founded: .d("2020-01-01")), meetings: [])
        let tasks = (1...7).map { index in
            CellAgenda.OpenTask(
                task: DocumentTask(
                    id: "t\(index)", assigneeID: nil, due: .d("2024-0\(index % 5 + 1)-01"), text: "Việc \(index)"),
                document: "nq", source: "0\(index)-NQ/CB", assignee: nil)
        }
        let items = CellAgenda.toDo(row: row, year: 2024, today: .d("2024-06-10"), openTasks: tasks, absences: [])
        #expect(items.filter { $0.kind == .overdueTask }.count == 6)
        #expect(items.last?.sentence.hasPrefix("Và 2 nhiệm vụ quá hạn khác") == true)
        #expect(
            items.first { $0.kind == .lateMonth }?.sentence
                == "Các tháng 1, 2, 3, 4, 5 đã qua mà không có biên bản sinh hoạt thường kỳ.")
    }

    @Test func lateMonthsDraftsAndOverdueTasksAreListed() async throws {
        let archive = try await Support.archive(with: [SummaryTests.fixture])
        let agenda = try await archive.cellAgenda(
            cellID: "cb-dong-tam", year: 2024, today: .d("2024-12-20"), includeConfidential: true)
        let kinds = agenda.toDo.map(\.kind)
        #expect(kinds.contains(.lateMonth))  // August
        #expect(agenda.toDo.contains { $0.sentence == "Tháng 8 đã qua mà không có biên bản sinh hoạt thường kỳ." })
        // December's minutes are a draft: approving them is what is asked.
        let december = try #require(agenda.toDo.first { $0.kind == .unapprovedMinutes })
        #expect(december.record == "dt-2024-12" && december.sentence.contains("tháng 12"))
        // Any open task due before today is listed with its document.
        for task in agenda.toDo where task.kind == .overdueTask {
            #expect(task.record != nil && task.sentence.contains("quá hạn từ"))
        }
        await #expect(throws: ArchiveError.notFound(id: "cb-khong-co")) {
            try await archive.cellAgenda(
                cellID: "cb-khong-co", year: 2024, today: .d("2024-12-20"), includeConfidential: true)
        }
    }
}
