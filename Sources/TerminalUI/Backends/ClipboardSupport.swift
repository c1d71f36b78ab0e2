import Foundation

/// Whether an OSC 52 copy can reach the system clipboard here. A terminal never answers OSC 52, so this is a guess
/// from what can be seen: the Linux console has no clipboard, and tmux passes an application's OSC 52 on only with
/// `set-clipboard on` (`external`, its default, and `off` ignore it; tmux(1), `set-clipboard`).
public enum ClipboardSupport: Sendable, Hashable {
    /// Nothing says it will not work (most terminal emulators honour it; some ask or ignore it).
    case unknown
    /// tmux with `set-clipboard on`: tmux keeps it as a paste buffer and passes it to the outer terminal.
    case tmux
    /// Known not to work, with the reason and the fix when there is one.
    case unsupported(String)

    /// The guess from the environment (`TERM`, `TMUX`) and, inside tmux, its `set-clipboard` value (nil: unknown).
    public static func classify(environment: [String: String], tmuxSetClipboard: String?) -> ClipboardSupport {
        if environment["TMUX"].map({ !$0.isEmpty }) == true {
            switch tmuxSetClipboard?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            case "on": return .tmux
            case let value?: return .unsupported("tmux has set-clipboard \(value), so it drops the copy (tmux set -g set-clipboard on lets it through)")
            case nil: return .unknown
            }
        }
        switch environment["TERM"]?.lowercased() ?? "" {
        case "linux": return .unsupported("the Linux console (TERM=linux) has no clipboard")
        case "dumb", "": return .unsupported("this terminal (TERM=\(environment["TERM"] ?? "")) has no clipboard sequence")
        default: return .unknown
        }
    }

    /// The guess for this process: its environment, and tmux's `set-clipboard` asked of the tmux it runs in.
    public static func detect() -> ClipboardSupport {
        let environment = ProcessInfo.processInfo.environment
        let tmuxValue = environment["TMUX"].map { !$0.isEmpty } == true ? tmuxOption("set-clipboard") : nil
        return classify(environment: environment, tmuxSetClipboard: tmuxValue)
    }

    /// The value of a global tmux option (`tmux show-options -gv NAME`), nil when tmux cannot be asked.
    private static func tmuxOption(_ name: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "show-options", "-gv", name]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// The status-line words after "… sent to the terminal clipboard": honest about what OSC 52 can promise.
    public var note: String {
        switch self {
        case .unknown: "(OSC 52; paste to check: some terminals ignore it)"
        case .tmux: "(OSC 52; tmux keeps it as a paste buffer and passes it to your terminal)"
        case .unsupported(let reason): "(OSC 52), but \(reason): it will not reach the clipboard"
        }
    }

    /// False when the copy is known not to arrive.
    public var mayWork: Bool {
        if case .unsupported = self { return false }
        return true
    }
}
