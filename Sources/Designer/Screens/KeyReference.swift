import FlowModel
import TerminalUI

/// The key reference of every screen, read from the screens' own key maps (the README's key table is generated
/// from it by `INSIGHTFLOW_UPDATE_SNAPSHOTS=1 swift test --filter KeyReferenceTests`, and the test checks it is current).
public enum KeyReference {
    /// (screen, its declared keys) in the order a user meets them.
    static var screens: [(String, [KeyHint])] {
        [
            ("everywhere", GlobalKeys.map.hints),
            ("home", HomeScreen.keys.hints),
            ("Admin", AdminScreen.keys.hints),
            ("Data", DataScreen.keys.hints),
            ("Data > Unification", UnificationScreen.keys.hints),
            ("Export destinations", ExportDestinationsScreen.keys.hints),
            ("connector page: triggers", ConnectorPageScreen.triggerKeys.hints),
            ("connector page: your flows", ConnectorPageScreen.flowKeys.hints),
            ("templates", TemplatePickerScreen.keys.hints),
            ("template form", TemplateFormScreen.keys.hints),
            ("new flow form", TriggerFormScreen(kind: .manual, isNewFlow: true, form: FormModel(fields: [])).keys.hints),
            ("canvas", FlowCanvasScreen.keys.hints),
            ("command palette (Ctrl-P, :)", PaletteScreen.keys.hints),
            ("step picker", StepPickerScreen.keys.hints),
            ("step form", StepFormScreen.keys.hints),
            ("condition builder (Ctrl-G in a condition field)", ConditionBuilderScreen.keys.hints),
            ("text editor (F2 on a text field of the step form)", TextEditorScreen.keys.hints),
            ("trigger form", TriggerFormScreen(kind: .manual, isNewFlow: false, form: FormModel(fields: [])).keys.hints),
            ("dynamic content", DynamicContentScreen.keys.hints),
            ("issues", IssuesScreen.keys.hints),
            ("test form", TestRunFormScreen.keys.hints),
            ("flows list", FlowsListScreen.keys.hints),
            ("flow history", VersionHistoryScreen.keys.hints),
            ("version diff", VersionDiffScreen.keys.hints),
            ("any list while finding (after /)", FindKeys.hints),
            ("Monitor", MonitorScreen().keys.hints),
            ("run history", RunHistoryScreen.keys.hints),
            ("run history while typing a search (after s)", RunHistoryScreen.searchHints),
            ("run comparison", RunCompareScreen.keys.hints),
            ("run detail", RunDetailScreen(runId: "").keys.hints),
            ("run on the canvas (c)", RunCanvasScreen.keys.hints),
            ("step inputs/outputs", StepIOScreen.keys.hints),
            ("recorded events (T on the canvas)", RecordedEventsScreen.keys.hints),
            ("replay summary (L on the canvas)", ReplaySummaryScreen.keys.hints),
            ("Admin > System", SystemScreen.keys.hints),
            ("Admin > Connections", ConnectionsScreen.keys.hints),
            ("connection form", ConnectionFormScreen.keys.hints),
        ]
    }

    /// The Markdown table: one row per screen, each key with its help text.
    public static var markdown: String {
        var lines = ["| where | keys |", "|---|---|"]
        for (screen, hints) in screens {
            let keys = hints.map { "`\($0.key)` \($0.help)" }.joined(separator: " · ")
            lines.append("| \(screen) | \(keys.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n")
    }
}
