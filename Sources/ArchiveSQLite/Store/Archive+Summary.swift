import ArchiveCore
import Dispatch
import GRDB
import Synchronization

extension Archive {
    /// The yearly meeting-quality summary of one cell.
    ///
    /// ```swift
    /// let summary = try archive.summary(year: 2024, cellID: "cb-phai-luong", today: LocalDate("2025-01-15")!)
    /// summary.cells[0].missingMonths   // [2]
    /// ```
    ///
    /// - parameter today: the day the report is made. For the year under way, months and
    ///   quarters not yet over are not counted as missed.
    /// - throws: `ArchiveError.notFound` for an unknown cell.
    public func summary(
        of period: SummaryPeriod, cellID: String, today: LocalDate, ratingBasis: Rating.Basis
    ) async throws -> YearSummary {
        try await pool.read { db in
            let summarizer = try Self.summarizer(db, period: period, today: today, ratingBasis: ratingBasis)
            var organizationNames: [String: String] = [:]
            let cell = try Self.countingFacts(
                db, cellID: cellID, with: summarizer, organizationNames: &organizationNames
            ).map { summarizer.summarize($0) }
            return YearSummary(
                year: period.year, asOf: summarizer.asOf, period: period, ratingBasis: ratingBasis,
                cells: cell.map { [$0] } ?? [])
        }
    }

    /// The yearly summary of every cell under a committee, sub-committees included, with the
    /// committee's totals; cells with the best share of Tốt first.
    ///
    /// - throws: `ArchiveError.notFound` for an unknown committee.
    public func summary(
        of period: SummaryPeriod, organizationID: String, today: LocalDate, ratingBasis: Rating.Basis
    ) async throws -> YearSummary {
        try await pool.read { db in
            try Self.committeeSummary(
                db, period: period, organizationID: organizationID, today: today, ratingBasis: ratingBasis)
        }
    }

    /// `summary(of:organizationID:…)` inside a read the caller holds.
    static func committeeSummary(
        _ db: Database, period: SummaryPeriod, organizationID: String, today: LocalDate, ratingBasis: Rating.Basis
    ) throws -> YearSummary {
        let reader = RecordReader(db: db)
        guard let organization = try reader.organization(id: organizationID) else {
            throw ArchiveError.notFound(id: organizationID)
        }
        let summarizer = try Self.summarizer(db, period: period, today: today, ratingBasis: ratingBasis)
        let cellIDs = try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE below(id) AS (
                    SELECT id FROM organization WHERE id = ?
                    UNION SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
                SELECT id FROM cell WHERE organization_id IN (SELECT id FROM below) ORDER BY id
                """, arguments: [organizationID])
        let cells = try summarizeInTurn(db, cellIDs: cellIDs, with: summarizer)
            // Each name's collation key made once, not at every comparison: a province sorts 10,000.
            .map { (cell: $0, key: VietnameseCollation.key($0.name)) }
            .sorted { a, b in
                let left = a.cell.goodShare ?? -1, right = b.cell.goodShare ?? -1
                if left != right { return left > right }
                // Ties in Vietnamese order: Ân Thi, Ba Vì, Bắc Sơn, Dương Xá, Đồng Tâm, Yên Bình.
                return a.key != b.key ? a.key < b.key : a.cell.cell < b.cell.cell
            }
            .map(\.cell)
        return YearSummary(
            year: period.year, asOf: summarizer.asOf, period: period,
            organization: OrganizationName(id: organization.id, name: organization.name),
            ratingBasis: ratingBasis, cells: cells, totals: CommitteeTotals(cells))
    }

    private static func summarizer(
        _ db: Database, period: SummaryPeriod, today: LocalDate, ratingBasis: Rating.Basis
    ) throws -> CellYearSummarizer {
        CellYearSummarizer(
            period: period, asOf: today, rubric: try RubricStore(db: db).load(), ratingBasis: ratingBasis)
    }

    /// The summaries of `cellIDs` that existed in the period, in their order.
    ///
    /// This thread reads each cell's records while another works out the summaries of the cells
    /// already read, so a committee's summary takes about the longer of the two instead of their
    /// sum (on a 10,000-cell province the rules are about two fifths of the time). Every read
    /// stays on `db`, in the caller's one read transaction: the summary sees one state of the
    /// archive. At most `pendingLimit` cells wait to be summarised, so memory stays bounded.
    private static func summarizeInTurn(
        _ db: Database, cellIDs: [String], with summarizer: CellYearSummarizer
    ) throws -> [CellYearSummary] {
        let pendingLimit = 128
        let results = Mutex([CellYearSummary?](repeating: nil, count: cellIDs.count))
        let rules = DispatchQueue(label: "sochibo.summary-rules", qos: .userInitiated)
        let pending = DispatchGroup()
        let room = DispatchSemaphore(value: pendingLimit)
        // Whatever happens to the reading, no work is left running once this returns.
        defer { pending.wait() }
        // Cells founded after the period (or after today within it) are not among its cells.
        // Their committees' names are read once each, not once per cell.
        var organizationNames: [String: String] = [:]
        for (index, cellID) in cellIDs.enumerated() {
            guard
                let facts = try countingFacts(
                    db, cellID: cellID, with: summarizer, organizationNames: &organizationNames,
                    onlyIfCovered: true)
            else { continue }
            room.wait()
            rules.async(group: pending) {
                let summary = summarizer.summarize(facts)
                results.withLock { $0[index] = summary }
                room.signal()
            }
        }
        pending.wait()
        return results.withLock { $0.compactMap { $0 } }
    }

    /// What one cell's summary is worked out from; `nil` when `onlyIfCovered` and the cell did
    /// not exist in the period. `organizationNames` holds the committees' names read so far, by
    /// identifier.
    private static func countingFacts(
        _ db: Database, cellID: String, with summarizer: CellYearSummarizer,
        organizationNames: inout [String: String], onlyIfCovered: Bool = false
    ) throws -> CellCountingFacts? {
        let reader = RecordReader(db: db)
        guard let cell = try reader.cell(id: cellID) else { throw ArchiveError.notFound(id: cellID) }
        if onlyIfCovered, !summarizer.covers(cell) { return nil }
        let (firstDay, lastDay) = (summarizer.period.firstDay, summarizer.period.lastDay)
        let meetings = try reader.meetingsForCounting(cellID: cellID, from: firstDay, through: lastDay)
        let documents = try reader.documentsForCounting(cellID: cellID, from: firstDay, through: lastDay)
        let first = firstDay.description, last = lastDay.description
        // The last report on each of the year's tasks made by the end of the year, in approved
        // minutes: a draft's reports are in none of the figures, like the draft itself.
        var taskStatus: [String: TaskReport.Status] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT r.task_id, r.status FROM task_report r
                    JOIN meeting m ON m.id = r.meeting_id
                    JOIN task t ON t.id = r.task_id JOIN document d ON d.id = t.document_id
                    WHERE d.cell_id = ? AND d.date BETWEEN ? AND ? AND m.date <= ? AND m.status = 'approved'
                    ORDER BY m.date, m.start_time, m.id, r.position
                    """), arguments: [cellID, first, last, last])
        while let row = try rows.next() {
            let taskID: String = row[0], status: String = row[1]
            taskStatus[taskID] = TaskReport.Status(rawValue: status)
        }
        let organizationName: String
        if let known = organizationNames[cell.organizationID] {
            organizationName = known
        } else {
            organizationName = try reader.organization(id: cell.organizationID)?.name ?? cell.organizationID
            organizationNames[cell.organizationID] = organizationName
        }
        return CellCountingFacts(
            cell: cell, organizationName: organizationName, meetings: meetings, documents: documents,
            taskStatus: taskStatus)
    }
}
