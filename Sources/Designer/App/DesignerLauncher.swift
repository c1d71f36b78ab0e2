import FlowModel
import Foundation
import TerminalUI

/// Starts the terminal, resolves the theme for it and runs the designer over a home's flows and runner link.
@MainActor
public enum DesignerLauncher {
    /// Opens the app on `home` until the user quits; the runner link is stopped at the end.
    public static func launch(home: InsightFlowHome, themeName: String?, runner: HomeRunnerLink?, runnerProblem: String?) throws {
        let terminal = try NCursesTerminal()
        let environment = ProcessInfo.processInfo.environment
        let settings = DesignerSettings.load(home: home)
        let name = ThemeLoader.chosenName(explicit: themeName, environment: environment, setting: settings.theme)
        let mode = ColorMode.detect(colors: terminal.colorCount, environment: environment)
        let (resolved, themeError) = ThemeLoader.load(name: name, folders: themeFolders(home: home, environment: environment),
                                                      mode: mode, glyphs: terminal.supportsUnicode ? .unicode : .ascii)
        let services = StoreDesignerServices(home: home, workspace: { runner?.workspaceSnapshot() ?? WorkspaceSnapshot(name: "no workspace") },
                                             runs: { runner?.lastRuns() ?? [:] }, runner: runner,
                                             unification: runner?.workspace.map(WorkspaceUnification.init))
        defer { runner?.stop() }
        DesignerApp.run(terminal: terminal, services: services, theme: resolved, startupMessage: themeError?.description ?? settings.problem ?? runnerProblem,
                        clipboardSupport: ClipboardSupport.detect())
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
