/// The few questions the record checks of an import ask of a store, answered synchronously
/// inside the store's write transaction (so they see what the import has written so far).
///
/// A store implements it once (`SQLiteLookup` in ArchiveSQLite, over prepared statements) and
/// then reuses every check in `ImportChecks`; a second store implements
/// the same few questions and nothing else. Implementations may cache answers that only the
/// caller's own writes can change (a member's cell, a cell's issuer code).
///
/// Every method throws only what the store throws (a disk or SQL error); "not found" is `nil`
/// or `false`, never an error.
public protocol ArchiveLookup {
    /// The cell of member `id`, or `nil` for a member the store does not hold.
    ///
    /// No date is asked: a member's identifier belongs to one cell for good (a member who
    /// moves to another cell is entered there under a new identifier; the import refuses
    /// anything else, `ImportRefusal.memberMoved`), so the cell on any date is this one.
    /// `domain.md` ("Members") has transfers in and out, and says nothing of identifiers.
    func cell(ofMember id: String) throws -> String?

    /// The cell whose minutes meeting `id` is, or `nil` for an unknown meeting.
    func cell(ofMeeting id: String) throws -> String?

    /// Whether cell `cellID` has a term with identifier `termID`.
    func hasTerm(_ termID: String, inCell cellID: String) throws -> Bool

    /// The issuer code of cell `id` (the part after the slash in "05-NQ/CB"), or `nil` for a
    /// cell the store does not hold: this is also how a check asks whether a cell exists.
    func issuerCode(ofCell id: String) throws -> String?

    /// The document other than `excludedID` that holds `number` in the sequence of (cell,
    /// type, term) — a document past draft, since drafts hold no number — or `nil` when the
    /// number is free. `termID` `nil` is the sequence of documents without a term.
    /// Numbering rules: `domain.md`, "Documents"; `LifecycleRules.nextNumber`.
    func holder(
        ofNumber number: Int, cellID: String, kind: Document.Kind, termID: String?, excluding excludedID: String
    ) throws -> String?

    /// The document that assigns task `id`, or `nil` for a task the store does not hold.
    func owner(ofTask id: String) throws -> String?

    /// Whether an organization (committee), cell, meeting or document with identifier `id`
    /// exists (members: `cell(ofMember:)`; tasks: `owner(ofTask:)`).
    func exists(_ kind: RecordKind, id: String) throws -> Bool

    /// The stored lock of a meeting or document: its current version and, when locked, the
    /// SHA-256 of its canonical content. `previous` is left empty (earlier versions are not
    /// read). `nil` for a record the store does not hold.
    func lock(of kind: RecordKind, id: String) throws -> RecordLifecycle?

    /// A meeting whose minutes report on task `id`, or `nil` when none does.
    func meeting(reportingOnTask id: String) throws -> String?
}
