import Foundation
import Testing

/// `sochibo user …`, run as the real program.
@Suite struct UserAndServeCommandTests {
    func sampleArchive() throws -> String {
        let archive = Sochibo.temporaryDirectory() + "/kho"
        try Sochibo.run(["init", "--archive", archive])
        try Sochibo.run(["import", "--archive", archive, Sochibo.path("archive/samples/dbx-hop-thanh.xml")])
        return archive
    }

    @Test func accountsAreAddedListedChangedAndDisabled() throws {
        let archive = try sampleArchive()
        let added = try Sochibo.run(
            [
                "user", "add", "thu.napan", "--role", "secretary", "--cell", "cb-na-pan", "--archive", archive,
                "--by", "Hà Văn Lợi",
            ], input: "mật khẩu dài\n")
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output.contains("Đã tạo tài khoản thu.napan (bí thư chi bộ cb-na-pan)"))
        let refused = try Sochibo.run(
            ["user", "add", "a", "--role", "secretary", "--archive", archive], input: "mật khẩu dài\n")
        #expect(refused.status == 1)
        #expect(refused.errorLines == ["sochibo: tài khoản bí thư cần chỉ rõ chi bộ (--cell)."])
        let short = try Sochibo.run(["user", "add", "b", "--role", "admin", "--archive", archive], input: "ngắn\n")
        #expect(short.errorLines == ["sochibo: mật khẩu cần ít nhất 8 ký tự."])
        #expect(
            try Sochibo.run(["user", "passwd", "thu.napan", "--archive", archive], input: "mật khẩu mới\n").status == 0)
        #expect(try Sochibo.run(["user", "disable", "thu.napan", "--archive", archive]).output.contains("Đã khóa"))
        let list = try Sochibo.run(["user", "list", "--archive", archive])
        #expect(list.output.contains("thu.napan\tbí thư chi bộ cb-na-pan, đã khóa"))
        #expect(!list.output.contains("$2"))
        let log = try Sochibo.run(["log", "--archive", archive, "thu.napan"])
        #expect(log.output.contains("tạo tài khoản"))
        #expect(log.output.contains("đổi mật khẩu"))
        #expect(log.output.contains("khóa tài khoản"))
        #expect(log.output.contains("Hà Văn Lợi"))
    }
}
