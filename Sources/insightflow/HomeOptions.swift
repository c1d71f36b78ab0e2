import ArgumentParser
import FlowModel
import Foundation

/// The `--home` option shared by every command.
struct HomeOptions: ParsableArguments {
    @Option(name: .long, help: "The InsightFlow home folder (default: $INSIGHTFLOW_HOME, else the XDG data folder).")
    var home: String?

    /// The resolved home.
    var location: InsightFlowHome { InsightFlowHome.resolve(explicit: home) }

    /// The resolved home folder URL.
    func resolve() -> URL { location.url }
}
