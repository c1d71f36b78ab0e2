import TerminalUI

/// Runs the designer on a terminal: draw, read keys, update, perform effects, draw again, until the user quits.
@MainActor
public enum DesignerApp {
    /// The longest a key read waits: until the next tick is due, at most this long. Reads return regularly so a
    /// resize is noticed even when the window-change signal reached another thread of the process (curses then
    /// reports it on the next read); an idle app wakes only for its ticks (4 times a second), not 20 times.
    static let pollMilliseconds = 250
    /// How often live screens poll the history (redraws are coalesced to at most one per tick).
    static let tickInterval = Duration.milliseconds(250)

    /// Milliseconds until the tick after `lastTick` is due (at least 1, at most `pollMilliseconds`).
    static func untilNextTick(since lastTick: ContinuousClock.Instant) -> Int {
        let left = tickInterval - (ContinuousClock.now - lastTick)
        let milliseconds = Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) / 1e15
        return Int(max(1, min(Double(pollMilliseconds), milliseconds.rounded(.up))))
    }

    /// Runs until quit; the terminal is always handed back.
    public static func run(terminal: any Terminal, services: any DesignerServices, theme: Theme, startupMessage: String? = nil,
                           clipboardSupport: ClipboardSupport = .unknown) {
        let session = DesignerSession(services: services, size: terminal.size, theme: theme, clipboardSupport: clipboardSupport)
        if let startupMessage { session.dispatch(.failed(startupMessage)) }
        defer { terminal.shutdown() }
        var frame = session.render()
        terminal.present(frame)
        var lastTick = ContinuousClock.now
        while !session.state.isQuitting {
            let keys = terminal.readKeys(timeoutMilliseconds: untilNextTick(since: lastTick))
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
            if let text = session.takeTerminalCopy() { terminal.copyToClipboard(text) }
            frame = session.render()
            terminal.present(frame)
        }
    }
}
