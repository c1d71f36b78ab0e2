import FlowExpressions
import FlowModel
import Foundation

/// The designer's settings file, `settings.json` in the home folder (e.g. `{"theme": "light"}`).
public enum DesignerSettings {
    /// The theme named in the settings file, if any.
    public static func theme(home: InsightFlowHome) -> String? {
        let file = home.url.appendingPathComponent("settings.json")
        guard let data = FileManager.default.contents(atPath: file.path),
              let document = try? JSONValue.parse(bytes: [UInt8](data)) else { return nil }
        return document["theme"]?.stringValue
    }
}
