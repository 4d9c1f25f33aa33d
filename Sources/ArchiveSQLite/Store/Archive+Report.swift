import ArchiveCore
import Foundation
import GRDB

extension Archive {
    /// The committee's report on `period`: the period's summary over every cell under it, the
    /// same period a year earlier, and what the office wrote into it (the defaults until it
    /// saves its own), all read in one transaction. Levels are counted by `ratingBasis`.
    ///
    /// ```swift
    /// let report = try await archive.committeeReport(
    ///     of: SummaryPeriod(year: 2024), organizationID: "dbx-hop-thanh", today: today)
    /// ```
    ///
    /// - throws: `ArchiveError.notFound` for an unknown committee.
    public func committeeReport(
        of period: SummaryPeriod, organizationID: String, today: LocalDate, ratingBasis: Rating.Basis
    ) async throws -> CommitteeReport {
        try await pool.read { db in
            let reader = RecordReader(db: db)
            guard let organization = try reader.organization(id: organizationID) else {
                throw ArchiveError.notFound(id: organizationID)
            }
            let parentName = try organization.parentID.flatMap { try reader.organization(id: $0)?.name }
            let summary = try Self.committeeSummary(
                db, period: period, organizationID: organizationID, today: today, ratingBasis: ratingBasis)
            let previous = try Self.committeeSummary(
                db, period: period.yearEarlier, organizationID: organizationID, today: today, ratingBasis: ratingBasis)
            let stored = try Row.fetchOne(
                db, sql: "SELECT * FROM committee_report WHERE organization_id = ? AND period = ?",
                arguments: [organizationID, period.key])
            let text = try stored.map(Self.reportText) ?? ReportText.defaults(for: organization)
            return CommitteeReport(
                organization: organization, parentName: parentName, summary: summary, previous: previous, text: text,
                saved: stored.map { CommitteeReport.Saved(by: $0["saved_by"], at: $0["saved_at"]) }, today: today)
        }
    }

    /// Saves what the office wrote into its report on `period`, replacing what it saved
    /// before, with an audit entry (`write-report`, record `ORGANIZATION/PERIOD`). One
    /// transaction.
    ///
    /// - returns: the text as stored (cleaned, see `ReportText.validated()`).
    /// - throws: what `ReportText.validated()` throws; `ArchiveError.notFound` for an unknown
    ///   committee.
    @discardableResult
    public func saveReportText(
        _ text: ReportText, organizationID: String, period: SummaryPeriod, context: AuditContext
    ) async throws -> ReportText {
        let text = try text.validated()
        return try await write { db in
            guard try RecordReader(db: db).organization(id: organizationID) != nil else {
                throw ArchiveError.notFound(id: organizationID)
            }
            try Self.store(
                SavedReportText(period: period.key, text: text, savedBy: context.actor, savedAt: context.time),
                organizationID: organizationID, replacing: true, db)
            try AuditLog(db: db).append(
                .writeReport, subject: "report", record: "\(organizationID)/\(period.key)", version: nil, sha256: nil,
                context: context)
            return text
        }
    }

    /// A committee's saved reports, by period (of `year` only, when given), for an export.
    static func savedReports(_ db: Database, organizationID: String, year: Int?) throws -> [SavedReportText] {
        let year = year.map(String.init)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM committee_report WHERE organization_id = ? AND (? IS NULL OR substr(period, 1, 4) = ?)
                ORDER BY period
                """,
            arguments: [organizationID, year, year]
        ).map(savedReport)
    }

    /// The report of `organizationID` on `period` as stored, if any.
    static func savedReport(_ db: Database, organizationID: String, period: String) throws -> SavedReportText? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM committee_report WHERE organization_id = ? AND period = ?",
            arguments: [organizationID, period]
        ).map(savedReport)
    }

    private static func savedReport(_ row: Row) throws -> SavedReportText {
        SavedReportText(
            period: row["period"], text: try reportText(row), savedBy: row["saved_by"], savedAt: row["saved_at"])
    }

    /// Stores a report: one the office saved (`replacing` what it saved before), or one a file
    /// carried (an import's, whose caller checked there is none).
    static func store(_ report: SavedReportText, organizationID: String, replacing: Bool, _ db: Database) throws {
        let text = report.text
        try db.execute(
            sql: """
                INSERT \(replacing ? "OR REPLACE " : "")INTO committee_report (organization_id, period, number, place, date, strengths,
                    shortcomings, directions, signer_title, signer_name, recipients, saved_by, saved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                organizationID, report.period, text.number, text.place, text.date?.description, text.strengths,
                text.shortcomings, text.directions, text.signerTitle.rawValue, text.signerName,
                text.recipients.joined(separator: "\n"), report.savedBy, report.savedAt,
            ])
    }

    private static func reportText(_ row: Row) throws -> ReportText {
        let dateText: String? = row["date"]
        let recipients: String = row["recipients"]
        guard let title = ReportText.SignerTitle(rawValue: row["signer_title"]) else {
            throw ArchiveError.corrupt("báo cáo có người ký không hợp lệ")
        }
        return ReportText(
            number: row["number"], place: row["place"], date: dateText.flatMap { LocalDate($0) },
            strengths: row["strengths"], shortcomings: row["shortcomings"], directions: row["directions"],
            signerTitle: title, signerName: row["signer_name"],
            recipients: recipients.split(separator: "\n").map(String.init))
    }
}
