/// Strict parsing of ISO 8601 dates and date-times into normalized text, without Foundation formatters.
enum CalendarText {
    /// "yyyy-MM-dd" if `text` is a valid calendar date in that form.
    static func normalizedDate(_ text: String) -> String? {
        guard let (year, month, day) = parseDate(Array(text.utf8)), text.utf8.count == 10 else { return nil }
        return format(year, month, day)
    }

    /// Whether the 10 bytes are a valid "yyyy-MM-dd" date.
    static func isDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        var parts = [0, 0, 0]
        for (part, range) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
            for index in range {
                guard isDigit(bytes[index]) else { return false }
                parts[part] = parts[part] * 10 + Int(bytes[index] - 48)
            }
        }
        return (1...12).contains(parts[1]) && parts[2] >= 1 && parts[2] <= daysInMonth(parts[0], parts[1])
    }

    /// "yyyy-MM-ddTHH:mm:ssZ" (UTC) for `yyyy-MM-dd[T ]HH:mm[:ss[.fff]][Z|±HH:MM]`; no zone means UTC.
    static func normalizedDateTime(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, let (year, month, day) = parseDate(bytes),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = number(bytes, 11, 2), hour < 24, bytes[13] == UInt8(ascii: ":"),
              let minute = number(bytes, 14, 2), minute < 60 else { return nil }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let value = number(bytes, index + 1, 2), value < 60 else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
        }
        guard let offset = zoneOffsetMinutes(bytes, from: index) else { return nil }
        let days = daysFromCivil(year, month, day)
        let total = ((days * 24 + hour) * 60 + minute - offset) * 60 + second
        return formatEpoch(total)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// "yyyy-MM-ddTHH:mm:ssZ" for seconds since 1970 (UTC).
    static func formatEpoch(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        return format(year, month, day) + "T" + pad(rest / 3600) + ":" + pad(rest / 60 % 60) + ":" + pad(rest % 60) + "Z"
    }

    /// "yyyy-MM-dd".
    static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(year) + "-" + pad(month) + "-" + pad(day)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func parseDate(_ bytes: [UInt8]) -> (Int, Int, Int)? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else { return nil }
        return (year, month, day)
    }

    private static func zoneOffsetMinutes(_ bytes: [UInt8], from index: Int) -> Int? {
        if index == bytes.count { return 0 }
        if index == bytes.count - 1, bytes[index] == UInt8(ascii: "Z") { return 0 }
        guard bytes.count - index == 6, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
              let hours = number(bytes, index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"),
              let minutes = number(bytes, index + 4, 2) else { return nil }
        let offset = hours * 60 + minutes
        return bytes[index] == UInt8(ascii: "-") ? -offset : offset
    }

    private static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + length)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
