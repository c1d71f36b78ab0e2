import FlowModel
import Foundation

/// Keeps the home private to its owner: the home and the outbox 0700; the run history (it holds trigger bodies
/// and step outputs), connections.json, the intake token and runner.json 0600. Applied at every runner start; a
/// looser mode is tightened and reported.
public enum HomePermissions {
    /// Tightens what is looser than it should be; returns one warning per path changed.
    @discardableResult
    public static func enforce(_ home: InsightFlowHome) -> [String] {
        var warnings: [String] = []
        try? FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
        let history = home.historyDatabase.path
        let private0700 = [home.url.path, home.outboxFolder.path]
        let private0600 = [history, history + "-wal", history + "-shm", home.connectionsFile.path,
                           home.url.appendingPathComponent("intake-token").path, home.url.appendingPathComponent("runner.json").path]
        for (paths, mode) in [(private0700, 0o700), (private0600, 0o600)] {
            for path in paths {
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                      let current = (attributes[.posixPermissions] as? NSNumber)?.intValue else { continue }
                if current & 0o077 != 0 {
                    do {
                        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
                        warnings.append("\(path) was readable by others (mode \(String(current & 0o777, radix: 8))); set to \(String(mode, radix: 8))")
                    } catch {
                        warnings.append("\(path) is readable by others (mode \(String(current & 0o777, radix: 8))) and could not be changed: \(error.localizedDescription)")
                    }
                }
            }
        }
        return warnings
    }
}
