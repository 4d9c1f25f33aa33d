// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "SoChiBo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sochibo", targets: ["sochibo"]),
        .library(name: "CellArchive", targets: ["CellArchive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
        // The product's core: model, rules, SQLite store, XML interchange.
        .target(
            name: "CellArchive",
            dependencies: [
                "LibXML",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for search's FTS5 ranking function.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "sochibo",
            dependencies: [
                "CellArchive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generated archives of realistic size, for benchmarks and large-file tests.
        .target(name: "ArchiveGenerator", dependencies: ["CellArchive"]),
        .executableTarget(name: "sochibo-bench", dependencies: ["CellArchive", "ArchiveGenerator"]),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "CellArchiveTests", dependencies: ["CellArchive", "ArchiveGenerator"]),
        .testTarget(name: "sochiboTests", dependencies: ["sochibo", "ArchiveGenerator"]),
    ],
    swiftLanguageModes: [.v6]
)
