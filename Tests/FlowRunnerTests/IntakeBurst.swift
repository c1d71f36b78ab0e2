import FlowExpressions
import FlowRunner
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What `count` authenticated `DataSourceRefreshFailed` events posted one after another to `/events` got back.
struct IntakeBurst {
    /// Each answer's status, in order.
    var statuses: [Int] = []
    /// The `Retry-After` header of each 429.
    var retryAfter: [String?] = []
    /// The event ids of the 202 answers.
    var accepted: [String] = []

    /// Posts the events to the intake on `port` with `token`.
    static func post(_ count: Int, port: UInt16, token: String) async throws -> IntakeBurst {
        var burst = IntakeBurst()
        for _ in 0..<count {
            var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/events")))
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.httpBody = Data(#"{"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": "Webshop"}}"#.utf8)
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            burst.statuses.append(http.statusCode)
            if http.statusCode == 429 { burst.retryAfter.append(http.value(forHTTPHeaderField: "Retry-After")) }
            if http.statusCode == 202, let id = (try? JSONValue.parse(bytes: [UInt8](data)))?["id"]?.stringValue { burst.accepted.append(id) }
        }
        return burst
    }
}
