import FlowExpressions
import FlyingFox
import Foundation

/// Checks a request's credentials for `/events` and the control routes alike; refuses a signed request seen before.
struct IntakeAuthenticator: Sendable {
    let credentials: IntakeCredentials
    let replays: ReplayGuard

    /// Nil when the request may proceed, else the 401 answer saying why.
    func refusal(_ request: HTTPRequest, body: Data) -> HTTPResponse? {
        let signature = request.headers[HTTPHeader("X-InsightFlow-Signature")]
        if let reason = credentials.refusal(authorization: request.headers[.authorization], signature: signature,
                                            timestamp: request.headers[HTTPHeader("X-InsightFlow-Timestamp")], body: body) {
            return IntakeHandler.answer(.unauthorized, ["error": .string(reason)])
        }
        guard request.headers[.authorization] == nil, let signature else { return nil }
        let key = request.headers[HTTPHeader("X-InsightFlow-Delivery")].map { "delivery:" + $0 } ?? "signature:" + signature.lowercased()
        guard replays.firstTime(key) else {
            return IntakeHandler.answer(.unauthorized, ["error": "this signed request was already accepted (a replay); sign each delivery with a new timestamp or X-InsightFlow-Delivery id"])
        }
        return nil
    }
}
