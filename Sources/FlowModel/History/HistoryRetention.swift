import FlowExpressions
import Foundation
import Synchronization

/// How many past versions of each flow the history keeps: `settings.json` in the home,
/// `{"history": {"keepVersions": 200}}` (0 keeps every version; `"enabled": false` keeps none). Default 200.
public struct HistoryRetention: Sendable, Hashable {
    /// Past versions kept per flow; 0 means all.
    public var keepVersions: Int
    /// False: saves keep no past versions (for homes whose flows are versioned elsewhere, and for measuring).
    public var enabled = true
    /// Why the settings file's value was not used, if it was not (names the file, the place and the fix).
    public var problem: String?

    /// The default: 200 past versions per flow.
    public static let standard = HistoryRetention(keepVersions: 200)

    /// A retention keeping `keepVersions` past versions (0: all).
    public init(keepVersions: Int, enabled: Bool = true, problem: String? = nil) {
        self.keepVersions = max(0, keepVersions)
        self.enabled = enabled
        self.problem = problem
    }

    /// `load(homeFolder:)`, re-read only when `settings.json` changed (a save asks at every save).
    public static func current(homeFolder: URL) -> HistoryRetention {
        let path = homeFolder.appendingPathComponent("settings.json").path
        let stamp = FileStamp.of(path: path)
        if let hit = cache.withLock({ $0[path] }), hit.stamp == stamp { return hit.retention }
        let loaded = load(homeFolder: homeFolder)
        cache.withLock { $0[path] = (stamp, loaded) }
        return loaded
    }

    private static let cache = Mutex<[String: (stamp: FileStamp?, retention: HistoryRetention)]>([:])

    /// Reads `history.keepVersions` from `settings.json` in `homeFolder`; a missing file or member gives the default,
    /// a wrong one gives the default with a problem naming the file and the fix.
    public static func load(homeFolder: URL) -> HistoryRetention {
        let file = homeFolder.appendingPathComponent("settings.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { return .standard }
        guard let document = try? JSONValue.parse(bytes: [UInt8](data)), case .object = document else { return .standard }
        guard let history = document["history"], !history.isNull else { return .standard }
        let fix = "write e.g. {\"history\": {\"keepVersions\": 200}} (0 keeps every version)"
        guard case .object = history else {
            return HistoryRetention(keepVersions: standard.keepVersions, problem: "\(file.path): \"history\" must be an object — \(fix)")
        }
        var enabled = true
        switch history["enabled"] {
        case nil, .null: break
        case .bool(let value): enabled = value
        default:
            return HistoryRetention(keepVersions: standard.keepVersions, problem: "\(file.path): \"history.enabled\" must be true or false — \(fix)")
        }
        switch history["keepVersions"] {
        case nil, .null: return HistoryRetention(keepVersions: standard.keepVersions, enabled: enabled)
        case .some(let value):
            guard let count = value.intValue, count >= 0 else {
                return HistoryRetention(keepVersions: standard.keepVersions,
                                        problem: "\(file.path): \"history.keepVersions\" must be a whole number ≥ 0 — \(fix)")
            }
            return HistoryRetention(keepVersions: count, enabled: enabled)
        }
    }
}
