import TerminalUI

/// Runs the designer on a terminal: draw, read keys, update, perform effects, draw again, until the user quits.
@MainActor
public enum DesignerApp {
    /// Runs until quit; the terminal is always handed back.
    public static func run(terminal: any Terminal, services: any DesignerServices, theme: Theme, startupMessage: String? = nil) {
        let session = DesignerSession(services: services, size: terminal.size, theme: theme)
        if let startupMessage { session.dispatch(.failed(startupMessage)) }
        defer { terminal.shutdown() }
        terminal.present(session.render())
        while !session.state.isQuitting {
            let keys = terminal.readKeys(timeoutMilliseconds: -1)
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
