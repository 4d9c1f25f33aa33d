// sochibo-bench: import and export throughput on generated archives of realistic size,
// measured next to `xmllint --stream` on the same file in the same run.
//
//   swift run -c release sochibo-bench [--cells 2000] [--years 5] [--corpus PATH] [--work DIR] [--search]
//                                      [--keep] [--reuse] [--queries 200] [--summary] [--skip-export]
//
//   swift run -c release sochibo-bench generate-commune CELLS YEARS CORPUS OUT.xml
//   swift run -c release sochibo-bench web-pages ARCHIVE ACCOUNT PASSWORD ROUNDS PATH...
//   swift run -c release sochibo-bench commune-office ARCHIVE ORGANIZATION YEAR ROUNDS
//
// --skip-export leaves out the export (a quarter of an hour at a million records).
// --keep leaves the work directory (generated file, archive) in place; --reuse then skips
// generation, import and export and measures only search latency on the archive kept there
// (pass the same --cells, which the filtered queries name), or with --summary only the
// summaries (pass the same --cells and --years).
//
// With --search it also measures search: the indexed import next to `xmllint --stream` plus
// the sqlite3 shell loading the same text into an FTS5 table, and p50/p99 query latency next
// to the raw FTS5 query on the same index. With --summary it also measures the yearly summary
// of the last year: the whole district, one commune, single cells, next to the bare counting
// queries in the sqlite3 shell.
//
// Each step runs in a child process (this program, re-invoked with a step name), generation
// included, so that the parent stays small: on Linux a child's maximum resident set starts
// from its parent's size at fork, so a large parent would inflate every reading.

import ArchiveCore
import ArchiveGenerator
import ArchiveSQLite
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

struct Options {
    var cells = 2_000
    var years = 5
    var corpus = "../shared/corpus/vi-articles.jsonl.gz"
    var work = NSTemporaryDirectory() + "sochibo-bench"
    var keep = false
    var search = false
    var summary = false
    var reuse = false
    var skipExport = false
    var queries = 200

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--cells": cells = Int(iterator.next() ?? "") ?? cells
            case "--years": years = Int(iterator.next() ?? "") ?? years
            case "--corpus": corpus = iterator.next() ?? corpus
            case "--work": work = iterator.next() ?? work
            case "--keep": keep = true
            case "--search": search = true
            case "--summary": summary = true
            case "--reuse": reuse = true
            case "--skip-export": skipExport = true
            case "--queries": queries = Int(iterator.next() ?? "") ?? queries
            default:
                FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// Wall time and peak memory of one child process.
struct Measurement {
    var seconds: Double
    var peakMegabytes: Double
    var status: Int32
}

func measure(_ executable: String, _ arguments: [String]) throws -> Measurement {
    // posix_spawn and wait4 rather than Process, which reaps its child itself and loses the
    // child's resource usage.
    var pid: pid_t = 0
    var fileActions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fileActions)
    posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&fileActions) }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let start = DispatchTime.now()
    let spawned = posix_spawn(&pid, executable, &fileActions, nil, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    // ru_maxrss is in kilobytes on Linux.
    // A child killed by a signal reports 128 + the signal, as shells do.
    let signal = status & 0x7f
    let exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
    return Measurement(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: exitStatus)
}

func which(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func row(_ label: String, _ measurement: Measurement, bytes: Int, records: Int) -> String {
    let megabytes = Double(bytes) / 1_048_576
    let padded = label.padding(toLength: 36, withPad: " ", startingAt: 0)
    let figures = String(
        format: "%8.2f s %9.1f MB/s %10.0f records/s %9.1f MB peak", measurement.seconds,
        megabytes / measurement.seconds, Double(records) / measurement.seconds, measurement.peakMegabytes)
    return padded + figures + (measurement.status == 0 ? "" : "  (exit \(measurement.status))")
}

// Child steps.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "step-import", arguments.count == 3 {
    let archive = try Archive.create(at: arguments[1])
    _ = try await archive.importFiles([arguments[2]], context: AuditContext(actor: "sochibo-bench"))
    exit(0)
}
if arguments.first == "step-search", arguments.count == 3, let rounds = Int(arguments[2]) {
    // A loop of searches, for a profiler to watch.
    let archive = try Archive(opening: arguments[1])
    let queries = ["dang", "chi bo", "nghi quyet", "kinh te", "xa hoi", "phat trien", "to chuc", "can bo", "nhan dan"]
    for round in 0..<rounds { _ = try await archive.search(queries[round % queries.count]) }
    exit(0)
}
if arguments.first == "step-export", arguments.count == 3 {
    try await Archive(opening: arguments[1]).export(ExportSelection(), to: arguments[2])
    exit(0)
}

if arguments.first == "step-generate", arguments.count == 6,
    let cells = Int(arguments[1]), let years = Int(arguments[2])
{
    let text = try TextSource(corpus: arguments[3])
    let summary = try ArchiveGenerator(cells: cells, years: years, text: text).write(to: arguments[4])
    let report = [
        summary.bytes, summary.records, summary.meetings, summary.documents, text.titles.count, text.paragraphs.count,
    ]
    try report.map(String.init).joined(separator: " ").write(toFile: arguments[5], atomically: true, encoding: .utf8)
    exit(0)
}

// The web app's load benchmark (.ci/web-bench): one commune's archive of CELLS cells × YEARS
// years as a format-v1 file, and the pages timed in-process through the router.
if arguments.first == "generate-commune", arguments.count == 5, let cells = Int(arguments[1]),
    let years = Int(arguments[2])
{
    let summary = try ArchiveGenerator(
        cells: cells, years: years, text: try TextSource(corpus: arguments[3]), communes: 1
    ).write(to: arguments[4])
    print("\(summary.meetings) meetings, \(summary.documents) documents, \(summary.bytes) bytes")
    exit(0)
}
if arguments.first == "commune-office", arguments.count == 5, let year = Int(arguments[3]),
    let rounds = Int(arguments[4])
{
    let lines = try await CommuneOfficeBenchmark.run(
        archivePath: arguments[1], organizationID: arguments[2], year: year, rounds: rounds)
    for line in lines { print(line) }
    exit(0)
}
if arguments.first == "web-pages", arguments.count >= 6, let rounds = Int(arguments[4]) {
    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    try await WebPagesBenchmark.run(
        archivePath: arguments[1], account: arguments[2], password: arguments[3], rounds: rounds,
        paths: Array(arguments.dropFirst(5)))
    exit(0)
}

let options = Options(arguments)
let fileManager = FileManager.default
if options.reuse && options.summary {
    // Only the summaries, on the archive a run with --keep left behind.
    print("sochibo-bench: summaries only, on \(options.work)/archive (\(options.cells) cells)")
    let lines = try await SummaryBenchmark.run(
        archivePath: options.work + "/archive", cells: options.cells, year: 2020 + options.years - 1)
    for line in lines { print(line) }
    exit(0)
}
if options.reuse {
    // Only the queries, on the archive a run with --keep left behind.
    let records =
        (try? String(contentsOfFile: options.work + "/generated.txt", encoding: .utf8))?
        .split(separator: " ").compactMap({ Int($0) }).dropFirst(2).prefix(2).reduce(0, +) ?? 0
    print("sochibo-bench: search latency only, on \(options.work)/archive (\(options.cells) cells)")
    try await SearchBenchmark.report(
        try Archive(opening: options.work + "/archive"), corpus: options.corpus, cells: options.cells,
        queries: options.queries, records: records)
    exit(0)
}
try? fileManager.removeItem(atPath: options.work)
try fileManager.createDirectory(atPath: options.work, withIntermediateDirectories: true)
let source = options.work + "/generated.xml"
let benchExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path

print("sochibo-bench: \(options.cells) cells × \(options.years) years, text from \(options.corpus)")
let summaryPath = options.work + "/generated.txt"
let generation = try measure(
    benchExecutable,
    ["step-generate", String(options.cells), String(options.years), options.corpus, source, summaryPath])
guard generation.status == 0,
    let numbers = try? String(contentsOfFile: summaryPath, encoding: .utf8)
        .split(separator: " ").compactMap({ Int($0) }), numbers.count == 6
else {
    print("generation failed (exit \(generation.status)): is the corpus at \(options.corpus)?")
    exit(1)
}
let summary = (bytes: numbers[0], records: numbers[1], meetings: numbers[2], documents: numbers[3])
print("corpus: \(numbers[4]) titles, \(numbers[5]) paragraphs")
print(
    String(
        format: "generated %@: %.1f MB, %d records (%d meetings, %d documents) in %.1f s", source,
        Double(summary.bytes) / 1_048_576, summary.records, summary.meetings, summary.documents, generation.seconds))
print("")

var xmllintStream: Measurement?
if let xmllint = which("xmllint") {
    let stream = try measure(xmllint, ["--stream", "--noout", source])
    xmllintStream = stream
    print(row("xmllint --stream --noout", stream, bytes: summary.bytes, records: summary.records))
    let schema = fileManager.currentDirectoryPath + "/archive/schema/archive-1.xsd"
    if fileManager.fileExists(atPath: schema) {
        print(
            row(
                "xmllint --stream --noout --schema",
                try measure(xmllint, ["--stream", "--noout", "--schema", schema, source]), bytes: summary.bytes,
                records: summary.records))
    }
} else {
    print("xmllint not found (apt-get install libxml2-utils): no reference line")
}
let archive = options.work + "/archive"
let importing = try measure(benchExecutable, ["step-import", archive, source])
print(row("sochibo import (validate + SQLite)", importing, bytes: summary.bytes, records: summary.records))
guard importing.status == 0 else {
    print("the import failed: no export measured")
    exit(1)
}
let exported = options.work + "/exported.xml"
if !options.skipExport {
    let export = try measure(benchExecutable, ["step-export", archive, exported])
    let bytes = (try? fileManager.attributesOfItem(atPath: exported)[.size] as? Int) ?? 0
    print(row("sochibo export", export, bytes: bytes, records: summary.records))
}
let exportedBytes = (try? fileManager.attributesOfItem(atPath: exported)[.size] as? Int) ?? 0
let databaseBytes = (try? fileManager.attributesOfItem(atPath: archive + "/archive.sqlite")[.size] as? Int) ?? 0
print(
    String(
        format: "\narchive.sqlite: %.1f MB; exported file: %.1f MB", Double(databaseBytes) / 1_048_576,
        Double(exportedBytes) / 1_048_576))
if options.search {
    /// Runs `sql` on the archive in the sqlite3 shell, writing its rows to `output` in `mode`.
    func dump(_ sql: String, to output: String, mode: String = "-csv") throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c", "sqlite3 \"$3\" \"$0\" \"$1\" > \"$2\"", archive + "/archive.sqlite", sql, output, mode,
        ]
        try shell.run()
        shell.waitUntilExit()
    }
    if let sqlite3 = which("sqlite3") {
        // The same text, loaded by the sqlite3 shell into a plain FTS5 table: the import's limit.
        let csv = options.work + "/text.csv"
        try dump("SELECT title, body FROM search_text", to: csv)
        let load = try measure(
            sqlite3,
            [
                options.work + "/plain-fts5.sqlite",
                "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');",
                ".import --csv \(csv) t",
            ])
        // And into our own index (search_text and both FTS5 tables, their schema read from the
        // archive): what indexing alone costs in SQLite, with nothing of ours around it.
        let ourCSV = options.work + "/search-text.csv"
        try dump("SELECT id, title, body, symbol FROM search_text", to: ourCSV)
        let schemaFile = options.work + "/search-schema.sql"
        try dump(
            """
            SELECT sql || ';' FROM sqlite_master
            WHERE name IN ('search_text', 'search_folded', 'search_index', 'search_exact') OR name LIKE 'search_marks%'
            ORDER BY type = 'view', name = 'search_exact', rowid
            """, to: schemaFile, mode: "-list")
        let schema = try String(contentsOfFile: schemaFile, encoding: .utf8)
        let ourLoad = try measure(
            sqlite3,
            [
                options.work + "/our-index.sqlite", schema,
                ".import --csv \(ourCSV) search_text",
                """
                INSERT INTO search_index (search_index) VALUES ('rebuild');
                INSERT INTO search_exact (search_exact) VALUES ('rebuild');
                """,
            ])
        let xmllintSeconds = xmllintStream?.seconds ?? 0
        print("")
        print(row("sqlite3 shell: same text into FTS5", load, bytes: summary.bytes, records: summary.records))
        print(
            row(
                "sqlite3 shell: same text, our index", ourLoad, bytes: summary.bytes, records: summary.records)
                + (ourLoad.status == 0 ? "" : "  (failed: exit \(ourLoad.status))"))
        print(
            String(
                format: "indexed import %.1f s against xmllint --stream + sqlite3 FTS5 load %.1f s: %.2f×",
                importing.seconds, xmllintSeconds + load.seconds, importing.seconds / (xmllintSeconds + load.seconds)))
        print(
            String(
                format: "our index alone in the shell %.1f s: %.2f× the plain FTS5 load",
                ourLoad.seconds, ourLoad.seconds / load.seconds))
    }
    try await SearchBenchmark.report(
        try Archive(opening: archive), corpus: options.corpus, cells: options.cells, queries: options.queries,
        records: summary.meetings + summary.documents)
}
if options.summary {
    print("")
    let lines = try await SummaryBenchmark.run(
        archivePath: archive, cells: options.cells, year: 2020 + options.years - 1)
    for line in lines { print(line) }
}
if !options.keep { try? fileManager.removeItem(atPath: options.work) }
