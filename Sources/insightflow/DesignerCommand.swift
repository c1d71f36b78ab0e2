import ArgumentParser
import Designer
import FlowModel
import FlowRunner
import Foundation

/// `insightflow` with no subcommand (also `insightflow design`): opens the terminal designer.
struct DesignerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "design",
        abstract: "Open the terminal flow designer (the default when no subcommand is given)."
    )

    @OptionGroup var homeOptions: HomeOptions

    @Option(name: .long, help: "Theme: default-dark, light, high-contrast, monochrome or a .toml path (default: $INSIGHTFLOW_THEME, else \"theme\" in settings.json, else default-dark).")
    var theme: String?

    func run() async throws {
        let home = homeOptions.location
        _ = try SampleHome.prepareIfNew(home)
        let (link, problem) = await HomeRunnerLink.open(home: home)
        let themeName = theme
        try await MainActor.run {
            try DesignerLauncher.launch(home: home, themeName: themeName, runner: link, runnerProblem: problem)
        }
    }
}
