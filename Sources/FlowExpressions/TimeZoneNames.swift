import Foundation

/// Resolves time-zone names as flows write them: Windows names ("Pacific Standard Time") or IANA ids.
enum TimeZoneNames {
    static let windowsToIANA: [String: String] = [
        "utc": "UTC", "coordinated universal time": "UTC", "gmt standard time": "Europe/London",
        "greenwich standard time": "Atlantic/Reykjavik", "w. europe standard time": "Europe/Berlin",
        "central europe standard time": "Europe/Budapest", "romance standard time": "Europe/Paris",
        "central european standard time": "Europe/Warsaw", "e. europe standard time": "Europe/Chisinau",
        "fle standard time": "Europe/Kiev", "gtb standard time": "Europe/Bucharest",
        "russian standard time": "Europe/Moscow", "turkey standard time": "Europe/Istanbul",
        "israel standard time": "Asia/Jerusalem", "egypt standard time": "Africa/Cairo",
        "south africa standard time": "Africa/Johannesburg", "w. central africa standard time": "Africa/Lagos",
        "morocco standard time": "Africa/Casablanca", "arabian standard time": "Asia/Dubai",
        "arab standard time": "Asia/Riyadh", "arabic standard time": "Asia/Baghdad", "iran standard time": "Asia/Tehran",
        "pakistan standard time": "Asia/Karachi", "india standard time": "Asia/Kolkata",
        "nepal standard time": "Asia/Kathmandu", "bangladesh standard time": "Asia/Dhaka",
        "se asia standard time": "Asia/Bangkok", "china standard time": "Asia/Shanghai",
        "singapore standard time": "Asia/Singapore", "taipei standard time": "Asia/Taipei",
        "tokyo standard time": "Asia/Tokyo", "korea standard time": "Asia/Seoul",
        "w. australia standard time": "Australia/Perth", "cen. australia standard time": "Australia/Adelaide",
        "e. australia standard time": "Australia/Brisbane", "aus eastern standard time": "Australia/Sydney",
        "tasmania standard time": "Australia/Hobart", "new zealand standard time": "Pacific/Auckland",
        "azores standard time": "Atlantic/Azores", "e. south america standard time": "America/Sao_Paulo",
        "argentina standard time": "America/Argentina/Buenos_Aires", "newfoundland standard time": "America/St_Johns",
        "atlantic standard time": "America/Halifax", "sa pacific standard time": "America/Bogota",
        "pacific sa standard time": "America/Santiago", "eastern standard time": "America/New_York",
        "central standard time": "America/Chicago", "central standard time (mexico)": "America/Mexico_City",
        "canada central standard time": "America/Regina", "mountain standard time": "America/Denver",
        "us mountain standard time": "America/Phoenix", "pacific standard time": "America/Los_Angeles",
        "alaskan standard time": "America/Anchorage", "hawaiian standard time": "Pacific/Honolulu",
        "dateline standard time": "Etc/GMT+12", "utc-11": "Etc/GMT+11", "utc+12": "Etc/GMT-12",
    ]

    /// The zone for a Windows or IANA name (case-insensitive for Windows names), or nil.
    static func zone(named name: String) -> TimeZone? {
        if let iana = windowsToIANA[name.lowercased()] { return TimeZone(identifier: iana) }
        guard name.contains("/") || name == "GMT" else { return nil }
        return TimeZone(identifier: name)
    }

    /// Whether the name means UTC (the converted time then keeps its `Z`).
    static func isUTC(_ name: String) -> Bool {
        ["utc", "coordinated universal time", "etc/utc", "gmt", "etc/gmt"].contains(name.lowercased())
    }

    /// The UTC ticks for a wall-clock time in `zone` (the offset is re-read once to settle DST edges).
    static func utcTicks(wallTicks: Int64, in zone: TimeZone) -> Int64 {
        let guess = wallTicks - offsetTicks(zone, atUTC: wallTicks)
        return wallTicks - offsetTicks(zone, atUTC: guess)
    }

    /// The zone's offset from UTC, in ticks, at a UTC instant given in ticks.
    static func offsetTicks(_ zone: TimeZone, atUTC ticks: Int64) -> Int64 {
        let seconds = Double(ticks - FlowDateTime.unixEpochTicks) / Double(FlowDateTime.ticksPerSecond)
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))) * FlowDateTime.ticksPerSecond
    }
}
