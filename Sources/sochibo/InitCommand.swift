import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Tạo một kho lưu trữ trống.")

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        try Failure.guarding {
            let archive = try Archive.create(at: options.directory)
            print("Đã tạo kho lưu trữ trống tại \(archive.directory).")
        }
    }
}
