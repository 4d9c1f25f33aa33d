import Foundation

/// Files sent to the inbox and previewed, waiting for the person to accept them: each kept in
/// a private folder (0700, files 0600) under a random token, for the account that sent it,
/// for at most an hour. Accepting or expiring removes the file.
actor PendingUploads {
    struct Upload: Sendable {
        let path: String
        let fileName: String
        let accountName: String
        let expires: Date
    }

    private let directory: String
    private var uploads: [String: Upload] = [:]
    private let lifetime: TimeInterval = 3600

    /// Uploads kept under a new private folder of the system's temporary directory.
    init() {
        directory = NSTemporaryDirectory() + "sochibo-inbox-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Keeps `data` for `accountName`. - returns: the token that names it, and its path.
    /// - throws: a file system error when the file cannot be written.
    func keep(_ data: Data, fileName: String, accountName: String) throws -> (token: String, path: String) {
        expire()
        let token = SessionStore.randomToken()
        let path = directory + "/\(token).xml"
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        uploads[token] = Upload(path: path, fileName: fileName, accountName: accountName, expires: Date() + lifetime)
        return (token, path)
    }

    /// The upload named `token`, if it is still kept and belongs to `accountName`.
    func upload(_ token: String, for accountName: String) -> Upload? {
        expire()
        guard let upload = uploads[token], upload.accountName == accountName else { return nil }
        return upload
    }

    /// Forgets the upload and removes its file.
    func remove(_ token: String) {
        if let upload = uploads.removeValue(forKey: token) { try? FileManager.default.removeItem(atPath: upload.path) }
    }

    private func expire() {
        let now = Date()
        for (token, upload) in uploads where upload.expires < now { remove(token) }
    }
}
