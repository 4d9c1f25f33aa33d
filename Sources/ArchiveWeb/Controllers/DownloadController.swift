import ArchiveCore
import Foundation
import Hummingbird

/// Downloads in format v1: `GET /chi-bo/{cellID}/tai-ve[?nam=YYYY]` a cell's records (of one
/// year, or all) for whoever may read the cell — without the documents marked Mật or higher
/// (and what refers to them) when the account may not read those; `GET /tai-ve` the whole archive with its
/// audit log, a backup, for administrators. The file is written to a private temporary
/// folder, sent, and removed.
struct DownloadController {
    let today: @Sendable () -> LocalDate

    func add(to router: Router<WebRequestContext>) {
        router.get("/chi-bo/:cellID/tai-ve", use: cell)
        router.get("/tai-ve", use: everything)
    }

    @Sendable func cell(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        let cellID = try context.parameters.require("cellID")
        let yearText = FormQuery(request)["nam"].flatMap { $0.isEmpty ? nil : $0 }
        let year = try yearText.map { text -> Int in
            guard let year = Int(text), (1930...today().year).contains(year) else {
                throw WebError.badRequest("Năm không hợp lệ. Hãy chọn năm từ trang của chi bộ.")
            }
            return year
        }
        return try await file(named: "\(cellID)\(year.map { "-\($0)" } ?? "").xml") { path in
            try await scope.export(cellID: cellID, year: year, to: path)
        }
    }

    @Sendable func everything(request: Request, context: WebRequestContext) async throws -> Response {
        let scope = try context.scope()
        return try await file(named: "so-chi-bo-\(today().description).xml") { path in
            try await scope.exportEverything(to: path)
        }
    }

    /// Writes the file with `write` in a new private folder, and answers with it as an
    /// attachment named `name`.
    private func file(named name: String, _ write: (String) async throws -> Void) async throws -> Response {
        let folder = NSTemporaryDirectory() + "sochibo-download-\(UUID().uuidString)"
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        try await write(path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/xml; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
