import ArgumentParser
import Foundation

/// The command-line parser's refusals in Vietnamese: swift-argument-parser words its own
/// ("The value 'boss' is invalid for '--role'"), in English, over several lines; a person
/// reads one Vietnamese line saying what to do instead, like every other refusal
/// (`Failure`).
enum ParserMessages {
    /// The one line for the parser's `message` (from `fullMessage(for:)`), or nil when the
    /// message is none of the refusals known here (it is then printed as it is).
    ///
    /// ```swift
    /// ParserMessages.line(for: "Error: The value 'boss' is invalid for '--role'\nHelp: …\nUsage: …\n  See 'sochibo user add --help' for more information.")
    /// // "sochibo: giá trị «boss» không dùng được cho --role; xem `sochibo user add --help`."
    /// ```
    static func line(for message: String) -> String? {
        let first = message.split(separator: "\n").first.map(String.init) ?? ""
        let text = first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
        let quoted = text.split(separator: "'", omittingEmptySubsequences: false).map(String.init)
        // The quoted parts: "The value 'X' is invalid for 'Y'" splits as [_, X, _, Y, _].
        let parts = stride(from: 1, to: quoted.count, by: 2).map { quoted[$0] }
        let sentence: String
        if text.hasPrefix("The value "), parts.count >= 2 {
            var choices = ""
            if let offered = message.range(of: "Please provide one of ") {
                let rest = message[offered.upperBound...].prefix { $0 != "\n" && $0 != "." }
                let values = rest.split(separator: "'", omittingEmptySubsequences: false).enumerated()
                    .filter { $0.offset % 2 == 1 }.map { String($0.element) }
                if !values.isEmpty { choices = " (chỉ nhận: \(values.joined(separator: ", ")))" }
            }
            sentence = "giá trị «\(parts[0])» không dùng được cho \(parts[1])\(choices)"
        } else if text.hasPrefix("Missing expected argument"), let name = parts.first {
            sentence = "thiếu \(name)"
        } else if text.hasPrefix("Missing value for"), let name = parts.first {
            sentence = "thiếu giá trị sau \(name)"
        } else if text.hasPrefix("Unknown option"), let name = parts.first {
            sentence = "không có tùy chọn \(name)"
        } else if text.hasPrefix("Unexpected argument"), let name = parts.first {
            sentence = "thừa «\(name)», lệnh này không nhận thêm gì ở chỗ đó"
        } else {
            return nil
        }
        var hint = ""
        if let see = message.range(of: "See '"), let end = message[see.upperBound...].firstIndex(of: "'") {
            hint = "; xem `\(message[see.upperBound..<end])`"
        }
        return "sochibo: \(sentence)\(hint)."
    }
}

extension Sochibo {
    /// Parses and runs the command as `AsyncParsableCommand.main()` does, but prints the
    /// parser's known refusals as one Vietnamese line (`ParserMessages`).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) != .success, let line = ParserMessages.line(for: fullMessage(for: error)) {
                Failure.printError(line)
                Foundation.exit(exitCode(for: error).rawValue)
            }
            exit(withError: error)
        }
    }
}
