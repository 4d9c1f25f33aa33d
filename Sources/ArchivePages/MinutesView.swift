import ArchiveCore

/// What `minutes.mustache` shows of a meeting's minutes: the heading, the kind of session,
/// time, place, officers and guests, attendance by category with names (counted by
/// `Meeting.attendanceCount(members:)` and `Member.status(on:)`), agenda, proceedings,
/// conclusion, votes against the members entitled to vote, task reports, rating, the end
/// time, and the names under the recorder's and the chair's signatures.
struct MinutesView {
    struct Topic {
        /// "Chuyên đề" for a thematic part, "Chủ đề" for a regular session, "Nội dung" for an
        /// extraordinary one.
        var label: String
        var text: String
    }

    /// The attendance lines, each a full sentence but for the label.
    struct Attendance {
        var total: String
        var exempt: String
        var expected: String
        var present: String
        var absent: String
        var excused: String
        var unexcused: String
        /// Members of the day with no attendance recorded, if any.
        var notListed: String?
    }

    struct Votes {
        struct Item {
            var subject: String
            var votesFor: Int
            /// The members entitled to vote.
            var base: Int
            /// The share of `base` in favour, "94,7%"; nil when nobody is entitled.
            var share: String?
            var against: Int
            var abstentions: Int
            var passed: Bool
            /// When more votes were cast than members entitled to vote were present: the count
            /// cannot be right, so no result is printed but this ("40 phiếu, nhiều hơn 13…").
            var impossible: String?
        }

        /// The section's Roman numeral.
        var numeral: String
        /// "19 đồng chí".
        var entitled: String
        var items: [Item]
    }

    struct Reports {
        struct Item {
            /// Where the task came from, when the archive knows the task.
            struct Origin {
                /// "Nghị quyết".
                var documentKind: String
                /// "10-NQ/CB", or nil for a draft.
                var documentSymbol: String?
                var assignee: String?
            }

            /// What the task was, or "Nhiệm vụ ID" for an unknown task.
            var task: String
            var origin: Origin?
            /// "đã hoàn thành".
            var status: String
            var note: String?
        }

        var numeral: String
        var items: [Item]
    }

    struct Rating {
        var numeral: String
        /// "Khá".
        var level: String
        var score: Int?
        var remark: String?
    }

    let pageTitle: String
    let mainClass = "record"
    /// The audit log's head for the page's footer ("Sổ nhật ký: 1.234 mục, mã cuối …"), or nil.
    var logHeadLine: String?
    /// "Bản đính chính lần 1 (…) thay bản đã khóa trước; lý do: …", under the title.
    var correctionLine: String?
    let heading: PartyHeadingView
    /// "Sinh hoạt chi bộ thường kỳ tháng 01 năm 2023", and the like for the other kinds.
    let subtitle: String
    let topic: Topic?
    let time: String
    let place: String
    let chair: String
    let recorder: String
    let hasGuests: Bool
    let guests: [String]
    let attendance: Attendance
    let agenda: [String]
    let proceedings: [ParagraphView]
    let conclusion: [ParagraphView]
    let votes: Votes?
    let reports: Reports?
    let rating: Rating?
    /// "Kỳ sinh hoạt kết thúc lúc 21 giờ 10 phút cùng ngày.", or the next day's date after midnight.
    let endLine: String
    let recorderName: String
    let chairName: String

    init(_ meeting: Meeting, cell: Cell, organization: Organization, locality: String, tasks: [ReviewedTask]) {
        let names = PrintText.Names(cell.members)
        let date = meeting.date
        pageTitle = "Biên bản sinh hoạt chi bộ ngày \(date.vietnameseShort) – \(cell.name)"
        heading = PartyHeadingView(
            parent: organization.name, issuer: cell.name, markings: meeting.status == .draft ? [.draft] : [],
            placeAndDate: "\(locality), \(date.vietnameseLong)")
        subtitle = Self.subtitle(meeting)
        if let topic = meeting.topic, !topic.isEmpty {
            // A thematic part has its "Chuyên đề"; a regular meeting's topic is its theme.
            let label =
                switch meeting.kind {
                case .extraordinary: "Nội dung"
                case .thematic, .combined: "Chuyên đề"
                case .regular: "Chủ đề"
                }
            self.topic = Topic(label: label, text: topic)
        } else {
            self.topic = nil
        }
        time = "bắt đầu lúc \(PrintText.clock(meeting.start)), \(date.vietnameseLong)."
        place = PrintText.sentence(meeting.place)
        chair = "đồng chí \(names.withOffice(meeting.chairID, on: date))."
        recorder = "đồng chí \(names.withOffice(meeting.recorderID, on: date))."
        hasGuests = !meeting.guests.isEmpty
        guests = meeting.guests.map(PrintText.sentence)
        attendance = Self.attendance(meeting, cell: cell, names: names)
        agenda = meeting.agenda.map(PrintText.sentence)
        proceedings = meeting.proceedings.map(ParagraphView.init)
        conclusion = meeting.conclusion.map(ParagraphView.init)

        var numbered = 3
        func nextNumeral() -> String {
            numbered += 1
            return PrintText.roman(numbered)
        }
        votes = meeting.votes.isEmpty ? nil : Self.votes(meeting, cell: cell, numeral: nextNumeral())
        reports =
            meeting.taskReports.isEmpty
            ? nil : Self.reports(meeting, tasks: tasks, names: names, numeral: nextNumeral())
        rating = meeting.rating.map { rating in
            Rating(
                numeral: nextNumeral(), level: rating.level.vietnameseName, score: rating.score,
                remark: rating.note.flatMap { $0.isEmpty ? nil : PrintText.sentence($0) })
        }
        endLine = Self.endLine(meeting)
        recorderName = names[meeting.recorderID]
        chairName = names[meeting.chairID]
    }

    /// "Sinh hoạt chi bộ thường kỳ tháng 01 năm 2023", and the like for the other kinds.
    static func subtitle(_ meeting: Meeting) -> String {
        let month = "tháng \(PrintText.twoDigits(meeting.date.month)) năm \(meeting.date.year)"
        return switch meeting.kind {
        case .regular: "Sinh hoạt chi bộ thường kỳ \(month)"
        case .combined: "Sinh hoạt chi bộ thường kỳ \(month) kết hợp sinh hoạt chuyên đề"
        case .thematic: "Sinh hoạt chuyên đề quý \(PrintText.roman(meeting.date.quarter)) năm \(meeting.date.year)"
        case .extraordinary: "Sinh hoạt chi bộ bất thường \(meeting.date.vietnameseLong)"
        }
    }

    /// The attendance by category, each with its names; exempt members apart.
    static func attendance(_ meeting: Meeting, cell: Cell, names: PrintText.Names) -> Attendance {
        let people = PrintText.people, twoDigits = PrintText.twoDigits
        let date = meeting.date
        let count = meeting.attendanceCount(members: cell.members)
        let members = cell.members.filter { $0.status(on: date) != .notMember }
        let probationary = members.filter { !$0.isOfficial(on: date) }
        let exempt = members.filter { $0.status(on: date) == .exempt }
        let exemptPresent = exempt.filter { meeting.presence(of: $0.id) == .present }
        let expected = members.filter { $0.status(on: date) != .exempt }
        func listed(_ presence: ArchiveCore.Attendance.Presence) -> [Member] {
            expected.filter { meeting.presence(of: $0.id) == presence }
        }
        func reason(_ member: Member) -> String {
            let written = meeting.attendance.first { $0.memberID == member.id }?.reason ?? ""
            return written.isEmpty ? member.fullName : "\(member.fullName): \(written)"
        }
        var total = "\(people(members.count, [], ", "))"
        if !members.isEmpty {
            total +=
                probationary.isEmpty
                ? " (đều là đảng viên chính thức)"
                : " (chính thức: \(twoDigits(members.count - probationary.count)), dự bị: \(twoDigits(probationary.count)) – \(probationary.map(\.fullName).joined(separator: ", ")))"
        }
        var exemptLine = people(exempt.count, exempt.map(\.fullName), ", ")
        if !exemptPresent.isEmpty {
            exemptLine += "; có dự sinh hoạt: \(people(exemptPresent.count, exemptPresent.map(\.fullName), ", "))"
        }
        let present =
            people(count.present, [], ", ")
            + (count.present > 0 && count.expected > 0 ? ", đạt \(Percent.text(count.rate))" : "")
            + PrintText.bracketed(listed(.present).map(\.fullName)) + "."
        return Attendance(
            total: total + ".", exempt: exemptLine + ".", expected: people(count.expected, [], ", ") + ".",
            present: present, absent: people(count.excused + count.unexcused, [], ", ") + ", trong đó:",
            excused: people(count.excused, listed(.excused).map(reason), "; ") + ";",
            unexcused: people(count.unexcused, listed(.unexcused).map(reason), "; ") + ".",
            notListed: count.notListed.isEmpty
                ? nil : people(count.notListed.count, count.notListed.map { names[$0] }, ", ") + ".")
    }

    /// Each vote against the members entitled to vote, and whether it passed.
    static func votes(_ meeting: Meeting, cell: Cell, numeral: String) -> Votes {
        let base = meeting.votingBase(members: cell.members)
        let present = ApprovalWarnings.entitledPresent(meeting, members: cell.members)
        let items = meeting.votes.map { vote in
            Votes.Item(
                subject: vote.subject, votesFor: vote.votesFor, base: base.entitled,
                share: base.entitled > 0 ? Percent.text(Double(vote.votesFor) / Double(base.entitled)) : nil,
                against: vote.votesAgainst, abstentions: vote.abstentions, passed: base.passed(vote),
                impossible: vote.cast > present
                    ? "\(vote.cast) phiếu, nhiều hơn \(present) đảng viên có quyền biểu quyết có mặt" : nil)
        }
        return Votes(numeral: numeral, entitled: PrintText.people(base.entitled), items: items)
    }

    /// The reports on earlier tasks: what the task was, where it came from, how far it came.
    static func reports(
        _ meeting: Meeting, tasks: [ReviewedTask], names: PrintText.Names, numeral: String
    )
        -> Reports
    {
        let byID = Dictionary(tasks.map { ($0.task.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = meeting.taskReports.map { report in
            let reviewed = byID[report.taskID]
            return Reports.Item(
                task: reviewed.map { PrintText.trimmedOfPunctuation($0.task.text) } ?? "Nhiệm vụ \(report.taskID)",
                origin: reviewed.map { reviewed in
                    .init(
                        documentKind: reviewed.documentKind.vietnameseName, documentSymbol: reviewed.documentSymbol,
                        assignee: reviewed.task.assigneeID.map { names[$0] })
                },
                status: report.status.vietnameseName,
                note: report.note.flatMap { $0.isEmpty ? nil : PrintText.sentence($0) })
        }
        return Reports(numeral: numeral, items: items)
    }

    /// "Kỳ sinh hoạt kết thúc lúc 21 giờ 10 phút cùng ngày.", or the next day's date after midnight.
    static func endLine(_ meeting: Meeting) -> String {
        guard meeting.end < meeting.start, let next = meeting.date.nextDay else {
            return "Kỳ sinh hoạt kết thúc lúc \(PrintText.clock(meeting.end)) cùng ngày."
        }
        return "Kỳ sinh hoạt kết thúc lúc \(PrintText.clock(meeting.end)), \(next.vietnameseLong)."
    }
}
