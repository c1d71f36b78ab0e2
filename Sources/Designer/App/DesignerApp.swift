import TerminalUI

/// Runs the designer on a terminal: draw, read keys, update, perform effects, draw again, until the user quits.
@MainActor
public enum DesignerApp {
    /// How long a key read waits. Reads return regularly so a resize is noticed even when the window-change
    /// signal reached another thread of the process (curses then reports it on the next read).
    static let pollMilliseconds = 50
    /// How often live screens poll the history (redraws are coalesced to at most one per tick).
    static let tickInterval = Duration.milliseconds(250)

    /// Runs until quit; the terminal is always handed back.
    public static func run(terminal: any Terminal, services: any DesignerServices, theme: Theme, startupMessage: String? = nil) {
        let session = DesignerSession(services: services, size: terminal.size, theme: theme)
        if let startupMessage { session.dispatch(.failed(startupMessage)) }
        defer { terminal.shutdown() }
        var frame = session.render()
        terminal.present(frame)
        var lastTick = ContinuousClock.now
        while !session.state.isQuitting {
            let keys = terminal.readKeys(timeoutMilliseconds: pollMilliseconds)
            var ticked = false
            if ContinuousClock.now - lastTick >= tickInterval {
                lastTick = .now
                session.dispatch(.tick)
                ticked = true
            }
            if keys.isEmpty {
                // Without a key only a tick can change what is shown: draw at most once per tick (not on every
                // key poll), and only put a frame on the terminal when it differs.
                guard ticked else { continue }
                let next = session.render()
                if next != frame { frame = next; terminal.present(frame) }
                continue
            }
            for key in keys {
                if key == .resize { session.dispatch(.resize(terminal.size)) }
                session.dispatch(.key(key))
                if session.state.isQuitting { break }
            }
            if session.state.isQuitting { break }
            frame = session.render()
            terminal.present(frame)
        }
    }
}
