import Foundation
import GRDB
import Testing

@testable import ArchiveCore
@testable import ArchiveSQLite

/// The import's record checks (`ImportChecks`, in ArchiveCore) asked through the SQLite
/// store's `ArchiveLookup` over a real archive holding the sample commune, each typed
/// refusal with its Vietnamese sentence as `sochibo import` prints it.
@Suite("Import checks through the lookup of a real archive")
struct ImportChecksTests {
    static let sample = "archive/samples/dbx-hop-thanh.xml"

    /// A decoded record of `value` at line 10, with `references`.
    private func record(
        _ value: DecodedRecord.Value, references: [SourceReference] = [], declaredSymbol: String? = nil
    ) -> DecodedRecord {
        DecodedRecord(value: value, line: 10, references: references, declaredSymbol: declaredSymbol)
    }

    private func reference(_ kind: SourceReference.Kind, _ id: String, line: Int = 11) -> SourceReference {
        SourceReference(kind: kind, id: id, line: line, attribute: kind.rawValue)
    }

    @Test func theLookupAnswersFromTheArchive() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        try await archive.pool.read { db in
            let lookup = SQLiteLookup(db: db)
            #expect(try lookup.cell(ofMember: "pl-01") == "cb-phai-luong")
            #expect(try lookup.cell(ofMember: "khong-co") == nil)
            #expect(try lookup.cell(ofMeeting: "pl-2023-01") == "cb-phai-luong")
            #expect(try lookup.hasTerm("2022-2025", inCell: "cb-phai-luong"))
            #expect(try !lookup.hasTerm("1999-2000", inCell: "cb-phai-luong"))
            #expect(try lookup.issuerCode(ofCell: "cb-na-pan") == "CB")
            #expect(try lookup.issuerCode(ofCell: "cb-zz") == nil)
            #expect(
                try lookup.holder(
                    ofNumber: 2, cellID: "cb-phai-luong", kind: .resolution, termID: "2022-2025", excluding: "x")
                    == "pl-nq-2023-02")
            #expect(
                try lookup.holder(
                    ofNumber: 2, cellID: "cb-phai-luong", kind: .resolution, termID: "2022-2025",
                    excluding: "pl-nq-2023-02") == nil)
            #expect(try lookup.owner(ofTask: "pl-nq-2023-01-t1") == "pl-nq-2023-01")
            #expect(try lookup.exists(.organization, id: "dbx-hop-thanh"))
            #expect(try !lookup.exists(.document, id: "khong-co"))
            let lock = try #require(try lookup.lock(of: .document, id: "pl-nq-2023-02"))
            #expect(lock.version == 1 && lock.sha256?.count == 64)
            #expect(try lookup.lock(of: .meeting, id: "pl-nq-2023-02") == nil)
        }
    }

    @Test func referencesNameTheirCellMemberMeetingAndTerm() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        try await archive.pool.read { db in
            let lookup = SQLiteLookup(db: db)
            let meeting = try #require(try RecordReader(db: db).meeting(id: "pl-2023-01"))
            var elsewhere = meeting
            elsewhere.cellID = "cb-na-pan"
            let checked = try ImportChecks.references(
                of: record(
                    .meeting(elsewhere),
                    references: [
                        reference(.cell, "cb-na-pan", line: 10), reference(.member, "pl-01", line: 12),
                        reference(.member, "khong-co", line: 13), reference(.meeting, "pl-2023-01", line: 14),
                        reference(.term, "1999-2000", line: 15), reference(.task, "pl-nq-2023-01-t1", line: 16),
                        reference(.task, "sau-nay-t1", line: 17),
                    ]), cellID: "cb-na-pan", in: lookup)
            #expect(
                checked.problems.map(\.refusal) == [
                    .memberOfOtherCell(member: "pl-01", memberCell: "cb-phai-luong", cellID: "cb-na-pan"),
                    .missing(.member, id: "khong-co"),
                    .meetingOfOtherCell(meeting: "pl-2023-01", meetingCell: "cb-phai-luong", cellID: "cb-na-pan"),
                    .termNotInCell(term: "1999-2000", cellID: "cb-na-pan"),
                ])
            #expect(
                checked.problems.map(\.sourceProblem.message) == [
                    "đảng viên pl-01 thuộc chi bộ cb-phai-luong, không thuộc chi bộ cb-na-pan",
                    "đảng viên khong-co không có trong tệp hay trong kho",
                    "kỳ sinh hoạt pl-2023-01 là của chi bộ cb-phai-luong, không phải cb-na-pan",
                    "nhiệm kỳ 1999-2000 không có trong chi bộ cb-na-pan",
                ])
            #expect(checked.problems.map(\.line) == [12, 13, 14, 15])
            #expect(checked.problems.first?.needle == "member=\"pl-01\"")
            #expect(checked.problems.first?.target == "member:pl-01")
            // A task the archive holds is resolved; one it does not hold waits for the end.
            #expect(checked.forward.map(\.id) == ["sau-nay-t1"])
            #expect(!checked.hold)

            // Without its cell, only the cell is told.
            let orphan = try ImportChecks.references(
                of: record(
                    .meeting(meeting),
                    references: [reference(.cell, "cb-zz", line: 10), reference(.member, "khong-co")]),
                cellID: "cb-zz", in: lookup)
            #expect(orphan.problems.map(\.refusal) == [.missing(.cell, id: "cb-zz")])
            #expect(
                orphan.problems.map(\.sourceProblem.message) == ["chi bộ cb-zz không có trong tệp hay trong kho"])
            let same = try ImportChecks.references(
                of: record(.meeting(meeting), references: [reference(.member, "pl-01")]), cellID: "cb-phai-luong",
                in: lookup)
            #expect(same.hold && same.forward.isEmpty)
        }
    }

    @Test func aDocumentsSymbolNumberAndTasks() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        try await archive.pool.read { db in
            let lookup = SQLiteLookup(db: db)
            let reader = RecordReader(db: db)
            let issued = try #require(try reader.document(id: "pl-nq-2023-02"))
            let assigning = try #require(try reader.document(id: "pl-nq-2023-01"))
            var copy = issued
            copy.id = "pl-nq-2023-02-ban-sao"
            copy.tasks = [assigning.tasks[0]]
            let problems = try #require(
                try ImportChecks.check(copy, record(.document(copy), declaredSymbol: "03-NQ/CB"), in: lookup))
            #expect(
                problems.map(\.sourceProblem.message) == [
                    "ký hiệu 03-NQ/CB không khớp với số của văn bản: số 2 cho ký hiệu 02-NQ/CB",
                    "số 02-NQ/CB nhiệm kỳ 2022-2025 của chi bộ cb-phai-luong đã được dùng cho văn bản pl-nq-2023-02",
                    "nhiệm vụ \(assigning.tasks[0].id) đã thuộc văn bản pl-nq-2023-01",
                ])
            #expect(
                problems.map(\.needle) == ["symbol=\"03-NQ/CB\"", "number=\"2\"", "id=\"\(assigning.tasks[0].id)\""])
            // The document itself, as stored, passes.
            #expect(
                try ImportChecks.check(issued, record(.document(issued), declaredSymbol: "02-NQ/CB"), in: lookup) == [])
            var draft = copy
            draft.number = nil
            draft.status = .draft
            draft.tasks = []
            #expect(
                try ImportChecks.check(draft, record(.document(draft), declaredSymbol: "02-NQ/CB"), in: lookup)?
                    .map(\.sourceProblem.message) == [
                        "ký hiệu 02-NQ/CB không khớp với số của văn bản: văn bản chưa có số"
                    ])
            var nowhere = copy
            nowhere.cellID = "cb-zz"
            #expect(try ImportChecks.check(nowhere, record(.document(nowhere)), in: lookup) == nil)

            // Dropping a task that minutes reported on.
            var dropped = assigning
            dropped.tasks.removeAll { $0.id == "pl-nq-2023-01-t1" }
            let problem = try #require(
                try ImportChecks.droppedReportedTask(from: assigning, in: dropped, line: 10, lookup: lookup))
            guard case .reportedTaskDropped(let task, let document, let meetingID) = problem.refusal else {
                Issue.record("refused as \(problem.refusal)")
                return
            }
            #expect(task == "pl-nq-2023-01-t1" && document == "pl-nq-2023-01")
            let reporting = try #require(try reader.meeting(id: meetingID))
            #expect(reporting.taskReports.contains { $0.taskID == "pl-nq-2023-01-t1" })
            #expect(
                problem.sourceProblem.message
                    == "tệp bỏ nhiệm vụ pl-nq-2023-01-t1 khỏi văn bản pl-nq-2023-01, nhưng kỳ sinh hoạt \(meetingID) đã báo cáo về nhiệm vụ này"
            )
            #expect(
                try ImportChecks.droppedReportedTask(from: assigning, in: assigning, line: 10, lookup: lookup) == nil)
        }
    }

    @Test func aLockedRecordKeepsItsContentStatusAndVersion() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        try await archive.pool.read { db in
            let lookup = SQLiteLookup(db: db)
            let stored = try #require(try RecordReader(db: db).document(id: "pl-nq-2023-02"))
            let hash = try #require(try lookup.lock(of: .document, id: stored.id)?.sha256)
            func admits(_ incoming: Document, hash: String, version: Int? = nil) throws -> ImportChecks.Problem? {
                try ImportChecks.admits(
                    .document(incoming), hash: hash, old: .document(stored),
                    lifecycle: version.map { RecordLifecycle(version: $0) }, line: 10, lookup: lookup)
            }
            #expect(try admits(stored, hash: hash) == nil)
            var changed = stored
            changed.title += " (sửa)"
            let content = try #require(try admits(changed, hash: CanonicalContent.sha256(.document(changed))))
            #expect(content.refusal == .lockedContentChanged(.document, id: "pl-nq-2023-02"))
            #expect(
                content.sourceProblem.message
                    == "văn bản pl-nq-2023-02 đã ban hành nên đã khóa; tệp này sửa nội dung của nó. Muốn sửa, hãy ghi đính chính (phiên bản cũ được giữ lại)"
            )
            #expect(content.needle == "id=\"pl-nq-2023-02\"")
            var backwards = stored
            backwards.status = .draft
            #expect(
                try admits(backwards, hash: hash)?.sourceProblem.message
                    == "văn bản pl-nq-2023-02 đã ban hành; không thể chuyển từ trạng thái “đã ban hành” sang “dự thảo”")
            #expect(
                try admits(stored, hash: hash, version: 4)?.sourceProblem.message
                    == "tệp ghi pl-nq-2023-02 ở phiên bản 4, kho đang giữ phiên bản 1")
            // A draft is not locked: anything may replace it.
            var draft = stored
            draft.status = .draft
            #expect(
                try ImportChecks.admits(
                    .document(changed), hash: "", old: .document(draft), lifecycle: nil, line: 10, lookup: lookup)
                    == nil)
        }
    }

    @Test func aCellsCommitteeCodeAndMembers() async throws {
        let archive = try await Support.archive(with: [Self.sample])
        try await archive.pool.read { db in
            let lookup = SQLiteLookup(db: db)
            let reader = RecordReader(db: db)
            let phaiLuong = try #require(try reader.cell(id: "cb-phai-luong"))
            var cell = try #require(try reader.cell(id: "cb-na-pan"))
            cell.id = "cb-moi"
            cell.members = [phaiLuong.members[0]]
            let moved = try ImportChecks.check(
                cell, memberLines: [phaiLuong.members[0].id: 22], record(.cell(cell, memberLines: [:])), in: lookup)
            #expect(
                moved.map(\.sourceProblem.message) == [
                    "đảng viên \(phaiLuong.members[0].id) đã thuộc chi bộ cb-phai-luong; một đảng viên chuyển chi bộ cần mã mới"
                ])
            #expect(moved.map(\.line) == [22])
            var badCode = cell
            badCode.issuerCode = "C1"
            #expect(
                try ImportChecks.check(badCode, memberLines: [:], record(.cell(badCode, memberLines: [:])), in: lookup)
                    .map(\.sourceProblem.message) == [RegisterRefusal.invalidIssuerCode("C1").vietnameseDescription])
            let orphan = try ImportChecks.check(
                cell, memberLines: [:],
                record(.cell(cell, memberLines: [:]), references: [reference(.organization, "dbx-khong-co")]),
                in: lookup)
            #expect(orphan.map(\.sourceProblem.message) == ["đảng bộ dbx-khong-co không có trong tệp hay trong kho"])
            // The cell as stored passes, members and all.
            #expect(
                try ImportChecks.check(
                    phaiLuong, memberLines: [:], record(.cell(phaiLuong, memberLines: [:])), in: lookup) == [])

            let ownParent = Organization(id: "dbx-vong", parentID: "dbx-vong", name: "Đảng bộ xã Vòng")
            #expect(
                ImportChecks.check(ownParent, line: 3)?.sourceProblem.message
                    == "đảng bộ dbx-vong không thể là cấp trên của chính mình")
        }
    }

    @Test func theFileAndLogRefusalsKeepTheirWords() {
        #expect(
            ImportRefusal.identifierTaken("a-1", holder: .meeting, line: 40).vietnameseDescription
                == "mã a-1 đã là mã của một kỳ sinh hoạt ở dòng 40; mỗi mã chỉ dùng cho một bản ghi")
        #expect(
            ImportRefusal.identifierTaken("a-1", holder: .cell, line: nil).vietnameseDescription
                == "mã a-1 đã là mã của một chi bộ trong kho; mỗi mã chỉ dùng cho một bản ghi")
        #expect(
            ImportRefusal.identifierRepeated("a-1-t1", kind: "task", line: 7).vietnameseDescription
                == "mã a-1-t1 đã dùng cho một nhiệm vụ khác ở dòng 7; mỗi mã chỉ dùng một lần")
        #expect(
            ImportRefusal.missing(.document, id: "x").vietnameseDescription
                == "văn bản x không có trong tệp hay trong kho")
        #expect(
            ImportRefusal.notAnArchive(root: "html", namespace: nil).vietnameseDescription
                == "không phải tệp lưu trữ Sổ Chi Bộ: phần tử gốc <html>, không có không gian tên (cần <archive> trong \(ArchiveFormat.namespace))"
        )
        #expect(
            ImportRefusal.logChainBroken(sequence: 3).vietnameseDescription
                == "nhật ký trong tệp bị sửa hoặc thiếu ở mục 3: chuỗi mã không khớp")
    }
}
