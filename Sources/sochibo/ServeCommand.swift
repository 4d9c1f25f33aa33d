import ArchiveCore
import ArchiveSQLite
import ArchiveWeb
import ArgumentParser
import Foundation
import Logging

/// `sochibo serve`: the web app on this archive, until Ctrl-C or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Mở trang web Sổ Chi Bộ trên kho lưu trữ này (dừng bằng Ctrl-C).")

    @OptionGroup var options: ArchiveOptions

    @Option(
        help: ArgumentHelp(
            "Địa chỉ lắng nghe; 127.0.0.1 chỉ phục vụ máy này, 0.0.0.0 phục vụ cả mạng nội bộ.", valueName: "MÁY"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Cổng.", valueName: "CỔNG"))
    var port = 8080

    @Flag(help: "Luôn đặt cookie Secure (khi chạy sau một máy chủ HTTPS).")
    var secureCookies = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("cổng phải từ 0 (tự chọn) đến 65535") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "sochibo")
        logger.logLevel = .info
        let archive: Archive
        do {
            archive = try options.open()
        } catch {
            // One sentence, then stop: the server never starts on an archive it cannot open.
            let reason = Failure.lines(for: error).first ?? "sochibo: \(error)"
            Failure.printError(
                reason.replacingOccurrences(of: "sochibo: ", with: "sochibo serve: không mở được trang web: "))
            throw ExitCode.failure
        }
        // With no account yet, a one-time link creates the first administrator in the browser.
        var generator = SystemRandomNumberGenerator()
        let setupToken: String? =
            try await archive.accounts().isEmpty
            ? (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined() : nil
        let host = host
        let app = try buildApplication(
            archive: archive,
            configuration: WebConfiguration(
                host: host, port: port, secureCookies: secureCookies, setupToken: setupToken),
            logger: logger,
            onServerRunning: { port in
                // Unbuffered, so that a script reading the address sees it at once.
                var lines = "Sổ Chi Bộ đang phục vụ tại http://\(host):\(port)/ (dừng bằng Ctrl-C)\n"
                if let setupToken {
                    lines +=
                        "Kho chưa có tài khoản nào. Mở đường dẫn này (dùng được một lần) để tạo tài khoản quản trị đầu tiên:\n"
                        + "http://\(host):\(port)/thiet-lap?ma=\(setupToken)\n"
                }
                FileHandle.standardOutput.write(Data(lines.utf8))
            })
        do {
            try await app.runService()
        } catch {
            Failure.printError("sochibo serve: trang web dừng vì lỗi: \(error)")
            throw ExitCode.failure
        }
        logger.info("stopped")
    }
}
