import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

/// Filing minutes and documents from the plain-text forms, over the sample archive.
@Suite("Filing from forms")
struct FormTests {
    static let minutesForm = "fixtures/forms/bien-ban-na-pan-2024-12-28.txt"
    static let resolutionForm = "fixtures/forms/nghi-quyet-na-pan-2024-12-29.txt"
    let archive: Archive
    let clerk = AuditContext(actor: "Lý Thị Thu")
    let today = LocalDate.d("2025-01-10")

    init() async throws {
        archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: Support.path(path), encoding: .utf8)
    }

    /// The form with `line` (its text exactly) replaced by `replacement`.
    func edited(_ path: String, _ line: String, _ replacement: String) throws -> String {
        let original = try text(path)
        #expect(original.contains(line + "\n"), "the form has no line “\(line)”")
        return original.replacingOccurrences(of: line + "\n", with: replacement + "\n")
    }

    func problems(_ form: String) async -> [FormProblem] {
        do {
            _ = try await archive.file(form: form, named: "mau.txt", today: today, context: clerk)
            return []
        } catch ArchiveError.formRefused(let problems) {
            return problems
        } catch {
            return [FormProblem(file: "?", line: 0, message: "\(error)")]
        }
    }

    @Test func theTemplateListsTheCellOnThatDay() async throws {
        let summaryArchive = try await Support.archive(with: [SummaryTests.fixture])
        let form = try await summaryArchive.meetingForm(cellID: "cb-dong-tam", date: .d("2024-01-05"))
        #expect(form.contains("Chi bộ: Chi bộ thôn Đồng Tâm [cb-dong-tam]"))
        #expect(form.contains("Chủ trì: Hà Văn Thành [dt-01]"))  // the secretary, proposed
        #expect(form.contains("Nông Thị Diệp [dt-04] (dự bị): "))  // confirmed only in June
        #expect(form.contains("Lý Văn Bình [dt-05] (miễn sinh hoạt): "))
        #expect(form.contains("Hoàng Văn Khánh [dt-03]: "))
        // The tasks still open on that day, under their descriptions.
        #expect(form.contains("# 12-NQ/CB: Tổng kết công tác năm 2023; Triệu Văn Đức\ndt-nq-12-t1: "))
        // Half a year later the probationary member is official.
        let june = try await summaryArchive.meetingForm(cellID: "cb-dong-tam", date: .d("2024-07-05"))
        #expect(june.contains("Nông Thị Diệp [dt-04]: "))
    }

    @Test func aFilledFormIsFiledAsADraftAndLogged() async throws {
        let record = try await archive.file(
            form: try text(Self.minutesForm), named: Self.minutesForm, today: today, context: clerk)
        guard case .meeting(let meeting) = record else {
            Issue.record("not a meeting")
            return
        }
        #expect(meeting.id == "cb-na-pan-2024-12-28" && meeting.status == .draft)
        #expect(meeting.kind == .regular && meeting.start == TimeOfDay("19:30") && meeting.end == TimeOfDay("21:20"))
        #expect(meeting.chairID == "np-01" && meeting.recorderID == "np-02")
        #expect(meeting.guests == ["Đồng chí Nông Văn Quý, Đảng ủy viên phụ trách chi bộ"])
        #expect(meeting.attendance.count == 13)  // the exempt member left empty is not listed
        #expect(meeting.attendance.first { $0.memberID == "np-06" }?.reason == "đi viện thăm mẹ ốm")
        #expect(meeting.attendance.first { $0.memberID == "np-11" }?.presence == .unexcused)
        #expect(meeting.agenda.count == 2 && meeting.proceedings.count == 3 && meeting.conclusion.count == 1)
        // A paragraph written over two lines is one paragraph.
        #expect(
            meeting.proceedings[0].hasSuffix(
                "báo cáo kết quả tháng 12: thôn hoàn thành thu đảng phí quý IV; 100% hộ tham gia tổng vệ sinh cuối tháng."
            ))
        #expect(meeting.votes.first?.votesFor == 11)
        #expect(meeting.taskReports.map(\.taskID) == ["np-nq-2024-12-t2", "np-nq-2024-12-t3"])
        #expect(meeting.taskReports.map(\.status) == [.done, .inProgress])
        #expect(meeting.rating == Rating(level: .good, score: 92, note: "Chuẩn bị chu đáo; nhiều ý kiến phát biểu"))
        let entry = try await #require(try await archive.auditLog(record: meeting.id).last)
        #expect(entry.action == .file && entry.actor == "Lý Thị Thu")
        await #expect(try await archive.check().isSound)
        // A rated draft stays a draft through export and import (a rating alone would say approved).
        let copy = try Support.emptyArchive()
        _ = try await copy.importFiles([try Support.write(try Support.export(archive))], context: .tester)
        guard case .meeting(let copied, _) = try await copy.record(id: meeting.id) else {
            Issue.record("not copied")
            return
        }
        #expect(copied.status == .draft && copied.rating?.level == .good)
        // Then approved at the next meeting, and locked.
        _ = try await archive.approve(meetingID: meeting.id, confirmingWarnings: true, context: clerk)
        await #expect(throws: ArchiveError.self) {
            try await archive.file(
                form: try text(Self.minutesForm).replacingOccurrences(
                    of: "Mã biên bản: ", with: "Mã biên bản: cb-na-pan-2024-12-28"), named: "mau.txt", today: today,
                context: clerk)
        }
    }

    @Test func aBOMAndCRLFChangeNothing() async throws {
        let plain = try await archive.file(
            form: try text(Self.minutesForm), named: "a.txt", today: today, context: clerk)
        let windows = "\u{FEFF}" + (try text(Self.minutesForm)).replacingOccurrences(of: "\n", with: "\r\n")
        let other = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let copy = try await other.file(form: windows, named: "b.txt", today: today, context: clerk)
        #expect(copy == plain)
    }

    @Test func everyMistakeIsReportedAtItsLineAndNothingIsFiled() async throws {
        let before = try await Support.export(archive)
        let log = try await archive.auditLog()
        var form = try edited(Self.minutesForm, "Kết thúc: 21:20", "Kết thúc: 19:00")
        form = form.replacingOccurrences(of: "Thư ký: Lý Thị Thu\n", with: "Thư ký: Lý Thị Thuỷ Tiên\n")
        form = form.replacingOccurrences(
            of: "Vi Văn Hùng [np-14]: có mặt\n", with: "Vi Văn Hùng [np-14]: có mặt\nVi Văn Hùng: vắng có lý do\n")
        form = form.replacingOccurrences(of: "Chu Văn Bình [np-08]: có mặt\n", with: "Chu Văn Bình [np-08]: đi muộn\n")
        form = form.replacingOccurrences(of: "Điểm: 92\n", with: "Điểm: 120\n")
        let found = await problems(form)
        let lines = try text(Self.minutesForm).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ prefix: String) -> Int { (lines.firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1 }
        #expect(
            found.contains { $0.line == line("Kết thúc") && $0.message.contains("hãy xem lại giờ bắt đầu và kết thúc") }
        )
        // (19:30 to 19:00 would be 23½ hours past midnight: a slip, not a meeting.)
        #expect(
            found.contains { $0.line == line("Thư ký") && $0.message.contains("không có đảng viên “Lý Thị Thuỷ Tiên”") }
        )
        #expect(found.contains { $0.message.contains("Vi Văn Hùng đã được ghi ở dòng \(line("Vi Văn Hùng"))") })
        #expect(found.contains { $0.line == line("Chu Văn Bình") && $0.message.contains("không hiểu “đi muộn”") })
        #expect(found.contains { $0.message.contains("điểm phải là số từ 0 đến 100") })
        #expect(found.allSatisfy { $0.description.hasPrefix("mau.txt:\($0.line): lỗi: ") })
        await #expect(try await Support.export(archive) == before)
        await #expect(try await archive.auditLog() == log)
    }

    @Test func datesOutsideTheCellsLifeOrInTheFutureAreRefused() async throws {
        let early = await problems(try edited(Self.minutesForm, "Ngày: 2024-12-28", "Ngày: 1990-05-01"))
        #expect(early.contains { $0.message.contains("trước khi Chi bộ thôn Nà Pàn có nhiệm kỳ đầu tiên") })
        let late = await problems(try edited(Self.minutesForm, "Ngày: 2024-12-28", "Ngày: 2025-02-01"))
        #expect(late.contains { $0.message.contains("chưa tới") })
        let impossible = await problems(try edited(Self.minutesForm, "Ngày: 2024-12-28", "Ngày: 2024-02-30"))
        #expect(
            impossible.contains {
                $0.message.contains("ngày 2024-02-30 không có thật: tháng 2 năm 2024 chỉ có 29 ngày")
            })
    }

    @Test func aMemberLeftUnmarkedIsNamed() async throws {
        let found = await problems(try edited(Self.minutesForm, "Đinh Thị Hạnh [np-09]: có mặt", ""))
        #expect(found.count == 1)
        #expect(found.first?.message == "điểm danh thiếu 1 đảng viên: Đinh Thị Hạnh")
    }

    @Test func anAmbiguousNameListsTheCandidates() async throws {
        // A second “Hà Văn Lợi” joins the cell in 2024.
        let sample = try String(contentsOfFile: Support.path("archive/samples/dbx-hop-thanh.xml"), encoding: .utf8)
        let anchor = "<member id=\"np-14\">"
        let twin = """
            <member id="np-15">
                  <fullName>Hà Văn Lợi</fullName>
                  <birthYear>1990</birthYear>
                  <admitted>2015-05-19</admitted>
                  <confirmed>2016-05-19</confirmed>
                  <joinedCell>2024-06-01</joinedCell>
                </member>
                \(anchor)
            """
        #expect(sample.contains(anchor))
        // She joined after most of the cell's approved minutes, none naming her: confirmed.
        _ = try await archive.importFiles(
            [try Support.write(Data(sample.replacingOccurrences(of: anchor, with: twin).utf8))],
            context: AuditContext(actor: "kiểm thử", confirmedChangesToApprovedMinutes: true))
        var form = try await archive.meetingForm(cellID: "cb-na-pan", date: .d("2024-12-28"))
        form = form.replacingOccurrences(of: "Chủ trì: Hà Văn Lợi [np-01]", with: "Chủ trì: ha van loi")
        let found = await problems(form)
        #expect(
            found.contains {
                $0.message.contains(
                    "“ha van loi” trùng tên nhiều đảng viên, hãy ghi kèm mã: Hà Văn Lợi [np-01], Hà Văn Lợi [np-15]")
            })
    }

    @Test(arguments: [
        ("Thường kỳ + chuyên đề", Meeting.Kind.combined), ("thường kỳ và chuyên đề", .combined),
        ("chuyên đề (kết hợp thường kỳ)", .combined), ("thường kỳ, chuyên đề", .combined), ("Kết hợp", .combined),
        ("thường kỳ tháng 12", .regular), ("Chuyên đề", .thematic), ("bất thường", .extraordinary),
    ])
    func aCombinedMeetingIsNeverReadAsOneOfItsHalves(written: String, kind: Meeting.Kind) async throws {
        // "Thường kỳ + chuyên đề" was stored as regular: the quarter lost its thematic meeting.
        let form = try edited(Self.minutesForm, "Loại: thường kỳ", "Loại: \(written)")
        let record = try await archive.file(form: form, named: "bb.txt", today: today, context: clerk)
        guard case .meeting(let meeting) = record else { throw Failure.notAMeeting }
        #expect(meeting.kind == kind)
    }

    @Test(arguments: ["đồng chí Hà Văn Lợi", "Đồng chí Hà Văn Lợi", "đ/c Hà Văn Lợi", "dc Ha Van Loi"])
    func aChairWrittenWithItsFormOfAddressIsTheMember(written: String) async throws {
        let form = try edited(Self.minutesForm, "Chủ trì: Hà Văn Lợi [np-01]", "Chủ trì: \(written)")
        let record = try await archive.file(form: form, named: "bb.txt", today: today, context: clerk)
        guard case .meeting(let meeting) = record else { throw Failure.notAMeeting }
        #expect(meeting.chairID == "np-01")
    }

    @Test func extraordinaryWithAnotherKindIsRefusedAsUnclear() async throws {
        let form = try edited(Self.minutesForm, "Loại: thường kỳ", "Loại: bất thường, thường kỳ")
        let found = await problems(form)
        #expect(found.contains { $0.message.contains("“Loại” không hiểu “bất thường, thường kỳ”") }, "\(found)")
    }

    enum Failure: Error { case notAMeeting }

    @Test(arguments: [
        ("đã xong — đã tiễn 3 thanh niên", TaskReport.Status.done, Optional("đã tiễn 3 thanh niên")),
        ("đã xong - đã tiễn 3 thanh niên", .done, "đã tiễn 3 thanh niên"),
        ("đã xong – đã tiễn 3 thanh niên", .done, "đã tiễn 3 thanh niên"),
        ("Đã hoàn thành: đã tiễn 3 thanh niên", .done, "đã tiễn 3 thanh niên"),
        ("da xong (da tien 3 thanh nien)", .done, "da tien 3 thanh nien"),
        ("đang làm, còn 1 thanh niên", .inProgress, "còn 1 thanh niên"), ("hủy", .cancelled, nil),
    ])
    func aTaskReportKeepsItsNoteAfterAnySeparator(
        written: String, status: TaskReport.Status, note: String?
    )
        async throws
    {
        let form = try edited(Self.minutesForm, "np-nq-2023-02-t3: ", "np-nq-2023-02-t3: \(written)")
        let record = try await archive.file(form: form, named: "bb.txt", today: today, context: clerk)
        guard case .meeting(let meeting) = record else { throw Failure.notAMeeting }
        let report = try #require(meeting.taskReports.first { $0.taskID == "np-nq-2023-02-t3" })
        #expect(report.status == status && report.note == note, "\(report)")
    }

    @Test func twoSavesFromTheSameRevisionCannotBothLand() async throws {
        // Two people opened the draft at the same revision and press save at the same instant:
        // the check is in each save's own transaction, so exactly one lands.
        let first = try await archive.file(
            form: try text(Self.minutesForm), named: "bb.txt", today: today, context: clerk)
        let seen = try #require(try await archive.auditLog(record: first.id).last?.sequence)
        let mine = try edited(Self.minutesForm, "Địa điểm: Nhà văn hóa thôn Nà Pàn", "Địa điểm: Hội trường")
        let theirs = try edited(Self.minutesForm, "Địa điểm: Nhà văn hóa thôn Nà Pàn", "Địa điểm: Nhà bí thư")
        let archive = self.archive
        let today = self.today
        let outcomes = await withTaskGroup(of: String.self) { group in
            for (form, actor) in [(mine, "Lý Thị Thu"), (theirs, "Hà Văn Lợi")] {
                group.addTask {
                    do {
                        _ = try await archive.file(
                            form: form, named: "bb.txt", today: today,
                            context: AuditContext(actor: actor, seenRevision: seen))
                        return "saved"
                    } catch ArchiveError.changedSince(let id, _, let revision) {
                        return id == first.id && revision > seen ? "refused" : "wrong: \(id) \(revision)"
                    } catch {
                        return "wrong: \(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }.sorted()
        }
        #expect(outcomes == ["refused", "saved"])
        #expect(try await archive.auditLog(record: first.id).count == 2)
        // Saved again from the revision it now has, it lands.
        let now = try #require(try await archive.auditLog(record: first.id).last?.sequence)
        _ = try await archive.file(
            form: mine, named: "bb.txt", today: today, context: AuditContext(actor: "Lý Thị Thu", seenRevision: now))
        #expect(try await archive.auditLog(record: first.id).count == 3)
    }

    @Test func aDocumentIsFiledIssuedAndCorrected() async throws {
        _ = try await archive.file(form: try text(Self.minutesForm), named: "bb.txt", today: today, context: clerk)
        let record = try await archive.file(
            form: try text(Self.resolutionForm), named: Self.resolutionForm, today: today, context: clerk)
        guard case .document(let draft) = record else {
            Issue.record("not a document")
            return
        }
        #expect(draft.id == "cb-na-pan-nq-2024-12-29" && draft.status == .draft && draft.number == nil)
        #expect(draft.meetingID == "cb-na-pan-2024-12-28" && draft.place == "Nà Pàn")
        #expect(draft.body.count == 2)  // two lines of “Căn cứ” make one paragraph
        #expect(
            draft.tasks.map(\.id) == [
                "cb-na-pan-nq-2024-12-29-t1", "cb-na-pan-nq-2024-12-29-t2", "cb-na-pan-nq-2024-12-29-t3",
            ])
        #expect(draft.tasks.map(\.assigneeID) == ["np-03", "np-07", "np-02"])
        #expect(draft.tasks[0].due == .d("2025-01-20") && draft.tasks[2].due == nil)
        #expect(draft.signature == Signature(memberID: "np-01", authority: "T/M CHI BỘ", title: "BÍ THƯ"))
        #expect(draft.recipients.last == "Lưu Chi bộ")
        let issued = try await archive.issue(documentID: draft.id, context: clerk)
        #expect(issued.symbol == "25-NQ/CB")  // 24-NQ/CB is the last in the sample's term
        // Correct it from its own filled form: add the missing due date.
        let filled = try await archive.filledForm(id: draft.id)
        let corrected = filled.replacingOccurrences(
            of: "Thu đảng phí tháng 01 năm 2025 | Lý Thị Thu [np-02] | \n",
            with: "Thu đảng phí tháng 01 năm 2025 | Lý Thị Thu [np-02] | 2025-01-31\n")
        #expect(corrected != filled)
        let lifecycle = try await archive.correct(
            id: draft.id, form: corrected, named: "sua.txt", today: today, confirmingWarnings: false, context: clerk)
        #expect(lifecycle.version == 2)
        guard case .document(let now) = try await archive.version(2, of: draft.id),
            case .document(let then) = try await archive.version(1, of: draft.id)
        else {
            Issue.record("versions missing")
            return
        }
        #expect(now.tasks[2].due == .d("2025-01-31") && then.tasks[2].due == nil)
        #expect(now.number == 25 && now.status == .issued)
        await #expect(try await archive.check().isSound)
        // The same form again changes nothing: refused.
        await #expect(throws: ArchiveError.self) {
            try await archive.correct(
                id: draft.id, form: corrected, named: "sua.txt", today: today, confirmingWarnings: false, context: clerk
            )
        }
    }

    @Test func aCorrectionFromTheFilledFormKeepsTaskIdentifiers() async throws {
        let summaryArchive = try await Support.archive(with: [SummaryTests.fixture])
        let filled = try await summaryArchive.filledForm(id: "dt-nq-2023-12")
        #expect(filled.contains("[dt-nq-12-t1] Tổng kết công tác năm 2023 | Triệu Văn Đức [dt-07] | \n"))
        let corrected = filled.replacingOccurrences(
            of: "Trích yếu: Nghị quyết lãnh đạo", with: "Trích yếu: Nghị quyết về lãnh đạo"
        ).replacingOccurrences(
            of: "[Nơi nhận]", with: "[Nhiệm vụ]\nChuẩn bị báo cáo năm | Hà Văn Thành |\n\n[Nơi nhận]")
        _ = try await summaryArchive.correct(
            id: "dt-nq-2023-12", form: corrected, named: "sua.txt", today: today, confirmingWarnings: false,
            context: clerk)
        guard case .document(let document, _) = try await summaryArchive.record(id: "dt-nq-2023-12") else {
            Issue.record("missing")
            return
        }
        #expect(document.tasks.map(\.id) == ["dt-nq-12-t1", "dt-nq-2023-12-t1"])
        #expect(document.title.hasPrefix("Nghị quyết về lãnh đạo"))
    }

    @Test func aUniqueNameIsFoundTypedWithoutItsMarks() async throws {
        let form = try edited(Self.minutesForm, "Thư ký: Lý Thị Thu", "Thư ký: ly thi thu")
        guard
            case .meeting(let meeting) = try await archive.file(
                form: form, named: "m.txt", today: today, context: clerk)
        else {
            Issue.record("not a meeting")
            return
        }
        #expect(meeting.recorderID == "np-02")
    }

    @Test func aFormOfNeitherKindIsRefused() async throws {
        let found = await problems("Chi bộ: cb-na-pan\nNgày: 2024-12-28\n")
        #expect(found.first?.message.contains("không nhận ra mẫu") == true)
    }
}
