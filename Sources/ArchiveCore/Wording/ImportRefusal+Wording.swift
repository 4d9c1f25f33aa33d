/// The Vietnamese words of the import's refusals, each worded once.
extension ImportRefusal {
    /// The sentence, without a final full stop, as `sochibo import` and the inbox page show it.
    ///
    /// ```swift
    /// ImportRefusal.memberOfOtherCell(member: "dv-07", memberCell: "cb-ban-ho", cellID: "cb-na-pan")
    ///     .vietnameseDescription
    /// // "đảng viên dv-07 thuộc chi bộ cb-ban-ho, không thuộc chi bộ cb-na-pan"
    /// ```
    package var vietnameseDescription: String {
        switch self {
        case .cannotOpen(let reason):
            "không mở được tệp (\(reason))"
        case .cannotOpenOther(let error):
            "không mở được tệp: \(error)"
        case .notAnArchive(let root, let namespace):
            "không phải tệp lưu trữ Sổ Chi Bộ: phần tử gốc <\(root)>, "
                + (namespace.map { "không gian tên \($0)" } ?? "không có không gian tên")
                + " (cần <archive> trong \(ArchiveFormat.namespace))"
        case .input(let refusal):
            refusal.vietnamese
        case .attachmentLimitSetting(let value):
            "biến môi trường SOCHIBO_ATTACHMENT_LIMIT_BYTES=«\(value)» không phải một số byte lớn hơn 0 "
                + "(ví dụ 52428800 cho 50 MB); hãy sửa hoặc bỏ biến này rồi nhập lại"
        case .truncated(let line):
            "tệp dừng giữa chừng ở dòng \(line), chưa đến thẻ đóng </archive>: tệp chưa được chép hay tải về hết; "
                + "hãy chép lại tệp từ bản gốc (hoặc xuất lại từ Sổ Chi Bộ) rồi nhập lại"
        case .changesApprovedMinutes(let cell, let changes):
            "các đảng viên trong tệp làm đổi số liệu của \(cell): " + ApprovedMinutesChange.listed(changes)
                + "; hãy xem lại ngày vào chi bộ, công nhận, miễn sinh hoạt hay ra khỏi chi bộ trong tệp, và nếu đúng "
                + "là như vậy thì nhập lại có xác nhận (trên dòng lệnh: sochibo import --confirm TỆP; trên trang Nhận tệp: "
                + "đánh dấu ô xác nhận)"
        case .contentAfterRoot(let rootEndLine, true):
            "tệp có hai bản lưu trữ nối liền nhau: bản thứ nhất kết thúc ở thẻ đóng </archive> dòng \(rootEndLine), "
                + "bản thứ hai bắt đầu ở đây; mỗi tệp chỉ chứa một bản, hãy nhập từng tệp gốc (có thể ghi nhiều tệp "
                + "trong một lần nhập)"
        case .contentAfterRoot(let rootEndLine, false):
            "còn nội dung thừa sau thẻ đóng </archive> (dòng \(rootEndLine)), là nơi tệp lưu trữ kết thúc: "
                + "hãy xóa phần thừa này (hoặc xuất lại tệp từ Sổ Chi Bộ) rồi nhập lại"
        case .encodingDeclared(let declared):
            "tệp khai báo bảng mã \(declared), nhưng định dạng lưu trữ là UTF-8 (hoặc UTF-16 có BOM): "
                + "hãy lưu lại tệp với bảng mã UTF-8 và sửa dòng khai báo thành encoding=\"UTF-8\""
        case .entityReference(let message):
            "nội dung bị từ chối: tệp dùng tham chiếu thực thể (\(message))"
        case .entityExpansion(let message):
            "nội dung bị từ chối (bom mở rộng thực thể): \(message)"
        case .notXML:
            "tệp trống hoặc không phải tệp XML của Sổ Chi Bộ: hãy chọn tệp .xml đã xuất từ Sổ Chi Bộ "
                + "(lệnh sochibo export hoặc nút tải về), không phải tệp Word, Excel hay ảnh"
        case .malformed(let message):
            "XML sai cú pháp (\(XMLMessageWording.parser(message) ?? message)): tệp bị hỏng hoặc đã bị sửa tay; "
                + "hãy xuất lại tệp từ Sổ Chi Bộ rồi gửi lại"
        case .schema(let message):
            "không đúng định dạng của Sổ Chi Bộ (lược đồ archive-1.xsd): \(XMLMessageWording.schema(message))"
        case .identifierTaken(let id, let holder, let line):
            RecordKind.identifierTaken(id, by: holder, where: line.map { "ở dòng \($0)" } ?? "trong kho")
        case .identifierRepeated(let id, let kind, let line):
            "mã \(id) đã dùng cho một \(Self.noun(elementName: kind)) khác ở dòng \(line); mỗi mã chỉ dùng một lần"
        case .missing(let kind, let id):
            "\(kind.vietnameseName) \(id) không có trong tệp hay trong kho"
        case .memberOfOtherCell(let member, let memberCell, let cellID):
            "đảng viên \(member) thuộc chi bộ \(memberCell), không thuộc chi bộ \(cellID)"
        case .meetingOfOtherCell(let meeting, let meetingCell, let cellID):
            "kỳ sinh hoạt \(meeting) là của chi bộ \(meetingCell), không phải \(cellID)"
        case .termNotInCell(let term, let cellID):
            "nhiệm kỳ \(term) không có trong chi bộ \(cellID)"
        case .ownParent(let organization):
            "đảng bộ \(organization) không thể là cấp trên của chính mình"
        case .invalidIssuerCode(let code):
            RegisterRefusal.invalidIssuerCode(code).vietnameseDescription
        case .memberMoved(let member, let otherCell):
            "đảng viên \(member) đã thuộc chi bộ \(otherCell); một đảng viên chuyển chi bộ cần mã mới"
        case .symbolMismatch(let declared, let expected, let number):
            "ký hiệu \(declared) không khớp với số của văn bản: "
                + (expected.map { "số \(number ?? 0) cho ký hiệu \($0)" } ?? "văn bản chưa có số")
        case .numberTaken(let symbol, let termID, let cellID, let holder):
            "số \(symbol)\(termID.map { " nhiệm kỳ \($0)" } ?? "") của chi bộ \(cellID) đã được dùng cho văn bản \(holder)"
        case .taskOfOtherDocument(let task, let owner):
            "nhiệm vụ \(task) đã thuộc văn bản \(owner)"
        case .reportedTaskDropped(let task, let document, let meeting):
            "tệp bỏ nhiệm vụ \(task) khỏi văn bản \(document), nhưng kỳ sinh hoạt \(meeting) đã báo cáo về nhiệm vụ này"
        case .sameMeeting(let id, let existing, let status, let cellID, let date, let kind, let place):
            Self.sameMeeting(
                id: id, existing: existing, status: status, cellID: cellID, date: date, kind: kind, place: place)
        case .lockedContentChanged(let kind, let id):
            "\(Self.locked(kind, id)) nên đã khóa; tệp này sửa nội dung của nó. Muốn sửa, hãy ghi đính chính (phiên bản cũ được giữ lại)"
        case .meetingStatusBackwards(let id, let from, let to):
            "\(Self.locked(.meeting, id)); không thể chuyển từ trạng thái “\(from.vietnameseName)” sang “\(to.vietnameseName)”"
        case .documentStatusBackwards(let id, let from, let to):
            "\(Self.locked(.document, id)); không thể chuyển từ trạng thái “\(from.vietnameseName)” sang “\(to.vietnameseName)”"
        case .versionMismatch(let id, let fileVersion, let storedVersion):
            "tệp ghi \(id) ở phiên bản \(fileVersion), kho đang giữ phiên bản \(storedVersion)"
        case .logEntryIncomplete:
            "mục nhật ký không đủ thuộc tính"
        case .logChainBroken(let sequence):
            "nhật ký trong tệp bị sửa hoặc thiếu ở mục \(sequence): chuỗi mã không khớp"
        case .logCutAtItsEnd(let written, let read):
            "nhật ký trong tệp sao lưu bị cắt: khi xuất có \(written) mục"
                + (written == read ? " với mục cuối khác" : ", nay chỉ còn \(read) mục")
                + "; chưa khôi phục gì; nếu vẫn cần các bản ghi, hãy nhập lại mà không khôi phục nhật ký "
                + "(sochibo import --without-log TỆP)"
        case .logDoesNotMatchRecords(let problems):
            "nhật ký trong tệp sao lưu không khớp với các bản ghi của chính tệp ("
                + problems.prefix(3).joined(separator: "; ")
                + (problems.count > 3 ? "; và \(problems.count - 3) chỗ khác" : "")
                + "): tệp có thể đã bị cắt bớt hoặc sửa tay, nên chưa khôi phục gì; nếu vẫn cần các bản ghi, "
                + "hãy nhập lại mà không khôi phục nhật ký (sochibo import --without-log TỆP)"
        case .cannotWrite(let error):
            "không ghi được bản ghi: \(error)"
        case .constraintViolated(let error):
            "dữ liệu vi phạm ràng buộc của kho: \(error)"
        }
    }

    /// The sentence of `sameMeeting`: what is already there, that nothing was imported, and
    /// the two ways on (the same code updates the draft; another day or kind if it is another
    /// meeting), as `FilingRules.Mismatch` words the same case for a form.
    private static func sameMeeting(
        id: String, existing: String, status: Meeting.Status, cellID: String, date: LocalDate, kind: Meeting.Kind,
        place: SameMeetingPlace
    ) -> String {
        let meeting = "kỳ \(kind.vietnameseName) ngày \(date.vietnameseShort) của chi bộ \(cellID)"
        switch place {
        case .archive:
            let what = status == .draft ? "dự thảo biên bản \(existing)" : "biên bản \(existing) (đã thông qua)"
            let update =
                status == .draft
                ? "hãy ghi id=\"\(existing)\" thay cho id=\"\(id)\" để cập nhật dự thảo đó"
                : "hãy ghi id=\"\(existing)\" thay cho id=\"\(id)\" (biên bản đã thông qua chỉ sửa được bằng đính chính)"
            return "kho đã có \(what) của \(meeting); không nhập gì để không thành hai biên bản của một kỳ. "
                + "Nếu biên bản \(id) là biên bản đó, \(update); nếu là một kỳ khác, hãy sửa ngày hoặc loại cho đúng"
        case .sameFile(let line), .otherFile(_, let line):
            let whereItIs: String
            if case .otherFile(let file, _) = place {
                whereItIs = "trong tệp \(file) (dòng \(line))"
            } else {
                whereItIs = "ở dòng \(line) của tệp này"
            }
            return "biên bản \(existing) \(whereItIs) cũng là \(meeting); không nhập gì để không thành hai biên bản "
                + "của một kỳ. Hãy giữ một trong hai biên bản (cùng một mã), hoặc sửa ngày hoặc loại của biên bản \(id) cho đúng"
        }
    }

    /// "biên bản X đã được thông qua" or "văn bản X đã ban hành": why a record is locked.
    private static func locked(_ kind: RecordKind, _ id: String) -> String {
        kind == .meeting ? "biên bản \(id) đã được thông qua" : "văn bản \(id) đã ban hành"
    }

    /// The noun of a record's element name ("task" → "nhiệm vụ"), the name itself if unknown.
    private static func noun(elementName: String) -> String {
        SourceReference.Kind(rawValue: elementName)?.vietnameseName ?? elementName
    }
}

extension SourceReference.Kind {
    /// The Vietnamese noun, e.g. "nhiệm vụ".
    package var vietnameseName: String {
        switch self {
        case .organization: RecordKind.organization.vietnameseName
        case .cell: RecordKind.cell.vietnameseName
        case .member: RecordKind.member.vietnameseName
        case .meeting: RecordKind.meeting.vietnameseName
        case .document: RecordKind.document.vietnameseName
        case .task: "nhiệm vụ"
        case .term: "nhiệm kỳ"
        }
    }
}

extension ImportReport {
    /// The note of a carried audit log restored into an empty archive (`count` entries).
    package static func logRestoredNote(entries count: Int) -> String {
        "đã khôi phục nhật ký \(count) mục từ tệp sao lưu"
    }

    /// The note of a committee's report a file carried that differs from the archive's,
    /// which was kept.
    package static func reportKeptNote(organization: String, period: String) -> String {
        "báo cáo kỳ \(period) của \(organization) trong kho được giữ nguyên; bản trong tệp khác bản trong kho "
            + "nhưng việc nhập tệp không bao giờ ghi đè báo cáo của đảng ủy"
    }

    /// The note of the committee's reports an import added.
    package static func reportsAddedNote(_ count: Int) -> String {
        "đã nhập \(count) báo cáo của đảng ủy"
    }

    /// The note of a carried audit log left aside because the person asked so (`--without-log`).
    package static let logLeftAsideNote =
        "không khôi phục nhật ký trong tệp (theo yêu cầu); mỗi bản ghi có một mục “nhập tệp” mới"

    /// The note of a carried audit log left out because the archive was not empty.
    package static let logNotRestoredNote =
        "nhật ký trong tệp không được khôi phục vì kho không trống; mỗi bản ghi thay đổi có một mục “nhập tệp” mới"
}
