import Foundation

/// Reads a `Retry-After` header: delay seconds (`120`, `0.5`) or an HTTP date (IMF-fixdate, RFC 850, asctime).
enum RetryAfter {
    /// The seconds to wait from `now`, never negative; nil when the value is neither form.
    static func seconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite {
            return max(0, seconds)
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// The three date formats HTTP allows (RFC 9110 §5.6.7).
    static func httpDate(_ text: String) -> Date? {
        let normalized = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for pattern in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = pattern
            if let date = formatter.date(from: normalized) { return date }
        }
        return nil
    }
}
