/// What the terminal library hands over: a character, a function-key code, or nothing before the timeout.
public enum RawInput: Sendable, Hashable {
    /// A Unicode scalar value (get_wch returned OK).
    case character(UInt32)
    /// A curses key code (get_wch returned KEY_CODE_YES).
    case keyCode(Int32)
    /// A key terminfo knows only by capability name (ncurses' codes above KEY_MAX, such as `kLFT5`).
    case keyName(String)
}

/// The curses key codes the decoder understands (values of `<curses.h>`, kept here so decoding is testable).
public enum CursesKeyCode {
    public static let down: Int32 = 0o402
    public static let up: Int32 = 0o403
    public static let left: Int32 = 0o404
    public static let right: Int32 = 0o405
    public static let home: Int32 = 0o406
    public static let backspace: Int32 = 0o407
    public static let f0: Int32 = 0o410
    public static let delete: Int32 = 0o512
    public static let insert: Int32 = 0o513
    public static let pageDown: Int32 = 0o522
    public static let pageUp: Int32 = 0o523
    public static let enter: Int32 = 0o527
    public static let backTab: Int32 = 0o541
    public static let end: Int32 = 0o550
    public static let mouse: Int32 = 0o631
    public static let resize: Int32 = 0o632
    public static let shiftDown: Int32 = 0o520
    public static let shiftUp: Int32 = 0o521
    public static let shiftEnd: Int32 = 0o602
    public static let shiftHome: Int32 = 0o607
    public static let shiftLeft: Int32 = 0o611
    public static let shiftRight: Int32 = 0o622
    /// Codes above this are assigned by ncurses at start-up to terminfo's extended keys.
    public static let max: Int32 = 0o777
}
