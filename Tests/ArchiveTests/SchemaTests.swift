import ArchiveCore
import ArchivePages
import ArchiveSQLite
import Foundation
import Testing

@testable import ArchiveCore
@testable import ArchivePages
@testable import ArchiveSQLite

@Suite("The schema")
struct SchemaTests {
    @Test func theProgramCarriesTheSchemaFileByteForByte() throws {
        let file = try String(contentsOfFile: Support.path("archive/schema/archive-1.xsd"), encoding: .utf8)
        #expect(ArchiveSchema.text == file, "archive/schema/archive-1.xsd and ArchiveSchema.swift differ")
    }

    @Test func theSchemaCompiles() throws {
        _ = try ArchiveSchema.compiled.get()
    }
}
