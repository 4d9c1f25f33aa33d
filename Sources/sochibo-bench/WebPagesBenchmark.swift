import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging

/// The web app's pages timed in-process: the same router `sochibo serve` runs (security
/// middleware, session, `ArchiveService` calls, mustache rendering), driven through
/// HummingbirdTesting's router client, so with no socket, no HTTP parsing and no NIO server.
/// Beside `wrk` against the real server (`.ci/web-bench`), it tells what the page itself costs
/// and what serving it over HTTP adds.
///
///     sochibo-bench web-pages ARCHIVE ACCOUNT PASSWORD ROUNDS PATH...
///
/// Prints, per path, `PATH  p50 … ms  p99 … ms  mean … ms  (N rounds, BYTES bytes)`.
enum WebPagesBenchmark {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(
        archivePath: String, account: String, password: String, rounds: Int, paths: [String]
    )
        async throws
    {
        let archive = try Archive(opening: archivePath)
        // As `sochibo serve` logs: every request at info level, to standard error.
        var logger = Logger(label: "sochibo-bench")
        logger.logLevel = .info
        let app = try buildApplication(
            archive: archive, configuration: WebConfiguration(host: "127.0.0.1", port: 0), logger: logger)
        try await app.test(.router) { client in
            let cookie = try await logIn(client, account: account, password: password)
            for path in paths {
                var status = HTTPResponse.Status.ok
                var bytes = 0
                // Warm up: the first requests fill SQLite's page cache as a served archive's would be.
                for _ in 0..<5 {
                    let response = try await client.executeRequest(
                        uri: path, method: .get, headers: [.cookie: cookie], body: nil)
                    status = response.status
                    bytes = response.body.readableBytes
                }
                guard status == .ok else { throw Failure(description: "\(path) answers \(status.code)") }
                var milliseconds: [Double] = []
                milliseconds.reserveCapacity(rounds)
                for _ in 0..<rounds {
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = try await client.executeRequest(uri: path, method: .get, headers: [.cookie: cookie], body: nil)
                    milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                milliseconds.sort()
                let p50 = milliseconds[milliseconds.count / 2]
                let p99 = milliseconds[min(milliseconds.count - 1, Int(Double(milliseconds.count) * 0.99))]
                let mean = milliseconds.reduce(0, +) / Double(milliseconds.count)
                print(
                    String(
                        format: "%@  p50 %.2f ms  p99 %.2f ms  mean %.2f ms  (%d rounds, %d bytes)", path, p50, p99,
                        mean, rounds, bytes))
            }
        }
    }

    /// Opens the login form, posts the name and password with its CSRF token, and returns the
    /// session cookie (`name=value`).
    static func logIn(_ client: any TestClientProtocol, account: String, password: String) async throws -> String {
        let form = try await client.executeRequest(uri: "/dang-nhap", method: .get, headers: [:], body: nil)
        let html = String(buffer: form.body)
        guard let range = html.range(of: #"name="csrf_token" value=""#),
            let end = html[range.upperBound...].firstIndex(of: "\"")
        else { throw Failure(description: "the login form has no CSRF token") }
        let token = String(html[range.upperBound..<end])
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let first = form.headers[.setCookie]?.split(separator: ";").first { headers[.cookie] = String(first) }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = [("username", account), ("password", password), ("csrf_token", token)]
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&")
        let response = try await client.executeRequest(
            uri: "/dang-nhap", method: .post, headers: headers, body: ByteBuffer(string: body))
        guard response.status == .seeOther || response.status == .found,
            let cookie = response.headers[.setCookie]?.split(separator: ";").first, !cookie.hasSuffix("=")
        else { throw Failure(description: "the login of \(account) is refused (\(response.status.code))") }
        return String(cookie)
    }
}
