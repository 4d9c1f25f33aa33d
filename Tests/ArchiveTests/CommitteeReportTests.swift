import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

/// The committee's report over `fixtures/summary/minh-tien-2024.xml` (its December minutes
/// still a draft), sentence by sentence, and what the office writes into it.
@Suite("Committee reports")
struct CommitteeReportTests {
    let archive: Archive
    let today = LocalDate.d("2025-03-01")

    init() async throws {
        archive = try await Support.archive(with: [SummaryTests.fixture])
    }

    func report(_ period: SummaryPeriod = SummaryPeriod(year: 2024)) async throws -> CommitteeReport {
        try await archive.committeeReport(of: period, organizationID: "dbx-minh-tien", today: today)
    }

    @Test func theFiguresAreWrittenAsSentences() async throws {
        let year = try await report()
        #expect(year.committeeName == "Đảng ủy xã Minh Tiến")
        #expect(year.title == "Kết quả sinh hoạt chi bộ năm 2024")
        let sections = year.resultSections
        #expect(
            sections.map(\.heading) == [
                "Tổ chức cơ sở đảng và đảng viên", "Sinh hoạt thường kỳ", "Sinh hoạt chuyên đề", "Chất lượng sinh hoạt",
                "Biên bản sinh hoạt", "Nghị quyết và việc thực hiện nhiệm vụ",
            ])
        #expect(
            sections[0].paragraphs == [
                "Toàn Đảng bộ có 3 chi bộ trực thuộc với 13 đảng viên (13 chính thức, 0 dự bị); 1 đồng chí được miễn công tác và sinh hoạt đảng."
            ])
        #expect(
            sections[1].paragraphs == [
                "1/3 chi bộ sinh hoạt đủ 11–12 kỳ thường kỳ, với 27 buổi sinh hoạt thường kỳ.",
                "Chi bộ có tháng không sinh hoạt thường kỳ: Chi bộ thôn Đồng Tâm (tháng 8 và 12); Chi bộ Trường Tiểu học Minh Tiến (tháng 11).",
            ])
        #expect(
            sections[2].paragraphs == [
                "1/3 chi bộ sinh hoạt chuyên đề đủ mỗi quý một lần, với 8 buổi sinh hoạt chuyên đề.",
                "Chi bộ có quý không sinh hoạt chuyên đề: Chi bộ thôn Đồng Tâm (quý III); Chi bộ Trường Tiểu học Minh Tiến (quý IV).",
                "Các chi bộ tổ chức 1 buổi sinh hoạt bất thường.",
            ])
        #expect(
            sections[3].paragraphs == [
                "Tổng số 30 buổi sinh hoạt: 20 buổi đạt loại tốt (66,7%), 8 buổi khá (26,7%), 1 buổi trung bình, 1 buổi kém; khá trở lên đạt 93,3%.",
                "Tỷ lệ đảng viên dự sinh hoạt bình quân đạt 92,2% (không tính đảng viên được miễn sinh hoạt).",
            ])
        #expect(
            sections[4].paragraphs == [
                "2/3 chi bộ còn tháng không có biên bản sinh hoạt thường kỳ (nêu ở mục 2).",
                "Biên bản chưa được chi bộ thông qua (chưa tính là đã sinh hoạt): Chi bộ thôn Đồng Tâm (1 biên bản).",
            ])
        #expect(
            sections[5].paragraphs == [
                "Các chi bộ ban hành 3 nghị quyết; phân công 5 nhiệm vụ, đã hoàn thành 2 (40%), chưa xong 2, hủy 1."
            ])
    }

    @Test func aYearEarlierCountsTheCellsThatExistedThen() async throws {
        let year = try await report()
        #expect(year.comparisonHeading == "So sánh với năm 2023")
        let rows = Dictionary(uniqueKeysWithValues: year.comparison.map { ($0.label, [$0.previous, $0.current]) })
        // The school's cell was founded in 2024: a year earlier there were two cells.
        #expect(rows["Số chi bộ"] == ["2", "3"])
        #expect(rows["Số đảng viên"] == ["10", "13"])
        #expect(rows["Chi bộ sinh hoạt đủ 11–12 kỳ thường kỳ"] == ["0/2", "1/3"])
        #expect(rows["Số buổi sinh hoạt"] == ["1", "30"])
        #expect(rows["Nghị quyết ban hành"] == ["1", "3"])
        // A quarter compares with the same quarter a year earlier.
        let quarter = try await report(SummaryPeriod(year: 2024, quarter: 3)!)
        #expect(quarter.comparisonHeading == "So sánh với quý III năm 2023")
        #expect(quarter.title == "Kết quả sinh hoạt chi bộ quý III năm 2024")
    }

    /// Over the fixture commune's first quarter, where 5 of 144 sittings are unrated and the
    /// archive holds nothing of 2023: one percentage for one figure on the page, and a year
    /// with no minutes is not printed as a year when no cell met.
    @Test func oneFigureOneShareAndNoMinutesIsNotZero() async throws {
        let commune = try await Support.archive(with: ["fixtures/commune/phu-xuan-2024.xml"])
        let quarter = try await commune.committeeReport(
            of: SummaryPeriod(year: 2024, quarter: 1)!, organizationID: "dbx-phu-xuan", today: today)
        let ratings = quarter.totals.ratings
        #expect(ratings.unrated > 0 && ratings.total == quarter.totals.meetingsHeld)
        let quality = try #require(quarter.resultSections.first { $0.heading == "Chất lượng sinh hoạt" })
        let rows = Dictionary(uniqueKeysWithValues: quarter.comparison.map { ($0.label, [$0.previous, $0.current]) })
        let good = try #require(rows["Tỷ lệ buổi đạt loại tốt"]?.last)
        let fairOrBetter = try #require(rows["Tỷ lệ buổi đạt loại khá trở lên"]?.last)
        #expect(quality.paragraphs[0].contains("\(ratings.good) buổi đạt loại tốt (\(good))"), "\(quality.paragraphs)")
        #expect(quality.paragraphs[0].contains("khá trở lên đạt \(fairOrBetter)"))
        #expect(quality.paragraphs[0].contains("\(ratings.unrated) buổi chưa xếp loại"))
        #expect(!quality.paragraphs[0].contains("được xếp loại"))
        // 2023: the register says how many cells and members there were; the minutes say nothing.
        #expect(rows["Số chi bộ"]?.first != "–")
        for label in ["Chi bộ sinh hoạt thường kỳ đủ các tháng", "Số buổi sinh hoạt", "Tỷ lệ buổi đạt loại tốt"] {
            #expect(rows[label]?.first == "–", "\(label): \(rows[label] ?? [])")
        }
    }

    @Test func theOfficesTextIsKeptPerPeriodAndLogged() async throws {
        let fresh = try await report()
        #expect(fresh.saved == nil && fresh.text.place == "Minh Tiến" && fresh.text.number.isEmpty)
        var text = fresh.text
        text.number = " 07 "
        text.strengths = "Nền nếp\u{A0}sinh hoạt được duy trì.\r\n\r\n  Chất lượng nâng lên.  "
        text.signerName = "Hà  Văn Thành"
        text.recipients = ["Ban Tổ chức Tỉnh ủy", "", "Lưu VPĐU"]
        let stored = try await archive.saveReportText(
            text, organizationID: "dbx-minh-tien", period: SummaryPeriod(year: 2024), context: .tester)
        #expect(stored.number == "07" && stored.signerName == "Hà Văn Thành")
        #expect(stored.strengths == "Nền nếp sinh hoạt được duy trì.\n\nChất lượng nâng lên.")
        #expect(stored.recipients == ["Ban Tổ chức Tỉnh ủy", "Lưu VPĐU"])
        let saved = try await report()
        #expect(saved.text == stored && saved.saved?.by == "kiểm thử")
        #expect(try await report(SummaryPeriod(year: 2024, quarter: 4)!).saved == nil)
        let log = try await archive.auditLog(record: "dbx-minh-tien/2024")
        #expect(log.map(\.action) == [.writeReport] && log.first?.kind == "report")

        let page = try Pages().render(saved)
        #expect(page.contains("Số <span class=\"symbol\">07-BC/ĐU</span>"))
        #expect(page.contains("<p>Nền nếp sinh hoạt được duy trì.</p>") && page.contains("<p>Chất lượng nâng lên.</p>"))
        #expect(page.contains("Hà Văn Thành") && page.contains("- Lưu VPĐU.</div>"))
        #expect(page.contains("(Kèm theo Báo cáo số 07-BC/ĐU ngày 01/03/2025 của Đảng ủy xã Minh Tiến)"))
    }

    @Test func whatTheOfficeWritesIsChecked() async throws {
        let base = ReportText.defaults(for: Organization(id: "dbx-minh-tien", name: "Đảng bộ xã Minh Tiến"))
        func refusal(_ change: (inout ReportText) -> Void) -> RegisterRefusal? {
            var text = base
            change(&text)
            do {
                _ = try text.validated()
                return nil
            } catch ArchiveError.register(let refusal) {
                return refusal
            } catch {
                return nil
            }
        }
        #expect(refusal { $0.number = "25a" } == .invalidReportNumber("25a"))
        #expect(refusal { $0.number = "0" } == .invalidReportNumber("0"))
        #expect(refusal { $0.number = "12345" } == .invalidReportNumber("12345"))
        #expect(refusal { $0.number = "٣" } == .invalidReportNumber("٣"))
        #expect(refusal { $0.place = " \u{200B} " } == .missingText(field: "Địa danh"))
        #expect(
            refusal { $0.directions = String(repeating: "a", count: ReportText.maximumSectionLength + 1) }
                == .textTooLong(field: "Phương hướng, nhiệm vụ", maximum: ReportText.maximumSectionLength))
        #expect(refusal { $0.recipients = Array(repeating: "Nơi", count: 21) } == .tooManyRecipients(maximum: 20))
        #expect(refusal { $0.number = "25" } == nil)
        let unknown = try? await archive.saveReportText(
            base, organizationID: "khong-co", period: SummaryPeriod(year: 2024), context: .tester)
        #expect(unknown == nil)
        #expect(try await archive.auditLog(record: "khong-co/2024").isEmpty)
    }

    @Test func namesOnTheHeading() {
        #expect(PartyNames.committeeName("Đảng bộ xã Hợp Thành") == "Đảng ủy xã Hợp Thành")
        #expect(PartyNames.committeeName("Đảng bộ phường Hoàn Kiếm") == "Đảng ủy phường Hoàn Kiếm")
        #expect(PartyNames.committeeName("Chi bộ Trạm Y tế") == "Chi bộ Trạm Y tế")
        #expect(PartyNames.placeName("Đảng bộ xã Hợp Thành") == "Hợp Thành")
        #expect(PartyNames.placeName("Đảng bộ thị trấn Đồng Đăng") == "Đồng Đăng")
        #expect(PartyNames.placeName("Chi bộ thôn Nà Pàn") == "Nà Pàn")
        #expect(PartyNames.placeName("ĐẢNG BỘ XÃ Minh Tiến") == "Minh Tiến")
        #expect(PartyNames.placeName("Hợp Thành") == "Hợp Thành")
        #expect(PartyNames.locality(ofCell: "Chi bộ thôn Nà Pàn", organizationName: "Đảng bộ xã Hợp Thành") == "Nà Pàn")
        #expect(
            PartyNames.locality(ofCell: "Chi bộ Trường Tiểu học Minh Tiến", organizationName: "Đảng bộ xã Minh Tiến")
                == "Minh Tiến")
        #expect(SummaryPeriod(year: 2024, month: 9)!.key == "2024-09")
        #expect(SummaryPeriod(year: 2024, quarter: 3)!.yearEarlier == SummaryPeriod(year: 2023, quarter: 3)!)
        #expect(Percent.grouped(20000) == "20.000" && Percent.grouped(999) == "999")
    }
}
