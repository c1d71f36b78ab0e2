import FlowExpressions
import FlowModel
import Foundation

/// The designer's settings file, `settings.json` in the home folder (e.g. `{"theme": "light"}`).
public enum DesignerSettings {
    /// What the settings file says, or why it could not be used (a message naming the file, the place and the fix).
    public struct Loaded: Sendable, Equatable {
        /// The theme the file names, if any.
        public var theme: String?
        /// Why the file was ignored (in part or whole), for the status line.
        public var problem: String?

        public init(theme: String? = nil, problem: String? = nil) {
            self.theme = theme
            self.problem = problem
        }
    }

    /// Reads `settings.json`; a missing file is no problem, a malformed one is named with its line and column.
    public static func load(home: InsightFlowHome) -> Loaded {
        let file = home.url.appendingPathComponent("settings.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { return Loaded() }
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes: [UInt8](data))
        } catch {
            return Loaded(problem: "\(file.path): \(error.description) — settings ignored; fix the file (e.g. {\"theme\": \"light\"})")
        }
        guard case .object = document else {
            return Loaded(problem: "\(file.path): must be a JSON object such as {\"theme\": \"light\"} — settings ignored")
        }
        switch document["theme"] {
        case nil, .null: return Loaded()
        case .string(let name): return Loaded(theme: name)
        default: return Loaded(problem: "\(file.path): \"theme\" must be a theme name such as \"light\" — ignored")
        }
    }
}
