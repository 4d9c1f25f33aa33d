// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "SoChiBo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sochibo", targets: ["sochibo"]),
        .library(name: "ArchiveCore", targets: ["ArchiveCore"]),
        .library(name: "ArchiveSQLite", targets: ["ArchiveSQLite"]),
        .library(name: "ArchivePages", targets: ["ArchivePages"]),
        .library(name: "ArchiveWeb", targets: ["ArchiveWeb"]),
        .library(name: "ArchiveSpreadsheets", targets: ["ArchiveSpreadsheets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The web app. Without the swift-configuration trait, which the program does not use.
        .package(
            url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph through Hummingbird; named for the header field names, and for
        // the error NIO throws on a body over its limit.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The .xlsx workbook is a ZIP package.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The committee's member lists as spreadsheets save them: CSV with or without a BOM,
        // comma or semicolon (RFC 4180 quoting).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // libxml2, the system C library (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The Swift face of libxml2: the only module that imports CLibXML2.
        .target(name: "LibXML", dependencies: ["CLibXML2"]),
        // The domain without a store or a screen: model values, the rules as pure functions,
        // format v1, the yearly summary, search queries and folding, the plain-text forms,
        // Vietnamese wording, and the `ArchiveService` protocol every front end calls.
        .target(
            name: "ArchiveCore",
            dependencies: [
                "LibXML",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The embedded store: SQLite through GRDB (imported here and nowhere else), migrations,
        // the import session, the audit log, the FTS5 index; implements `ArchiveService`.
        .target(
            name: "ArchiveSQLite",
            dependencies: [
                "ArchiveCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for search's FTS5 ranking function.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // Account passwords are bcrypt hashes.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // HTML pages from swift-mustache templates: the page shell, the Party heading, the
        // print stylesheet, minutes and documents to print, the yearly report.
        .target(
            name: "ArchivePages",
            dependencies: [
                "ArchiveCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Compiled into the module as byte arrays (`PackageResources.page_mustache`…), so
            // the program needs no resource bundle beside it.
            resources: [
                .embedInCode("Templates/page.mustache"),
                .embedInCode("Templates/print.css"),
                .embedInCode("Templates/party-heading.mustache"),
                .embedInCode("Templates/paragraph.mustache"),
                .embedInCode("Templates/document.mustache"),
                .embedInCode("Templates/minutes.mustache"),
                .embedInCode("Templates/summary.mustache"),
                .embedInCode("Templates/committee-report.mustache"),
                .embedInCode("Templates/cell-figures.mustache"),
                .embedInCode("Templates/cell-findings.mustache"),
                .embedInCode("Templates/month-chart.mustache"),
                // The web app's pages, on their own shell and stylesheet.
                .embedInCode("Templates/web/web-page.mustache"),
                .embedInCode("Templates/web/web.css"),
                .embedInCode("Templates/web/login.mustache"),
                .embedInCode("Templates/web/error.mustache"),
                .embedInCode("Templates/web/home.mustache"),
                .embedInCode("Templates/web/cell-year.mustache"),
                .embedInCode("Templates/web/record.mustache"),
                .embedInCode("Templates/web/search.mustache"),
                .embedInCode("Templates/web/accounts.mustache"),
                .embedInCode("Templates/web/account-change.mustache"),
                .embedInCode("Templates/web/account-scope-fields.mustache"),
                .embedInCode("Templates/web/board.mustache"),
                .embedInCode("Templates/web/report.mustache"),
                .embedInCode("Templates/web/resend.mustache"),
                .embedInCode("Templates/web/inbox.mustache"),
                .embedInCode("Templates/web/audit.mustache"),
                .embedInCode("Templates/web/register-form.mustache"),
                .embedInCode("Templates/web/members.mustache"),
                .embedInCode("Templates/web/member.mustache"),
                .embedInCode("Templates/web/setup.mustache"),
                .embedInCode("Templates/web/member-list.mustache"),
                .embedInCode("Templates/web/admin.mustache"),
                .embedInCode("Templates/web/filing.mustache"),
                .embedInCode("Templates/web/resolution.mustache"),
            ]
        ),
        // The web app on Hummingbird 2: buildApplication/buildRouter, one request context, the
        // security policy (sessions, CSRF, login throttling, roles and cells), the controllers.
        // Errors become pages here only.
        .target(
            name: "ArchiveWeb",
            dependencies: [
                "ArchiveCore", "ArchiveSQLite", "ArchivePages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Spreadsheets the offices open in Excel: the summary as an .xlsx workbook (Office Open
        // XML parts written by libxml2, zipped by ZIPFoundation).
        .target(
            name: "ArchiveSpreadsheets",
            dependencies: ["ArchiveCore", "LibXML", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The command line and the terminal text only it prints.
        .executableTarget(
            name: "sochibo",
            dependencies: [
                "ArchiveCore", "ArchiveSQLite", "ArchivePages", "ArchiveWeb", "ArchiveSpreadsheets",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generated archives of realistic size, for benchmarks and large-file tests.
        .target(name: "ArchiveGenerator", dependencies: ["ArchiveCore"]),
        .executableTarget(
            name: "sochibo-bench",
            dependencies: [
                "ArchiveCore", "ArchiveSQLite", "ArchiveGenerator", "ArchivePages", "ArchiveWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(
            name: "ArchiveTests",
            dependencies: [
                "ArchiveCore", "ArchiveSQLite", "ArchivePages", "ArchiveGenerator", "ArchiveSpreadsheets",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The library's own escaping, which `HTMLText` must match.
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "ArchiveWebTests",
            dependencies: [
                "ArchiveWeb", "ArchiveCore", "ArchiveSQLite", "ArchivePages",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "sochiboTests", dependencies: ["sochibo", "ArchiveCore", "ArchiveSQLite", "ArchiveGenerator"],
            // The browser test's Selenium script, run with python3 from its path.
            exclude: ["Browser"]),
    ],
    swiftLanguageModes: [.v6]
)
