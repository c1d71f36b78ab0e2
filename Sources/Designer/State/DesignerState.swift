import FlowModel
import TerminalUI

/// The whole state of the designer: navigation stack, data shown, the open document, modal, toast, help.
public struct DesignerState: Sendable {
    public var size: Size
    public var theme: Theme
    /// The screens, home first; the last one is shown.
    public internal(set) var stack: [any Screen]
    public var flows: [FlowSummary] = []
    public var flowProblems: [String] = []
    public var runs: [String: RunSummary] = [:]
    public var workspace = WorkspaceSnapshot()
    public var connections: [String: String] = [:]
    public var facts: [Fact] = []
    /// What the live screens show (monitor feed, runs, run detail, system status).
    public var live = LiveState()
    /// What the History screens show (a flow's versions, the diff open).
    public var versions = VersionsState()
    /// What Data > Unification shows (match statistics, the latest why / explain answer).
    public var unification = UnificationState()
    /// The flow being edited, if any.
    public var document: FlowDocument?
    public var modal: Modal?
    public var toast: Toast?
    public var showHelp = false
    /// Timer ticks seen (screens that re-read slow data do so every few ticks).
    public internal(set) var ticks = 0
    /// The first help line shown while the help overlay is open.
    public var helpScroll = 0
    public internal(set) var isQuitting = false
    /// Palette entries chosen, most recent first (they rank first among equal matches).
    public var paletteRecent: [String] = []
    /// Text to put on the terminal's clipboard (OSC 52) with the next frame; the app clears it once written.
    public var terminalCopy: String?
    /// Whether an OSC 52 copy can reach the clipboard here (the status line says so when it cannot).
    public var clipboardSupport: ClipboardSupport = .unknown
    /// Effects queued by screens during the current update.
    var outbox: [Effect] = []

    public init(size: Size, theme: Theme) {
        self.size = size
        self.theme = theme
        self.stack = [HomeScreen()]
    }

    /// The screen on top.
    public var top: any Screen { stack.last ?? HomeScreen() }

    /// The breadcrumb: InsightFlow followed by every screen's title.
    public var breadcrumb: [String] { ["InsightFlow"] + stack.dropFirst().map(\.title) }

    /// Queues an effect.
    mutating func perform(_ effect: Effect) { outbox.append(effect) }

    /// Shows a short message until the next key.
    mutating func notify(_ message: String, _ kind: Toast.Kind = .info) { toast = Toast(message, kind: kind) }

    /// The check context (known connections) for the checker.
    var checkContext: CheckContext { CheckContext(connections: connections.isEmpty ? nil : connections) }
}

/// An open dialog and what its answer is for.
public struct Modal: Sendable {
    public var dialog: Dialog
    /// What each button means, in button order.
    public var answers: [DialogAnswer]
    public var purpose: ModalPurpose
}

/// What a dialog decides.
public enum ModalPurpose: Sendable, Hashable {
    /// Save / Discard / Cancel before leaving the editor (or quitting).
    case unsavedChanges(AfterSave)
    /// Save Off / Keep editing when an On flow with errors is saved.
    case saveOff(AfterSave)
    /// Reload / Save as copy / Cancel after a refused save.
    case conflict
    case deleteStep(String)
    /// A cut whose delete was asked about: the clipboard is written only when the delete is confirmed.
    case cutStep(String)
    case renameStep(String)
    /// Where to add a step next to or inside a container: one placement per button (the last button cancels).
    case placement([Placement])
    /// The value of a new case of the named Switch (then its first step is picked).
    case newCase(String)
    case deleteFlow(id: String)
    case renameFlow(id: String)
    case duplicateFlow(id: String)
    case exportFlow(id: String)
    case importFlow
    case deleteConnection(name: String)
    case addConnection
    case testConnection(name: String)
    case editSchedule
    /// Restore a kept version of a flow (as a new version).
    case restoreVersion(id: String, version: Int)
    /// Take back or throw away the unsaved edit found when a flow was opened.
    case recoverDraft(FlowDraft)
    /// The text of a step search on the canvas.
    case findStep
    /// The right-click menu of a canvas card.
    case cardMenu
    /// How many recorded events to replay the draft against.
    case replayLast
    /// The two record references of a why lookup (Data > Unification).
    case whyPair
    /// The id of a profile to explain (Data > Unification).
    case explainProfile
    /// Ctrl-C while a form holds changes not applied yet: quit anyway (y) or keep editing (n).
    case quitLosingInput
}

extension DesignerState {
    /// A state with the canvas of `flow` open (for benchmarks and previews).
    public static func canvas(for flow: Flow, size: Size, theme: Theme, selected: String? = nil) -> DesignerState {
        var state = DesignerState(size: size, theme: theme)
        state.document = FlowDocument(flow: flow, isNew: false)
        state.document?.selected = selected
        state.stack.append(FlowCanvasScreen())
        return state
    }
}
