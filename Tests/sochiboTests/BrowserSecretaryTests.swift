import Foundation
import Testing

/// A secretary's month in a real browser: Debian's `chromium`, headless, driven by Selenium
/// through Debian's `chromedriver` (`Browser/secretary_month.py`), against the real
/// `sochibo serve` on loopback. The script checks what a person sees at each step; this test
/// prepares the archive, serves it, runs the script and reads the archive back afterwards.
@Suite(.serialized) struct BrowserSecretaryTests {
    static let cell = "cb-na-pan"
    static let account = "thu.napan"
    static let password = "bi-thu-2024"

    /// What the test needs installed, each as a sentence when missing.
    static func missingTools() -> [String] {
        var missing: [String] = []
        for (path, package) in [("/usr/bin/chromium", "chromium"), ("/usr/bin/chromedriver", "chromium-driver")]
        where !FileManager.default.isExecutableFile(atPath: path) {
            missing.append("\(path) (Debian's \(package))")
        }
        let selenium = try? Sochibo.tool("/usr/bin/env", ["python3", "-c", "import selenium"])
        if selenium?.status != 0 { missing.append("the Python module selenium (PyPI)") }
        return missing
    }

    /// The 8th of the month before `today`'s: a month that is over, and empty in the sample
    /// (whose records end in 2024).
    static func dayToFile(today: Date = Date()) -> (iso: String, month: String, year: Int) {
        let calendar = Calendar(identifier: .gregorian)
        let lastMonth = calendar.date(byAdding: .month, value: -1, to: today)!
        let parts = calendar.dateComponents([.year, .month], from: lastMonth)
        let year = parts.year!
        let month = parts.month!
        let iso = String(format: "%04d-%02d-08", year, month)
        return (iso, String(format: "/%02d/%04d", month, year), year)
    }

    @Test func aSecretaryFilesApprovesIssuesFindsAndPrintsInChromium() throws {
        let missing = Self.missingTools()
        try #require(
            missing.isEmpty,
            "The browser test needs \(missing.joined(separator: ", ")): run .ci/install to install them.")

        let folder = Sochibo.temporaryDirectory()
        let archive = folder + "/kho"
        #expect(try Sochibo.run(["init", "--archive", archive]).status == 0)
        let imported = try Sochibo.run(
            ["import", "--archive", archive, Sochibo.path("archive/samples/dbx-hop-thanh.xml")])
        try #require(imported.status == 0, "\(imported.errors)")
        let added = try Sochibo.run(
            ["user", "add", Self.account, "--role", "secretary", "--cell", Self.cell, "--archive", archive],
            input: Self.password + "\n")
        try #require(added.status == 0, "\(added.errors)")

        let day = Self.dayToFile()
        let before = try Sochibo.run(
            ["list", "meetings", "--cell", Self.cell, "--year", String(day.year), "--archive", archive])
        try #require(!before.output.contains(day.month), "the sample already has minutes in \(day.month)")

        let shots = folder + "/anh-chup"
        let server = try ServedArchive(archive: archive, log: folder + "/serve.log")
        let run: TimedProcess.Result
        do {
            defer { server.stop() }
            run = try TimedProcess.run(
                "/usr/bin/env",
                [
                    "python3", Sochibo.path("Tests/sochiboTests/Browser/secretary_month.py"),
                    "--base", "http://127.0.0.1:\(server.port)", "--user", Self.account, "--password",
                    Self.password, "--cell", Self.cell, "--date", day.iso, "--shots", shots,
                ],
                environment: ProcessInfo.processInfo.environment.merging(["SE_OFFLINE": "true"]) { $1 },
                timeout: 300)
        }
        Self.keepScreenshots(from: shots)
        let serverLog = (try? String(contentsOfFile: folder + "/serve.log", encoding: .utf8)) ?? ""
        #expect(!run.timedOut, "the browser script did not finish in 300 s:\n\(run.output)\n\(run.errors)")
        #expect(
            run.status == 0,
            "the browser script failed:\n\(run.output)\n\(run.errors)\nserver log:\n\(serverLog.suffix(3000))")
        #expect(run.output.contains("9 passed, 0 failed"), "\(run.output)\n\(run.errors)")

        // The archive, read back with the program after the server stopped, holds what the browser did.
        let result = run.output.split(separator: "\n").first { $0.hasPrefix("RESULT ") }
        let fields = Dictionary(
            (result ?? "").split(separator: " ").dropFirst().compactMap { pair -> (String, String)? in
                let parts = pair.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }, uniquingKeysWith: { $1 })
        let symbol = try #require(fields["symbol"], "the script printed no RESULT line:\n\(run.output)")
        #expect(symbol.wholeMatch(of: /\d{2,}-NQ\/[A-Z0-9]+/) != nil, "\(symbol)")
        let resolution = try Sochibo.run(["show", fields["resolution"] ?? "", "--archive", archive])
        #expect(resolution.status == 0, "\(resolution.errors)")
        #expect(resolution.output.contains(symbol))
        #expect(resolution.output.contains("mắc ca"))
        let after = try Sochibo.run(
            ["list", "meetings", "--cell", Self.cell, "--year", String(day.year), "--archive", archive])
        #expect(after.output.contains(String(day.iso.suffix(2)) + day.month))
        let log = try Sochibo.run(["log", "--archive", archive, fields["meeting"] ?? ""])
        #expect(log.output.contains(Self.account), "\(log.output)")
    }

    /// Copies the screenshots where the integrator looks for them, `/tmp/browser-shots/`.
    static func keepScreenshots(from folder: String) {
        let keep = "/tmp/browser-shots"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        guard !files.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
        for file in files {
            try? FileManager.default.removeItem(atPath: keep + "/" + file)
            try? FileManager.default.copyItem(atPath: folder + "/" + file, toPath: keep + "/" + file)
        }
    }
}

/// `sochibo serve` on 127.0.0.1 with a port the system chooses, its console log in a file;
/// `stop()` ends it with SIGTERM, and SIGKILL if it has not stopped within 10 s.
final class ServedArchive {
    let process = Process()
    let port: Int

    /// Starts the server and waits (at most 60 s) for the line naming its address.
    init(archive: String, log: String) throws {
        process.executableURL = URL(fileURLWithPath: Sochibo.executable)
        process.arguments = ["serve", "--archive", archive, "--host", "127.0.0.1", "--port", "0"]
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        let reading = output.fileHandleForReading
        let first = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var line = Data()
        DispatchQueue.global().async {
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = reading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            first.signal()
        }
        let answered = first.wait(timeout: .now() + 60) == .success
        let text = String(decoding: line, as: UTF8.self)
        guard answered, text.contains("đang phục vụ tại http://127.0.0.1:"),
            let port = text.split(separator: ":").last.flatMap({ Int($0.prefix { $0.isNumber }) }), port > 0
        else {
            process.terminate()
            throw ServeFailed(text: text)
        }
        self.port = port
    }

    struct ServeFailed: Error, CustomStringConvertible {
        let text: String
        var description: String { "sochibo serve did not say where it listens within 60 s: “\(text)”" }
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// A program run with a time limit: past `timeout` seconds it gets SIGTERM (the browser script
/// then closes its browser and stops) and the result says so.
enum TimedProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        var timedOut: Bool
    }

    static func run(
        _ path: String, _ arguments: [String], environment: [String: String], timeout: TimeInterval
    )
        throws -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var timedOut = false
        let limit = DispatchWorkItem {
            guard process.isRunning else { return }
            timedOut = true
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: limit)
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        limit.cancel()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self), timedOut: timedOut)
    }
}
