import ArchiveCore
import ArchiveSQLite
import Foundation
import Testing

/// A whole-archive backup (`export --with-log`) restores into an empty archive with its whole
/// audit log, whatever was done in the archive: the format must accept every action the log
/// can hold. Before, the member register's and the report's entries made the backup fail its
/// own schema, so an archive where a member had been admitted could not be restored.
@Suite struct BackupRestoreTests {
    /// Confirming changes to approved minutes: the register events below are dated before
    /// the sample's last minutes on purpose, to carry every kind of entry into the backup.
    static let actor = AuditContext(actor: "Hà Văn Lợi", confirmedChangesToApprovedMinutes: true)
    static let today = LocalDate("2025-06-30")!

    /// The values of `<xs:enumeration>` in the audit entry's `action` attribute of `xsd`.
    static func actionsAccepted(by xsd: String) throws -> Set<String> {
        let start = try #require(xsd.range(of: #"<xs:attribute name="action" use="required">"#))
        let end = try #require(xsd.range(of: "</xs:attribute>", range: start.upperBound..<xsd.endIndex))
        let block = xsd[start.upperBound..<end.lowerBound]
        return Set(
            block.components(separatedBy: #"<xs:enumeration value=""#).dropFirst().compactMap {
                $0.components(separatedBy: "\"").first
            })
    }

    @Test func theFormatAcceptsEveryActionTheLogCanHold() throws {
        let shipped = try String(contentsOfFile: Support.path("archive/schema/archive-1.xsd"), encoding: .utf8)
        let logged = Set(AuditEntry.Action.allCases.map(\.rawValue))
        // The program carries the same text (`SchemaTests` keeps the two identical).
        #expect(try Self.actionsAccepted(by: shipped) == logged)
    }

    @Test func aBackupAfterTheRegisterTheReportAndTheAccountsRestoresWhole() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let admitted = try await archive.admit(
            NewMember(cellID: "cb-phai-luong", fullName: "Lò Thị Hoa", admitted: LocalDate("2024-03-02")!),
            today: Self.today, context: Self.actor)
        _ = try await archive.confirm(
            memberID: admitted.id, on: LocalDate("2025-03-02")!, today: Self.today, context: Self.actor)
        _ = try await archive.exempt(
            memberID: "pl-08", Exemption(from: LocalDate("2025-01-01")!, reason: "Đi chữa bệnh"), today: Self.today,
            context: Self.actor)
        _ = try await archive.addConcurrentPost(
            memberID: admitted.id, ConcurrentPost(title: "Chi hội trưởng phụ nữ", from: LocalDate("2025-03-01")!),
            today: Self.today, context: Self.actor)
        _ = try await archive.leave(
            memberID: "pl-09", on: LocalDate("2025-04-01")!, reason: .transferred, today: Self.today,
            context: Self.actor)
        var text = try await archive.committeeReport(
            of: SummaryPeriod(year: 2024), organizationID: "dbx-hop-thanh", today: Self.today
        ).text
        text.number = "07"
        text.date = LocalDate("2024-12-20")
        text.strengths = "Các chi bộ sinh hoạt đều đặn.\n\nNội dung sát với tình hình thôn."
        text.shortcomings = "Một số chi bộ còn chậm gửi biên bản."
        text.signerTitle = .deputySecretary
        text.signerName = "Nông Thị Mai"
        text.recipients = ["Ban Tổ chức Tỉnh ủy (để b/c)", "Lưu VP Đảng ủy"]
        try await archive.saveReportText(
            text, organizationID: "dbx-hop-thanh", period: SummaryPeriod(year: 2024), context: Self.actor)
        for name in ["quantri", "quantri2"] {
            _ = try await archive.addAccount(
                Account(name: name, role: .admin), password: "đủ tám ký tự", cost: 4, context: Self.actor)
        }
        _ = try await archive.disableAccount(name: "quantri2", context: Self.actor)
        _ = try await archive.enableAccount(name: "quantri2", context: Self.actor)
        _ = try await archive.changeAccount(
            Account(name: "quantri2", role: .committee, organizationID: "dbx-hop-thanh"), context: Self.actor)
        let log = try await archive.auditLog(record: nil)
        let actions = Set(log.map(\.action))
        for action in [
            AuditEntry.Action.admit, .confirm, .exempt, .addPost, .transferOut, .writeReport, .enableAccount,
        ] {
            #expect(actions.contains(action), "\(action)")
        }

        let file = Support.temporaryDirectory("backup") + "/sao-luu.xml"
        try await archive.export(ExportSelection(withLog: true), to: file)
        let restored = try Support.emptyArchive()
        _ = try await restored.importFiles([file], context: Self.actor)
        let restoredLog = try await restored.auditLog(record: nil)
        // The backup's entries come back as they were, chain and all, before the restore's own.
        #expect(Array(restoredLog.prefix(log.count)) == log)
        #expect(try await restored.member(id: admitted.id).member.confirmed == LocalDate("2025-03-02"))
        #expect(try await restored.check().problems.isEmpty)
        // The office's words come back as they were saved, with who saved them and when.
        let back = try await restored.committeeReport(
            of: SummaryPeriod(year: 2024), organizationID: "dbx-hop-thanh", today: Self.today)
        #expect(back.text == text)
        #expect(back.saved?.by == Self.actor.actor)
    }

    /// The last note's leftover: a backup whose last log entries were cut (the chain of what is
    /// left still holds) restored silently, and `check` then called the archive broken. The
    /// restore now asks of the log what `check` asks, refuses, and says how to take the records
    /// without it.
    @Test func aBackupWhoseLastLogEntriesWereCutIsRefusedThenTakenWithoutItsLog() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let file = Support.temporaryDirectory("backup") + "/sao-luu.xml"
        try await archive.export(ExportSelection(withLog: true), to: file)
        var text = try String(contentsOfFile: file, encoding: .utf8)
        // The last three entries, each on its own line, as the export writes them.
        for _ in 0..<3 {
            let entry = try #require(text.range(of: "<entry ", options: .backwards))
            let lineStart = text[..<entry.lowerBound].lastIndex(of: "\n") ?? entry.lowerBound
            let lineEnd = try #require(text[entry.upperBound...].firstIndex(of: "\n"))
            text.removeSubrange(lineStart..<lineEnd)
        }
        // As a file written before `<auditLog entries head>` was (which would say it at once):
        // the log must then account for the records.
        text = text.replacing(#/<auditLog entries="\d+" head="[0-9a-f]{64}">/#, with: "<auditLog>")
        let cut = Support.temporaryDirectory("backup") + "/sao-luu-thieu.xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: cut))
        let restored = try Support.emptyArchive()
        do {
            _ = try await restored.importFiles([cut], context: Self.actor)
            Issue.record("a log missing its last entries was restored")
        } catch ArchiveError.importRefused(let problems) {
            #expect(problems.count == 1, "\(problems)")
            let problem = try #require(problems.first)
            let logLine = text.components(separatedBy: "\n").firstIndex { $0.contains("<auditLog") }.map { $0 + 1 }
            #expect(problem.line == logLine)
            #expect(
                problem.message.hasPrefix(
                    "nhật ký trong tệp sao lưu không khớp với các bản ghi của chính tệp (nhật ký không có mục nào cho ")
            )
            #expect(problem.message.contains("--without-log"))
        }
        #expect(try await restored.auditLog(record: nil).isEmpty, "nothing written")
        let report = try await restored.importFiles([cut], context: Self.actor, restoringLog: false)
        #expect(report.notes.contains { $0.hasPrefix("không khôi phục nhật ký trong tệp") })
        #expect(try await restored.check().problems.isEmpty)
        #expect(try await restored.auditLog(record: nil).allSatisfy { $0.action == .import })
    }

    /// The fresh tester's report: cutting the last entries about members (which carry no
    /// content hash) or a committee's rating left a log that `check` could not fault. The
    /// export writes how many entries it holds and the last one's chain; a file whose log
    /// holds fewer is refused at `<auditLog>`, and a file without the attributes imports as
    /// before.
    @Test func aBackupSaysHowManyEntriesItsLogHeldAndACutOneIsRefused() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        _ = try await archive.admit(
            NewMember(cellID: "cb-na-pan", fullName: "Lò Thị Hoa", admitted: LocalDate("2025-01-05")!),
            today: Self.today, context: Self.actor)
        let file = Support.temporaryDirectory("backup") + "/sao-luu.xml"
        try await archive.export(ExportSelection(withLog: true), to: file)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let count = try await archive.auditLog(record: nil).count
        #expect(text.contains("<auditLog entries=\"\(count)\" head=\""), "the export says so")
        // The admission, the last entry, cut: its chain still holds, and members carry no hash.
        let last = try #require(text.range(of: "<entry ", options: .backwards))
        let lineStart = text[..<last.lowerBound].lastIndex(of: "\n")!
        let lineEnd = text[last.upperBound...].firstIndex(of: "\n")!
        var cut = text
        cut.removeSubrange(lineStart..<lineEnd)
        let restored = try Support.emptyArchive()
        do {
            _ = try await restored.importFiles(
                [try Support.write(Data(cut.utf8), name: "sao-luu-cat.xml")], context: Self.actor)
            Issue.record("a log cut at its end was restored")
        } catch ArchiveError.importRefused(let problems) {
            #expect(
                problems.map(\.message) == [
                    "nhật ký trong tệp sao lưu bị cắt: khi xuất có \(count) mục, nay chỉ còn \(count - 1) mục; "
                        + "chưa khôi phục gì; nếu vẫn cần các bản ghi, hãy nhập lại mà không khôi phục nhật ký "
                        + "(sochibo import --without-log TỆP)"
                ])
        }
        // Without the attributes (a file from before them), the same log restores as it did.
        let older = cut.replacingOccurrences(of: #"<auditLog entries="\#(count)""#, with: "<auditLog")
            .replacing(#/ head="[0-9a-f]{64}">/#, with: ">")
        #expect(!older.contains("entries="))
        let report = try await restored.importFiles(
            [try Support.write(Data(older.utf8), name: "sao-luu-cu.xml")], context: Self.actor)
        #expect(report.notes.contains { $0.hasPrefix("đã khôi phục nhật ký") })
    }

    @Test func aCellsFileNeverCarriesNorChangesTheCommitteesReport() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let period = SummaryPeriod(year: 2024)
        var text = try await archive.committeeReport(of: period, organizationID: "dbx-hop-thanh", today: Self.today)
            .text
        text.directions = "Năm 2025 mỗi chi bộ sinh hoạt chuyên đề mỗi quý."
        try await archive.saveReportText(text, organizationID: "dbx-hop-thanh", period: period, context: Self.actor)
        let cellFile = String(
            decoding: try await Support.export(archive, ExportSelection(cellIDs: ["cb-na-pan"])), as: UTF8.self)
        #expect(!cellFile.contains("<report"))
        let whole = try await Support.export(archive)
        #expect(String(decoding: whole, as: UTF8.self).contains("<report period=\"2024\""))
        // Into an archive whose office wrote its own report, the file's is not taken.
        let other = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        var own = text
        own.directions = "Giữ vững chất lượng sinh hoạt."
        try await other.saveReportText(own, organizationID: "dbx-hop-thanh", period: period, context: Self.actor)
        let imported = try await other.importFiles([try Support.write(whole)], context: Self.actor)
        #expect(
            imported.notes.contains {
                $0.contains("báo cáo kỳ 2024 của Đảng bộ xã Hợp Thành trong kho được giữ nguyên")
            })
        let kept = try await other.committeeReport(of: period, organizationID: "dbx-hop-thanh", today: Self.today)
        #expect(kept.text.directions == "Giữ vững chất lượng sinh hoạt.")
        // Into one without, it is written, and the log says the import wrote it.
        let plain = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let added = try await plain.importFiles([try Support.write(whole)], context: Self.actor)
        #expect(added.notes.contains("đã nhập 1 báo cáo của đảng ủy"))
        // It is a change to the committee, which a secretary's upload may not make.
        #expect(added.changesCommittees)
        #expect(
            try await plain.committeeReport(of: period, organizationID: "dbx-hop-thanh", today: Self.today).text == text
        )
        #expect(try await plain.auditLog(record: "dbx-hop-thanh/2024").map(\.action) == [.import])
    }
}

@Suite("A backup's report refused in words")
struct BackupReportRefusalTests {
    /// A report whose number is not a number is the file's error, in the sentence the web
    /// app's form gives, at the report's line; it used to print the Swift value of the refusal.
    @Test func aReportWithAWrongNumberIsRefusedInVietnameseAtItsLine() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let period = SummaryPeriod(year: 2024)
        let context = AuditContext(actor: "van.phong")
        let today = LocalDate(year: 2025, month: 1, day: 15)!
        var text = try await archive.committeeReport(of: period, organizationID: "dbx-hop-thanh", today: today).text
        text.number = "25"
        try await archive.saveReportText(text, organizationID: "dbx-hop-thanh", period: period, context: context)
        var whole = String(decoding: try await Support.export(archive), as: UTF8.self)
        let written = try #require(whole.range(of: "number=\"25\""))
        whole.replaceSubrange(written, with: "number=\"25/BC\"")
        let reportLine = whole[..<written.lowerBound].filter { $0 == "\n" }.count + 1
        let other = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let problems = await Support.problems(importing: [try Support.write(Data(whole.utf8))], into: other)
        let refusal = try #require(problems.first { $0.message.contains("số báo cáo «25/BC» không dùng được") })
        #expect(!refusal.message.contains("register("))
        #expect(abs(refusal.line - reportLine) <= 1)
    }
}
