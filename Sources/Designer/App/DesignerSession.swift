import TerminalUI

/// The designer wired to its services: messages go through `update`, effects through the services, and the
/// resulting messages back through `update`, until nothing is left. Tests drive it key by key.
@MainActor
public final class DesignerSession {
    public private(set) var state: DesignerState
    public let services: any DesignerServices

    public init(services: any DesignerServices, size: Size, theme: Theme, clipboardSupport: ClipboardSupport = .unknown) {
        self.services = services
        self.state = DesignerState(size: size, theme: theme)
        state.clipboardSupport = clipboardSupport
        state.live.runnerNote = services.runner?.modeNote ?? ""
        dispatch(.start)
    }

    /// Applies a message and every message its effects produce.
    public func dispatch(_ message: Message) {
        var queue = [message]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in DesignerUpdate.update(&state, next) {
                queue += EffectRunner.perform(effect, services: services)
            }
        }
    }

    /// The text a command asked to put on the terminal's clipboard since the last call (cleared once taken).
    public func takeTerminalCopy() -> String? {
        defer { state.terminalCopy = nil }
        return state.terminalCopy
    }

    /// Sends keys one after another.
    public func send(_ keys: [Key]) {
        for key in keys { dispatch(.key(key)) }
    }

    /// Types text as individual character keys.
    public func type(_ text: String) { send(text.map(Key.character)) }

    /// The current frame.
    public func render() -> CellBuffer { DesignerRenderer.render(state) }
}
