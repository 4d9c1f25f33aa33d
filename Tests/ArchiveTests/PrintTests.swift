import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

/// Minutes and documents laid out in the Party layout, over the sample archive of Đảng bộ xã
/// Hợp Thành. The page is checked as markup where the structure matters (which element holds
/// what) and as visible text, in order, where a reader would look.
@Suite("Printing minutes and documents in the Party layout")
struct PrintTests {
    let archive: Archive
    let pages: Pages

    init() async throws {
        archive = try await Support.archive(with: ["archive/samples/dbx-hop-thanh.xml"])
        pages = try Pages()
    }

    func page(_ id: String) async throws -> String {
        pages.render(try await archive.printable(id: id))
    }

    func document(_ id: String) async throws -> (Document, Cell, Organization) {
        guard case .document(let document, let cell, let organization) = try await archive.printable(id: id) else {
            throw Unexpected(id)
        }
        return (document, cell, organization)
    }

    func minutes(_ id: String) async throws -> (Meeting, Cell, Organization, String, [ReviewedTask]) {
        guard
            case .minutes(let meeting, let cell, let organization, let locality, let tasks) =
                try await archive.printable(
                    id: id)
        else { throw Unexpected(id) }
        return (meeting, cell, organization, locality, tasks)
    }

    @Test func draftMinutesSaySoApprovedOnesDoNot() async throws {
        var (meeting, cell, organization, locality, tasks) = try await minutes("pl-2023-11")
        #expect(meeting.status == .approved)
        #expect(
            !pages.minutes(meeting, cell: cell, organization: organization, locality: locality, tasks: tasks)
                .contains("DỰ THẢO"))
        meeting.status = .draft
        #expect(
            pages.minutes(meeting, cell: cell, organization: organization, locality: locality, tasks: tasks)
                .contains("<div class=\"marking draft\">DỰ THẢO</div>"))
    }

    struct Unexpected: Error {
        var id: String
        init(_ id: String) { self.id = id }
    }

    /// The page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed.
    static func visible(_ html: String) -> String {
        let body = html.components(separatedBy: "<body>").last ?? html
        let text = body.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " ;", with: ";")
    }

    /// Whether `parts` occur in `text` in this order.
    static func inOrder(_ text: String, _ parts: [String]) -> Bool {
        var rest = text[...]
        for part in parts {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    @Test func aResolutionHasTheHeadingNumberDateTypeAndTitle() async throws {
        let html = try await page("pl-nq-2023-02")
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"vi\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("\"Noto Serif\", \"DejaVu Serif\", serif"))
        #expect(html.contains("<div class=\"parent\">ĐẢNG BỘ XÃ HỢP THÀNH</div>"))
        #expect(html.contains("<div class=\"cell\">CHI BỘ THÔN PHAI LUÔNG</div>"))
        #expect(html.contains("<div class=\"party\">ĐẢNG CỘNG SẢN VIỆT NAM</div>"))
        #expect(html.contains("<div class=\"date\">Phai Luông, ngày 06 tháng 02 năm 2023</div>"))
        #expect(html.contains("<h1>NGHỊ QUYẾT</h1>"))
        #expect(!html.contains("class=\"marking"))
        let text = Self.visible(html)
        #expect(
            Self.inOrder(
                text,
                [
                    "ĐẢNG BỘ XÃ HỢP THÀNH", "CHI BỘ THÔN PHAI LUÔNG", "*", "Số 02-NQ/CB", "ĐẢNG CỘNG SẢN VIỆT NAM",
                    "Phai Luông, ngày 06 tháng 02 năm 2023", "NGHỊ QUYẾT",
                    "Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2023", "Căn cứ Điều lệ Đảng",
                    "CHI BỘ QUYẾT NGHỊ:", "Tổ chức họp dân thống nhất phương án bê tông hóa",
                    "Nơi nhận:", "T/M CHI BỘ", "BÍ THƯ", "Hoàng Văn Thuận",
                ]), "\(text)")
        // Its three tasks are in its section II already: not printed a second time.
        #expect(!text.contains("PHÂN CÔNG THỰC HIỆN"))
        #expect(text.components(separatedBy: "Tổ chức họp dân thống nhất phương án bê tông hóa").count == 2)
        #expect(html.contains("<p class=\"decides\">CHI BỘ QUYẾT NGHỊ:</p>"))
        #expect(html.contains("<p class=\"section\">I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01 NĂM 2023</p>"))
    }

    /// A regular meeting's topic is its theme ("Chủ đề"), not a thematic part ("Chuyên đề").
    @Test func aRegularMeetingsTopicIsNotCalledAThematicPart() async throws {
        guard
            case .minutes(var meeting, let cell, let organization, let locality, let tasks) =
                try await archive.printable(id: "pl-2023-11")
        else { throw Unexpected("pl-2023-11") }
        meeting.topic = "Chuyển đổi số ở thôn"
        let text = Self.visible(
            pages.render(
                PrintableRecord.minutes(
                    meeting, cell: cell, organization: organization, locality: locality, tasks: tasks)))
        #expect(text.contains("Chủ đề: “Chuyển đổi số ở thôn”") && !text.contains("Chuyên đề: “Chuyển đổi số"))
    }

    /// A task the body does not already state is printed under "PHÂN CÔNG THỰC HIỆN".
    @Test func tasksNotInTheBodyArePrintedUnderTheirOwnHeading() async throws {
        let minimal = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        let text = Self.visible(pages.render(try await minimal.printable(id: "a-nq-01")))
        #expect(
            Self.inOrder(
                text,
                [
                    "Chi bộ thôn A quyết nghị", "PHÂN CÔNG THỰC HIỆN", "Hoàn thành sửa đường bê tông liên xóm",
                    "Nơi nhận:",
                ]),
            "\(text)")
    }

    /// A body that repeats a task's words without who answers for it (a conclusion copied from
    /// the minutes, as the web's resolution form fills it) keeps the assignment on paper.
    @Test func aBodyRepeatingATaskWithoutItsAssigneeKeepsTheAssignment() async throws {
        let minimal = try await Support.archive(with: ["fixtures/valid/minimal.xml"])
        guard case .document(var document, let cell, let organization) = try await minimal.printable(id: "a-nq-01")
        else { throw Unexpected("a-nq-01") }
        document.body.append("Chi bộ thống nhất: " + document.tasks[0].text + ".")
        let text = Self.visible(pages.document(document, cell: cell, organization: organization))
        #expect(text.contains("PHÂN CÔNG THỰC HIỆN"), "\(text)")
        #expect(text.contains("phụ trách; thời hạn hoàn thành: ngày 31 tháng 01 năm 2023"), "\(text)")
    }

    @Test func recipientsEndWithTheFilingLine() async throws {
        let html = try await page("pl-nq-2023-02")
        #expect(
            html.contains(
                """
                <li>- Đảng ủy xã;</li>
                <li>- Đồng chí Đảng ủy viên phụ trách chi bộ;</li>
                <li>- Các đồng chí đảng viên trong chi bộ;</li>
                <li>- Lưu Chi bộ.</li>
                </ul>
                """))
        var (document, cell, organization) = try await document("pl-nq-2023-02")
        document.recipients = ["Đảng ủy xã.", "Chi hội Phụ nữ thôn,"]
        let added = pages.document(document, cell: cell, organization: organization)
        #expect(added.contains("<li>- Đảng ủy xã;</li>\n<li>- Chi hội Phụ nữ thôn;</li>\n<li>- Lưu Chi bộ.</li>"))
        document.recipients = ["Lưu Chi bộ", "Đảng ủy xã"]
        let moved = pages.document(document, cell: cell, organization: organization)
        #expect(moved.contains("<li>- Đảng ủy xã;</li>\n<li>- Lưu Chi bộ.</li>"))
        #expect(moved.components(separatedBy: "Lưu Chi bộ").count == 2)
        document.recipients = []
        #expect(
            pages.document(document, cell: cell, organization: organization).contains(
                "<ul>\n<li>- Lưu Chi bộ.</li>\n</ul>"))
    }

    @Test func theSignatureBlockDefaultsToTheCellsSecretary() async throws {
        var (document, cell, organization) = try await document("pl-nq-2023-02")
        document.signature = Signature(memberID: "pl-02", authority: "t/m chi bộ", title: "Phó Bí thư")
        let signed = Self.visible(pages.document(document, cell: cell, organization: organization))
        #expect(Self.inOrder(signed, ["Nơi nhận:", "T/M CHI BỘ", "PHÓ BÍ THƯ", "Lương Đức Mạnh"]))
        document.signature = Signature(memberID: "pl-01")
        let defaults = Self.visible(pages.document(document, cell: cell, organization: organization))
        #expect(Self.inOrder(defaults, ["T/M CHI BỘ", "BÍ THƯ", "Hoàng Văn Thuận"]))
    }

    @Test func aClassifiedDocumentCarriesItsMarking() async throws {
        let html = try await page("pl-nq-2023-01")
        #expect(html.contains("<div class=\"marking secret\">MẬT</div>"))
        #expect(Self.inOrder(Self.visible(html), ["Số 01-NQ/CB", "MẬT", "ĐẢNG CỘNG SẢN VIỆT NAM"]))
        var (document, cell, organization) = try await document("pl-nq-2023-01")
        for (classification, marking) in [(Document.Classification.secret, "TỐI MẬT"), (.topSecret, "TUYỆT MẬT")] {
            document.classification = classification
            #expect(
                pages.document(document, cell: cell, organization: organization).contains(
                    "<div class=\"marking secret\">\(marking)</div>"))
        }
    }

    @Test func aDraftHasABlankNumberAndSaysSo() async throws {
        var (document, cell, organization) = try await document("pl-nq-2023-02")
        document.status = .draft
        document.number = nil
        let html = pages.document(document, cell: cell, organization: organization)
        #expect(html.contains("Số&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;-NQ/CB"))
        #expect(html.contains("<div class=\"marking draft\">DỰ THẢO</div>"))
        #expect(!html.contains("02-NQ/CB"))
        // A draft that kept a number from an earlier filing still prints no number.
        document.number = 2
        #expect(!pages.document(document, cell: cell, organization: organization).contains("02-NQ/CB"))
    }

    @Test func everyTextIsEscaped() async throws {
        var (document, cell, organization) = try await document("pl-nq-2023-02")
        document.title = "Nghị quyết <script>alert('x')</script> & “A”"
        document.body = ["Đoạn có <b>thẻ</b> & \"ngoặc\""]
        document.recipients = ["Ban <Tuyên giáo> & Dân vận"]
        document.place = "Phai <Luông>"
        document.signature = Signature(memberID: "pl-01", authority: "T/M <CHI BỘ>", title: "BÍ THƯ")
        cell.members[0].fullName = "Hoàng <Văn> & Thuận"
        cell.name = "Chi bộ <thôn>"
        let html = pages.document(document, cell: cell, organization: organization)
        #expect(!html.contains("<script>") && !html.contains("<b>thẻ") && !html.contains("<Tuyên"))
        #expect(html.contains("Nghị quyết &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; “A”"))
        #expect(html.contains("Đoạn có &lt;b&gt;thẻ&lt;/b&gt; &amp; &quot;ngoặc&quot;"))
        #expect(html.contains("<li>- Ban &lt;Tuyên giáo&gt; &amp; Dân vận;</li>"))
        #expect(html.contains("Phai &lt;Luông&gt;, ngày 06"))
        #expect(html.contains("T/M &lt;CHI BỘ&gt;") && html.contains("Hoàng &lt;Văn&gt; &amp; Thuận"))
        #expect(html.contains("CHI BỘ &lt;THÔN&gt;"))
        var (meeting, meetingCell, _, _, tasks) = try await minutes("pl-2023-11")
        meeting.place = "Nhà <văn hóa>"
        meeting.guests = ["Đồng chí <khách>"]
        meeting.proceedings = ["Ý kiến: a < b & c > d"]
        meetingCell.members[16].fullName = "Hứa <Văn> Cường"
        meetingCell.members[0].fullName = "Hoàng <Thuận>"
        let minutes = pages.minutes(
            meeting, cell: meetingCell, organization: organization, locality: "Phai <Luông>", tasks: tasks)
        #expect(!minutes.contains("<văn") && !minutes.contains("<khách") && !minutes.contains("<Văn"))
        #expect(!minutes.contains("<Thuận") && minutes.contains("đồng chí Hoàng &lt;Thuận&gt;, Bí thư chi bộ."))
        #expect(minutes.contains("Nhà &lt;văn hóa&gt;") && minutes.contains("a &lt; b &amp; c &gt; d"))
        #expect(minutes.contains("Hứa &lt;Văn&gt; Cường") && minutes.contains("Phai &lt;Luông&gt;, ngày 05"))
    }

    @Test func minutesCountAttendanceByTheRules() async throws {
        let (meeting, cell, _, _, _) = try await minutes("pl-2023-11")
        let count = meeting.attendanceCount(members: cell.members)
        let onTheDay = cell.members.filter { $0.status(on: meeting.date) != .notMember }
        let exempt = onTheDay.filter { $0.status(on: meeting.date) == .exempt }
        #expect(count.present == 19 && count.expected == 20 && count.unexcused == 1 && count.excused == 0)
        let text = await Self.visible(try page("pl-2023-11"))
        let d = Self.twoDigits
        #expect(
            Self.inOrder(
                text,
                [
                    "Tổng số đảng viên của chi bộ: \(d(onTheDay.count)) đồng chí (chính thức: 21, dự bị: 01 – Hoàng Thị Ngọc Ánh).",
                    "Được miễn công tác và sinh hoạt đảng: \(d(exempt.count)) đồng chí (Hoàng Văn Tình, Lý Thị Mai).",
                    "Số đảng viên phải dự sinh hoạt: \(d(count.expected)) đồng chí.",
                    "Có mặt: \(d(count.present)) đồng chí, đạt 95% (Hoàng Văn Thuận, Lương Đức Mạnh,",
                    "Vắng mặt: \(d(count.excused + count.unexcused)) đồng chí, trong đó:",
                    "có lý do: không có;", "không có lý do: \(d(count.unexcused)) đồng chí (Hứa Văn Cường).",
                ]), "\(text)")
        #expect(onTheDay.count == 22 && exempt.count == 2 && count.expected + exempt.count == onTheDay.count)
        // March: an excused absence with its reason, and an exempt member who came anyway.
        let march = await Self.visible(try page("pl-2023-03"))
        #expect(march.contains("có lý do: 01 đồng chí (Hoàng Văn Bảo: Đi làm ăn xa);"))
        #expect(march.contains("(Hoàng Văn Tình, Lý Thị Mai); có dự sinh hoạt: 01 đồng chí (Hoàng Văn Tình)."))
        let (marchMeeting, _, _, _, _) = try await minutes("pl-2023-03")
        #expect(marchMeeting.attendanceCount(members: cell.members).exemptPresent == 1)
    }

    @Test func minutesHaveTheirHeadingTimesOfficersAndSignatures() async throws {
        let html = try await page("pl-2023-11")
        #expect(html.contains("<div class=\"date\">Phai Luông, ngày 05 tháng 11 năm 2023</div>"))
        #expect(html.contains("<h1>BIÊN BẢN</h1>") && !html.contains("class=\"number\""))
        let text = Self.visible(html)
        #expect(
            Self.inOrder(
                text,
                [
                    "ĐẢNG BỘ XÃ HỢP THÀNH", "CHI BỘ THÔN PHAI LUÔNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "BIÊN BẢN",
                    "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2023",
                    "Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày 05 tháng 11 năm 2023.",
                    "Địa điểm: Nhà văn hóa thôn Phai Luông.", "Chủ trì: đồng chí Hoàng Văn Thuận, Bí thư chi bộ.",
                    "Thư ký: đồng chí Vi Thị Hồng, Chi ủy viên.", "I. NỘI DUNG SINH HOẠT",
                    "Thông tin thời sự", "II. DIỄN BIẾN KỲ SINH HOẠT", "III. KẾT LUẬN", "IV. BIỂU QUYẾT",
                    "V. KIỂM ĐIỂM VIỆC THỰC HIỆN NHIỆM VỤ", "VI. XẾP LOẠI CHẤT LƯỢNG KỲ SINH HOẠT",
                    "Chi bộ xếp loại chất lượng kỳ sinh hoạt: Khá (86 điểm).",
                    "Kỳ sinh hoạt kết thúc lúc 21 giờ 15 phút cùng ngày.", "THƯ KÝ", "Vi Thị Hồng", "CHỦ TRÌ",
                    "Hoàng Văn Thuận",
                ]), "\(text)")
        let thematic = await Self.visible(try page("pl-2023-03"))
        #expect(thematic.contains("Sinh hoạt chi bộ thường kỳ tháng 03 năm 2023 kết hợp sinh hoạt chuyên đề"))
        #expect(
            thematic.contains("Chuyên đề: “Nâng cao chất lượng công tác tạo nguồn, phát triển đảng viên ở chi bộ thôn”")
        )
        #expect(thematic.contains("Khách mời: Đồng chí Lành Văn Tiến, Đảng ủy viên phụ trách chi bộ."))
        await #expect(try page("km-2023-q1-cd").contains("Sinh hoạt chuyên đề quý I năm 2023"))
    }

    @Test func theDateLineNamesTheLocalityNotTheMeetingRoom() async throws {
        let (meeting, _, _, locality, _) = try await minutes("km-2024-09-bt")
        #expect(meeting.place.hasPrefix("Nhà đồng chí Lộc Văn Sơn") && locality == "Khuổi Mạ")
        let text = await Self.visible(try page("km-2024-09-bt"))
        #expect(text.contains("Khuổi Mạ, ngày 11 tháng 09 năm 2024"))
        #expect(text.contains("Sinh hoạt chi bộ bất thường ngày 11 tháng 09 năm 2024"))
        #expect(text.contains("Địa điểm: Nhà đồng chí Lộc Văn Sơn, khu Nà Lạn"))
    }

    @Test func votesCountAgainstTheMembersEntitledToVote() async throws {
        let (meeting, cell, _, _, _) = try await minutes("pl-2023-11")
        let base = meeting.votingBase(members: cell.members)
        #expect(base.entitled == 19)
        let text = await Self.visible(try page("pl-2023-11"))
        #expect(text.contains("Số đảng viên có quyền biểu quyết: 19 đồng chí"))
        #expect(
            text.contains(
                "Thông qua Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 11 năm 2023: tán thành 18/19 đồng chí (94,7%), không tán thành 0, không biểu quyết 0. Kết quả: đạt"
            ))
        let present = ApprovalWarnings.entitledPresent(meeting, members: cell.members)
        #expect(present == 18)
        var failing = meeting
        failing.votes = [Vote(subject: "Chủ trương làm đường", votesFor: 9, votesAgainst: 5, abstentions: 4)]
        func printed(_ meeting: Meeting) -> String {
            Self.visible(
                pages.minutes(
                    meeting, cell: cell, organization: Organization(id: "o", name: "Đảng bộ xã Hợp Thành"),
                    locality: "Phai Luông", tasks: []))
        }
        let failed = printed(failing)
        #expect(failed.contains("tán thành 9/19 đồng chí (47,4%)") && failed.contains("Kết quả: không đạt"))
        // One vote more than the 18 entitled members present: no result, the count is impossible.
        failing.votes = [Vote(subject: "Chủ trương làm đường", votesFor: 9, votesAgainst: 5, abstentions: 5)]
        let impossible = printed(failing)
        #expect(impossible.contains("Kết quả: số phiếu không hợp lệ (19 phiếu, nhiều hơn 18 đảng viên"))
        #expect(!impossible.contains("Kết quả: không đạt"))
    }

    @Test func taskReportsSayWhatTheTaskWasAndWhereItCameFrom() async throws {
        let (meeting, _, _, _, tasks) = try await minutes("pl-2023-11")
        #expect(tasks.map(\.task.id) == meeting.taskReports.map(\.taskID))
        #expect(tasks.allSatisfy { $0.documentKind == .resolution && $0.documentSymbol == "10-NQ/CB" })
        let text = await Self.visible(try page("pl-2023-11"))
        #expect(
            text.contains(
                "(Nghị quyết số 10-NQ/CB; đồng chí Vi Thị Hồng phụ trách): đã hoàn thành. Đã thu đảng phí quý IV năm 2023"
            ))
    }

    @Test func aMeetingPastMidnightEndsTheNextDay() async throws {
        var (meeting, cell, organization, locality, tasks) = try await minutes("pl-2023-12")
        meeting.date = .d("2023-12-31")
        meeting.end = TimeOfDay("00:20")!
        let text = Self.visible(
            pages.minutes(meeting, cell: cell, organization: organization, locality: locality, tasks: tasks))
        #expect(text.contains("Kỳ sinh hoạt kết thúc lúc 00 giờ 20 phút, ngày 01 tháng 01 năm 2024."))
    }

    @Test func onlyMeetingsAndDocumentsPrint() async throws {
        let nonPrintable: [(String, RecordKind, String)] = [
            ("cb-phai-luong", .cell, "chi bộ"), ("pl-01", .member, "đảng viên"),
            ("dbx-hop-thanh", .organization, "đảng bộ"),
        ]
        for (id, kind, noun) in nonPrintable {
            await #expect(throws: ArchiveError.notPrintable(id: id, kind: kind)) { try await archive.printable(id: id) }
            #expect(kind.vietnameseName == noun)
        }
        await #expect(throws: ArchiveError.notFound(id: "khong-co")) { try await archive.printable(id: "khong-co") }
    }
}
