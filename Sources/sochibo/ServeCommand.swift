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

    @Option(help: "Địa chỉ lắng nghe; 127.0.0.1 chỉ phục vụ máy này, 0.0.0.0 phục vụ cả mạng nội bộ.")
    var host = "127.0.0.1"

    @Option(help: "Cổng.")
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
        if try await archive.accounts().isEmpty {
            Failure.printError(
                "sochibo serve: kho chưa có tài khoản nào; hãy tạo một tài khoản quản trị: sochibo user add TÊN --role admin --archive \(archive.directory)"
            )
        }
        let host = host
        let app = try buildApplication(
            archive: archive, configuration: WebConfiguration(host: host, port: port, secureCookies: secureCookies),
            logger: logger,
            onServerRunning: { port in
                // Unbuffered, so that a script reading the address sees it at once.
                FileHandle.standardOutput.write(
                    Data("Sổ Chi Bộ đang phục vụ tại http://\(host):\(port)/ (dừng bằng Ctrl-C)\n".utf8))
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
