import ArchiveCore
import ArchiveSQLite
import Foundation
import Testing

/// The member register: each rule of `MemberRules` refusing and accepting, and each event in
/// the store as one transaction with its audit entry.
@Suite struct MemberRulesTests {
    static let today = LocalDate.d("2025-06-30")
    static let probationary = Member(
        id: "m-1", fullName: "Lò Thị Hoa", admitted: .d("2024-03-02"), joinedCell: .d("2024-03-02"))
    static let official = Member(
        id: "m-2", fullName: "Hoàng Văn Sáng", admitted: .d("2000-01-10"), confirmed: .d("2001-01-10"),
        joinedCell: .d("2010-05-01"))

    /// The refusal `body` throws, or nil when it throws none.
    func refusal(_ body: () throws -> Member) -> RegisterRefusal? {
        do {
            _ = try body()
            return nil
        } catch ArchiveError.register(let refusal) {
            return refusal
        } catch {
            Issue.record("unexpected error: \(error)")
            return nil
        }
    }

    @Test func probationLastsTwelveMonths() throws {
        #expect(MemberRules.endOfProbation(admitted: .d("2024-03-02")) == .d("2025-03-02"))
        #expect(MemberRules.endOfProbation(admitted: .d("2024-02-29")) == .d("2025-02-28"))
        let early = refusal { try MemberRules.confirmed(Self.probationary, on: .d("2025-03-01"), today: Self.today) }
        #expect(early == .probationNotOver(member: "Lò Thị Hoa", date: .d("2025-03-01"), earliest: .d("2025-03-02")))
        let confirmed = try MemberRules.confirmed(Self.probationary, on: .d("2025-03-02"), today: Self.today)
        #expect(confirmed.confirmed == .d("2025-03-02"))
        #expect(confirmed.status(on: .d("2025-03-02")) == .official)
        #expect(
            refusal { try MemberRules.confirmed(confirmed, on: .d("2025-04-01"), today: Self.today) }
                == .alreadyOfficial(member: "Lò Thị Hoa", since: .d("2025-03-02")))
        #expect(
            refusal { try MemberRules.confirmed(Self.probationary, on: .d("2025-07-01"), today: Self.today) }
                == .futureDate(.d("2025-07-01"), today: Self.today))
    }

    @Test func enteringMembersAreChecked() throws {
        let new = NewMember(cellID: "c", fullName: "  Lò   Thị Hoa ", birthYear: 1998, admitted: .d("2025-03-02"))
        let member = try MemberRules.entering(new, id: "c-dv-01", temporary: false, today: Self.today)
        #expect(member.fullName == "Lò Thị Hoa")
        #expect(member.joinedCell == .d("2025-03-02"))
        #expect(member.status(on: .d("2025-03-02")) == .probationary)
        func entering(_ change: (inout NewMember) -> Void) -> RegisterRefusal? {
            var changed = new
            change(&changed)
            return refusal { try MemberRules.entering(changed, id: "c-dv-01", temporary: false, today: Self.today) }
        }
        #expect(entering { $0.fullName = "  " } == .emptyName)
        #expect(entering { $0.admitted = .d("2025-07-01") } == .futureDate(.d("2025-07-01"), today: Self.today))
        #expect(entering { $0.birthYear = 2015 } == .tooYoungAtAdmission(birthYear: 2015, admissionYear: 2025))
        #expect(entering { $0.birthYear = 1899 } == .implausibleBirthYear(1899))
        #expect(
            entering { $0.joinedCell = .d("2025-01-01") }
                == .joinedBeforeAdmission(joined: .d("2025-01-01"), admitted: .d("2025-03-02")))
        #expect(
            entering { $0.confirmed = .d("2025-06-01") }
                == .probationNotOver(member: "Lò Thị Hoa", date: .d("2025-06-01"), earliest: .d("2026-03-02")))
        #expect(MemberRules.newMemberID(cellID: "cb-a") { ["cb-a-dv-01", "cb-a-dv-02"].contains($0) } == "cb-a-dv-03")
    }

    @Test func exemptionsFallInsideMembershipWithoutOverlap() throws {
        let exempt = try MemberRules.exempted(
            Self.official, Exemption(from: .d("2024-01-01"), reason: " Tuổi cao, sức yếu "), today: Self.today)
        #expect(exempt.exemptions == [Exemption(from: .d("2024-01-01"), reason: "Tuổi cao, sức yếu")])
        #expect(exempt.status(on: .d("2025-01-01")) == .exempt)
        #expect(
            refusal {
                try MemberRules.exempted(
                    Self.official, Exemption(from: .d("2009-01-01"), reason: "x"), today: Self.today)
            }
                == .beforeMembership(member: "Hoàng Văn Sáng", date: .d("2009-01-01"), start: .d("2010-05-01")))
        #expect(
            refusal {
                try MemberRules.exempted(
                    Self.official, Exemption(from: .d("2024-01-01"), reason: ""), today: Self.today)
            }
                == .missingText(field: "Lý do"))
        #expect(
            refusal {
                try MemberRules.exempted(
                    Self.official, Exemption(from: .d("2024-02-01"), to: .d("2024-01-01"), reason: "x"),
                    today: Self.today)
            } == .endBeforeStart(from: .d("2024-02-01"), to: .d("2024-01-01")))
        #expect(
            refusal {
                try MemberRules.exempted(exempt, Exemption(from: .d("2025-01-01"), reason: "x"), today: Self.today)
            }
                == .exemptionOverlaps(member: "Hoàng Văn Sáng", from: .d("2024-01-01")))
        let ended = try MemberRules.exemptionEnded(exempt, on: .d("2025-05-31"), today: Self.today)
        #expect(ended.exemptions.first?.to == .d("2025-05-31"))
        #expect(ended.status(on: .d("2025-06-01")) == .official)
        #expect(
            refusal { try MemberRules.exemptionEnded(ended, on: .d("2025-06-01"), today: Self.today) }
                == .noOpenExemption(member: "Hoàng Văn Sáng"))
    }

    @Test func nothingIsRecordedAfterLeaving() throws {
        var secretary = Self.official
        secretary.roles = [Role(title: .secretary, from: .d("2020-04-18"))]
        secretary.concurrentPosts = [ConcurrentPost(title: "Trưởng thôn", from: .d("2019-01-01"))]
        let gone = try MemberRules.left(secretary, on: .d("2025-05-01"), reason: .deceased, today: Self.today)
        #expect(gone.leftCell == .d("2025-05-01") && gone.leaveReason == .deceased)
        #expect(gone.roles.first?.to == .d("2025-04-30"))
        #expect(gone.concurrentPosts.first?.to == .d("2025-04-30"))
        #expect(gone.status(on: .d("2025-05-01")) == .notMember)
        #expect(
            refusal { try MemberRules.left(gone, on: .d("2025-06-01"), reason: .removed, today: Self.today) }
                == .alreadyLeft(member: "Hoàng Văn Sáng", left: .d("2025-05-01")))
        #expect(
            refusal {
                try MemberRules.exempted(gone, Exemption(from: .d("2025-05-02"), reason: "x"), today: Self.today)
            }
                == .afterLeaving(member: "Hoàng Văn Sáng", date: .d("2025-05-02"), left: .d("2025-05-01")))
        #expect(
            refusal {
                try MemberRules.left(Self.official, on: .d("2010-05-01"), reason: .transferred, today: Self.today)
            }
                == .beforeMembership(member: "Hoàng Văn Sáng", date: .d("2010-05-01"), start: .d("2010-05-01")))
    }

    @Test func aCellHasOneSecretaryAtATime() throws {
        var holder = Self.official
        holder.roles = [Role(title: .secretary, from: .d("2020-04-18"))]
        let cell = Cell(id: "c", organizationID: "o", name: "Chi bộ thử", members: [holder, Self.probationary])
        let newcomer = Member(
            id: "m-3", fullName: "Vi Văn Tâm", admitted: .d("2005-01-01"), confirmed: .d("2006-01-01"))
        #expect(
            refusal {
                try MemberRules.tookOffice(
                    newcomer, Role(title: .secretary, from: .d("2025-01-01")), in: cell, today: Self.today)
            }
                == .secretaryTaken(cellID: "c", holder: "Hoàng Văn Sáng", from: .d("2020-04-18")))
        let deputy = try MemberRules.tookOffice(
            newcomer, Role(title: .deputySecretary, from: .d("2025-01-01")), in: cell, today: Self.today)
        #expect(deputy.roles(on: .d("2025-02-01")).map(\.title) == [.deputySecretary])
        #expect(
            refusal {
                try MemberRules.tookOffice(
                    deputy, Role(title: .deputySecretary, from: .d("2025-03-01")), in: cell, today: Self.today)
            }
                == .officeAlreadyHeld(member: "Vi Văn Tâm", title: .deputySecretary))
        // Once the secretary's office has its last day, the next one may take it from the day after.
        let stepped = try MemberRules.leftOffice(holder, title: .secretary, on: .d("2024-12-31"), today: Self.today)
        let after = Cell(id: "c", organizationID: "o", name: "Chi bộ thử", members: [stepped, newcomer])
        let secretary = try MemberRules.tookOffice(
            newcomer, Role(title: .secretary, from: .d("2025-01-01")), in: after, today: Self.today)
        #expect(secretary.roles(on: .d("2025-01-01")).map(\.title) == [.secretary])
        #expect(
            refusal { try MemberRules.leftOffice(newcomer, title: .secretary, on: .d("2025-01-01"), today: Self.today) }
                == .officeNotHeld(member: "Vi Văn Tâm", title: .secretary))
        #expect(
            refusal {
                try MemberRules.withPost(
                    Self.official, ConcurrentPost(title: " ", from: .d("2024-01-01")), today: Self.today)
            }
                == .missingText(field: "Chức vụ kiêm nhiệm"))
    }

    @Test func termsDoNotOverlap() throws {
        let cell = Cell(
            id: "c", organizationID: "o", name: "Chi bộ thử", terms: [Term(id: "2020-2025", start: .d("2020-04-18"))])
        #expect(throws: ArchiveError.register(.termOverlaps(cellID: "c", termID: "2020-2025"))) {
            try MemberRules.checkNewTerm(Term(id: "2025-2030", start: .d("2025-05-20")), of: cell)
        }
        #expect(throws: ArchiveError.register(.invalidIdentifier("nhiệm kỳ"))) {
            try MemberRules.checkNewTerm(Term(id: "nhiệm kỳ", start: .d("2025-05-20")), of: cell)
        }
    }

    @Test func refusalsAreWordedInVietnamese() {
        let sentence = ArchiveError.register(
            .probationNotOver(member: "Lò Thị Hoa", date: .d("2025-03-01"), earliest: .d("2025-03-02"))
        )
        .vietnameseDescription
        #expect(sentence.contains("12 tháng") && sentence.contains("02/03/2025"))
        #expect(
            ["Trần Văn Bình", "Lò Thị Anh", "Hoàng Văn Ánh", "Đỗ Thị Dung", "Vi Văn Đức"].sorted(
                by: VietnameseCollation.personPrecedes)
                == ["Lò Thị Anh", "Hoàng Văn Ánh", "Trần Văn Bình", "Đỗ Thị Dung", "Vi Văn Đức"])
    }
}

@Suite struct MemberRegisterStoreTests {
    static let today = LocalDate.d("2025-06-30")
    /// The secretary, confirming changes to approved minutes: the sample's minutes run to
    /// December 2024, and these tests date events before them on purpose.
    static let secretary = AuditContext(actor: "Hà Văn Lợi", confirmedChangesToApprovedMinutes: true)

    @Test func eventsAreWrittenWithTheirAuditEntries() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let admitted = try await archive.admit(
            NewMember(cellID: "cb-phai-luong", fullName: "Lò Thị Hoa", birthYear: 1998, admitted: .d("2024-03-02")),
            today: Self.today, context: Self.secretary)
        #expect(admitted.id == "cb-phai-luong-dv-01")
        let second = try await archive.transferIn(
            NewMember(
                cellID: "cb-phai-luong", fullName: "Vi Văn Tâm", admitted: .d("2001-01-01"),
                joinedCell: .d("2025-02-01"),
                confirmed: .d("2002-01-01")),
            today: Self.today, context: Self.secretary)
        #expect(second.id == "cb-phai-luong-dv-02")
        _ = try await archive.confirm(
            memberID: admitted.id, on: .d("2025-03-02"), today: Self.today, context: Self.secretary)
        _ = try await archive.exempt(
            memberID: "pl-08", Exemption(from: .d("2025-01-01"), reason: "Đi chữa bệnh"), today: Self.today,
            context: Self.secretary)
        _ = try await archive.endExemption(
            memberID: "pl-08", on: .d("2025-03-31"), today: Self.today, context: Self.secretary)
        _ = try await archive.takeOffice(
            memberID: second.id, Role(title: .committeeMember, from: .d("2025-05-20")), today: Self.today,
            context: Self.secretary)
        _ = try await archive.addConcurrentPost(
            memberID: second.id, ConcurrentPost(title: "Trưởng ban công tác Mặt trận", from: .d("2025-03-01")),
            today: Self.today, context: Self.secretary)
        _ = try await archive.leave(
            memberID: "pl-09", on: .d("2025-04-01"), reason: .transferred, today: Self.today, context: Self.secretary)
        let attached = try await archive.attach(
            NewMember(
                cellID: "cb-phai-luong", fullName: "Nông Thị Mai", admitted: .d("2015-05-19"),
                joinedCell: .d("2025-06-01"), confirmed: .d("2016-05-19")),
            today: Self.today, context: Self.secretary)
        #expect(attached.temporary && attached.status(on: Self.today) == .official)
        _ = try await archive.leaveOffice(
            memberID: "pl-01", title: .secretary, on: .d("2025-05-19"), today: Self.today, context: Self.secretary)
        _ = try await archive.takeOffice(
            memberID: "pl-02", Role(title: .secretary, from: .d("2025-05-20")), today: Self.today,
            context: Self.secretary)

        let (stored, cellID) = try await archive.member(id: admitted.id)
        #expect(cellID == "cb-phai-luong")
        #expect(stored.confirmed == .d("2025-03-02") && stored.birthYear == 1998)
        let overview = try await archive.members(cellID: "cb-phai-luong", on: Self.today)
        #expect(overview.suffix(2).map(\.id) == [second.id, attached.id], "new members come after the cell's others")
        #expect(overview.first { $0.id == "pl-09" }?.status == .notMember)
        #expect(try await archive.auditLog(record: admitted.id).map(\.action) == [.admit, .confirm])
        #expect(try await archive.auditLog(record: "pl-08").map(\.action) == [.exempt, .endExemption])
        #expect(try await archive.auditLog(record: "pl-09").map(\.action) == [.transferOut])
        #expect(try await archive.auditLog(record: attached.id).map(\.action) == [.attach])
        #expect(try await archive.auditLog(record: "pl-01").map(\.action) == [.leaveOffice])
        let secretaries = overview.filter { $0.roles.contains(.secretary) }.map(\.id)
        #expect(secretaries == ["pl-02"], "one secretary at a time, the new one from 20/05/2025")
        let secondLog = try await archive.auditLog(record: second.id)
        #expect(secondLog.map(\.action) == [.transferIn, .takeOffice, .addPost])
        #expect(secondLog.allSatisfy { $0.actor == "Hà Văn Lợi" && $0.kind == "member" })
        #expect(try await archive.check().problems.isEmpty)
    }

    @Test func aRefusedEventWritesNothing() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let before = try await archive.auditLog(record: nil).count
        let exportBefore = try await Support.export(archive)
        await #expect(
            throws: ArchiveError.register(
                .secretaryTaken(cellID: "cb-phai-luong", holder: "Hoàng Văn Thuận", from: .d("2020-04-18")))
        ) {
            _ = try await archive.takeOffice(
                memberID: "pl-03", Role(title: .secretary, from: .d("2025-01-01")), today: Self.today,
                context: Self.secretary)
        }
        await #expect(throws: ArchiveError.notFound(id: "khong-co")) {
            _ = try await archive.confirm(
                memberID: "khong-co", on: .d("2025-01-01"), today: Self.today, context: Self.secretary)
        }
        await #expect(throws: ArchiveError.notFound(id: "cb-khong-co")) {
            _ = try await archive.admit(
                NewMember(cellID: "cb-khong-co", fullName: "A", admitted: .d("2025-01-01")), today: Self.today,
                context: Self.secretary)
        }
        await #expect(throws: ArchiveError.register(.emptyName)) {
            _ = try await archive.admit(
                NewMember(cellID: "cb-phai-luong", fullName: " ", admitted: .d("2025-01-01")), today: Self.today,
                context: Self.secretary)
        }
        #expect(try await archive.auditLog(record: nil).count == before)
        #expect(try await Support.export(archive) == exportBefore)
    }

    @Test func aCellsIssuerCodeIsOneToTenLetters() async throws {
        for good in ["CB", "ĐU", "ĐUX", "Ư", "ABCDEFGHIJ"] {
            #expect(MemberRules.isValidIssuerCode(good), "\(good)")
        }
        for bad in ["", "<b>QQQQ", "CB1", "C B", "C/B", "C-B", "ABCDEFGHIJK", "CB\u{0}"] {
            #expect(!MemberRules.isValidIssuerCode(bad), "\(bad)")
        }
        #expect(try MemberRules.issuerCode(" đu ") == "ĐU")
        #expect(try MemberRules.issuerCode("") == "CB")

        let archive = try Support.emptyArchive()
        let admin = AuditContext(actor: "quantri")
        _ = try await archive.createOrganization(
            Organization(id: "dbx-tan-lap", name: "Đảng bộ xã Tân Lập"), context: admin)
        let before = try await archive.auditLog(record: nil).count
        for bad in ["<b>QQQQQQQQQQQQQQQQ", "CB 2", "12"] {
            await #expect(throws: ArchiveError.register(.invalidIssuerCode(bad))) {
                _ = try await archive.createCell(
                    Cell(id: "cb-dong", organizationID: "dbx-tan-lap", issuerCode: bad, name: "Chi bộ thôn Đồng"),
                    context: admin)
            }
        }
        #expect(try await archive.auditLog(record: nil).count == before)
        let cell = try await archive.createCell(
            Cell(id: "cb-dong", organizationID: "dbx-tan-lap", issuerCode: "đu", name: "Chi bộ thôn Đồng"),
            context: admin)
        #expect(cell.issuerCode == "ĐU")
        #expect(
            ArchiveError.register(.invalidIssuerCode("CB1")).vietnameseDescription.contains(
                "chỉ gồm 1 đến 10 chữ cái"))

        // An import holds a new cell's code to the same rule, at the cell's line; a code the
        // archive already holds is not judged again.
        let file = try Support.write(
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <archive xmlns="urn:sochibo:archive:1" formatVersion="1">
                  <cell id="cb-moi" organization="dbx-tan-lap" issuerCode="CB1">
                    <name>Chi bộ thôn Mới</name>
                  </cell>
                </archive>
                """.utf8))
        let problems = await Support.problems(importing: [file], into: archive)
        #expect(problems.contains { $0.line == 3 && $0.message.contains("ký hiệu «CB1» không dùng được") })
        #expect(try await archive.auditLog(record: "cb-moi").isEmpty)
    }

    @Test func startsFromNothingAndRoundTrips() async throws {
        let archive = try Support.emptyArchive()
        let admin = AuditContext(actor: "quantri")
        _ = try await archive.createOrganization(
            Organization(id: "dbx-tan-lap", name: "Đảng bộ xã Tân Lập"), context: admin)
        await #expect(throws: ArchiveError.register(.identifierTaken("dbx-tan-lap", kind: .organization))) {
            _ = try await archive.createOrganization(Organization(id: "dbx-tan-lap", name: "Trùng"), context: admin)
        }
        await #expect(throws: ArchiveError.notFound(id: "khong-co")) {
            _ = try await archive.createCell(
                Cell(id: "cb-x", organizationID: "khong-co", name: "Chi bộ X"), context: admin)
        }
        _ = try await archive.createCell(
            Cell(id: "cb-dong", organizationID: "dbx-tan-lap", issuerCode: "", name: "Chi bộ thôn Đồng"), context: admin
        )
        let cell = try await archive.addTerm(
            cellID: "cb-dong", Term(id: "2025-2030", start: .d("2025-05-20")), context: admin)
        #expect(cell.terms.map(\.id) == ["2025-2030"] && cell.issuerCode == "CB")
        let member = try await archive.admit(
            NewMember(cellID: "cb-dong", fullName: "Nông Văn Dũng", birthYear: 1990, admitted: .d("2023-02-03")),
            today: Self.today, context: admin)
        _ = try await archive.confirm(memberID: member.id, on: .d("2024-02-03"), today: Self.today, context: admin)
        _ = try await archive.takeOffice(
            memberID: member.id, Role(title: .secretary, from: .d("2025-05-20")), today: Self.today, context: admin)
        _ = try await archive.exempt(
            memberID: member.id, Exemption(from: .d("2025-06-01"), to: .d("2025-12-31"), reason: "Đi chữa bệnh"),
            today: Self.today, context: admin)
        #expect(try await archive.auditLog(record: "cb-dong").map(\.action) == [.create, .addTerm])
        #expect(try await archive.organizations().map(\.id) == ["dbx-tan-lap"])

        // The export carries the new facts, and imports into an empty archive as they were.
        let exported = try await Support.export(archive)
        let text = String(decoding: exported, as: UTF8.self)
        #expect(text.contains("Nông Văn Dũng") && text.contains("2024-02-03") && text.contains("Đi chữa bệnh"))
        let copy = try Support.emptyArchive()
        _ = try await copy.importFiles([try Support.write(exported)], context: .tester)
        let (copied, _) = try await copy.member(id: member.id)
        let (original, _) = try await archive.member(id: member.id)
        #expect(copied == original)
        #expect(try await Support.export(copy) == exported)
    }
}

@Suite struct MemberListTests {
    static let today = LocalDate.d("2025-06-30")

    @Test func readsCommaOrSemicolonWithOrWithoutABOM() {
        let semicolons =
            "\u{FEFF}STT;Họ và tên;Năm sinh;Ngày kết nạp;Ngày chính thức\r\n1;Lò Thị Hoa;1998;02/03/2024;\r\n"
            + "2;\"Vi Văn Tâm; con\";1970;2001-01-01;01/01/2002\r\n\r\n"
        let commas = "ho va ten,ngay ket nap,ngay vao chi bo\nLò Thị Hoa,02/03/2024,01/04/2024\n"
        let first = MemberList.read(Data(semicolons.utf8), cellID: "cb-a")
        #expect(first.problems.isEmpty)
        #expect(first.entries.map(\.row) == [2, 3])
        #expect(first.entries.map(\.member.fullName) == ["Lò Thị Hoa", "Vi Văn Tâm; con"])
        #expect(first.entries[0].member.birthYear == 1998 && first.entries[0].member.confirmed == nil)
        #expect(first.entries[1].member.confirmed == .d("2002-01-01"))
        let second = MemberList.read(Data(commas.utf8), cellID: "cb-a")
        #expect(second.problems.isEmpty)
        #expect(second.entries.first?.member.joinedCell == .d("2024-04-01"))
    }

    @Test func problemsAreGivenByRow() {
        let text =
            "Họ và tên;Năm sinh;Ngày kết nạp\nLò Thị Hoa;199x;02/03/2024\n;1970;01/01/2001\nVi Văn Tâm;1970;31/02/2001\n"
        let list = MemberList.read(Data(text.utf8), cellID: "cb-a")
        #expect(list.problems.map(\.row) == [2, 3, 4])
        #expect(list.problems[0].description.hasPrefix("dòng 2: “Năm sinh” phải là một số"))
        #expect(list.entries.isEmpty)
        let missing = MemberList.read(Data("Tên đệm;Năm sinh\nA;1970\n".utf8), cellID: "cb-a")
        #expect(missing.problems.map(\.row) == [1])
        let early = MemberList.read(
            Data("Họ tên,Ngày kết nạp,Ngày chính thức\nA,01/01/2025,01/02/2025\n".utf8), cellID: "c")
        #expect(early.ruleProblems(today: Self.today).map(\.row) == [2])
    }

    @Test func aListLoadsAllOrNothing() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let before = try await archive.auditLog(record: nil).count
        let bad = MemberList.read(
            Data("Họ và tên;Ngày kết nạp\nLò Thị Hoa;02/03/2024\nVi Văn Tâm;01/07/2099\n".utf8), cellID: "cb-na-pan")
        await #expect(throws: ArchiveError.self) {
            _ = try await archive.load(bad, today: Self.today, context: .tester)
        }
        #expect(try await archive.auditLog(record: nil).count == before)
        let good = MemberList.read(
            Data(
                "Họ và tên;Ngày kết nạp;Ngày vào chi bộ\nLò Thị Hoa;02/03/2024;02/01/2025\nVi Văn Tâm;01/07/2001;02/01/2025\n"
                    .utf8),
            cellID: "cb-na-pan")
        let loaded = try await archive.load(good, today: Self.today, context: .tester)
        #expect(loaded.map(\.id) == ["cb-na-pan-dv-01", "cb-na-pan-dv-02"])
        #expect(try await archive.auditLog(record: "cb-na-pan-dv-02").map(\.action) == [.import])
    }
}

/// A register event dated before approved minutes changes what they say (the last note's
/// worst leftover: a list without "Ngày vào chi bộ" put members admitted years ago into every
/// signed meeting). The store asks first; the list refuses such rows.
@Suite struct ApprovedMinutesChangeTests {
    static let today = LocalDate.d("2025-06-30")
    static let officials = (0..<4).map {
        Member(id: "o\($0)", fullName: "Đảng viên \($0)", admitted: .d("1990-01-01"), confirmed: .d("1991-01-01"))
    }

    /// Approved minutes on `date` with the four officials present and a vote of 3 for.
    static func minutes(_ id: String, on date: String, status: Meeting.Status = .approved) -> Meeting {
        Meeting(
            id: id, cellID: "cb", kind: .regular, date: .d(date), start: TimeOfDay("19:00")!,
            end: TimeOfDay("21:00")!, place: "Nhà văn hóa", chairID: "o0", recorderID: "o1",
            attendance: officials.map { Attendance(memberID: $0.id, presence: .present) },
            agenda: ["Việc tháng"], proceedings: ["Bàn bạc."], conclusion: ["Nhất trí."],
            votes: [Vote(subject: "Nghị quyết", votesFor: 3, votesAgainst: 1, abstentions: 0)], status: status)
    }

    @Test func onlyApprovedMinutesWhoseFiguresMoveAreNamed() throws {
        let meetings = [
            Self.minutes("m1", on: "2024-01-10"), Self.minutes("m2", on: "2024-02-10"),
            Self.minutes("m3", on: "2024-03-10", status: .draft),
        ]
        // Two officials transferred in from 1 February, named in no minutes: February's
        // base goes from 4 to 6 and 3 votes for are no longer more than half.
        let newcomers = (4..<6).map {
            Member(
                id: "n\($0)", fullName: "Mới \($0)", admitted: .d("2000-01-01"), confirmed: .d("2001-01-01"),
                joinedCell: .d("2024-02-01"))
        }
        let changes = MemberRules.approvedMinutesChanges(
            of: meetings, before: Self.officials, after: Self.officials + newcomers)
        #expect(changes.map(\.meetingID) == ["m2"], "January is before them; March is a draft")
        let change = try #require(changes.first)
        #expect(change.expectedBefore == 4 && change.expectedAfter == 6 && change.presentAfter == 4)
        #expect(change.entitledBefore == 4 && change.entitledAfter == 6)
        #expect(change.turnedVotes == [.init(subject: "Nghị quyết", passesAfter: false)])
        #expect(
            change.vietnameseDescription
                == "ngày 10/02/2024: có mặt 4/4 thành 4/6, có quyền biểu quyết 4 thành 6 đảng viên, "
                + "tổng số đảng viên 4 thành 6, biểu quyết “Nghị quyết” thành không đạt"
        )
        // A member leaving after the last approved minutes changes nothing signed.
        var leaving = Self.officials
        leaving[3].leftCell = .d("2024-02-11")
        #expect(MemberRules.approvedMinutesChanges(of: meetings, before: Self.officials, after: leaving).isEmpty)
        // The same member leaving before February's minutes: 3 of 3 present, 3 entitled.
        leaving[3].leftCell = .d("2024-02-01")
        let left = MemberRules.approvedMinutesChanges(of: meetings, before: Self.officials, after: leaving)
        #expect(left.map(\.meetingID) == ["m2"] && left.first?.entitledAfter == 3)
    }

    @Test func theStoreAsksBeforeChangingApprovedMinutesAndWritesNothingUntilConfirmed() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let before = try await archive.auditLog(record: nil).count
        let exportBefore = try await Support.export(archive)
        let plain = AuditContext(actor: "Hà Văn Lợi")
        let newcomer = NewMember(cellID: "cb-na-pan", fullName: "Lò Thị Hoa", admitted: .d("2024-03-02"))
        do {
            _ = try await archive.admit(newcomer, today: Self.today, context: plain)
            Issue.record("admitted without confirmation")
        } catch ArchiveError.unconfirmedRegisterChange(let member, let changes) {
            #expect(member == "Lò Thị Hoa")
            #expect(changes.first?.date == .d("2024-03-10") && changes.last?.date == .d("2024-12-15"))
            #expect(changes.allSatisfy { $0.expectedAfter == $0.expectedBefore + 1 })
            let sentence = ArchiveError.unconfirmedRegisterChange(member: member, changes: changes)
                .vietnameseDescription
            #expect(sentence.hasPrefix("chưa ghi gì: ghi như vậy cho đồng chí Lò Thị Hoa thì số liệu của "))
            #expect(sentence.contains("biên bản khác, đến ngày 15/12/2024"))
        }
        // Every dated event of a member of those minutes asks too.
        await #expect(throws: ArchiveError.self) {
            _ = try await archive.leave(
                memberID: "np-09", on: .d("2024-11-15"), reason: .deceased, today: Self.today, context: plain)
        }
        await #expect(throws: ArchiveError.self) {
            _ = try await archive.exempt(
                memberID: "np-05", Exemption(from: .d("2024-10-01"), reason: "Đi chữa bệnh"), today: Self.today,
                context: plain)
        }
        #expect(try await archive.auditLog(record: nil).count == before)
        #expect(try await Support.export(archive) == exportBefore)
        // After the last approved minutes, or confirmed, the event is written.
        let later = try await archive.admit(
            NewMember(cellID: "cb-na-pan", fullName: "Vi Văn Tâm", admitted: .d("2025-01-05")), today: Self.today,
            context: plain)
        #expect(later.joinedCell == .d("2025-01-05"))
        let confirmed = try await archive.admit(
            newcomer, today: Self.today,
            context: AuditContext(actor: "Hà Văn Lợi", confirmedChangesToApprovedMinutes: true))
        #expect(try await archive.auditLog(record: confirmed.id).map(\.action) == [.admit])
        #expect(try await archive.auditLog(record: nil).count == before + 2)
    }

    @Test func aListWithoutJoiningDaysIsRefusedWhereMinutesAreApproved() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let before = try await archive.auditLog(record: nil).count
        let undated = MemberList.read(
            Data("Họ và tên;Ngày kết nạp\nLò Thị Hoa;02/03/2015\nVi Văn Tâm;05/01/2025\n".utf8), cellID: "cb-na-pan")
        let problems = try await archive.loadProblems(undated, today: Self.today)
        #expect(problems.map(\.row) == [2], "Tâm was admitted after the last approved minutes")
        #expect(problems.first?.message.contains("chưa ghi “Ngày vào chi bộ” nên lấy ngày kết nạp 02/03/2015") == true)
        await #expect(throws: ArchiveError.register(.listRefused(problems))) {
            _ = try await archive.load(undated, today: Self.today, context: .tester)
        }
        #expect(try await archive.auditLog(record: nil).count == before)
        // A joining day before approved minutes is refused too, in other words.
        let early = MemberList.read(
            Data("Họ và tên;Ngày kết nạp;Ngày vào chi bộ\nLò Thị Hoa;02/03/2015;01/06/2024\n".utf8),
            cellID: "cb-na-pan")
        let earlyProblems = try await archive.loadProblems(early, today: Self.today)
        #expect(earlyProblems.first?.message.hasPrefix("“Ngày vào chi bộ” 01/06/2024 làm đổi số liệu của ") == true)
        let dated = MemberList.read(
            Data("Họ và tên;Ngày kết nạp;Ngày vào chi bộ\nLò Thị Hoa;02/03/2015;20/12/2024\n".utf8),
            cellID: "cb-na-pan")
        #expect(try await archive.loadProblems(dated, today: Self.today).isEmpty)
        #expect(try await archive.load(dated, today: Self.today, context: .tester).count == 1)
    }

    /// The fresh tester's report: a death recorded before minutes where the member voted
    /// made two of its votes count more voices than members present, and a leaving exempt
    /// member changed the printed total — neither was named.
    @Test func totalsExemptionsAndVotesThatBecomeInvalidAreNamed() throws {
        var meeting = Self.minutes("m1", on: "2024-03-10")
        meeting.votes = [Vote(subject: "Nghị quyết", votesFor: 4, votesAgainst: 0, abstentions: 0)]
        let exempt = Member(
            id: "e", fullName: "Miễn", admitted: .d("1960-01-01"), confirmed: .d("1961-01-01"),
            exemptions: [Exemption(from: .d("2020-01-01"), reason: "Tuổi cao")])
        let before = Self.officials + [exempt]
        // o3 voted on 10/03: recorded as dead from 01/03, four voices for three entitled present.
        var dead = before
        dead[3].leftCell = .d("2024-03-01")
        let voting = try #require(MemberRules.approvedMinutesChanges(of: [meeting], before: before, after: dead).first)
        #expect(voting.overcountedVotes == [.init(subject: "Nghị quyết", cast: 4, entitledPresent: 3)])
        #expect(voting.changesAVote && voting.membersBefore == 5 && voting.membersAfter == 4)
        #expect(
            voting.vietnameseDescription.contains("biểu quyết “Nghị quyết” thành không hợp lệ (4 phiếu, nhiều hơn 3"))
        // The exempt member, absent, leaving before: only the total and the exempt count move.
        var gone = before
        gone[4].leftCell = .d("2024-03-01")
        let total = try #require(MemberRules.approvedMinutesChanges(of: [meeting], before: before, after: gone).first)
        #expect(total.expectedBefore == total.expectedAfter && total.entitledBefore == total.entitledAfter)
        #expect(total.vietnameseDescription == "ngày 10/03/2024: tổng số đảng viên 5 thành 4, miễn sinh hoạt 1 thành 0")
        // Every meeting whose vote changes is named, however many come before it.
        let many = (1...12).map { Self.minutes("m\($0)", on: String(format: "2024-%02d-10", $0)) }
        var late = many.map { minutes in
            var quiet = minutes
            quiet.votes = []
            return quiet
        }
        late[10].votes = [Vote(subject: "Kết nạp", votesFor: 3, votesAgainst: 1, abstentions: 0)]
        // Two officials who joined in January: November's 3 voices for are no longer more than half.
        let newcomers = (1...2).map {
            Member(
                id: "n\($0)", fullName: "Mới \($0)", admitted: .d("2000-01-01"), confirmed: .d("2001-01-01"),
                joinedCell: .d("2024-01-01"))
        }
        let listed = ApprovedMinutesChange.listed(
            MemberRules.approvedMinutesChanges(of: late, before: Self.officials, after: Self.officials + newcomers))
        #expect(listed.hasPrefix("12 biên bản đã thông qua sẽ đổi: ngày 10/01/2024"))
        #expect(
            listed.contains(
                "ngày 10/11/2024: có mặt 4/4 thành 4/6, có quyền biểu quyết 4 thành 6 đảng viên, "
                    + "tổng số đảng viên 4 thành 6, biểu quyết “Kết nạp” thành không đạt"), "\(listed)")
        #expect(listed.hasSuffix("và 8 biên bản khác, đến ngày 10/12/2024"), "\(listed)")
    }

    /// The fresh tester's report: an import that adds a member who joined before approved
    /// minutes, or ends an exemption, changed them silently. It is refused as the register
    /// refuses it, at the cell, until confirmed.
    @Test func anImportThatChangesApprovedMinutesIsRefusedUntilConfirmed() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let before = try await archive.auditLog(record: nil).count
        var text = try String(contentsOfFile: Support.path("archive/samples/dbx-hop-thanh.xml"), encoding: .utf8)
        let cell = try #require(text.range(of: #"<cell id="cb-na-pan""#))
        let firstMember = try #require(text.range(of: "<member ", range: cell.upperBound..<text.endIndex))
        text.insert(
            contentsOf: """
                <member id="np-99"><fullName>Nguyễn Văn Thử</fullName><admitted>2000-01-01</admitted>\
                <confirmed>2001-01-01</confirmed><joinedCell>2023-01-01</joinedCell></member>
                    
                """, at: firstMember.lowerBound)
        let file = try Support.write(Data(text.utf8), name: "them-dang-vien.xml")
        do {
            _ = try await archive.importFiles([file], context: .tester)
            Issue.record("an import changed approved minutes without confirmation")
        } catch ArchiveError.importRefused(let problems) {
            #expect(problems.count == 1, "\(problems)")
            let lineOfCell = text[..<cell.lowerBound].filter { $0 == "\n" }.count + 1
            #expect(problems.first?.line == lineOfCell)
            #expect(
                problems.first?.message.hasPrefix(
                    "các đảng viên trong tệp làm đổi số liệu của Chi bộ thôn Nà Pàn: ") == true, "\(problems)")
            #expect(problems.first?.message.contains("sochibo import --confirm") == true)
        }
        #expect(try await archive.auditLog(record: nil).count == before, "nothing written")
        let confirmed = AuditContext(actor: "kiểm thử", confirmedChangesToApprovedMinutes: true)
        _ = try await archive.importFiles([file], context: confirmed)
        #expect(try await archive.member(id: "np-99").member.fullName == "Nguyễn Văn Thử")
        // The same file again changes nothing more: no question.
        _ = try await archive.importFiles([file], context: .tester)
    }

    /// The fresh tester's report: a member admitted with the wrong day (confirmed into 27
    /// approved minutes) could not be taken out. A member entered by mistake, named by no
    /// minutes or document, is discarded with a log entry; one the records name is refused,
    /// naming them; the code is never given to anyone else.
    @Test func aMemberEnteredByMistakeIsDiscardedAndOneInTheMinutesIsNot() async throws {
        let archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        let confirmed = AuditContext(actor: "Hà Văn Lợi", confirmedChangesToApprovedMinutes: true)
        let mistaken = try await archive.admit(
            NewMember(cellID: "cb-na-pan", fullName: "Lò Thị Hoa", admitted: .d("2023-01-02")), today: Self.today,
            context: confirmed)
        let discarded = try await archive.discard(memberID: mistaken.id, context: .tester)
        #expect(discarded.fullName == "Lò Thị Hoa")
        await #expect(throws: ArchiveError.notFound(id: mistaken.id)) { _ = try await archive.member(id: mistaken.id) }
        let log = try await archive.auditLog(record: mistaken.id)
        #expect(log.map(\.action) == [.admit, .discard])
        #expect(AuditEntry.actionNames(log).last == "bỏ đảng viên ghi nhầm")
        #expect(try await archive.check().problems.isEmpty)
        // Entered again with the right day: a new code, not the discarded one.
        let again = try await archive.admit(
            NewMember(cellID: "cb-na-pan", fullName: "Lò Thị Hoa", admitted: .d("2025-01-05")), today: Self.today,
            context: .tester)
        #expect(again.id != mistaken.id)
        // A member of the minutes is refused, named, and stays.
        do {
            _ = try await archive.discard(memberID: "np-01", context: .tester)
            Issue.record("a member of the minutes was discarded")
        } catch ArchiveError.register(.memberStillNamed(let member, let referrers)) {
            #expect(member == "Hà Văn Lợi" && referrers.contains("np-2024-12"))
            let sentence = ArchiveError.register(.memberStillNamed(member: member, referrers: referrers))
                .vietnameseDescription
            #expect(
                sentence.hasPrefix("chưa bỏ được đồng chí Hà Văn Lợi: \(referrers.count) bản ghi có tên đồng chí ("))
            #expect(sentence.hasSuffix("hãy ghi ngày ra khỏi chi bộ"))
        }
        #expect(try await archive.member(id: "np-01").member.fullName == "Hà Văn Lợi")
    }
}
