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

    /// The criterion a person means by `written`: its identifier (`results`), or its
    /// Vietnamese name or some words of it (the last perhaps unfinished), with or without
    /// marks, any case, hyphens or underscores for spaces (“Kết quả thực hiện nghị quyết kỳ
    /// trước”, `ket-qua`, “kết quả”, “chuẩn bị”). Words at the start of a name win over words
    /// inside one, so “thực hiện” is “Thực hiện nguyên tắc…”, not “Kết quả thực hiện…”.
    ///
    /// - throws: `RatingRubric.Mistake` when no criterion, or more than one, is meant.
    public func criterion(written: String) throws -> Criterion {
        if let exact = criteria.first(where: { $0.id == written }) { return exact }
        func words(_ text: String) -> [String] {
            VietnameseText.fold(text.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " "))
                .split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        let typed = words(written)
        guard let last = typed.last else { throw Mistake("thiếu tên tiêu chí trước dấu =") }
        // The words typed, the last one perhaps unfinished, at `start` of a name's words.
        func matches(_ name: [String], at start: Int) -> Bool {
            guard start + typed.count <= name.count else { return false }
            return zip(typed.dropLast(), name[start...]).allSatisfy { $0 == $1 }
                && name[start + typed.count - 1].hasPrefix(last)
        }
        let names = criteria.map { words($0.name) }
        if let whole = criteria.indices.first(where: { names[$0] == typed }) { return criteria[whole] }
        // First the names that begin so, then the names that hold the words anywhere.
        var named = criteria.indices.filter { matches(names[$0], at: 0) }.map { criteria[$0] }
        if named.isEmpty {
            named = criteria.indices.filter { index in
                names[index].indices.contains { matches(names[index], at: $0) }
            }.map { criteria[$0] }
        }
        if named.count == 1 { return named[0] }
        let listed = criteria.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        if named.isEmpty { throw Mistake("không có tiêu chí “\(written)”; các tiêu chí: \(listed)") }
        throw Mistake(
            "“\(written)” có thể là nhiều tiêu chí: \(named.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")); hãy viết rõ hơn"
        )
    }

    /// The score for the points given to every criterion, each named as `criterion(written:)`
    /// reads it.
    ///
    /// - throws: `RatingRubric.Mistake` naming an unknown criterion, a criterion given twice
    ///   or not at all, or points outside `0...criterion.points`.
    public func score(_ points: [(criterion: String, points: Int)]) throws -> Int {
        var given: [String: Int] = [:]
        for (written, value) in points {
            let known = try criterion(written: written)
            let criterion = known.id
            guard given[criterion] == nil else { throw Mistake("tiêu chí “\(known.name)” được cho điểm hai lần") }
            guard (0...known.points).contains(value) else {
                throw Mistake("tiêu chí “\(known.name)” chỉ được từ 0 đến \(known.points) điểm, không phải \(value)")
            }
            given[criterion] = value
        }
        let missing = criteria.filter { given[$0.id] == nil }.map { "“\($0.name)”" }
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
