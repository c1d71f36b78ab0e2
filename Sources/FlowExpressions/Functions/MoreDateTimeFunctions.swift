import Foundation

/// getFutureTime, getPastTime, dateDifference and parseDateTime.
enum MoreDateTimeFunctions {
    static func call(_ arguments: Arguments, now: Date) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .getFutureTime, .getPastTime:
            guard let time = FlowDateTime(date: now) else { throw arguments.failure("the clock is out of range") }
            return try DateTimeFunctions.shift(time, arguments, sign: arguments.function == .getFutureTime ? 1 : -1, intervalAt: 0)
        case .dateDifference:
            let start = try DateTimeFunctions.timestamp(arguments, at: 0)
            let end = try DateTimeFunctions.timestamp(arguments, at: 1)
            return .string(timeSpan(end.ticks - start.ticks))
        case .parseDateTime:
            guard case .string(let text) = arguments[0] else { throw arguments.typeError(0, expected: "a timestamp string") }
            let culture = try arguments.culture(1)
            let parsed: FlowDateTime?
            if let format = try arguments.optionalString(2), !format.isEmpty {
                parsed = DateTimeParsing.parse(text.trimmingSpaces, pattern: format, culture: culture)
            } else {
                parsed = DateTimeParsing.parseLenient(text, culture: culture)
            }
            guard let parsed else {
                throw arguments.invalid(0, "'\(text)' is not a timestamp in the \(culture.name.isEmpty ? "invariant" : culture.name) culture\(arguments.count > 2 ? " with that format" : "")")
            }
            return .string(DotNetDateFormat.format(parsed, "o") ?? "")
        default:
            throw arguments.failure("is not a date and time function")
        }
    }

    /// A .NET TimeSpan in its constant ("c") format: `[-][d.]hh:mm:ss[.fffffff]`.
    static func timeSpan(_ ticks: Int64) -> String {
        let sign = ticks < 0 ? "-" : ""
        let magnitude = ticks.magnitude
        let perSecond = UInt64(FlowDateTime.ticksPerSecond)
        let totalSeconds = magnitude / perSecond
        let fraction = magnitude % perSecond
        let days = totalSeconds / 86_400
        let hours = totalSeconds / 3600 % 24, minutes = totalSeconds / 60 % 60, seconds = totalSeconds % 60
        var text = sign + (days > 0 ? "\(days)." : "")
        text += [hours, minutes, seconds].map { DotNetDateFormat.pad(Int($0), 2) }.joined(separator: ":")
        if fraction > 0 { text += "." + DotNetDateFormat.pad(Int(fraction), 7) }
        return text
    }
}
