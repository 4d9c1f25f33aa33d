import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Tạo một kho lưu trữ trống.")

    @OptionGroup var options: ArchiveOptions

    func run() async throws {
        try await Failure.guarding {
            let archive = try Archive.create(at: options.directory)
            print("Đã tạo kho lưu trữ trống tại \(archive.directory).")
        }
    }
}
