import TerminalUI

/// Runs the designer on a terminal: draw, read keys, update, perform effects, draw again, until the user quits.
@MainActor
public enum DesignerApp {
    /// How long a key read waits. Reads return regularly so a resize is noticed even when the window-change
    /// signal reached another thread of the process (curses then reports it on the next read).
    static let pollMilliseconds = 100

    /// Runs until quit; the terminal is always handed back.
    public static func run(terminal: any Terminal, services: any DesignerServices, theme: Theme, startupMessage: String? = nil) {
        let session = DesignerSession(services: services, size: terminal.size, theme: theme)
        if let startupMessage { session.dispatch(.failed(startupMessage)) }
        defer { terminal.shutdown() }
        terminal.present(session.render())
        while !session.state.isQuitting {
            let keys = terminal.readKeys(timeoutMilliseconds: pollMilliseconds)
            if keys.isEmpty { continue }
            for key in keys {
                if key == .resize { session.dispatch(.resize(terminal.size)) }
                session.dispatch(.key(key))
                if session.state.isQuitting { break }
            }
            if session.state.isQuitting { break }
            terminal.present(session.render())
        }
    }
}
