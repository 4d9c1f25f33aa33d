import ArchiveCore
import Foundation
import GRDB

/// The archive façade: it owns the SQLite database and keeps the invariants.
///
/// An archive is a directory holding `archive.sqlite` (WAL mode, foreign keys on). Every
/// write goes through a method of this type and is one transaction, so that a process killed
/// midway leaves the archive as it was; readers keep reading the last committed state while
/// a write runs.
///
/// Reads go through read-only connections, which never wait for a writer. The connection
/// that writes is opened at the first write (GRDB's WAL set-up may itself write, and must
/// not hold up a command that only reads while another process imports).
///
/// ```swift
/// let archive = try Archive.create(at: "/tmp/so-chi-bo")
/// let report = try archive.importFiles(["archive/samples/dbx-hop-thanh.xml"])
/// print(try archive.cells().count)
/// ```
public final class Archive: Sendable {
    /// The name of the database file inside the archive directory.
    public static let databaseFileName = "archive.sqlite"

    /// The archive directory.
    public let directory: String
    /// The read-only connections every read goes through, typed as a reader so that the
    /// compiler refuses a write here: writes go through `write` and its own connection.
    let pool: any DatabaseReader
    /// The connection that writes, opened at the first write.
    private let writerState: WriterState
    /// Whether the archive was opened read-only (its file or directory is not writable): every
    /// write is refused with `ArchiveError.readOnly` before it starts.
    public let isReadOnly: Bool

    /// The path of the database file.
    public var databasePath: String { (directory as NSString).appendingPathComponent(Self.databaseFileName) }

    /// The most of the database file a reading connection maps into memory, in bytes (the
    /// `mmap_size` limit of Debian's SQLite build, 0x7fff0000).
    static let readMapLimit = 2_147_418_112

    /// How long a command waits for another process's write (an import) before giving up.
    static let busyTimeout: TimeInterval = 10

    fileprivate static func configuration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readonly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "sochibo"
        configuration.prepareDatabase { db in
            try SearchTier.register(db)
            try db.execute(sql: SearchVocabulary.create)
            // Reading connections map the file (up to SQLite's 2 GB build limit) instead of
            // copying every page through `pread`: a province's summary reads 3 GB of pages, and
            // took 13% longer without it. Writes stay on plain file I/O, so an I/O error while
            // writing is still an error SQLite reports, not a signal.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = \(Self.readMapLimit)") }
            // "Done" means on disk: in WAL mode, NORMAL syncs only at checkpoints, so a commit
            // reported as done could be lost to a power cut. FULL syncs the WAL at every commit.
            // (GRDB sets NORMAL after this on the writer; `WriterState` sets FULL again.)
            if !readonly { try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        return configuration
    }

    /// Creates an empty archive in `directory` (made if missing, private to its owner).
    ///
    /// The database is built and migrated under a temporary name beside its place, then linked
    /// into place in one step, so that a killed or failed `create` leaves either no archive
    /// (and `create` can run again) or a complete one. The directory is made 0700 and the
    /// database 0600 (SQLite gives its `-wal` and `-shm` files the database's mode).
    ///
    /// - throws: `ArchiveError.alreadyExists` when the directory already holds an archive
    ///   database; `ArchiveError.cannotWrite` when the directory or the file cannot be made;
    ///   a `DatabaseError` when SQLite cannot create it.
    public static func create(at directory: String) throws -> Archive {
        let manager = FileManager.default
        let path = (directory as NSString).appendingPathComponent(databaseFileName)
        if manager.fileExists(atPath: path) { throw ArchiveError.alreadyExists(directory: directory) }
        var isDirectory: ObjCBool = false
        if !manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            // (NSString.deletingLastPathComponent traps on a bare relative name such as "kho".)
            let trimmed = directory.reversed().drop { $0 == "/" }.reversed()
            if let slash = trimmed.lastIndex(of: "/"), slash != trimmed.startIndex {
                try manager.createDirectory(
                    atPath: String(trimmed[..<slash]), withIntermediateDirectories: true)
            }
            guard mkdir(directory, 0o700) == 0 || errno == EEXIST else { throw FileWriting.failure(directory) }
        }
        let temporary = path + ".init-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileWriting.failure(directory) }
        close(descriptor)
        do {
            let building = try DatabasePool(path: temporary, configuration: configuration())
            try ArchiveMigrations.migrator.migrate(building)
            // Closing the last connection checkpoints the WAL into the file and removes it.
            try building.close()
            let file = open(temporary, O_RDONLY | O_CLOEXEC)
            if file >= 0 {
                fsync(file)
                close(file)
            }
            // `link` fails if an archive appeared meanwhile: it never replaces one.
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw ArchiveError.alreadyExists(directory: directory) }
                throw FileWriting.failure(directory)
            }
            unlink(temporary)
            let folder = open(directory, O_RDONLY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        } catch {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
            throw error
        }
        return try Archive(opening: directory)
    }

    /// Opens the archive in `directory`, bringing its schema up to date.
    ///
    /// - throws: `ArchiveError.notAnArchive` when the directory or its database is missing,
    ///   or the file is not a Sổ Chi Bộ archive.
    public init(opening directory: String) throws {
        let path = (directory as NSString).appendingPathComponent(Self.databaseFileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw ArchiveError.notAnArchive(directory: directory, reason: .noDirectory) }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ArchiveError.notAnArchive(directory: directory, reason: .noDatabase(fileName: Self.databaseFileName))
        }
        // A colleague's copy or a backup on read-only media: read it without writing anything
        // (not even the WAL mode or a migration).
        let readonly = access(path, W_OK) != 0 || access(directory, W_OK) != 0
        // SQLite reads a WAL database through its `-shm` file, which it cannot make in a folder
        // it may not write to; without one, the file is opened as immutable (nothing can be
        // writing it: a writer would need the `-shm` too).
        let immutable = access(directory, W_OK) != 0 && !FileManager.default.fileExists(atPath: path + "-shm")
        let location = immutable ? Self.immutableURI(path) : path
        let pool: DatabasePool
        let writerState = WriterState(path: path)
        do {
            // Look read-only first: opening a pool would switch a foreign file to WAL mode.
            var probeConfiguration = Configuration()
            probeConfiguration.readonly = true
            probeConfiguration.busyMode = .timeout(Self.busyTimeout)
            let probe = try DatabaseQueue(path: location, configuration: probeConfiguration)
            let (applicationID, migrated) = try probe.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                    try ArchiveMigrations.migrator.hasCompletedMigrations(db)
                )
            }
            try probe.close()
            guard applicationID == ArchiveMigrations.applicationID else {
                throw ArchiveError.notAnArchive(
                    directory: directory, reason: .foreignDatabase(fileName: Self.databaseFileName))
            }
            // Migrating takes the write lock; it was looked for in a read, so that opening an
            // archive while another process imports into it does not wait for that lock.
            if !migrated {
                if readonly { throw ArchiveError.readOnlyNeedsUpgrade(directory: directory) }
                try ArchiveMigrations.migrator.migrate(try writerState.pool())
            }
            pool = try DatabasePool(path: location, configuration: Self.configuration(readonly: true))
        } catch let error as ArchiveError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw ArchiveError.busy(directory: directory)
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw ArchiveError.notAnArchive(directory: directory, reason: .damaged(fileName: Self.databaseFileName))
        } catch {
            throw ArchiveError.notAnArchive(
                directory: directory, reason: .unreadable(fileName: Self.databaseFileName, detail: "\(error)"))
        }
        self.directory = directory
        self.pool = pool
        self.writerState = writerState
        self.isReadOnly = readonly
    }

    /// The writing connection, opened once, with commits made durable.
    final class WriterState: @unchecked Sendable {
        private let lock = NSLock()
        private let path: String
        private var opened: DatabasePool?

        init(path: String) { self.path = path }

        func pool() throws -> DatabasePool {
            lock.lock()
            defer { lock.unlock() }
            if let opened { return opened }
            let pool = try DatabasePool(path: path, configuration: Archive.configuration())
            // GRDB sets `synchronous = NORMAL` on the writer when it enables WAL, after
            // `prepareDatabase`: set FULL again, so that a commit reported as done is on disk.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            opened = pool
            return pool
        }
    }

    /// The pool that writes (opened now if it was not), for the tests and the upgrade.
    package func writer() throws -> DatabasePool {
        guard !isReadOnly else { throw ArchiveError.readOnly(directory: directory) }
        return try writerState.pool()
    }

    /// `path` as an SQLite URI that opens it read-only and immutable.
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?mode=ro&immutable=1"
    }

    /// The `synchronous` setting of the connection that commits (2 is FULL), for the tests.
    package func commitSynchronousSetting() async throws -> Int {
        try await writer().writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// A write transaction, refused before it starts on a read-only archive; a write that
    /// waited longer than `busyTimeout` for another process is `ArchiveError.busy` (nothing
    /// of it was written).
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writing { try await writerState.pool().write(updates) }
    }

    /// `write` outside a transaction: `updates` opens its own (an import).
    func writeWithoutTransaction<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writing { try await writerState.pool().writeWithoutTransaction(updates) }
    }

    private func writing<T>(_ body: () async throws -> T) async throws -> T {
        guard !isReadOnly else { throw ArchiveError.readOnly(directory: directory) }
        do {
            return try await body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw ArchiveError.busy(directory: directory)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw ArchiveError.readOnly(directory: directory)
        }
    }
}

extension Archive: ArchiveService {}
