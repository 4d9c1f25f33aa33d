import Foundation
import Testing

/// Runs the real `sochibo` program, built next to the tests, as a script or a person would.
struct Sochibo {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        var errorLines: [String] { errors.split(separator: "\n").map(String.init) }
    }

    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The built program: beside the test bundle in the build folder.
    static let executable: String = {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("sochibo").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return packageRoot + "/.build/debug/sochibo"
    }()

    static func path(_ relative: String) -> String { packageRoot + "/" + relative }

    /// One folder per test process for everything the tests write, removed when it exits.
    static let temporaryRoot: String = {
        let path = NSTemporaryDirectory() + "sochibo-cli-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Sochibo.temporaryRoot) }
        return path
    }()

    /// The `LINE:COLUMN: lỗi: MESSAGE` lines `import` prints about `text`, written to a file in
    /// `directory` and imported into a new archive there; the import must be refused as a whole
    /// (its last line says the archive is as before, and the archive holds no cell).
    static func importErrors(of text: String, in directory: String) throws -> [String] {
        let archive = directory + "/\(UUID().uuidString)"
        #expect(try run(["init", "--archive", archive]).status == 0)
        let path = directory + "/\(UUID().uuidString).xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try run(["import", path, "--archive", archive])
        #expect(result.status == 1)
        #expect(result.errorLines.last?.contains("kho lưu trữ giữ nguyên như trước") == true, "\(result.errors)")
        let listed = try run(["list", "cells", "--archive", archive, "--format", "json"])
        let cells = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [Any]
        #expect(cells?.isEmpty == true, "nothing written: \(listed.output)")
        return result.errorLines.filter { $0.hasPrefix(path + ":") }.map { String($0.dropFirst(path.count + 1)) }
    }

    static func temporaryDirectory() -> String {
        let path = temporaryRoot + "/\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `sochibo` with `arguments` and waits for it.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil, input: String? = nil) throws -> Result
    {
        try tool(executable, arguments, environment: environment, input: input)
    }

    /// Runs another program (`chromium`, `pdftotext`…) with `arguments` and waits for it.
    static func tool(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil, input: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let inputPipe = Pipe()
        if input != nil { process.standardInput = inputPipe }
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        // Read both pipes while the program runs, so that a large output cannot block it.
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
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }
}
