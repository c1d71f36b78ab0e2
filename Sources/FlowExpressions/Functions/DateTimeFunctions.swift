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
            return try formatted(try timestamp(arguments), arguments, formatAt: 1, culture: try arguments.culture(2))
        case .getFutureTime, .getPastTime, .dateDifference, .parseDateTime:
            return try MoreDateTimeFunctions.call(arguments, now: now)
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

    /// The argument at `position` (default the first) read as a timestamp: ISO 8601, or a form the invariant
    /// culture reads (`03/15/2018 12:00:00`, `Thu, 15 Mar 2018 12:00:00 GMT`).
    static func timestamp(_ arguments: Arguments, at position: Int = 0) throws(ExpressionEvaluationError) -> FlowDateTime {
        guard case .string(let text) = arguments[position] else { throw arguments.typeError(position, expected: "a timestamp string") }
        guard let time = FlowDateTime.parse(text) ?? DateTimeParsing.parseLenient(text, culture: .invariant) else {
            throw arguments.invalid(position, "'\(text)' is not a timestamp (write ISO 8601 like 2026-11-26T09:00:00Z, or MM/dd/yyyy HH:mm:ss)")
        }
        return time
    }

    /// The time formatted with the optional format argument at `position` (default 'o').
    static func formatted(_ time: FlowDateTime?, _ arguments: Arguments, formatAt position: Int, culture: Culture = .enUS) throws(ExpressionEvaluationError) -> JSONValue {
        guard let time else { throw arguments.failure("the resulting date is outside the years 1 to 9999") }
        let format = try arguments.optionalString(position) ?? "o"
        guard let text = DotNetDateFormat.format(time, format.isEmpty ? "o" : format, culture: culture) else {
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
        try shift(try timestamp(arguments), arguments, sign: sign, intervalAt: 1)
    }

    /// `time` moved by `sign` × the interval (argument `intervalAt`) of the unit after it, formatted with the
    /// optional format after that.
    static func shift(_ time: FlowDateTime, _ arguments: Arguments, sign: Int, intervalAt position: Int) throws(ExpressionEvaluationError) -> JSONValue {
        let interval = try arguments.int(position)
        guard interval.magnitude < 1_000_000_000_000 else { throw arguments.invalid(position, "the interval is too large") }
        let amount = sign * interval
        let second = FlowDateTime.ticksPerSecond
        let result: FlowDateTime?
        let unit = try arguments.string(position + 1)
        switch unit.lowercased() {
        case "second", "seconds": result = time.adding(amount, of: second)
        case "minute", "minutes": result = time.adding(amount, of: 60 * second)
        case "hour", "hours": result = time.adding(amount, of: 3600 * second)
        case "day", "days": result = time.adding(amount, of: FlowDateTime.ticksPerDay)
        case "week", "weeks": result = time.adding(amount, of: 7 * FlowDateTime.ticksPerDay)
        case "month", "months": result = time.addingMonths(amount)
        case "year", "years": result = time.addingMonths(amount * 12)
        default:
            throw arguments.invalid(position + 1, "'\(unit)' is not a time unit (use Second, Minute, Hour, Day, Week, Month or Year)")
        }
        return try formatted(result, arguments, formatAt: position + 2)
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
