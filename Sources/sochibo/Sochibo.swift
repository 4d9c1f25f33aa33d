import ArgumentParser

/// `sochibo`: the cell's register, on the command line.
@main
struct Sochibo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sochibo",
        abstract: "Sổ Chi Bộ: lưu trữ biên bản, nghị quyết và sinh hoạt của chi bộ.",
        subcommands: [
            InitCommand.self, ImportCommand.self, ExportCommand.self, ListCommand.self, ShowCommand.self,
            CheckCommand.self, SearchCommand.self, ReindexCommand.self, SummaryCommand.self, RateCommand.self,
            RubricCommand.self, ApproveCommand.self, IssueCommand.self, LogCommand.self, PrintCommand.self,
            TemplateCommand.self, FileCommand.self, CorrectCommand.self, DiscardCommand.self, UserCommand.self,
            ServeCommand.self, BoardCommand.self, MemberCommand.self,

        ])
}
