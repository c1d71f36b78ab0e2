/// An ISO 8601 duration as flows write timeouts and intervals (`PT10S`, `PT1H30M`, `P1D`).
public struct ISODuration: Sendable, Hashable, CustomStringConvertible {
    /// The length in seconds.
    public var seconds: Double

    /// A duration of the given seconds.
    public init(seconds: Double) { self.seconds = seconds }

    /// The longest duration accepted (366 days): longer timeouts, waits and intervals are refused as invalid.
    public static let maximumSeconds: Double = 366 * 86_400

    /// Parses `P[nD][T[nH][nM][n[.n]S]]` (weeks `nW` too); nil when the text is not such a duration or is longer
    /// than `maximumSeconds`.
    public init?(_ text: String) {
        var rest = Substring(text.uppercased())
        guard rest.first == "P", rest.count > 1 else { return nil }
        rest = rest.dropFirst()
        var total = 0.0
        var inTime = false
        var number = ""
        var sawUnit = false
        for ch in rest {
            if ch == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if ch.isNumber || ch == "." || ch == "," { number.append(ch == "," ? "." : ch); continue }
            guard let value = Double(number) else { return nil }
            number = ""
            sawUnit = true
            switch (ch, inTime) {
            case ("W", false): total += value * 604_800
            case ("D", false): total += value * 86_400
            case ("H", true): total += value * 3_600
            case ("M", true): total += value * 60
            case ("S", true): total += value
            default: return nil
            }
        }
        guard number.isEmpty, sawUnit, total.isFinite, total <= Self.maximumSeconds else { return nil }
        seconds = total
    }

    /// The canonical text, e.g. `PT1H30M` or `PT0.5S`.
    public var description: String {
        var remaining = seconds.isFinite ? min(max(seconds, 0), 1e15) : 0
        var text = "P"
        let days = Int(remaining / 86_400)
        if days > 0 { text += "\(days)D"; remaining -= Double(days) * 86_400 }
        guard remaining > 0 || days == 0 else { return text }
        text += "T"
        let hours = Int(remaining / 3_600)
        if hours > 0 { text += "\(hours)H"; remaining -= Double(hours) * 3_600 }
        let minutes = Int(remaining / 60)
        if minutes > 0 { text += "\(minutes)M"; remaining -= Double(minutes) * 60 }
        if remaining > 0 || text == "PT" {
            text += remaining == remaining.rounded() ? "\(Int(remaining))S" : "\(remaining)S"
        }
        return text
    }
}
