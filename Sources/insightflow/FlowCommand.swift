import ArgumentParser

/// `insightflow flow ...`: manage flow files.
struct FlowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flow", abstract: "List, show, check and manage flows.", subcommands: [])
}
