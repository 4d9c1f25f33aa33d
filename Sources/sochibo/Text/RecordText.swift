import ArchiveCore

/// Vietnamese text for `show`: a record laid out for reading in a terminal.
public enum RecordText {
    /// The record, with the figures the rules compute, statuses as of `today`; for a meeting
    /// or document with its `lifecycle`, the version and the content hash.
    public static func render(_ record: ArchiveRecord, today: LocalDate, lifecycle: RecordLifecycle? = nil) -> String {
        let body = render(record, today: today)
        guard let lifecycle else { return body }
        var fields: [(String, String?)] = []
        if case .meeting(let meeting, _) = record {
            fields.append(
                ("Trạng thái biên bản", meeting.status.vietnameseName + (meeting.isLocked ? " (đã khóa)" : "")))
        }
        let earlier = lifecycle.previous.map { "\($0.version)" }.joined(separator: ", ")
        fields.append(
            ("Phiên bản", "\(lifecycle.version)" + (earlier.isEmpty ? "" : " (các phiên bản trước: \(earlier))")))
        fields.append(("Mã sha256 nội dung", lifecycle.sha256))
        return body + "\n" + lines(fields)
    }

    private static func render(_ record: ArchiveRecord, today: LocalDate) -> String {
        switch record {
        case .organization(let organization):
            return lines([
                ("Đảng bộ", organization.name), ("Mã", organization.id), ("Cấp trên", organization.parentID),
            ])
        case .cell(let cell):
            let current = cell.members.filter { $0.belongsToCell(on: today) }
            let terms = cell.terms.map { term in
                "\(term.id) (từ \(term.start.vietnameseShort)\(term.end.map { " đến \($0.vietnameseShort)" } ?? ""))"
            }
            return lines([
                ("Chi bộ", cell.name), ("Mã", cell.id), ("Đảng bộ", cell.organizationID),
                ("Mã cơ quan ban hành", cell.issuerCode),
                ("Nhiệm kỳ", terms.isEmpty ? nil : terms.joined(separator: "; ")),
                ("Đảng viên hiện nay", "\(current.count) (\(cell.members.count) trong hồ sơ)"),
            ])
        case .member(let member, let cell):
            return self.member(member, cell: cell, today: today)
        case .meeting(let meeting, let cell):
            return self.meeting(meeting, cell: cell)
        case .document(let document, let cell):
            return self.document(document, cell: cell)
        }
    }

    private static func lines(_ fields: [(String, String?)]) -> String {
        fields.compactMap { label, value in value.map { "\(label): \($0)" } }.joined(separator: "\n")
    }

    private static func member(_ member: Member, cell: Cell, today: LocalDate) -> String {
        var fields: [(String, String?)] = [
            ("Đảng viên", member.fullName), ("Mã", member.id), ("Chi bộ", "\(cell.name) (\(cell.id))"),
            ("Năm sinh", member.birthYear.map(String.init)),
            ("Ngày vào Đảng", member.admitted.vietnameseShort),
            ("Ngày chính thức", member.confirmed?.vietnameseShort ?? "chưa (đảng viên dự bị)"),
            // Transferred in: official on joining, after the admission; else admitted in the cell.
            (
                member.joinedCell.map { joined in
                    joined > member.admitted && member.confirmed.map { $0 <= joined } == true
                } == true ? "Ngày chuyển đến" : "Ngày vào chi bộ",
                member.joinedCell?.vietnameseShort
            ),
            (
                "Ngày rời chi bộ",
                member.leftCell.map {
                    "\($0.vietnameseShort) (\((member.leaveReason ?? .other).vietnameseName))"
                }
            ),
            ("Sinh hoạt tạm thời", member.temporary ? "có" : nil),
            ("Tình trạng ngày \(today.vietnameseShort)", member.status(on: today).vietnameseName),
        ]
        for exemption in member.exemptions {
            fields.append(
                (
                    "Miễn sinh hoạt",
                    "từ \(exemption.from.vietnameseShort)\(exemption.to.map { " đến \($0.vietnameseShort)" } ?? ""): \(exemption.reason)"
                ))
        }
        for role in member.roles {
            fields.append(
                (
                    "Chức vụ",
                    "\(role.title.vietnameseName) từ \(role.from.vietnameseShort)\(role.to.map { " đến \($0.vietnameseShort)" } ?? "")"
                ))
        }
        for post in member.concurrentPosts {
            fields.append(
                (
                    "Kiêm nhiệm",
                    "\(post.title) từ \(post.from.vietnameseShort)\(post.to.map { " đến \($0.vietnameseShort)" } ?? "")"
                ))
        }
        return lines(fields)
    }

    private static func meeting(_ meeting: Meeting, cell: Cell) -> String {
        let names = Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: String) -> String { names[id] ?? id }
        let count = meeting.attendanceCount(members: cell.members)
        let base = meeting.votingBase(members: cell.members)
        var text = lines([
            ("Kỳ sinh hoạt", "\(meeting.kind.vietnameseName) ngày \(meeting.date.vietnameseShort)"),
            ("Mã", meeting.id), ("Chi bộ", "\(cell.name) (\(cell.id))"),
            (
                "Thời gian",
                "\(meeting.start)–\(meeting.end) (\(meeting.durationMinutes) phút; tối thiểu \(meeting.minimumMinutes))"
            ),
            ("Địa điểm", meeting.place), ("Chủ đề", meeting.topic),
            ("Chủ trì", name(meeting.chairID)), ("Thư ký", name(meeting.recorderID)),
            ("Khách mời", meeting.guests.isEmpty ? nil : meeting.guests.joined(separator: "; ")),
            (
                "Dự họp",
                "\(count.present)/\(count.expected) (\(Percent.text(count.rate))); vắng có lý do \(count.excused), không lý do \(count.unexcused)"
                    + (count.exemptPresent > 0 ? "; \(count.exemptPresent) đảng viên miễn sinh hoạt có dự" : "")
            ),
        ])
        let absent = meeting.attendance.filter { $0.presence != .present }
        if !absent.isEmpty {
            text += "\nVắng mặt:"
            for entry in absent {
                let why = entry.presence == .excused ? "có lý do" : "không lý do"
                text += "\n  - \(name(entry.memberID)) (\(why)\(entry.reason.map { ": \($0)" } ?? ""))"
            }
        }
        text += "\nNội dung:" + meeting.agenda.enumerated().map { "\n  \($0.offset + 1). \($0.element)" }.joined()
        text += "\nDiễn biến:" + meeting.proceedings.map { "\n  \($0)" }.joined()
        if !meeting.conclusion.isEmpty { text += "\nKết luận:" + meeting.conclusion.map { "\n  \($0)" }.joined() }
        let present = ApprovalWarnings.entitledPresent(meeting, members: cell.members)
        for vote in meeting.votes {
            // More ballots than members entitled and present cannot pass: the print says so too.
            let outcome =
                vote.cast > present
                ? "số phiếu không hợp lệ (\(vote.cast) phiếu, nhiều hơn \(present) đảng viên có quyền biểu quyết có mặt)"
                : base.passed(vote) ? "đạt" : "không đạt"
            text +=
                "\nBiểu quyết: \(vote.subject): \(vote.votesFor) tán thành, \(vote.votesAgainst) không tán thành, \(vote.abstentions) không biểu quyết / \(base.entitled) có quyền biểu quyết: \(outcome)"
        }
        for report in meeting.taskReports {
            text += "\nNhiệm vụ \(report.taskID): \(report.status.vietnameseName)\(report.note.map { ". \($0)" } ?? "")"
        }
        for rater in Rating.Rater.allCases {
            text +=
                "\n\(rater.vietnameseLabel): "
                + (meeting.rating(by: rater).map { $0.vietnameseSummary + ($0.note.map { ". \($0)" } ?? "") }
                    ?? "chưa xếp loại")
        }
        for attachment in meeting.attachments {
            text += "\nĐính kèm: \(attachment.name) (\(attachment.mediaType), \(attachment.content.count) byte)"
        }
        let findings = meeting.findings(members: cell.members)
        if !findings.isEmpty {
            text += "\nLưu ý:" + findings.map { "\n  - [\($0.code.rawValue)] \($0.message)" }.joined()
        }
        return text
    }

    private static func document(_ document: Document, cell: Cell) -> String {
        let names = Dictionary(cell.members.map { ($0.id, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        var text = lines([
            (document.kind.vietnameseName, document.title), ("Mã", document.id),
            ("Số, ký hiệu", document.symbol(issuerCode: cell.issuerCode) ?? "chưa có số"),
            ("Nhiệm kỳ", document.termID), ("Chi bộ", "\(cell.name) (\(cell.id))"),
            ("Ngày", "\(document.place), ngày \(document.date.vietnameseShort)"),
            ("Trạng thái", document.status.vietnameseName),
            ("Độ mật", document.classification == .none ? nil : document.classification.vietnameseName),
            ("Thông qua tại kỳ sinh hoạt", document.meetingID), ("Thay thế văn bản", document.supersedesID),
        ])
        text += "\n" + document.body.map { "  \($0)" }.joined(separator: "\n")
        for task in document.tasks {
            let who = task.assigneeID.map { " — \(names[$0] ?? $0)" } ?? ""
            text += "\nNhiệm vụ \(task.id): \(task.text)\(who)\(task.due.map { ", hạn \($0.vietnameseShort)" } ?? "")"
        }
        if let signature = document.signature {
            text +=
                "\nKý: "
                + [signature.authority, signature.title, names[signature.memberID] ?? signature.memberID]
                .compactMap { $0 }.joined(separator: " / ")
        }
        if !document.recipients.isEmpty { text += "\nNơi nhận: " + document.recipients.joined(separator: "; ") }
        for attachment in document.attachments {
            text += "\nĐính kèm: \(attachment.name) (\(attachment.mediaType), \(attachment.content.count) byte)"
        }
        return text
    }
}

/// Vietnamese text for `check`.
public enum CheckText {
    /// The report: soundness first, then the findings.
    public static func render(_ report: CheckReport) -> String {
        var text = ""
        let counted = RecordKind.allCases.compactMap { kind in
            report.checked[kind].map { "\($0) \(kind.vietnameseName)" }
        }.joined(separator: ", ")
        text += "Đã kiểm tra \(counted).\n"
        if report.problems.isEmpty {
            text += "Toàn vẹn dữ liệu: đạt (SQLite, tham chiếu, số văn bản, mã sha256 tệp đính kèm)."
        } else {
            text += "Toàn vẹn dữ liệu: KHÔNG ĐẠT, \(report.problems.count) lỗi:"
            text += report.problems.map { "\n  lỗi: \($0)" }.joined()
            if report.searchIndexStale {
                text += "\nChỉ mục tìm kiếm dựng lại được từ hồ sơ: hãy chạy `sochibo reindex`."
            }
        }
        text += report.notes.map { "\nLưu ý: \($0)." }.joined()
        if let head = report.logHead {
            // The whole hash here; printed reports carry its first digits, which it begins with.
            text +=
                "\n\(head.vietnameseLine) (mã đầy đủ \(head.chain); ghi lại để đối chiếu: ai viết lại nhật ký sẽ làm đổi mã này)."
        }
        if report.findings.isEmpty {
            text += "\nKhông có vi phạm quy định nào trong biên bản."
        } else {
            text += "\n\(report.findings.count) lưu ý về quy định (ghi nhận, không sửa hồ sơ gốc):"
            text += report.findings.map { "\n  lưu ý [\($0.code.rawValue)] \($0.subject): \($0.message)" }.joined()
        }
        return text
    }
}
