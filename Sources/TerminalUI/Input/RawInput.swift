/// What the terminal library hands over: a character, a function-key code, or nothing before the timeout.
public enum RawInput: Sendable, Hashable {
    /// A Unicode scalar value (get_wch returned OK).
    case character(UInt32)
    /// A curses key code (get_wch returned KEY_CODE_YES).
    case keyCode(Int32)
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
}
