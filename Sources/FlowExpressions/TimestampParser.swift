extension FlowDateTime {
    /// Reads an ISO 8601 timestamp: `yyyy-MM-dd`, optionally `THH:mm[:ss[.fffffff]]` (or a space for `T`),
    /// optionally `Z` or `±hh:mm`. A time with an offset is converted to UTC; one without a zone stays unspecified.
    static func parse(_ text: String) -> FlowDateTime? {
        var reader = TimestampReader(bytes: Array(text.utf8))
        return reader.read()
    }
}

/// A cursor over timestamp bytes.
private struct TimestampReader {
    let bytes: [UInt8]
    var index = 0

    mutating func read() -> FlowDateTime? {
        guard let year = digits(4), skip("-"), let month = digits(2), skip("-"), let day = digits(2) else { return nil }
        var fields = FlowDateTime.Fields(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, fraction: 0)
        if skip("T") || skip("t") || skip(" ") {
            guard let hour = digits(2), skip(":"), let minute = digits(2) else { return nil }
            fields.hour = hour
            fields.minute = minute
            if skip(":") {
                guard let second = digits(2) else { return nil }
                fields.second = second
                if skip(".") || skip(",") {
                    guard let fraction = fractionTicks() else { return nil }
                    fields.fraction = fraction
                }
            }
        }
        guard let offset = zoneOffsetSeconds() else { return nil }
        guard index == bytes.count, let local = FlowDateTime.make(fields, isUTC: offset.isUTC) else { return nil }
        return offset.seconds == 0 ? local : local.adding(ticks: -Int64(offset.seconds) * FlowDateTime.ticksPerSecond)
    }

    /// `Z`, `±hh:mm`, `±hhmm`, `±hh` or nothing.
    mutating func zoneOffsetSeconds() -> (isUTC: Bool, seconds: Int)? {
        if index == bytes.count { return (false, 0) }
        if skip("Z") || skip("z") { return (true, 0) }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = digits(2), hours <= 14 else { return nil }
        _ = skip(":")
        let minutes = index < bytes.count ? digits(2) : 0
        guard let minutes, minutes < 60 else { return nil }
        return (true, sign * (hours * 3600 + minutes * 60))
    }

    /// Up to 7 fraction digits as ticks; further digits are read and dropped.
    mutating func fractionTicks() -> Int? {
        var value = 0
        var count = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            if count < 7 { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in min(count, 7)..<7 { value *= 10 }
        return value
    }

    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<(index + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }
}
