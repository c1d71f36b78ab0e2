import ArgumentParser
import Designer
import FlowModel
import FlowRunner
import Foundation
import Insights
import TerminalUI

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
        let workspace = await DesignerWorkspace.snapshot(home: home)
        let themeName = theme
        let (runner, runnerProblem) = await DesignerRunner.open(home: home)
        try await MainActor.run {
            try DesignerLauncher.launch(home: home, themeName: themeName, workspace: workspace, runner: runner, runnerProblem: runnerProblem)
        }
    }
}

/// Starts the terminal, resolves the theme for it and runs the designer over the home's flows.
@MainActor
enum DesignerLauncher {
    static func launch(home: InsightFlowHome, themeName: String?, workspace: WorkspaceSnapshot, runner: (any RunnerLink)?, runnerProblem: String?) throws {
        let terminal = try NCursesTerminal()
        let environment = ProcessInfo.processInfo.environment
        let name = ThemeLoader.chosenName(explicit: themeName, environment: environment, setting: DesignerSettings.theme(home: home))
        let mode = ColorMode.detect(colors: terminal.colorCount, environment: environment)
        let (resolved, themeError) = ThemeLoader.load(name: name, folders: themeFolders(home: home, environment: environment),
                                                      mode: mode, glyphs: terminal.supportsUnicode ? .unicode : .ascii)
        let history = DesignerRunHistory(home: home)
        let services = StoreDesignerServices(home: home, workspace: { workspace }, runs: { history.lastRuns() }, runner: runner)
        defer { runner?.stop() }
        DesignerApp.run(terminal: terminal, services: services, theme: resolved, startupMessage: themeError?.description ?? runnerProblem)
    }

    /// Where theme files are looked for: `$INSIGHTFLOW_THEMES_DIR`, the home's `themes/`, `Themes/` beside the
    /// checkout of a development build, and `Themes/` in the current folder.
    static func themeFolders(home: InsightFlowHome, environment: [String: String]) -> [URL] {
        var folders: [URL] = []
        if let custom = environment["INSIGHTFLOW_THEMES_DIR"], !custom.isEmpty { folders.append(URL(fileURLWithPath: custom)) }
        folders.append(home.url.appendingPathComponent("themes"))
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            folders.append(executable.deletingLastPathComponent().appendingPathComponent("../../../Themes").standardized)
        }
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Themes"))
        return folders
    }
}

/// The workspace's lists and current values for the designer (empty lists when the home has no workspace yet).
enum DesignerWorkspace {
    static func snapshot(home: InsightFlowHome) async -> WorkspaceSnapshot {
        guard let workspace = try? Workspace.load(folder: home.workspaceFolder) else { return WorkspaceSnapshot(name: "no workspace") }
        let definition = workspace.definition
        guard let status = try? await workspace.status() else {
            return WorkspaceSnapshot(name: definition.name,
                                     sources: definition.sources.map { WorkspaceItem(name: $0.name, value: "not refreshed") },
                                     segments: definition.segments.map { WorkspaceItem(name: $0.name, value: "-") },
                                     measures: definition.measures.map { WorkspaceItem(name: $0.name, value: "-") })
        }
        return WorkspaceSnapshot(
            name: status.name,
            sources: status.sources.map { source in
                let last = source.lastRefresh.map { $0.errorMessage == nil ? "succeeded" : "failed: \($0.errorMessage ?? "")" } ?? "never refreshed"
                return WorkspaceItem(name: source.name, value: source.rows.map { "\($0) rows" } ?? "-", detail: last)
            },
            unification: [WorkspaceItem(name: "Unified profiles", value: "\(status.profiles)")],
            segments: status.segments.map { WorkspaceItem(name: $0.name, value: $0.count.map { "\($0) members" } ?? "-") },
            measures: status.measures.map { WorkspaceItem(name: $0.name, value: $0.value.map { "\($0)" } ?? "-", detail: $0.aggregation) })
    }
}

/// The last run of each flow, read from the runner's history (nothing when the home has no history yet).
struct DesignerRunHistory {
    private let store: HistoryStore?

    init(home: InsightFlowHome) {
        let exists = FileManager.default.fileExists(atPath: home.historyDatabase.path)
        store = exists ? try? HistoryStore(url: home.historyDatabase) : nil
    }

    /// Flow id → status and time of its newest run.
    func lastRuns() -> [String: RunSummary] {
        guard let runs = try? store?.runs(limit: 5000) else { return [:] }
        var result: [String: RunSummary] = [:]
        for run in runs where result[run.flowId] == nil {
            let time = run.finishedAt ?? run.startedAt ?? run.queuedAt
            result[run.flowId] = RunSummary(status: run.status.rawValue, time: Self.format(time))
        }
        return result
    }

    private static func format(_ date: Date) -> String {
        let text = Date.ISO8601FormatStyle().format(date)
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}

/// The designer's runner: attached to the `serve` holding the home, else embedded; read-only history when neither works.
enum DesignerRunner {
    static func open(home: InsightFlowHome) async -> ((any RunnerLink)?, String?) {
        do {
            return (try await HomeRunnerLink.open(home: home), nil)
        } catch {
            let problem = "No runner: \(error)"
            guard let history = try? HistoryStore(url: home.historyDatabase) else { return (nil, problem) }
            let link = await HomeRunnerLink(history: history, control: .readOnly, workspace: try? Workspace.load(folder: home.workspaceFolder), home: home)
            return (link, problem)
        }
    }
}
