import ArchiveCore
import GRDB

/// Reads and writes the archive's rating rubric inside a read or write of the façade.
struct RubricStore {
    let db: Database

    /// The rubric in force.
    func load() throws -> RatingRubric {
        let criteria = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, name, points FROM rubric_criterion ORDER BY position")
        ).map { RatingRubric.Criterion(id: $0[0], name: $0[1], points: $0[2]) }
        var minimums: [String: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT level, minimum FROM rubric_threshold")) {
            minimums[row[0]] = row[1]
        }
        guard let good = minimums["good"], let fair = minimums["fair"], let average = minimums["average"] else {
            throw ArchiveError.corrupt("thang điểm xếp loại thiếu ngưỡng")
        }
        return RatingRubric(criteria: criteria, thresholds: .init(good: good, fair: fair, average: average))
    }

    /// Replaces the rubric in force with `rubric`, which must be valid.
    func save(_ rubric: RatingRubric) throws {
        let rubric = try rubric.validated()
        try db.execute(sql: "DELETE FROM rubric_criterion; DELETE FROM rubric_threshold;")
        for (position, criterion) in rubric.criteria.enumerated() {
            try db.execute(
                sql: "INSERT INTO rubric_criterion (id, position, name, points) VALUES (?, ?, ?, ?)",
                arguments: [criterion.id, position, criterion.name, criterion.points])
        }
        let thresholds = rubric.thresholds
        for (level, minimum) in [("good", thresholds.good), ("fair", thresholds.fair), ("average", thresholds.average)]
        {
            try db.execute(
                sql: "INSERT INTO rubric_threshold (level, minimum) VALUES (?, ?)", arguments: [level, minimum])
        }
    }
}
