/// Whether a flow reacts to its trigger.
public enum FlowState: String, Sendable, Hashable, Codable, CaseIterable {
    case on = "On"
    case off = "Off"

    /// Reads `On`/`Off` in any case; also accepts Power Automate's `Started`/`Stopped`/`Suspended`.
    public init?(caseInsensitive text: String) {
        switch text.lowercased() {
        case "on", "started", "enabled": self = .on
        case "off", "stopped", "suspended", "disabled": self = .off
        default: return nil
        }
    }
}
