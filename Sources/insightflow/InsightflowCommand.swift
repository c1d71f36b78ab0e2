import ArgumentParser

/// The `insightflow` root command.
@main
struct InsightflowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insightflow",
        abstract: "A terminal flow designer and runner for customer-data automation.",
        version: BuildInfo.versionLine,
        subcommands: [
            DesignerCommand.self, FlowCommand.self, EvalCommand.self, InitCommand.self, WorkspaceCommand.self, RefreshCommand.self,
            SegmentsCommand.self, MeasuresCommand.self, ServeCommand.self, EmitCommand.self, RunsCommand.self, StoreCommand.self,
        ],
        defaultSubcommand: DesignerCommand.self
    )
}
