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
    let pool: DatabasePool

    /// The path of the database file.
    public var databasePath: String { (directory as NSString).appendingPathComponent(Self.databaseFileName) }

    private init(directory: String, pool: DatabasePool) {
        self.directory = directory
        self.pool = pool
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "sochibo"
        configuration.prepareDatabase { db in try SearchTier.register(db) }
        return configuration
    }

    /// Creates an empty archive in `directory` (made if missing).
    ///
    /// - throws: `ArchiveError.alreadyExists` when the directory already holds an archive
    ///   database; a `DatabaseError` when SQLite cannot create it.
    public static func create(at directory: String) throws -> Archive {
        let manager = FileManager.default
        let path = (directory as NSString).appendingPathComponent(databaseFileName)
        if manager.fileExists(atPath: path) { throw ArchiveError.alreadyExists(directory: directory) }
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: configuration())
        try ArchiveMigrations.migrator.migrate(pool)
        return Archive(directory: directory, pool: pool)
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
        let pool: DatabasePool
        do {
            // Look read-only first: opening a pool would switch a foreign file to WAL mode.
            var probeConfiguration = Configuration()
            probeConfiguration.readonly = true
            let probe = try DatabaseQueue(path: path, configuration: probeConfiguration)
            let applicationID = try probe.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }
            try probe.close()
            guard applicationID == ArchiveMigrations.applicationID else {
                throw ArchiveError.notAnArchive(
                    directory: directory, reason: .foreignDatabase(fileName: Self.databaseFileName))
            }
            pool = try DatabasePool(path: path, configuration: Self.configuration())
            // Migrating takes the write lock; look first (a read), so that opening an archive
            // while another process imports into it does not wait for, or fail on, that lock.
            let migrator = ArchiveMigrations.migrator
            if try !pool.read(migrator.hasCompletedMigrations) { try migrator.migrate(pool) }
        } catch let error as ArchiveError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw ArchiveError.busy(directory: directory)
        } catch {
            throw ArchiveError.notAnArchive(
                directory: directory, reason: .unreadable(fileName: Self.databaseFileName, detail: "\(error)"))
        }
        self.directory = directory
        self.pool = pool
    }
}

extension Archive: ArchiveService {}
