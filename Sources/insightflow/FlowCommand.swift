import ArgumentParser

/// `insightflow flow ...`: manage flow files.
struct FlowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "List, show, check and manage flows.",
        subcommands: [
            FlowListCommand.self, FlowShowCommand.self, FlowValidateCommand.self, FlowNewCommand.self,
            FlowImportCommand.self, FlowExportCommand.self, FlowEnableCommand.self, FlowDisableCommand.self,
            FlowRenameCommand.self, FlowDuplicateCommand.self, FlowDeleteCommand.self, FlowTestCommand.self,
            FlowHistoryCommand.self, FlowDiffCommand.self, FlowRestoreCommand.self, FlowReplayCommand.self,
        ]
    )
}
