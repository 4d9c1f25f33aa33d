/// The Vietnamese sentences of the warnings before approval, written once for every front end.
extension ApprovalWarning {
    /// The sentence a person reads before confirming, e.g. "cuộc họp chỉ kéo dài 60 phút, ít
    /// hơn 90 phút tối thiểu", without a final full stop.
    public var vietnameseDescription: String {
        switch self {
        case .votesExceedPresent(let subject, let cast, let entitledPresent):
            "biểu quyết “\(subject)” có \(cast) phiếu, nhiều hơn \(entitledPresent) đảng viên có quyền biểu quyết có mặt"
        case .chairAbsent(let name):
            "người chủ trì \(name) lại được ghi là vắng mặt"
        case .recorderAbsent(let name):
            "thư ký \(name) lại được ghi là vắng mặt"
        case .membersNotListed(let names):
            "danh sách dự họp thiếu \(names.count) đảng viên của chi bộ ngày đó (không ghi có mặt, cũng không ghi vắng): \(names.joined(separator: ", "))"
        case .noConclusion:
            "biên bản chưa có kết luận"
        case .tooShort(let minutes, let minimum):
            "cuộc họp chỉ kéo dài \(minutes) phút, ít hơn \(minimum) phút tối thiểu"
        case .secondRegularInMonth(_, let otherDate):
            "tháng \(otherDate.month)/\(otherDate.year) chi bộ đã có biên bản sinh hoạt thường kỳ khác (ngày \(otherDate.vietnameseShort))"
        case .ratingMismatch(let score, let recorded, let earned):
            "chi bộ tự đánh giá loại \(recorded.vietnameseName) nhưng \(score) điểm theo thang điểm là loại \(earned.vietnameseName)"
        }
    }
}
