/// The Vietnamese words of the member register: its refusals and reasons for leaving.
extension RegisterRefusal {
    /// The sentence, without a final full stop, saying what to do.
    public var vietnameseDescription: String {
        switch self {
        case .futureDate(let date, let today):
            "ngày \(date.vietnameseShort) chưa đến (hôm nay là \(today.vietnameseShort)); chỉ ghi việc đã xảy ra"
        case .emptyName:
            "chưa ghi tên; hãy ghi đủ họ và tên"
        case .emptyUnitName(let kind):
            kind == .cell
                ? "chưa ghi tên chi bộ; hãy ghi tên, ví dụ Chi bộ thôn Nà Pàn"
                : "chưa ghi tên \(kind.vietnameseName); hãy ghi tên đầy đủ, ví dụ Đảng bộ xã Hợp Thành"
        case .invalidIdentifier(let id):
            "mã «\(id)» không dùng được: chỉ gồm chữ không dấu, chữ số, dấu gạch ngang, dấu chấm hoặc gạch dưới"
        case .invalidIssuerCode(let code):
            "ký hiệu «\(code)» không dùng được: chỉ gồm 1 đến \(MemberRules.maximumIssuerCodeLength) chữ cái, không có số, dấu cách hay dấu gạch, ví dụ CB (để trống là CB)"
        case .identifierTooLong(let length, let maximum):
            "mã dài \(Percent.grouped(length)) ký tự, quá dài: mã chỉ được tối đa \(maximum) ký tự; hãy ghi mã ngắn hơn"
        case .termTaken(let id):
            "chi bộ này đã có nhiệm kỳ \(id); hãy chọn nhiệm kỳ đó trong danh sách, hoặc ghi mã khác cho nhiệm kỳ mới"
        case .identifierTaken(let id, let kind):
            "mã \(id) đã là mã của một \(kind.vietnameseName); hãy chọn mã khác"
        case .implausibleBirthYear(let year):
            "năm sinh \(year) không hợp lý; hãy ghi năm sinh bốn chữ số, ví dụ 1975"
        case .birthYearInFuture(let year, let thisYear):
            "năm sinh \(year) chưa đến (năm nay là \(thisYear)); hãy xem lại năm sinh, ghi bốn chữ số, ví dụ 1975"
        case .tooYoungAtAdmission(let year, let admitted) where year > admitted:
            "năm sinh \(year) lại sau năm kết nạp \(admitted); hãy xem lại năm sinh và ngày kết nạp"
        case .tooYoungAtAdmission(let year, let admitted):
            "sinh năm \(year) thì năm kết nạp \(admitted) mới \(admitted - year) tuổi, mà người vào Đảng phải đủ 18 tuổi; hãy xem lại năm sinh và ngày kết nạp"
        case .alreadyInCell(let member, let year):
            "chi bộ đã có đồng chí \(member), sinh năm \(year), đang sinh hoạt; chưa ghi thêm lần nữa. "
                + "Nếu đúng là một người khác trùng họ tên và năm sinh, hãy ghi họ tên kèm dấu phân biệt, ví dụ “\(member) (B)”"
        case .joinedBeforeAdmission(let joined, let admitted):
            "ngày vào chi bộ (\(joined.vietnameseShort)) trước ngày kết nạp (\(admitted.vietnameseShort)); hãy xem lại hai ngày này"
        case .probationNotOver(let member, let date, let earliest):
            "chưa thể công nhận đồng chí \(member) là đảng viên chính thức ngày \(date.vietnameseShort): phải đủ 12 tháng dự bị kể từ ngày kết nạp, tức từ ngày \(earliest.vietnameseShort)"
        case .alreadyOfficial(let member, let since):
            "đồng chí \(member) đã là đảng viên chính thức từ ngày \(since.vietnameseShort)"
        case .beforeMembership(let member, let date, let start) where date == start:
            // Only leaving refuses the first day itself: one leaves after the day one joined.
            "ngày \(date.vietnameseShort) cũng là ngày đồng chí \(member) vào chi bộ; ngày ra khỏi chi bộ phải sau ngày vào chi bộ, hãy xem lại ngày"
        case .beforeMembership(let member, let date, let start):
            "ngày \(date.vietnameseShort) trước khi đồng chí \(member) sinh hoạt ở chi bộ (từ ngày \(start.vietnameseShort)); hãy xem lại ngày"
        case .afterLeaving(let member, let date, let left):
            "ngày \(date.vietnameseShort) không ghi được: đồng chí \(member) đã ra khỏi chi bộ từ ngày \(left.vietnameseShort)"
        case .memberStillNamed(let member, let referrers):
            "chưa bỏ được đồng chí \(member): \(referrers.count) bản ghi có tên đồng chí ("
                + referrers.prefix(5).joined(separator: ", ") + (referrers.count > 5 ? ", …" : "")
                + "); chỉ bỏ được đảng viên ghi nhầm chưa có trong biên bản hay văn bản nào — "
                + "đồng chí đã sinh hoạt ở chi bộ thì hãy ghi ngày ra khỏi chi bộ"
        case .alreadyLeft(let member, let left):
            "đồng chí \(member) đã ra khỏi chi bộ từ ngày \(left.vietnameseShort); không ghi lần nữa"
        case .endBeforeStart(let from, let to):
            "ngày kết thúc (\(to.vietnameseShort)) trước ngày bắt đầu (\(from.vietnameseShort)); hãy xem lại hai ngày này"
        case .missingText(let field):
            "chưa ghi “\(field)”; hãy ghi rồi lưu lại"
        case .invalidReportNumber(let number):
            "số báo cáo «\(number)» không dùng được: chỉ ghi con số, ví dụ 25 (để trống nếu chưa có số)"
        case .textTooLong(let field, let maximum):
            "phần “\(field)” dài quá \(Percent.grouped(maximum)) ký tự; hãy rút gọn rồi lưu lại"
        case .tooManyRecipients(let maximum):
            "nơi nhận nhiều quá \(maximum) dòng, hoặc có dòng quá 200 ký tự; hãy rút gọn"
        case .exemptionOverlaps(let member, let from):
            "đồng chí \(member) đã được miễn sinh hoạt trong khoảng này (từ ngày \(from.vietnameseShort)); hãy kết thúc lần miễn đó trước"
        case .noOpenExemption(let member):
            "đồng chí \(member) không có lần miễn sinh hoạt nào đang để ngỏ ngày kết thúc"
        case .secretaryTaken(_, let holder, let from):
            "chi bộ đang có bí thư là đồng chí \(holder) (từ ngày \(from.vietnameseShort)); mỗi lúc chỉ có một bí thư, hãy ghi ngày thôi giữ chức của đồng chí ấy trước"
        case .officeAlreadyHeld(let member, let title):
            "đồng chí \(member) đang giữ chức \(title.vietnameseName.lowercased()) trong khoảng này"
        case .officeNotHeld(let member, let title):
            "đồng chí \(member) không đang giữ chức \(title.vietnameseName.lowercased())"
        case .listRefused(let problems):
            "chưa nạp ai cả: danh sách có \(problems.count) lỗi; sửa trong bảng tính rồi nạp lại cả tệp"
        case .termOverlaps(_, let termID):
            "nhiệm kỳ mới trùng thời gian với nhiệm kỳ \(termID) của chi bộ; hãy ghi ngày kết thúc nhiệm kỳ đó trước"
        }
    }
}

extension Member.LeaveReason {
    /// The leaving as a phrase with its day: "từ trần ngày 15/12/2024" (a death happens on a
    /// day), "chuyển sinh hoạt đi từ 01/03/2025" (the others hold from that day on).
    public func vietnamesePhrase(on date: LocalDate) -> String {
        self == .deceased
            ? "\(vietnameseName) ngày \(date.vietnameseShort)" : "\(vietnameseName) từ \(date.vietnameseShort)"
    }

    /// Why the member left, in Vietnamese: "chuyển sinh hoạt đi", "từ trần", "xóa tên", "khác".
    public var vietnameseName: String {
        switch self {
        case .transferred: "chuyển sinh hoạt đi"
        case .deceased: "từ trần"
        case .removed: "xóa tên"
        case .other: "lý do khác"
        }
    }
}
