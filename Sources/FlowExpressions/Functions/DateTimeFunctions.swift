import Foundation

/// utcNow, add*/subtract time, formatDateTime, time-zone conversion, startOf*, ticks and day numbers.
enum DateTimeFunctions {
    static func call(_ arguments: Arguments, now: Date) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .utcNow:
            guard let time = FlowDateTime(date: now) else { throw arguments.failure("the clock is out of range") }
            return try formatted(time, arguments, formatAt: 0)
        case .addDays: return try add(arguments, unit: FlowDateTime.ticksPerDay)
        case .addHours: return try add(arguments, unit: 3600 * FlowDateTime.ticksPerSecond)
        case .addMinutes: return try add(arguments, unit: 60 * FlowDateTime.ticksPerSecond)
        case .addSeconds: return try add(arguments, unit: FlowDateTime.ticksPerSecond)
        case .addToTime: return try addInterval(arguments, sign: 1)
        case .subtractFromTime: return try addInterval(arguments, sign: -1)
        case .formatDateTime:
            if let locale = try arguments.optionalString(2), !["", "en-us"].contains(locale.lowercased()) {
                throw arguments.invalid(2, "the locale '\(locale)' is not supported (dates are formatted in en-US)")
            }
            return try formatted(try timestamp(arguments), arguments, formatAt: 1)
        case .convertTimeZone:
            return try convert(arguments, from: try arguments.string(1), to: try arguments.string(2), formatAt: 3)
        case .convertFromUtc: return try convert(arguments, from: "UTC", to: try arguments.string(1), formatAt: 2)
        case .convertToUtc: return try convert(arguments, from: try arguments.string(1), to: "UTC", formatAt: 2)
        case .startOfDay: return try startOf(arguments, FlowDateTime.ticksPerDay)
        case .startOfHour: return try startOf(arguments, 3600 * FlowDateTime.ticksPerSecond)
        case .startOfMonth:
            let time = try timestamp(arguments)
            let f = time.fields
            let start = FlowDateTime.make(.init(year: f.year, month: f.month, day: 1, hour: 0, minute: 0, second: 0, fraction: 0), isUTC: time.isUTC)
            return try formatted(start, arguments, formatAt: 1)
        case .ticks: return .int(Int(try timestamp(arguments).ticks))
        case .dayOfWeek: return .int(try timestamp(arguments).dayOfWeek)
        case .dayOfMonth: return .int(try timestamp(arguments).fields.day)
        case .dayOfYear: return .int(try timestamp(arguments).dayOfYear)
        default: throw arguments.failure("is not a date and time function")
        }
    }

    /// Argument 1 read as an ISO 8601 timestamp.
    static func timestamp(_ arguments: Arguments) throws(ExpressionEvaluationError) -> FlowDateTime {
        guard case .string(let text) = arguments[0] else { throw arguments.typeError(0, expected: "a timestamp string") }
        guard let time = FlowDateTime.parse(text) else {
            throw arguments.invalid(0, "'\(text)' is not an ISO 8601 timestamp (like 2026-11-26T09:00:00Z)")
        }
        return time
    }

    /// The time formatted with the optional format argument at `position` (default 'o').
    static func formatted(_ time: FlowDateTime?, _ arguments: Arguments, formatAt position: Int) throws(ExpressionEvaluationError) -> JSONValue {
        guard let time else { throw arguments.failure("the resulting date is outside the years 1 to 9999") }
        let format = try arguments.optionalString(position) ?? "o"
        guard let text = DotNetDateFormat.format(time, format.isEmpty ? "o" : format) else {
            throw arguments.invalid(position, "'\(format)' is not a standard date format (use d, D, f, F, g, G, M, o, r, s, t, T, u, U, Y or a custom pattern)")
        }
        return .string(text)
    }

    static func add(_ arguments: Arguments, unit: Int64) throws(ExpressionEvaluationError) -> JSONValue {
        let time = try timestamp(arguments)
        let amount = try arguments.number(1).doubleValue * Double(unit)
        guard abs(amount) < Double(FlowDateTime.maxTicks) else { throw arguments.invalid(1, "the interval is too large") }
        return try formatted(time.adding(ticks: Int64(amount.rounded())), arguments, formatAt: 2)
    }

    static func addInterval(_ arguments: Arguments, sign: Int) throws(ExpressionEvaluationError) -> JSONValue {
        let time = try timestamp(arguments)
        let interval = try arguments.int(1)
        guard abs(interval) < 1_000_000_000_000 else { throw arguments.invalid(1, "the interval is too large") }
        let amount = sign * interval
        let second = FlowDateTime.ticksPerSecond
        let result: FlowDateTime?
        switch try arguments.string(2).lowercased() {
        case "second", "seconds": result = time.adding(amount, of: second)
        case "minute", "minutes": result = time.adding(amount, of: 60 * second)
        case "hour", "hours": result = time.adding(amount, of: 3600 * second)
        case "day", "days": result = time.adding(amount, of: FlowDateTime.ticksPerDay)
        case "week", "weeks": result = time.adding(amount, of: 7 * FlowDateTime.ticksPerDay)
        case "month", "months": result = time.addingMonths(amount)
        case "year", "years": result = time.addingMonths(amount * 12)
        default:
            throw arguments.invalid(2, "'\(try arguments.string(2))' is not a time unit (use Second, Minute, Hour, Day, Week, Month or Year)")
        }
        return try formatted(result, arguments, formatAt: 3)
    }

    static func startOf(_ arguments: Arguments, _ unit: Int64) throws(ExpressionEvaluationError) -> JSONValue {
        let time = try timestamp(arguments)
        return try formatted(FlowDateTime(ticks: time.ticks - time.ticks % unit, isUTC: time.isUTC), arguments, formatAt: 1)
    }

    /// Reads the timestamp's wall clock in `source` and returns the wall clock in `destination`.
    static func convert(_ arguments: Arguments, from source: String, to destination: String, formatAt position: Int) throws(ExpressionEvaluationError) -> JSONValue {
        let time = try timestamp(arguments)
        let sourcePosition = arguments.function == .convertTimeZone || arguments.function == .convertToUtc ? 1 : 0
        guard let sourceZone = TimeZoneNames.zone(named: source) else {
            throw arguments.invalid(sourcePosition, "unknown time zone '\(source)' (use a Windows name like 'Pacific Standard Time' or an IANA name like 'Europe/Paris')")
        }
        guard let destinationZone = TimeZoneNames.zone(named: destination) else {
            let position = arguments.function == .convertTimeZone ? 2 : 1
            throw arguments.invalid(position, "unknown time zone '\(destination)' (use a Windows name like 'Pacific Standard Time' or an IANA name like 'Europe/Paris')")
        }
        let utc = TimeZoneNames.utcTicks(wallTicks: time.ticks, in: sourceZone)
        let wall = utc + TimeZoneNames.offsetTicks(destinationZone, atUTC: utc)
        return try formatted(FlowDateTime(ticks: wall, isUTC: TimeZoneNames.isUTC(destination)), arguments, formatAt: position)
    }
}
