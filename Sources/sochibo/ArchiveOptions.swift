import ArchiveCore
import ArchiveSQLite
import ArgumentParser
import Foundation

/// The `--archive DIR` option every command takes.
struct ArchiveOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Thư mục kho lưu trữ (mặc định: $SOCHIBO_HOME, nếu không thì ~/.local/share/sochibo).",
            valueName: "THƯ_MỤC"))
    var archive: String?

    /// The directory: the option, else `$SOCHIBO_HOME`, else `~/.local/share/sochibo`.
    var directory: String {
        if let archive { return archive }
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["SOCHIBO_HOME"], !home.isEmpty { return home }
        let userHome = environment["HOME"] ?? NSHomeDirectory()
        return (userHome as NSString).appendingPathComponent(".local/share/sochibo")
    }

    /// Opens the archive, or fails with one line that says to run `init`.
    func open() throws -> Archive {
        try Archive(opening: directory)
    }
}

/// Output formats of the reading commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
