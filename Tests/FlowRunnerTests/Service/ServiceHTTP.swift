import FlowExpressions
import Foundation
import Testing
@testable import FlowRunner
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP exchange with an intake on loopback, for the service route tests.
struct ServiceHTTP {
    struct Answer {
        var status: Int
        var text: String
        var json: JSONValue { (try? JSONValue.parse(bytes: [UInt8](text.utf8))) ?? .null }
    }

    let port: UInt16

    func get(_ path: String, token: String? = nil) async throws -> Answer {
        try await send("GET", path, body: nil, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
    }

    func post(_ path: String, _ body: String, token: String?) async throws -> Answer {
        try await send("POST", path, body: Data(body.utf8), headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
    }

    private func send(_ method: String, _ path: String, body: Data?, headers: [String: String]) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, text: String(decoding: data, as: UTF8.self))
    }
}
