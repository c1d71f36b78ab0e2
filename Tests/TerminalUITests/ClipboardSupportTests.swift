import Testing
import TerminalUI

/// The guess whether an OSC 52 copy reaches the clipboard: tmux's set-clipboard decides inside tmux; the Linux
/// console and dumb terminals have none; elsewhere nobody can know (the terminal never answers).
@Suite struct ClipboardSupportTests {
    @Test func tmuxPassesItOnOnlyWithSetClipboardOn() {
        let inTmux = ["TMUX": "/tmp/tmux-1000/default,42,0", "TERM": "tmux-256color"]
        #expect(ClipboardSupport.classify(environment: inTmux, tmuxSetClipboard: "on") == .tmux)
        for value in ["external", "off"] {
            let support = ClipboardSupport.classify(environment: inTmux, tmuxSetClipboard: value + "\n")
            #expect(!support.mayWork, "\(value)")
            #expect(support.note.contains("set-clipboard \(value)"), "\(support.note)")
            #expect(support.note.contains("set -g set-clipboard on"), "the fix is named: \(support.note)")
        }
        #expect(ClipboardSupport.classify(environment: inTmux, tmuxSetClipboard: nil) == .unknown, "tmux could not be asked")
    }

    @Test func consolesWithoutAClipboardAreNamed() {
        #expect(!ClipboardSupport.classify(environment: ["TERM": "linux"], tmuxSetClipboard: nil).mayWork)
        #expect(!ClipboardSupport.classify(environment: ["TERM": "dumb"], tmuxSetClipboard: nil).mayWork)
        let xterm = ClipboardSupport.classify(environment: ["TERM": "xterm-256color"], tmuxSetClipboard: nil)
        #expect(xterm == .unknown)
        #expect(xterm.note.contains("paste to check"), "\(xterm.note)")
        #expect(ClipboardSupport.classify(environment: ["TERM": "xterm", "TMUX": ""], tmuxSetClipboard: "off") == .unknown, "an empty TMUX is not tmux")
    }
}
