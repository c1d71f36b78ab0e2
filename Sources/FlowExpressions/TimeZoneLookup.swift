import Foundation

/// Time-zone names as flows write them (Windows names such as "Pacific Standard Time", or IANA ids), for other modules.
public enum TimeZoneLookup {
    /// The zone a name means, or nil when the name is unknown.
    public static func zone(named name: String) -> TimeZone? {
        if TimeZoneNames.isUTC(name) { return TimeZone(identifier: "UTC") }
        return TimeZoneNames.zone(named: name)
    }
}
