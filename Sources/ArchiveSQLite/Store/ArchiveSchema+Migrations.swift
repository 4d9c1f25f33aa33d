import ArchiveCore
import GRDB

/// The database schema, as a sequence of migrations from the first version on.
///
/// The database enforces what it can: NOT NULL, CHECK constraints on every enumerated
/// column, foreign keys (deferred, so that one import may refer forward within its file),
/// and a unique index on issued document numbers.
enum ArchiveMigrations {
    /// `PRAGMA application_id` of an archive: "SCB1". Tells our file from any other SQLite file.
    static let applicationID: Int32 = 0x5343_4231

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: archive core", migrate: createCore)
        migrator.registerMigration("v2: full-text search", migrate: createSearch)
        migrator.registerMigration("v3: rating rubric", migrate: createRubric)
        migrator.registerMigration("v4: lifecycle, versions and audit log", migrate: createLifecycle)
        migrator.registerMigration("v5: search text stored once", migrate: storeSearchTextOnce)
        migrator.registerMigration("v6: discarded drafts, Đ look-alikes, tone placement", migrate: foldLookAlikes)
        migrator.registerMigration("v7: accounts", migrate: createAccounts)
        migrator.registerMigration("v8: committee ratings", migrate: addCommitteeRatings)
        migrator.registerMigration("v9: member register actions in the audit log", migrate: widenRegisterActions)
        migrator.registerMigration("v10: correction reasons") { db in
            // Why a version was replaced, as the person correcting wrote it (web: required).
            try db.execute(sql: "ALTER TABLE record_version ADD COLUMN reason TEXT")
        }
        migrator.registerMigration("v11: committee reports", migrate: createCommitteeReports)
        migrator.registerMigration("v12: the audit log's head kept apart", migrate: keepAuditHead)
        migrator.registerMigration("v13: accounts enabled again and changed") { db in
            try rebuildAuditLog(db, actions: registerActions + ["write-report", "enable-account", "change-account"])
        }
        migrator.registerMigration("v14: members found by their given name", migrate: indexGivenNames)
        return migrator
    }

    /// Each member's given name, folded (`NamedPerson.givenNameKey`), in a column of its own
    /// with an index: a search that may name a person reads the few members it names instead of
    /// folding every member's name (42,000 at 2,100 cells, a third of a second a query).
    private static func indexGivenNames(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE member ADD COLUMN given_name_key TEXT NOT NULL DEFAULT '';
                CREATE INDEX member_given_name ON member(given_name_key);
                """)
        let update = try db.makeStatement(sql: "UPDATE member SET given_name_key = ? WHERE id = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, full_name FROM member")
        while let row = try rows.next() {
            try update.execute(arguments: [NamedPerson.givenNameKey(of: row[1]), row[0] as String])
        }
    }

    /// The number and chain hash of the audit log's last entry, kept in a row of their own by a
    /// trigger on every entry written, so that `check` sees the last entries deleted with the
    /// `sqlite3` shell (the chain alone cannot: what is left of it is whole). Whoever owns the
    /// file can rewrite this row too; the head printed on reports is what a committee keeps.
    private static func keepAuditHead(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL,
                    chain_sha256 TEXT NOT NULL
                );
                INSERT INTO audit_head (id, seq, chain_sha256)
                    SELECT 1, seq, chain_sha256 FROM audit_log ORDER BY seq DESC LIMIT 1;
                """)
        try followAuditHead(db)
    }

    /// The trigger that keeps `audit_head` on the log's last entry (v12); a rebuilt log needs
    /// it again, since DROP TABLE takes a table's triggers with it.
    private static func followAuditHead(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER audit_head_follows AFTER INSERT ON audit_log BEGIN
                    INSERT INTO audit_head (id, seq, chain_sha256) VALUES (1, NEW.seq, NEW.chain_sha256)
                    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, chain_sha256 = excluded.chain_sha256
                    WHERE excluded.seq >= audit_head.seq;
                END;
                """)
    }

    /// The committee's rating of a meeting, kept beside the cell's own (`rating_*`): two facts,
    /// neither overwriting the other. Existing ratings stay the cell's.
    private static func addCommitteeRatings(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE meeting ADD COLUMN committee_rating_level TEXT
                    CHECK (committee_rating_level IN ('good', 'fair', 'average', 'weak'));
                ALTER TABLE meeting ADD COLUMN committee_rating_score INTEGER
                    CHECK (committee_rating_score BETWEEN 0 AND 100);
                ALTER TABLE meeting ADD COLUMN committee_rating_note TEXT;
                """)
    }

    /// The audit log's actions of the member register and of setting up committees, cells and
    /// terms (`admit`, `confirm`, … `create`, `add-term`): the CHECK on `action` is widened by
    /// rebuilding the table as in v7, entries and chain copied as they are.
    private static func widenRegisterActions(_ db: Database) throws {
        try rebuildAuditLog(db, actions: registerActions)
    }

    /// The actions the log allows from v9 on. Written out, not taken from
    /// `AuditEntry.Action.allCases`: a migration must mean the same thing whenever it runs.
    private static let registerActions = [
        "import", "file", "approve", "issue", "correct", "rate", "discard", "restore", "upgrade", "add-account",
        "change-password", "disable-account", "admit", "transfer-in", "attach", "confirm", "exempt",
        "end-exemption", "transfer-out", "death", "remove", "leave", "take-office", "leave-office", "add-post",
        "create", "add-term",
    ]

    /// The committee's reports: what the office writes into each (`ReportText`), one per
    /// committee and period, and the audit log's action for saving it (`write-report`).
    private static func createCommitteeReports(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE committee_report (
                    organization_id TEXT NOT NULL REFERENCES organization(id),
                    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]*'),
                    number TEXT NOT NULL DEFAULT '',
                    place TEXT NOT NULL,
                    date TEXT,
                    strengths TEXT NOT NULL DEFAULT '',
                    shortcomings TEXT NOT NULL DEFAULT '',
                    directions TEXT NOT NULL DEFAULT '',
                    signer_title TEXT NOT NULL CHECK (signer_title IN ('secretary', 'deputy-secretary')),
                    signer_name TEXT NOT NULL DEFAULT '',
                    recipients TEXT NOT NULL DEFAULT '',
                    saved_by TEXT NOT NULL,
                    saved_at TEXT NOT NULL,
                    PRIMARY KEY (organization_id, period)
                ) WITHOUT ROWID;
                """)
        try rebuildAuditLog(db, actions: registerActions + ["write-report"])
    }

    /// The audit log rebuilt with `actions` as the CHECK on `action`, the way SQLite widens a
    /// CHECK (create, copy, drop, rename): entries and chain copied as they are, the index and
    /// the append-only triggers back on the new table. DROP TABLE fires no DELETE trigger.
    private static func rebuildAuditLog(_ db: Database, actions: [String]) throws {
        let actions = actions.map { "'\($0)'" }.joined(separator: ", ")
        try db.execute(
            sql: """
                CREATE TABLE audit_log_v8 (
                    seq INTEGER PRIMARY KEY CHECK (seq > 0),
                    time TEXT NOT NULL,
                    actor TEXT NOT NULL CHECK (actor <> ''),
                    action TEXT NOT NULL CHECK (action IN (\(actions))),
                    kind TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    version INTEGER,
                    content_sha256 TEXT,
                    chain_sha256 TEXT NOT NULL CHECK (length(chain_sha256) = 64)
                );
                INSERT INTO audit_log_v8 SELECT seq, time, actor, action, kind, record_id, version,
                    content_sha256, chain_sha256 FROM audit_log;
                DROP TABLE audit_log;
                ALTER TABLE audit_log_v8 RENAME TO audit_log;
                CREATE INDEX audit_log_record ON audit_log(record_id, seq);
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        // From v12 on, the head follows the log: its trigger went with the old table.
        if try db.tableExists("audit_head") { try followAuditHead(db) }
    }

    /// The web app's accounts, and the audit log's actions about them.
    ///
    /// The log's CHECK on `action` names every action, so it is widened by rebuilding the table
    /// as SQLite prescribes (create, copy, drop, rename): the entries are copied as they are,
    /// chain included, and the append-only triggers come back on the new table. DROP TABLE
    /// fires no DELETE trigger.
    private static func createAccounts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE account (
                    name TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
                    role TEXT NOT NULL CHECK (role IN ('admin', 'committee', 'secretary')),
                    cell_id TEXT REFERENCES cell(id) DEFERRABLE INITIALLY DEFERRED,
                    organization_id TEXT REFERENCES organization(id) DEFERRABLE INITIALLY DEFERRED,
                    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
                    password_bcrypt TEXT NOT NULL CHECK (password_bcrypt LIKE '$2_$%'),
                    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
                    created TEXT NOT NULL,
                    CHECK (role <> 'secretary' OR (cell_id IS NOT NULL AND organization_id IS NULL)),
                    CHECK (role <> 'committee' OR (organization_id IS NOT NULL AND cell_id IS NULL)),
                    CHECK (role <> 'admin' OR (cell_id IS NULL AND organization_id IS NULL))
                );

                CREATE TABLE audit_log_v7 (
                    seq INTEGER PRIMARY KEY CHECK (seq > 0),
                    time TEXT NOT NULL,
                    actor TEXT NOT NULL CHECK (actor <> ''),
                    action TEXT NOT NULL CHECK (action IN
                        ('import', 'file', 'approve', 'issue', 'correct', 'rate', 'discard', 'restore', 'upgrade',
                         'add-account', 'change-password', 'disable-account')),
                    kind TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    version INTEGER,
                    content_sha256 TEXT,
                    chain_sha256 TEXT NOT NULL CHECK (length(chain_sha256) = 64)
                );
                INSERT INTO audit_log_v7 SELECT seq, time, actor, action, kind, record_id, version,
                    content_sha256, chain_sha256 FROM audit_log;
                DROP TABLE audit_log;
                ALTER TABLE audit_log_v7 RENAME TO audit_log;
                CREATE INDEX audit_log_record ON audit_log(record_id, seq);
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
    }

    /// Lifecycle and audit: minutes get a status (rated minutes count as approved, as the
    /// format says for records without one); meetings and documents get a version and the
    /// SHA-256 of their canonical content; earlier versions and the audit log live in tables
    /// that refuse UPDATE and DELETE. Every record already held gets an `upgrade` log entry.
    private static func createLifecycle(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE meeting ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'approved'));
                ALTER TABLE meeting ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0);
                ALTER TABLE meeting ADD COLUMN content_sha256 TEXT CHECK (length(content_sha256) = 64);
                UPDATE meeting SET status = 'approved' WHERE rating_level IS NOT NULL;
                ALTER TABLE document ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0);
                ALTER TABLE document ADD COLUMN content_sha256 TEXT CHECK (length(content_sha256) = 64);

                CREATE TABLE record_version (
                    kind TEXT NOT NULL CHECK (kind IN ('meeting', 'document')),
                    record_id TEXT NOT NULL,
                    version INTEGER NOT NULL CHECK (version > 0),
                    content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
                    replaced TEXT NOT NULL,
                    content TEXT NOT NULL,
                    PRIMARY KEY (kind, record_id, version)
                );
                CREATE TRIGGER record_version_kept BEFORE UPDATE ON record_version
                    BEGIN SELECT RAISE(ABORT, 'earlier versions are never changed'); END;
                CREATE TRIGGER record_version_never_deleted BEFORE DELETE ON record_version
                    BEGIN SELECT RAISE(ABORT, 'earlier versions are never deleted'); END;

                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY CHECK (seq > 0),
                    time TEXT NOT NULL,
                    actor TEXT NOT NULL CHECK (actor <> ''),
                    action TEXT NOT NULL CHECK (action IN
                        ('import', 'file', 'approve', 'issue', 'correct', 'rate', 'restore', 'upgrade')),
                    kind TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    version INTEGER,
                    content_sha256 TEXT,
                    chain_sha256 TEXT NOT NULL CHECK (length(chain_sha256) = 64)
                );
                CREATE INDEX audit_log_record ON audit_log(record_id, seq);
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        try LifecycleUpgrade(db: db).run()
    }

    /// The rubric meetings are rated by, stored with the archive so that every secretary of a
    /// committee scores the same way; it starts as the standard rubric of `domain.md`.
    private static func createRubric(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE rubric_criterion (
                    id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                    position INTEGER NOT NULL UNIQUE,
                    name TEXT NOT NULL CHECK (name <> ''),
                    points INTEGER NOT NULL CHECK (points > 0)
                );
                CREATE TABLE rubric_threshold (
                    level TEXT PRIMARY KEY NOT NULL CHECK (level IN ('good', 'fair', 'average')),
                    minimum INTEGER NOT NULL CHECK (minimum BETWEEN 1 AND 100)
                );
                """)
        try RubricStore(db: db).save(.standard)
    }

    /// The search index's first form: one entry per meeting and document, with the columns
    /// filters need, and an FTS5 table holding the text twice, folded in Swift and with its
    /// marks. v5 replaces the FTS5 table and fills the index; nothing is indexed here.
    private static func createSearch(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE search_entry (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('meeting', 'document')),
                    record_id TEXT NOT NULL,
                    cell_id TEXT NOT NULL,
                    date TEXT NOT NULL,
                    type TEXT NOT NULL,
                    status TEXT,
                    classification TEXT NOT NULL,
                    symbol TEXT,
                    title TEXT NOT NULL,
                    UNIQUE (kind, record_id)
                );
                CREATE INDEX search_entry_cell_date ON search_entry(cell_id, date);
                CREATE INDEX search_entry_date ON search_entry(date);
                -- title, body and symbol hold folded text (đ→d, no marks); the *_exact columns
                -- hold the same words lowercased with their marks, to rank exact matches first.
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, body, symbol, title_exact, body_exact,
                    tokenize = 'unicode61 remove_diacritics 0');
                """)
    }

    /// The search text, stored once as written in `search_text`, indexed by two FTS5 tables
    /// that read it as external content: `search_index` folded and `search_exact` with its
    /// marks. Folding is SQL and SQLite's own tokenizer: the `search_folded` view writes `đ`
    /// as `d` (it has no Unicode decomposition) and `remove_diacritics 2` drops every other
    /// mark and case, so any `sqlite3` can still read, check and rebuild the index. Before,
    /// the FTS5 table held two copies of the text; tokenizing and storing them was a third of
    /// an import. The index is rebuilt from the records.
    private static func storeSearchTextOnce(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE search_index;
                CREATE TABLE search_text (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    symbol TEXT NOT NULL
                );
                CREATE VIEW search_folded AS
                    SELECT id,
                           replace(replace(title, 'đ', 'd'), 'Đ', 'D') AS title,
                           replace(replace(body, 'đ', 'd'), 'Đ', 'D') AS body,
                           replace(replace(symbol, 'đ', 'd'), 'Đ', 'D') AS symbol
                    FROM search_text;
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, body, symbol, content = 'search_folded', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE search_exact USING fts5(
                    title, body, content = 'search_text', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 0');
                """)
        try SearchIndexer(db: db).rebuild()
    }

    /// Three changes that each need a table rebuilt. The audit log accepts `discard` (a draft
    /// filed by mistake and removed): SQLite cannot alter a CHECK constraint, so the table is
    /// copied into a new one, entries unchanged, and its triggers made again. `search_folded`
    /// also folds Đ's look-alikes (Ð ð Ɖ ɖ, from legacy conversions) to d; the exact-marks
    /// index reads `search_marks`, the text with one tone placement ("hoà" as "hòa"), so that
    /// both conventions rank alike. Both views are plain `replace()`, readable by any
    /// `sqlite3`; the indexer does the same in Swift (`VietnameseText`), and both indexes are
    /// rebuilt. The pairs below are those of `VietnameseText.tonePlacementPairs` at v6.
    private static func foldLookAlikes(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER audit_log_append_only;
                DROP TRIGGER audit_log_never_deleted;
                ALTER TABLE audit_log RENAME TO audit_log_v5;
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY CHECK (seq > 0),
                    time TEXT NOT NULL,
                    actor TEXT NOT NULL CHECK (actor <> ''),
                    action TEXT NOT NULL CHECK (action IN
                        ('import', 'file', 'approve', 'issue', 'correct', 'rate', 'discard', 'restore', 'upgrade')),
                    kind TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    version INTEGER,
                    content_sha256 TEXT,
                    chain_sha256 TEXT NOT NULL CHECK (length(chain_sha256) = 64)
                );
                INSERT INTO audit_log SELECT * FROM audit_log_v5 ORDER BY seq;
                DROP TABLE audit_log_v5;
                CREATE INDEX audit_log_record ON audit_log(record_id, seq);
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        func replacing(_ column: String, _ pairs: [(String, String)]) -> String {
            pairs.reduce(column) { sql, pair in "replace(\(sql), '\(pair.0)', '\(pair.1)')" }
        }
        let stroke = [("đ", "d"), ("Đ", "D"), ("ð", "d"), ("Ð", "D"), ("ɖ", "d"), ("Ɖ", "D")]
        let tones = VietnameseText.tonePlacementPairs.map { ($0.from, $0.to) }
        // SQLite's parser takes about 30 nested calls: the pairs go through three views of 15,
        // one for each vowel pair (oa, oe, uy), the last named `search_marks`.
        let names = ["search_marks_oa", "search_marks_oe", "search_marks"]
        let marks = (0..<3).map { step -> String in
            let pairs = Array(tones[(step * 15)..<(step * 15 + 15)])
            return """
                CREATE VIEW \(names[step]) AS
                    SELECT id, \(replacing("title", pairs)) AS title, \(replacing("body", pairs)) AS body
                    FROM \(step == 0 ? "search_text" : names[step - 1]);
                """
        }.joined(separator: "\n")
        try db.execute(
            sql: """
                DROP TABLE search_index;
                DROP TABLE search_exact;
                DROP VIEW search_folded;
                CREATE VIEW search_folded AS
                    SELECT id, \(replacing("title", stroke)) AS title, \(replacing("body", stroke)) AS body,
                           \(replacing("symbol", stroke)) AS symbol
                    FROM search_text;
                \(marks)
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, body, symbol, content = 'search_folded', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE search_exact USING fts5(
                    title, body, content = 'search_marks', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 0');
                """)
        try db.execute(
            sql: """
                INSERT INTO search_index (search_index) VALUES ('rebuild');
                INSERT INTO search_exact (search_exact) VALUES ('rebuild');
                """)
    }

    private static func createCore(_ db: Database) throws {
        try db.execute(
            sql: """
                PRAGMA application_id = \(applicationID);

                CREATE TABLE organization (
                    id TEXT PRIMARY KEY NOT NULL,
                    parent_id TEXT REFERENCES organization(id) DEFERRABLE INITIALLY DEFERRED,
                    name TEXT NOT NULL CHECK (name <> ''),
                    CHECK (parent_id IS NULL OR parent_id <> id)
                );

                CREATE TABLE cell (
                    id TEXT PRIMARY KEY NOT NULL,
                    organization_id TEXT NOT NULL REFERENCES organization(id) DEFERRABLE INITIALLY DEFERRED,
                    issuer_code TEXT NOT NULL CHECK (issuer_code <> ''),
                    name TEXT NOT NULL CHECK (name <> '')
                );
                CREATE INDEX cell_organization ON cell(organization_id);

                CREATE TABLE term (
                    cell_id TEXT NOT NULL REFERENCES cell(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    start_date TEXT NOT NULL,
                    end_date TEXT CHECK (end_date IS NULL OR end_date >= start_date),
                    PRIMARY KEY (cell_id, id)
                );

                CREATE TABLE member (
                    id TEXT PRIMARY KEY NOT NULL,
                    cell_id TEXT NOT NULL REFERENCES cell(id) DEFERRABLE INITIALLY DEFERRED,
                    position INTEGER NOT NULL,
                    full_name TEXT NOT NULL CHECK (full_name <> ''),
                    birth_year INTEGER,
                    admitted TEXT NOT NULL,
                    confirmed TEXT CHECK (confirmed IS NULL OR confirmed >= admitted),
                    joined_cell TEXT,
                    left_cell TEXT,
                    leave_reason TEXT CHECK (leave_reason IN ('transferred', 'deceased', 'removed', 'other')),
                    temporary INTEGER NOT NULL CHECK (temporary IN (0, 1)),
                    CHECK ((left_cell IS NULL) = (leave_reason IS NULL))
                );
                CREATE INDEX member_cell ON member(cell_id, position);

                CREATE TABLE exemption (
                    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    from_date TEXT NOT NULL,
                    to_date TEXT CHECK (to_date IS NULL OR to_date >= from_date),
                    reason TEXT NOT NULL CHECK (reason <> ''),
                    PRIMARY KEY (member_id, position)
                );

                CREATE TABLE role (
                    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL CHECK (title IN ('secretary', 'deputy-secretary', 'committee-member')),
                    from_date TEXT NOT NULL,
                    to_date TEXT CHECK (to_date IS NULL OR to_date >= from_date),
                    PRIMARY KEY (member_id, position)
                );

                CREATE TABLE concurrent_post (
                    member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL CHECK (title <> ''),
                    from_date TEXT NOT NULL,
                    to_date TEXT CHECK (to_date IS NULL OR to_date >= from_date),
                    PRIMARY KEY (member_id, position)
                );

                CREATE TABLE meeting (
                    id TEXT PRIMARY KEY NOT NULL,
                    cell_id TEXT NOT NULL REFERENCES cell(id) DEFERRABLE INITIALLY DEFERRED,
                    kind TEXT NOT NULL CHECK (kind IN ('regular', 'thematic', 'combined', 'extraordinary')),
                    date TEXT NOT NULL,
                    start_time TEXT NOT NULL,
                    end_time TEXT NOT NULL,
                    place TEXT NOT NULL CHECK (place <> ''),
                    topic TEXT,
                    chair_id TEXT NOT NULL REFERENCES member(id) DEFERRABLE INITIALLY DEFERRED,
                    recorder_id TEXT NOT NULL REFERENCES member(id) DEFERRABLE INITIALLY DEFERRED,
                    rating_level TEXT CHECK (rating_level IN ('good', 'fair', 'average', 'weak')),
                    rating_score INTEGER CHECK (rating_score BETWEEN 0 AND 100),
                    rating_note TEXT,
                    CHECK (rating_level IS NOT NULL OR (rating_score IS NULL AND rating_note IS NULL))
                );
                CREATE INDEX meeting_cell_date ON meeting(cell_id, date);
                CREATE INDEX meeting_date ON meeting(date, start_time, id);

                CREATE TABLE meeting_text (
                    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    section TEXT NOT NULL CHECK (section IN ('guest', 'agenda', 'proceedings', 'conclusion')),
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (meeting_id, section, position)
                );

                CREATE TABLE attendance (
                    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    member_id TEXT NOT NULL REFERENCES member(id) DEFERRABLE INITIALLY DEFERRED,
                    position INTEGER NOT NULL,
                    presence TEXT NOT NULL CHECK (presence IN ('present', 'excused', 'unexcused')),
                    reason TEXT,
                    PRIMARY KEY (meeting_id, member_id)
                );
                CREATE INDEX attendance_member ON attendance(member_id);

                CREATE TABLE vote (
                    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    subject TEXT NOT NULL CHECK (subject <> ''),
                    votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
                    votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
                    abstentions INTEGER NOT NULL CHECK (abstentions >= 0),
                    PRIMARY KEY (meeting_id, position)
                );

                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL,
                    cell_id TEXT NOT NULL REFERENCES cell(id) DEFERRABLE INITIALLY DEFERRED,
                    type TEXT NOT NULL CHECK (type IN ('NQ', 'KL', 'QĐ', 'CT', 'HD', 'TB', 'BC', 'KH', 'CTr', 'TTr', 'ĐA', 'BB', 'CV')),
                    number INTEGER CHECK (number > 0),
                    term_id TEXT,
                    date TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'superseded', 'revoked')),
                    classification TEXT NOT NULL CHECK (classification IN ('none', 'confidential', 'secret', 'top-secret')),
                    meeting_id TEXT REFERENCES meeting(id) DEFERRABLE INITIALLY DEFERRED,
                    place TEXT NOT NULL CHECK (place <> ''),
                    title TEXT NOT NULL CHECK (title <> ''),
                    signer_id TEXT REFERENCES member(id) DEFERRABLE INITIALLY DEFERRED,
                    signature_authority TEXT,
                    signature_title TEXT,
                    supersedes_id TEXT REFERENCES document(id) DEFERRABLE INITIALLY DEFERRED,
                    CHECK (status = 'draft' OR number IS NOT NULL),
                    CHECK (supersedes_id IS NULL OR supersedes_id <> id),
                    FOREIGN KEY (cell_id, term_id) REFERENCES term(cell_id, id) DEFERRABLE INITIALLY DEFERRED
                );
                CREATE INDEX document_cell_date ON document(cell_id, date);
                CREATE INDEX document_date ON document(date, id);
                CREATE INDEX document_meeting ON document(meeting_id);
                -- Two issued documents of one (cell, type, term) never share a number.
                CREATE UNIQUE INDEX document_issued_number
                    ON document(cell_id, type, ifnull(term_id, ''), number) WHERE status <> 'draft';

                CREATE TABLE document_text (
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    section TEXT NOT NULL CHECK (section IN ('body', 'recipient')),
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (document_id, section, position)
                );

                CREATE TABLE task (
                    id TEXT PRIMARY KEY NOT NULL,
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    assignee_id TEXT REFERENCES member(id) DEFERRABLE INITIALLY DEFERRED,
                    due TEXT,
                    text TEXT NOT NULL CHECK (text <> '')
                );
                CREATE INDEX task_document ON task(document_id, position);

                CREATE TABLE task_report (
                    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    task_id TEXT NOT NULL REFERENCES task(id) DEFERRABLE INITIALLY DEFERRED,
                    status TEXT NOT NULL CHECK (status IN ('done', 'in-progress', 'not-started', 'cancelled')),
                    note TEXT,
                    PRIMARY KEY (meeting_id, position)
                );
                CREATE INDEX task_report_task ON task_report(task_id);

                -- Attachment content, stored once per SHA-256.
                CREATE TABLE content (
                    sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
                    bytes BLOB NOT NULL
                );

                CREATE TABLE meeting_attachment (
                    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL CHECK (name <> ''),
                    media_type TEXT NOT NULL CHECK (media_type <> ''),
                    sha256 TEXT NOT NULL REFERENCES content(sha256),
                    PRIMARY KEY (meeting_id, position)
                );

                CREATE TABLE document_attachment (
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL CHECK (name <> ''),
                    media_type TEXT NOT NULL CHECK (media_type <> ''),
                    sha256 TEXT NOT NULL REFERENCES content(sha256),
                    PRIMARY KEY (document_id, position)
                );

                -- Every foreign key has an index on its child side: deleting a parent looks
                -- its children up, and without one that is a scan of the whole table.
                CREATE INDEX document_supersedes ON document(supersedes_id);
                CREATE INDEX document_signer ON document(signer_id);
                CREATE INDEX task_assignee ON task(assignee_id);
                CREATE INDEX meeting_chair ON meeting(chair_id);
                CREATE INDEX meeting_recorder ON meeting(recorder_id);
                CREATE INDEX organization_parent ON organization(parent_id);
                CREATE INDEX meeting_attachment_content ON meeting_attachment(sha256);
                CREATE INDEX document_attachment_content ON document_attachment(sha256);
                """)
    }
}
