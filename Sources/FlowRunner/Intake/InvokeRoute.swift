import FlowExpressions
import Foundation
import HTTPTypes
import Hummingbird
import OrderedCollections

/// `POST /flows/<id>/invoke`: starts a flow whose trigger is "When an HTTP request is received" (`Request`, kind
/// `Http`) with the request's body, headers and query as its trigger outputs, and answers with the run's `Response`
/// (or 202 with the run id). Authenticated like `/events`; the credential headers never reach the run.
struct InvokeRoute: Sendable {
    let authenticator: IntakeAuthenticator
    let client: LocalRunnerClient
    let reader: BodyReader

    /// Headers kept out of the trigger outputs (and so out of the run history): credentials and hop-by-hop ones.
    static let withheldHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "x-insightflow-signature", "x-insightflow-timestamp",
        "x-insightflow-delivery", "connection", "keep-alive", "transfer-encoding", "te", "upgrade",
    ]

    func handle(_ request: Request, flowId: String) async -> Response {
        let bytes: Data
        switch await reader.readAuthenticated(request, by: authenticator) {
        case .success(let read): bytes = read
        case .failure(let refusal): return refusal.response
        }
        let body: JSONValue
        do {
            body = bytes.isEmpty ? .null : try JSONValue.parse(bytes: [UInt8](bytes))
        } catch {
            // Text bodies are the trigger body as text; a body that says it is JSON must be JSON.
            guard request.headers[.contentType]?.lowercased().contains("json") != true else {
                return IntakeAnswer.json(.badRequest, ["error": ["code": "InvalidRequestContent", "message": .string("the body is not valid JSON: \(error.description)")]])
            }
            body = .string(String(decoding: bytes, as: UTF8.self))
        }
        var headers: OrderedDictionary<String, JSONValue> = [:]
        for field in request.headers where !Self.withheldHeaders.contains(field.name.canonicalName) {
            headers[field.name.rawName] = .string(field.value)
        }
        var queries: OrderedDictionary<String, JSONValue> = [:]
        for (name, value) in request.uri.queryParameters { queries[String(name)] = .string(String(value)) }
        let invocation = InvocationRequest(body: body, headers: headers, queries: queries, method: "POST")
        let answer: InvocationAnswer
        do {
            answer = try await client.invoke(flowId: flowId, request: invocation)
        } catch {
            return IntakeAnswer.json(.internalServerError, ["error": ["code": "InvocationFailed", "message": .string("\(error)")]])
        }
        return Self.response(answer)
    }

    /// The HTTP response for an invocation's answer: its status (kept within 100…599), its headers (hop-by-hop ones
    /// dropped) and its body — text as is when the flow's Response says so, JSON otherwise.
    static func response(_ answer: InvocationAnswer) -> Response {
        let status = HTTPResponse.Status(code: min(max(answer.statusCode, 100), 599))
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            guard let field = HTTPField.Name(name), !withheldHeaders.contains(field.canonicalName),
                  field != .contentLength else { continue }
            headers[field] = value.stringValue ?? value.jsonText()
        }
        if let runId = answer.runId, let field = HTTPField.Name("x-ms-workflow-run-id"), headers[field] == nil { headers[field] = runId }
        let text: String
        switch answer.body {
        case .null: text = ""
        case .string(let plain) where headers[.contentType].map({ !$0.lowercased().contains("json") }) ?? false: text = plain
        default:
            text = answer.body.jsonText()
            if headers[.contentType] == nil { headers[.contentType] = "application/json" }
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
