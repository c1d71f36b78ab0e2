/// The range every number that decides whether a flow fires must lie in: thresholds in flows, segment counts
/// and measure values in events. ±10^15 keeps every such number exact as a double and convertible to an
/// integer, so no value from a file or a request can trap a conversion later.
public enum NumberBounds {
    /// The largest magnitude accepted.
    public static let magnitude = 1e15

    /// Whether `value` is finite and within ±`magnitude`.
    public static func contains(_ value: Double) -> Bool { value.isFinite && abs(value) <= magnitude }

    /// "between -1e15 and 1e15", for error messages.
    public static let phrase = "a finite number between -1e15 and 1e15"
}
