import FlowExpressions
import FlowModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Talks to a running `insightflow serve` over its loopback intake with the home's token.
public struct IntakeClient: Sendable {
    let endpoint: RunnerEndpoint
    let token: String

    public init(home: InsightFlowHome, endpoint: RunnerEndpoint) throws {
        self.endpoint = endpoint
        self.token = try IntakeCredentials.loadOrCreate(home: home.url).token
    }

    /// Posts an event document; returns the intake's JSON answer or throws its error text.
    public func send(_ event: JSONValue) async throws -> JSONValue {
        try await post("/events", body: event)
    }

    /// Posts a JSON body to a path of the intake, waiting at most `timeout` seconds for the answer.
    public func post(_ path: String, body: JSONValue, timeout: Double = 60) async throws -> JSONValue {
        guard let url = URL(string: "http://\(endpoint.bind == "0.0.0.0" ? "127.0.0.1" : endpoint.bind):\(endpoint.port)\(path)") else {
            throw IntakeClientError(message: "bad runner address \(endpoint.bind):\(endpoint.port)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = timeout
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.jsonText().utf8)
        let data: Data, response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw IntakeClientError(message: "cannot reach the runner (serve, pid \(endpoint.pid)) at \(endpoint.bind):\(endpoint.port): \(error.localizedDescription)")
        }
        let answer = (try? JSONValue.parse(bytes: [UInt8](data))) ?? .string(String(decoding: data, as: UTF8.self))
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            throw IntakeClientError(message: answer["error"]?.stringValue ?? "the runner answered \(answer.jsonText())")
        }
        return answer
    }
}

/// A refusal from the running runner.
public struct IntakeClientError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
