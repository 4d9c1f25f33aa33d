import ArchiveCore
import ArgumentParser
import Foundation

/// The command-line parser's refusals and help screens in Vietnamese: swift-argument-parser
/// (1.8) words its own ("The value 'boss' is invalid for '--role'"), in English, over several
/// lines ("Error: …", "Usage: …", "See '… --help' for more information."); a person reads one
/// Vietnamese line saying what to do instead, like every other refusal (`Failure`).
///
/// The parser gives its errors only as text (its error types are internal), so the English
/// sentences it can write are read back by their fixed words here, one case each; every other
/// message is a refusal of ours (a `ValidationError` thrown from `validate()`, or a typed
/// error thrown from a conversion), already in Vietnamese, and is kept as it is.
enum ParserMessages {
    /// The one line for the parser's `message` (from `fullMessage(for:)`): "sochibo: " and the
    /// sentence, with the command's help to read when the parser names it.
    ///
    /// ```swift
    /// ParserMessages.line(for: "Error: The value 'boss' is invalid for '--role'\nHelp: …\nUsage: …\n  See 'sochibo user add --help' for more information.")
    /// // "sochibo: giá trị «boss» không dùng được cho --role; xem `sochibo user add --help`."
    /// ParserMessages.line(for: "Error: --quarter phải từ 1 đến 4.\nUsage: …\n  See 'sochibo summary --help' for more information.")
    /// // "sochibo: --quarter phải từ 1 đến 4; xem `sochibo summary --help`."
    /// ```
    ///
    /// `arguments` are the words typed after `sochibo`: the parser takes `--offset -1` for an
    /// option missing its value, and only they show that a negative number was written.
    static func line(for message: String, arguments: [String] = []) -> String {
        var hint = ""
        if let see = message.range(of: "See '"), let end = message[see.upperBound...].firstIndex(of: "'") {
            hint = "; xem `\(message[see.upperBound..<end])`"
        }
        let text = errorText(of: message)
        var sentence = self.sentence(for: text, arguments: arguments)
        // A word the parser did not expect after a command made only of subcommands is a
        // command that does not exist ("sochibo nope", "sochibo member nope").
        let path = hint.split(separator: "`").dropFirst().first?.split(separator: " ").dropFirst()
            .prefix { !$0.hasPrefix("-") }.map(String.init)
        if text.hasPrefix("Unexpected argument '"), let path, let command = commandType(named: path),
            !command.configuration.subcommands.isEmpty,
            let word = text.split(separator: "'", omittingEmptySubsequences: false).dropFirst().first
        {
            sentence = "không có lệnh «\(word)»"
        }
        while sentence.hasSuffix(".") { sentence.removeLast() }
        return "sochibo: \(sentence)\(hint)."
    }

    /// The command at `path` below `sochibo` (`["member"]`), or nil.
    static func commandType(named path: [String]) -> (any ParsableCommand.Type)? {
        var command: any ParsableCommand.Type = Sochibo.self
        for name in path {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == name }) else {
                return nil
            }
            command = sub
        }
        return command
    }

    /// The error's own text: the lines before the parser's "Help:" and "Usage:" lines,
    /// without its "Error: " prefix.
    private static func errorText(of message: String) -> String {
        var lines: [Substring] = []
        for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Help:") || line.hasPrefix("Usage:") || line.hasPrefix("  See '") { break }
            lines.append(line)
        }
        let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasPrefix("Error: ") ? String(text.dropFirst("Error: ".count)) : text
    }

    /// The Vietnamese sentence for one of the parser's English sentences (`ErrorMessageGenerator`
    /// in swift-argument-parser), or `text` itself when it is one of ours.
    static func sentence(for text: String, arguments: [String] = []) -> String {
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        let quoted = first.split(separator: "'", omittingEmptySubsequences: false).map(String.init)
        // The quoted parts: "The value 'X' is invalid for 'Y'" splits as [_, X, _, Y, _].
        let parts = stride(from: 1, to: quoted.count, by: 2).map { quoted[$0] }
        if first.hasPrefix("The value "), let value = parts.first {
            let option = parts.count >= 2 ? " cho \(optionName(parts[1]))" : ""
            var reason = ""
            if let offered = text.range(of: "Please provide one of ") {
                let values = text[offered.upperBound...].split(separator: "'", omittingEmptySubsequences: false)
                    .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
                let listed =
                    values.isEmpty
                    ? text[offered.upperBound...].split(separator: "\n").map {
                        $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "")
                    }.filter { !$0.isEmpty && $0 != "the following:" } : values
                if !listed.isEmpty { reason = " (chỉ nhận: \(listed.joined(separator: ", ")))" }
            } else if let colon = first.range(of: "': ") {
                // A conversion's own sentence (thrown from a transform), after the option.
                reason = ": " + first[colon.upperBound...]
            }
            return "giá trị «\(value)» không dùng được\(option)\(reason)"
        }
        if first.hasPrefix("Missing expected argument"), let name = parts.first {
            let placeholder = optionName(name)
            return "thiếu \(argumentWords[placeholder] ?? placeholder)"
        }
        if first.hasPrefix("Missing one of:") {
            return "thiếu một trong: \(parts.map(optionName).joined(separator: ", "))"
        }
        if first.hasPrefix("Missing value for"), let name = parts.first {
            let option = optionName(name)
            if let at = arguments.firstIndex(of: option), at + 1 < arguments.count,
                arguments[at + 1].range(of: #"^-\d+([.,]\d+)?$"#, options: .regularExpression) != nil
            {
                return "giá trị «\(arguments[at + 1])» không dùng được cho \(option): số ở đây không được âm"
            }
            return "thiếu giá trị sau \(option)"
        }
        if first.hasPrefix("Unknown option"), let name = parts.first {
            let guess = parts.count >= 2 ? " (có phải \(optionName(parts[1]))?)" : ""
            return "không có tùy chọn \(name)\(guess)"
        }
        if first.hasPrefix("Unexpected argument"), let name = parts.first {
            return "thừa «\(name)», lệnh này không nhận thêm gì ở chỗ đó"
        }
        if first.range(of: #"^\d+ unexpected arguments: "#, options: .regularExpression) != nil {
            return "thừa \(parts.map { "«\($0)»" }.joined(separator: ", ")), lệnh này không nhận thêm gì ở chỗ đó"
        }
        if first.hasPrefix("The option "), first.contains("does not take any value"), parts.count >= 2 {
            return "tùy chọn \(parts[0]) không nhận giá trị (đã ghi «\(parts[1])»)"
        }
        if first.hasPrefix("Value to be set with") {
            return "đã ghi hai lần cùng một lựa chọn, chỉ ghi một lần"
        }
        if first.hasPrefix("Invalid option: ") {
            return "không có tùy chọn \(first.dropFirst("Invalid option: ".count))"
        }
        if first.hasPrefix("Missing required subcommand") {
            return "thiếu lệnh con"
        }
        if first.hasPrefix("Can't autodetect a supported shell") || first.hasPrefix("Can't generate completion") {
            return "không tạo được đoạn lệnh gợi ý cho shell này (chỉ có bash, zsh, fish)"
        }
        if first.hasPrefix("Internal error.") || first.hasPrefix("Command '") {
            return "lỗi bên trong bộ đọc lệnh, không chạy được lệnh này"
        }
        return text
    }

    /// What the commands' placeholders for what is typed stand for, said as a person would
    /// ("thiếu từ khóa cần tìm", not "thiếu TỪ_KHÓA"); other placeholders are kept as written.
    static let argumentWords = [
        "TỪ_KHÓA": "từ khóa cần tìm", "TỆP": "tệp cần nhập", "TỆP_MẪU": "tệp mẫu đã điền", "BIÊN_BẢN": "mã biên bản",
        "VĂN_BẢN": "mã văn bản", "TÊN_ĐĂNG_NHẬP": "tên đăng nhập", "MÃ": "mã hoặc tên của bản ghi",
    ]

    /// An option or argument as the parser writes it ("--limit <limit>", "<QUERY> ..."), as
    /// a person types it: "--limit", "QUERY".
    private static func optionName(_ written: String) -> String {
        var name = written.replacingOccurrences(of: " ...", with: "")
        if name.hasPrefix("-"), let space = name.firstIndex(of: " ") { name = String(name[..<space]) }
        if name.hasPrefix("<"), name.hasSuffix(">") { name = String(name.dropFirst().dropLast()) }
        return name
    }

    /// A help screen with the parser's own words in Vietnamese: the section headings, the
    /// help option's line, "(default: …)", "(values: …)" and the line on subcommands' help.
    /// The parser has no way to word these itself (its help text is fixed in
    /// `HelpGenerator`); the layout, which depends on lengths of the left column only, is kept.
    ///
    /// The parser wraps the right column at the terminal's width (`COLUMNS`), so a phrase may
    /// be cut between two lines ("…; " at the end of one, "default: text)" at the start of the
    /// next): each is found across the break, and the break is kept where the Vietnamese
    /// phrase marks it (`|`).
    static func help(_ text: String) -> String {
        let headings = [
            "OVERVIEW: ": "TÓM TẮT: ", "USAGE: ": "CÁCH DÙNG: ", "ARGUMENTS:": "THAM SỐ:", "OPTIONS:": "TÙY CHỌN:",
            "SUBCOMMANDS:": "LỆNH CON:",
        ]
        let lines: [String] = text.split(separator: "\n", omittingEmptySubsequences: false).map { piece in
            var line = String(piece)
            for (english, vietnamese) in headings where line.hasPrefix(english) {
                line = vietnamese + line.dropFirst(english.count)
            }
            if line.hasPrefix("  See '"), line.hasSuffix("' for detailed help."),
                let end = line.dropFirst("  See '".count).firstIndex(of: "'")
            {
                let command = line[line.index(line.startIndex, offsetBy: "  See '".count)..<end]
                    .replacingOccurrences(of: " <subcommand>", with: " LỆNH")
                line = "  Xem hướng dẫn của từng lệnh bằng `\(command)`."
            }
            return line
        }
        var whole = lines.joined(separator: "\n")
        for (english, vietnamese) in helpPhrases { whole = replacing(english, with: vietnamese, in: whole) }
        return whole
    }

    /// The parser's phrases in its help screens, longest first (a phrase inside another comes
    /// after it), each with its Vietnamese; `|` marks where a line cut in the English goes.
    static let helpPhrases = [
        ("Show help information.", "Xem| hướng dẫn này."), ("Show the version.", "Xem| phiên bản."),
        ("(default as flag:", "(mặc định| khi không ghi giá trị:"),
        ("; default as flag:", ";| mặc định khi không ghi giá trị:"), ("(default:", "(mặc định:"),
        ("; default:", ";| mặc định:"), ("(values:", "(chọn một:"), ("<subcommand>", "<LỆNH>"),
        ("[<options>]", "[<TÙY_CHỌN>]"),
    ]

    /// `text` with every `english` phrase replaced by `vietnamese`, also where the parser cut
    /// it between lines (white space of any length, a line break among it, between its words):
    /// the cut, with the next line's indentation, goes at the `|` of `vietnamese`.
    static func replacing(_ english: String, with vietnamese: String, in text: String) -> String {
        let words = english.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }
        guard let expression = try? NSRegularExpression(pattern: words.joined(separator: "(\\s+)")) else {
            return text
        }
        var result = text
        let whole = NSRange(result.startIndex..., in: result)
        for match in expression.matches(in: result, range: whole).reversed() {
            guard let range = Range(match.range, in: result) else { continue }
            let cut = (1..<match.numberOfRanges).lazy.compactMap { Range(match.range(at: $0), in: result) }
                .map { String(result[$0]) }.first { $0.contains("\n") }
            let replacement =
                cut.map { vietnamese.replacingOccurrences(of: "| ", with: $0) }
                ?? vietnamese.replacingOccurrences(of: "|", with: "")
            result.replaceSubrange(range, with: replacement)
        }
        return result
    }
}

extension Sochibo {
    /// The words typed after `sochibo`, as every other input path reads text (issue 11, item
    /// 6): no-break and other Unicode spaces as spaces, zero-width and format characters dropped,
    /// the look-alikes of Đ folded (`TextNormalization.cleaned`), and spaces around each word
    /// trimmed; a criterion copied from a web page (`kết\u{A0}quả=27`), a type with a zero-width
    /// space (`NQ\u{200B}`) or a year with a trailing space (`"2024 "`) read as typed by hand.
    static var typedArguments: [String] {
        CommandLine.arguments.dropFirst().map { TextNormalization.trimmed(TextNormalization.cleaned($0)) }
    }

    /// Parses and runs the command as `AsyncParsableCommand.main()` does, but prints the
    /// parser's refusals as one Vietnamese line (`ParserMessages`), its help screens with
    /// Vietnamese headings, and an error a command lets through as `Failure` words it.
    ///
    /// Exit status: 0 for help; the parser's own for a refusal of what was typed (64, as
    /// `sysexits.h` has it for a usage error, `ValidationError` included; 1 for another error
    /// thrown from `validate()`); 1 for a command's error.
    static func main() async {
        keepHelpReadable()
        var command: any ParsableCommand
        // `sochibo help xyz` of a command that does not exist: the parser would print the main
        // help and exit 0, as if it had answered.
        let typed = typedArguments
        if typed.first == "help", typed.count > 1, !typed[1].hasPrefix("-"),
            ParserMessages.commandType(named: Array(typed.dropFirst().prefix { !$0.hasPrefix("-") })) == nil
        {
            let asked = typed.dropFirst().prefix { !$0.hasPrefix("-") }.joined(separator: " ")
            Failure.printError("sochibo: không có lệnh «\(asked)»; xem `sochibo --help`.")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            command = try parseAsRoot(typed)
        } catch {
            exitAfterParser(error)
        }
        do {
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            // `--help` and `sochibo help LỆNH` reach here too: the parser answers them by a
            // command whose run throws its own error types (internal to it).
            if error is CleanExit || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
                exitAfterParser(error)
            }
            for line in Failure.lines(for: error) { Failure.printError(line) }
            Foundation.exit(ExitCode.failure.rawValue)
        }
    }

    /// The narrowest help screen: the parser wraps help at the terminal's width (`COLUMNS`,
    /// else the terminal's own), and below its label column it stops with a fatal error
    /// (24 columns crashed `--help`) or leaves the descriptions out. A narrower terminal gets
    /// help laid out at this width, which it wraps itself.
    static let narrowestHelp = 60

    /// Sets `COLUMNS` to `narrowestHelp` when the terminal, or `COLUMNS`, is narrower: the
    /// parser reads the width from there.
    private static func keepHelpReadable() {
        var width = ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }
        if width == nil {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        }
        if let width, width < narrowestHelp { setenv("COLUMNS", String(narrowestHelp), 1) }
    }

    /// Prints what the parser says for `error` in Vietnamese (a help screen on standard
    /// output, a refusal on standard error) and exits with the parser's status.
    private static func exitAfterParser(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(ParserMessages.help(message)) }
        } else if !message.isEmpty {
            Failure.printError(ParserMessages.line(for: message, arguments: typedArguments))
        }
        Foundation.exit(code.rawValue)
    }
}
