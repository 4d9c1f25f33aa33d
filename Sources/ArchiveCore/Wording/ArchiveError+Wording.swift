/// The Vietnamese sentences of the core's errors, written once for every front end. None
/// names a command or a page: the command line and the web app add their own hint.
extension ArchiveError {
    /// The sentence a person reads, without a final full stop, e.g. "không tìm thấy np-2099-01
    /// trong kho lưu trữ". A refused import or form is its count; its problems come one per
    /// line from `ImportProblem.description` and `FormProblem.description`.
    public var vietnameseDescription: String {
        switch self {
        case .notAnArchive(let directory, let reason):
            "\(directory) không phải kho lưu trữ Sổ Chi Bộ (\(reason.vietnameseDescription))"
        case .busy(let directory):
            "kho lưu trữ \(directory) đang bận (một lần nhập khác đang ghi); chưa ghi gì cả, hãy thử lại sau ít phút"
        case .alreadyExists(let directory):
            "\(directory) đã có kho lưu trữ; không tạo lại để tránh mất dữ liệu"
        case .importRefused(let problems):
            "không nhập gì cả: \(problems.count) lỗi; kho lưu trữ giữ nguyên như trước"
        case .notFound(let id):
            "không tìm thấy \(id) trong kho lưu trữ"
        case .wrongKind(let id, let kind, let expected):
            "\(id) là mã của một \(kind.vietnameseName), không phải \(expected == .meeting ? "biên bản kỳ sinh hoạt" : expected.vietnameseName)"
        case .noSuchRecord(let typed, let closest):
            (typed.isEmpty
                ? "chưa ghi mã biên bản hay văn bản"
                : "không có biên bản hay văn bản nào mã «\(typed.count > 80 ? typed.prefix(80) + "…" : typed)»")
                + (closest.isEmpty ? "" : "; có phải: " + closest.map(\.label).joined(separator: "; ") + "?")
        case .noSuchName(let typed, let kind, let closest):
            (kind == .meeting
                ? "không có biên bản nào ứng với «\(typed)» (chi bộ và ngày họp)"
                : "không có \(kind.vietnameseName) nào tên hay mã «\(typed)»")
                + (closest.isEmpty
                    ? "" : "; có phải: " + closest.map(\.label).joined(separator: "; ") + "?")
        case .committeeNotCell(let typed, let organization):
            "«\(typed)» là \(organization), một đảng bộ, không phải chi bộ"
        case .ambiguousName(let typed, let kind, let candidates):
            "«\(typed)» có thể là \(candidates.count) \(kind.vietnameseName): "
                + candidates.map(\.label).joined(separator: "; ") + "; hãy ghi mã của một \(kind.vietnameseName)"
        case .ambiguousRecord(let typed, let candidates):
            "«\(typed)» có thể là \(candidates.count) bản ghi: "
                + candidates.map(\.label).joined(separator: "; ") + "; hãy ghi mã của một bản ghi"
        case .dayMistyped(let typed, .invalid(let text)):
            "«\(typed)»: " + (LocalDate.Typed.impossibleDay(text) ?? "\(text) không phải một ngày có thật")
        case .dayMistyped(let typed, let day):
            day.problem(label: typed) ?? "«\(typed)» không ghi một ngày có thật"
        case .noRecordNamed(let typed, let closest):
            "không có chi bộ, đảng bộ, đảng viên, biên bản hay văn bản nào tên hay mã «\(typed.count > 80 ? typed.prefix(80) + "…" : typed)»"
                + (closest.isEmpty ? "" : "; có phải: " + closest.map(\.label).joined(separator: "; ") + "?")
        case .notPrintable(let id, let kind):
            "\(id) là mã của một \(kind.vietnameseName); chỉ in được biên bản kỳ sinh hoạt hoặc văn bản (nghị quyết, kế hoạch…)"
        case .noVersions(let id):
            "\(id) không có phiên bản: chỉ biên bản và văn bản mới có phiên bản"
        case .corrupt(let detail):
            "kho lưu trữ bị hỏng: \(detail)"
        case .cannotWrite(let path, let reason):
            "không ghi được \(path): \(reason)"
        case .lifecycle(let refusal):
            refusal.vietnameseDescription
        case .logNeedsWholeArchive:
            "nhật ký chỉ xuất cùng toàn bộ kho, không kèm một phần (chi bộ, đảng bộ hay năm)"
        case .formRefused(let problems):
            "chưa lưu gì cả: \(problems.count) lỗi trong mẫu"
        case .numberingExhausted(let cellID, let kind, let termID, let highest):
            "không còn số cho \(kind.vietnameseName.lowercased()) của chi bộ \(cellID)"
                + (termID.map { " trong nhiệm kỳ \($0)" } ?? "")
                + ": số lớn nhất đã dùng là \(highest), vượt quá \(Document.maximumNumber); chưa ban hành gì"
        case .readOnly(let directory):
            "kho lưu trữ \(directory) chỉ cho đọc (không có quyền ghi vào tệp hoặc thư mục, hay ổ đĩa chỉ cho đọc); chưa ghi gì cả"
        case .locked(let record):
            record.sentence
        case .stillReferenced(let id, let referrers):
            Self.stillReferencedSentence(id: id, referrers: referrers)
        case .queryTooLong(let words, let maximum):
            "câu tìm kiếm quá dài"
                + (words.map { " (\($0) từ)" } ?? "")
                + ": chỉ tìm với tối đa \(maximum) từ; hãy bớt từ rồi tìm lại"
        case .register(let refusal):
            refusal.vietnameseDescription
        case .readOnlyNeedsUpgrade(let directory):
            "kho lưu trữ \(directory) được tạo bởi phiên bản cũ và cần nâng cấp, nhưng chỉ cho đọc; hãy sao chép nó vào một thư mục ghi được"
        case .unconfirmedWarnings(let meetingID, let warnings):
            "chưa thông qua biên bản \(meetingID): có \(warnings.count) cảnh báo chưa được xác nhận"
        case .unconfirmedCorrectionWarnings(let meetingID, let warnings):
            "chưa ghi đính chính biên bản \(meetingID): bản sửa có \(warnings.count) cảnh báo chưa được xác nhận"
        case .unconfirmedRegisterChange(let member, let changes):
            "chưa ghi gì: ghi như vậy cho đồng chí \(member) thì số liệu của "
                + ApprovedMinutesChange.listed(changes)
                + "; hãy xem lại ngày đã ghi, và nếu đúng là như vậy thì xác nhận rồi ghi lại"
        case .changedSince(let id, let actor, _):
            "chưa lưu: \(actor) đã lưu \(id) sau khi đồng chí mở nó; hãy mở lại bản mới nhất rồi sửa tiếp"
        }
    }
}

extension NotAnArchiveReason {
    /// Why, in a few Vietnamese words: "thư mục không tồn tại".
    public var vietnameseDescription: String {
        switch self {
        case .noDirectory: "thư mục không tồn tại"
        case .noDatabase(let fileName): "không có tệp \(fileName)"
        case .foreignDatabase(let fileName): "\(fileName) không phải cơ sở dữ liệu của Sổ Chi Bộ"
        case .unreadable(let fileName, let detail): "không đọc được \(fileName) (\(detail))"
        case .damaged(let fileName): "tệp \(fileName) bị hỏng, có thể do chép dở hoặc ổ đĩa lỗi"
        }
    }
}

extension LifecycleRefusal {
    /// The sentence, without a final full stop.
    public var vietnameseDescription: String {
        switch self {
        case .alreadyApproved(let meetingID):
            "biên bản \(meetingID) đã được thông qua rồi"
        case .notADraft(let documentID, let status):
            "văn bản \(documentID) đã ở trạng thái “\(status.vietnameseName)”, chỉ ban hành được dự thảo"
        case .noTermOnDate(let cellID, let date):
            "chi bộ \(cellID) không có nhiệm kỳ nào vào ngày \(date.vietnameseShort) để đánh số văn bản"
        case .correctingADraft(let kind, let id):
            "\(kind == .meeting ? "biên bản" : "văn bản") \(id) còn là dự thảo: sửa thẳng, không cần đính chính"
        case .correctionMovesMeeting:
            "đính chính không được chuyển biên bản sang chi bộ khác"
        case .correctionOntoOtherMeeting(let existing, let date, let kind):
            "ngày \(date.vietnameseShort) chi bộ đã có biên bản \(existing) (\(kind.vietnameseName)); "
                + "đính chính không được làm thành hai biên bản của một kỳ sinh hoạt. "
                + "Hãy kiểm tra lại ngày và loại sinh hoạt trong mẫu"
        case .correctionChangesDocumentCellOrType:
            "đính chính không được đổi chi bộ hay loại của văn bản"
        case .correctionLeavesTerm(let termID, let date):
            "ngày \(date.vietnameseShort) nằm ngoài nhiệm kỳ \(termID), nhiệm kỳ mà số của văn bản thuộc về; "
                + "đính chính chỉ sửa ngày trong nhiệm kỳ đó (văn bản của nhiệm kỳ khác là một văn bản mới, số mới)"
        case .correctionDropsReportedTask(let taskID, let meetingID):
            "không bỏ được nhiệm vụ \(taskID): kỳ sinh hoạt \(meetingID) đã báo cáo về nhiệm vụ này"
        case .correctionChangesNothing(let id):
            "nội dung đính chính giống hệt phiên bản hiện hành của \(id)"
        case .committeeRatingADraft(let id):
            "biên bản \(id) chưa được thông qua; đảng ủy chỉ xếp loại kỳ sinh hoạt đã thông qua biên bản"
        }
    }
}

extension LifecycleRefusal {
    /// The sentence as the record's own web page says it, without a final full stop: the page
    /// names the record already, so no identifier (of the record, its cell or its meeting) is
    /// repeated to the person reading it.
    public var pageDescription: String {
        switch self {
        case .alreadyApproved:
            "biên bản này đã được thông qua rồi"
        case .notADraft(_, let status):
            "văn bản này đã ở trạng thái “\(status.vietnameseName)”, chỉ ban hành được dự thảo"
        case .noTermOnDate(_, let date):
            "chi bộ chưa có nhiệm kỳ nào vào ngày \(date.vietnameseShort) để đánh số văn bản; "
                + "hãy nhờ quản trị mở nhiệm kỳ của chi bộ rồi ban hành lại"
        case .correctingADraft(let kind, _):
            "\(kind == .meeting ? "biên bản" : "văn bản") này còn là dự thảo: sửa thẳng, không cần đính chính"
        case .correctionDropsReportedTask:
            "không bỏ được nhiệm vụ này: một kỳ sinh hoạt sau đã báo cáo về nhiệm vụ đó"
        case .correctionChangesNothing:
            "nội dung đính chính giống hệt phiên bản hiện hành; hãy sửa chỗ cần đính chính rồi lưu lại"
        case .committeeRatingADraft:
            "biên bản này chưa được thông qua; đảng ủy chỉ xếp loại kỳ sinh hoạt đã thông qua biên bản"
        case .correctionMovesMeeting, .correctionChangesDocumentCellOrType, .correctionLeavesTerm,
            .correctionOntoOtherMeeting:
            vietnameseDescription
        }
    }
}

extension RecordKind {
    /// The Vietnamese noun, e.g. "chi bộ".
    public var vietnameseName: String {
        switch self {
        case .organization: "đảng bộ"
        case .cell: "chi bộ"
        case .member: "đảng viên"
        case .meeting: "kỳ sinh hoạt"
        case .document: "văn bản"
        }
    }
}

extension RecordKind {
    /// The sentence for an identifier another kind of record holds, without a final full stop.
    package static func identifierTaken(_ id: String, by holder: RecordKind, where place: String) -> String {
        "mã \(id) đã là mã của một \(holder.vietnameseName) \(place); mỗi mã chỉ dùng cho một bản ghi"
    }
}

extension LockedRecord {
    /// Why the record cannot change, without naming any command: "biên bản X đã được thông qua
    /// nên đã khóa; chỉ sửa được bằng một bản đính chính (phiên bản mới)".
    public var sentence: String {
        let what = kind == .meeting ? "biên bản \(id) đã được thông qua" : "văn bản \(id) đã ban hành"
        return "\(what) nên đã khóa; chỉ sửa được bằng một bản đính chính (phiên bản mới), không lưu đè hay xóa"
    }
}

extension ArchiveError {
    /// The sentence for a draft that other records still refer to.
    public static func stillReferencedSentence(id: String, referrers: [String]) -> String {
        "chưa bỏ \(id): còn \(referrers.count) bản ghi dẫn tới nó (\(referrers.joined(separator: ", "))); hãy bỏ hoặc sửa các bản ghi đó trước"
    }
}

extension ApprovedMinutesChange {
    /// What changes in these minutes, e.g. "ngày 15/01/2024: có mặt 10/12 thành 10/13, có
    /// quyền biểu quyết 12 thành 13, biểu quyết “Thông qua nghị quyết” thành không đạt".
    public var vietnameseDescription: String {
        var parts: [String] = []
        if presentBefore != presentAfter || expectedBefore != expectedAfter {
            parts.append("có mặt \(presentBefore)/\(expectedBefore) thành \(presentAfter)/\(expectedAfter)")
        }
        if entitledBefore != entitledAfter {
            parts.append("có quyền biểu quyết \(entitledBefore) thành \(entitledAfter) đảng viên")
        }
        if membersBefore != membersAfter {
            parts.append("tổng số đảng viên \(membersBefore) thành \(membersAfter)")
        }
        if exemptBefore != exemptAfter {
            parts.append("miễn sinh hoạt \(exemptBefore) thành \(exemptAfter)")
        }
        for vote in turnedVotes {
            parts.append("biểu quyết “\(vote.subject)” thành \(vote.passesAfter ? "đạt" : "không đạt")")
        }
        for vote in overcountedVotes {
            parts.append(
                "biểu quyết “\(vote.subject)” thành không hợp lệ (\(vote.cast) phiếu, nhiều hơn \(vote.entitledPresent) "
                    + "đảng viên có quyền biểu quyết có mặt)")
        }
        return "ngày \(date.vietnameseShort): " + parts.joined(separator: ", ")
    }

    /// "3 biên bản đã thông qua sẽ đổi: ngày …; ngày …; ngày …": the first three, and every
    /// one whose vote turns or becomes invalid (up to ten), in full; the others counted ("và 9
    /// biên bản khác, đến ngày 20/11/2024").
    public static func listed(_ changes: [ApprovedMinutesChange]) -> String {
        let votes = changes.filter(\.changesAVote).prefix(10).map(\.meetingID)
        let named = Set(changes.prefix(3).map(\.meetingID) + votes)
        let shown = changes.filter { named.contains($0.meetingID) }
        let rest = changes.count - shown.count
        return "\(changes.count) biên bản đã thông qua sẽ đổi: "
            + shown.map(\.vietnameseDescription).joined(separator: "; ")
            + (rest > 0 ? "; và \(rest) biên bản khác, đến ngày \(changes.last!.date.vietnameseShort)" : "")
    }
}

extension LocalDate.Typed {
    /// Why a typed value is not a date, for the field or option `label`; `nil` for a date.
    ///
    /// ```swift
    /// LocalDate.typed("28/12/24").problem(label: "Ngày")
    /// // "“Ngày” ghi năm bằng hai chữ số (28/12/24): hãy ghi đủ bốn chữ số, ví dụ 28/12/2024"
    /// ```
    public func problem(label: String) -> String? {
        switch self {
        case .date: nil
        case .twoDigitYear(let text):
            "“\(label)” ghi năm bằng hai chữ số (\(text)): hãy ghi đủ bốn chữ số của năm, ví dụ 28/12/2024"
        case .invalid(let text) where Self.impossibleDay(text) != nil:
            "“\(label)”: " + Self.impossibleDay(text)!
        case .invalid(let text):
            "“\(label)” phải là một ngày có thật, dạng ngày/tháng/năm (28/12/2024) hoặc năm-tháng-ngày (2024-12-28): \(text)"
        }
    }

    /// Why `text`, written as a day (`31/02/2024`, `2024-02-31`), is none: "ngày 31/02/2024
    /// không có thật: tháng 2 năm 2024 chỉ có 29 ngày", "không có tháng 13"; nil when it is
    /// not written as a day at all.
    public static func impossibleDay(_ text: String) -> String? {
        let numbers: [Int]
        if let match = text.wholeMatch(of: #/(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})/#) {
            numbers = [Int(match.1)!, Int(match.2)!, Int(match.3)!]
        } else if let match = text.wholeMatch(of: #/(\d{4})-(\d{1,2})-(\d{1,2})/#) {
            numbers = [Int(match.3)!, Int(match.2)!, Int(match.1)!]
        } else {
            return nil
        }
        let (day, month, year) = (numbers[0], numbers[1], numbers[2])
        guard (1...12).contains(month) else { return "ngày \(text) không có thật: không có tháng \(month)" }
        let days = LocalDate.daysIn(month: month, year: year)
        guard day >= 1, day > days else { return day < 1 ? "ngày \(text) không có thật: không có ngày 0" : nil }
        return "ngày \(text) không có thật: tháng \(month) năm \(year) chỉ có \(days) ngày"
    }

    /// The date, if it is one.
    public var date: LocalDate? {
        if case .date(let date) = self { return date }
        return nil
    }
}
