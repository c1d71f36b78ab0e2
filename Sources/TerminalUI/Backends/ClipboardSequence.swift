import Foundation

/// OSC 52: the escape sequence that asks the terminal (and tmux, whose `set-clipboard` passes it on) to put text
/// on the system clipboard, so a copy works over SSH too.
public enum ClipboardSequence {
    /// `ESC ] 52 ; c ; <base64> BEL`.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
