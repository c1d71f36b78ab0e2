import FlowExpressions
import Foundation

/// Moves Codable values (the workspace's schedule and refresh report) in and out of the route bodies.
/// Never inlined: inlined into an async caller, the generic encoding crashed the release compiler while it split
/// the coroutine (Swift 6.3.1, signal 11 in `RemoteRunnerClient.setSchedule`).
enum CodableJSON {
    @inline(never)
    static func value(_ encodable: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try JSONValue.parse(bytes: [UInt8](try encoder.encode(encodable)))
    }

    @inline(never)
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(value.jsonText().utf8))
    }
}
