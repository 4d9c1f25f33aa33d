import Foundation

/// The 100-point rubric a meeting is rated by: criteria with their points, and the lowest score
/// of each level. Localities set their own; the default is the common one in `domain.md`.
///
/// ```swift
/// let rubric = RatingRubric.standard
/// let score = try rubric.score(["time": 5, "attendance": 5, /* … */ "closing": 5])
/// rubric.level(for: score)   // .good when score ≥ 90
/// ```
public struct RatingRubric: Sendable, Hashable, Codable {
    /// One criterion and the most points it gives.
    public struct Criterion: Sendable, Hashable, Codable {
        /// A short identifier for the command line, e.g. `results`.
        public var id: String
        /// The criterion in Vietnamese, e.g. "Kết quả thực hiện nghị quyết kỳ trước".
        public var name: String
        /// The most points it gives.
        public var points: Int

        /// Creates a criterion.
        public init(id: String, name: String, points: Int) {
            self.id = id
            self.name = name
            self.points = points
        }
    }

    /// The lowest score of each level above Kém (a score below `average` is Kém).
    public struct Thresholds: Sendable, Hashable, Codable {
        /// Tốt from this score on.
        public var good: Int
        /// Khá from this score on.
        public var fair: Int
        /// Trung bình from this score on.
        public var average: Int

        /// Creates thresholds.
        public init(good: Int, fair: Int, average: Int) {
            self.good = good
            self.fair = fair
            self.average = average
        }
    }

    /// The criteria, in the order they are scored.
    public var criteria: [Criterion]
    /// The level thresholds.
    public var thresholds: Thresholds

    /// The most points in all: the criteria add up to this (100 for a valid rubric).
    /// (Saturating, so that a hand-written rubric with absurd points is refused, not a trap.)
    public var total: Int { criteria.reduce(0) { $0.addingSaturating($1.points) } }

    /// Creates a rubric; `validated()` says whether it can be used.
    public init(criteria: [Criterion], thresholds: Thresholds) {
        self.criteria = criteria
        self.thresholds = thresholds
    }

    /// The common 100-point rubric of `domain.md`: Tốt ≥ 90, Khá 70–89, Trung bình 50–69, Kém < 50.
    public static let standard = RatingRubric(
        criteria: [
            Criterion(id: "time", name: "Thời gian sinh hoạt", points: 5),
            Criterion(id: "attendance", name: "Tỷ lệ đảng viên dự sinh hoạt", points: 5),
            Criterion(id: "preparation", name: "Công tác chuẩn bị nội dung", points: 10),
            Criterion(id: "conduct", name: "Tiến hành sinh hoạt và thảo luận", points: 30),
            Criterion(id: "steering", name: "Vai trò điều hành của bí thư", points: 10),
            Criterion(id: "principles", name: "Thực hiện nguyên tắc sinh hoạt đảng", points: 5),
            Criterion(id: "results", name: "Kết quả thực hiện nghị quyết kỳ trước", points: 30),
            Criterion(id: "closing", name: "Kết luận và thông qua biên bản", points: 5),
        ],
        thresholds: Thresholds(good: 90, fair: 70, average: 50))

    /// The level a score earns.
    public func level(for score: Int) -> Rating.Level {
        if score >= thresholds.good { return .good }
        if score >= thresholds.fair { return .fair }
        if score >= thresholds.average { return .average }
        return .weak
    }

    /// The score for the points given to every criterion.
    ///
    /// - throws: `RatingRubric.Mistake` naming an unknown criterion, a criterion given twice
    ///   or not at all, or points outside `0...criterion.points`.
    public func score(_ points: [(criterion: String, points: Int)]) throws -> Int {
        var given: [String: Int] = [:]
        for (criterion, value) in points {
            guard let known = criteria.first(where: { $0.id == criterion }) else {
                throw Mistake(
                    "không có tiêu chí “\(criterion)”; các tiêu chí: \(criteria.map(\.id).joined(separator: ", "))")
            }
            guard given[criterion] == nil else { throw Mistake("tiêu chí \(criterion) được cho điểm hai lần") }
            guard (0...known.points).contains(value) else {
                throw Mistake("tiêu chí \(criterion) chỉ được từ 0 đến \(known.points) điểm, không phải \(value)")
            }
            given[criterion] = value
        }
        let missing = criteria.filter { given[$0.id] == nil }.map(\.id)
        guard missing.isEmpty else {
            throw Mistake("chưa cho điểm tiêu chí: \(missing.joined(separator: ", "))")
        }
        return given.values.reduce(0, +)
    }

    /// This rubric if it can be used: at least one criterion, identifiers of lowercase ASCII
    /// letters, digits and hyphens, given once each, positive points adding up to 100, and
    /// thresholds rising from Trung bình to Tốt within 1...100.
    ///
    /// - throws: `RatingRubric.Mistake` saying what is wrong.
    public func validated() throws -> RatingRubric {
        guard !criteria.isEmpty else { throw Mistake("thang điểm phải có ít nhất một tiêu chí") }
        var seen: Set<String> = []
        for criterion in criteria {
            let allowed = criterion.id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
            guard !criterion.id.isEmpty, allowed else {
                throw Mistake(
                    "mã tiêu chí “\(criterion.id)” chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang")
            }
            guard seen.insert(criterion.id).inserted else { throw Mistake("tiêu chí \(criterion.id) bị lặp") }
            guard !criterion.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Mistake("tiêu chí \(criterion.id) chưa có tên")
            }
            guard criterion.points > 0 else { throw Mistake("tiêu chí \(criterion.id) phải có điểm tối đa lớn hơn 0") }
        }
        guard total == 100 else { throw Mistake("tổng điểm các tiêu chí phải là 100, không phải \(total)") }
        let levels = thresholds
        guard 0 < levels.average, levels.average < levels.fair, levels.fair < levels.good, levels.good <= 100 else {
            throw Mistake(
                "ngưỡng xếp loại phải tăng dần trong khoảng 1–100: Trung bình < Khá < Tốt (đang là \(levels.average), \(levels.fair), \(levels.good))"
            )
        }
        return self
    }

    /// A rubric or a rating that cannot be used, said in Vietnamese.
    public struct Mistake: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var description: String

        /// A mistake described by `description`.
        public init(_ description: String) { self.description = description }
    }
}
