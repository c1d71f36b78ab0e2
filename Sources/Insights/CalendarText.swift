import Foundation
import TextFormats

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
        Int(CivilCalendar.days(fromCivil: Int64(year), month, day))
    }

    /// "yyyy-MM-ddTHH:mm:ssZ" for seconds since 1970 (UTC).
    static func formatEpoch(_ seconds: Int) -> String {
        TimeText.iso8601Seconds(Date(timeIntervalSince1970: Double(seconds)))
    }

    /// "yyyy-MM-dd" (years before 1000 keep their leading zeros, as the CSV ingest stores them).
    static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The number with leading zeros up to `width` digits.
    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

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

    private static func daysInMonth(_ year: Int, _ month: Int) -> Int { CivilCalendar.daysInMonth(Int64(year), month) }

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
