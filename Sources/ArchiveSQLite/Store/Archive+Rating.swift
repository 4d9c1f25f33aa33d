import ArchiveCore
import GRDB
import LibXML

extension Archive {
    /// The rubric meetings are rated by in this archive (the standard one until set).
    public func rubric() async throws -> RatingRubric {
        try await pool.read { db in try RubricStore(db: db).load() }
    }

    /// Makes `rubric` the one meetings are rated by from now on. Ratings already recorded stay
    /// as they are; `summary` and `check` report any whose score now earns another level.
    ///
    /// - returns: the rubric as stored (names in NFC, trimmed).
    /// - throws: `RatingRubric.Mistake` when it cannot be used; nothing is changed then.
    @discardableResult
    public func setRubric(_ rubric: RatingRubric) async throws -> RatingRubric {
        var normalized = rubric
        normalized.criteria = rubric.criteria.map {
            RatingRubric.Criterion(
                id: TextNormalization.trimmed($0.id), name: TextNormalization.nfc(TextNormalization.trimmed($0.name)),
                points: $0.points)
        }
        let valid = try normalized.validated()
        try await write { db in try RubricStore(db: db).save(valid) }
        return valid
    }

    /// Rates a meeting by the archive's rubric: adds up the points given to every criterion,
    /// finds the level, and records both as the rating of `rater` (the cell's self-assessment
    /// or the committee's, two facts kept apart, `domain.md` "Who rates"), with `note` as the
    /// assessment when given (the same rater's earlier assessment is kept otherwise). One transaction with the search index and a
    /// `rate` entry in the audit log. Approved minutes may be rated: the rating is an
    /// assessment of the minutes, not part of their locked content.
    ///
    /// ```swift
    /// try archive.rate(meetingID: "pl-2024-03", points: [("time", 5), ("attendance", 5), …])
    /// ```
    ///
    /// - returns: the rating recorded.
    /// - throws: `ArchiveError.notFound` for an unknown meeting; `RatingRubric.Mistake` for
    ///   an unknown criterion, one given twice or not at all, or points out of range;
    ///   `ArchiveError.lifecycle(.committeeRatingADraft)` when the committee rates a draft.
    @discardableResult
    public func rate(
        meetingID: String, points: [(criterion: String, points: Int)], note: String? = nil,
        by rater: Rating.Rater, context: AuditContext
    ) async throws -> Rating {
        try await write { db in
            let reader = RecordReader(db: db)
            guard var meeting = try reader.meeting(id: meetingID) else { throw ArchiveError.notFound(id: meetingID) }
            if rater == .committee, meeting.status == .draft {
                throw ArchiveError.lifecycle(.committeeRatingADraft(meetingID: meetingID))
            }
            let rubric = try RubricStore(db: db).load()
            let score = try rubric.score(points)
            if let note, !XMLStreamWriter.isWritable(note) {
                throw RatingRubric.Mistake("lời nhận xét có ký tự điều khiển, không lưu được")
            }
            let note = note.map { TextNormalization.nfc(TextNormalization.trimmed($0)) }.flatMap {
                $0.isEmpty ? nil : $0
            }
            let rating = Rating(
                level: rubric.level(for: score), score: score, note: note ?? meeting.rating(by: rater)?.note)
            let prefix = rater == .cell ? "rating_" : "committee_rating_"
            try db.execute(
                sql: "UPDATE meeting SET \(prefix)level = ?, \(prefix)score = ?, \(prefix)note = ? WHERE id = ?",
                arguments: [rating.level.rawValue, rating.score, rating.note, meetingID])
            switch rater {
            case .cell: meeting.rating = rating
            case .committee: meeting.committeeRating = rating
            }
            try SearchIndexer(db: db).index(meeting)
            // The rating is not part of the minutes' content: a locked meeting keeps its hash.
            let lifecycle = try VersionStore(db: db).lifecycle(kind: .meeting, id: meetingID)
            try AuditLog(db: db).append(
                .rate, kind: .meeting, record: meetingID, version: lifecycle?.version,
                sha256: try lifecycle?.sha256 ?? CanonicalContent.sha256(.meeting(meeting)), context: context)
            return rating
        }
    }
}
