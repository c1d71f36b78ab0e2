import FlowExpressions
import Foundation
import HTTPTypes
import Hummingbird

/// Checks a request's credentials for `/events` and the control routes alike; refuses a signed request seen before.
struct IntakeAuthenticator: Sendable {
    let credentials: IntakeCredentials
    let replays: ReplayGuard

    static let signatureHeader = HTTPField.Name("X-InsightFlow-Signature")!
    static let timestampHeader = HTTPField.Name("X-InsightFlow-Timestamp")!
    static let deliveryHeader = HTTPField.Name("X-InsightFlow-Delivery")!

    /// Nil when the request may proceed, else the 401 answer saying why.
    func refusal(_ headers: HTTPFields, body: Data) -> Response? {
        let signature = headers[Self.signatureHeader]
        if let reason = credentials.refusal(authorization: headers[.authorization], signature: signature,
                                            timestamp: headers[Self.timestampHeader], body: body) {
            return IntakeAnswer.json(.unauthorized, ["error": .string(reason)])
        }
        guard headers[.authorization] == nil, let signature else { return nil }
        let key = headers[Self.deliveryHeader].map { "delivery:" + $0 } ?? "signature:" + signature.lowercased()
        guard replays.firstTime(key) else {
            return IntakeAnswer.json(.unauthorized, ["error": "this signed request was already accepted (a replay); sign each delivery with a new timestamp or X-InsightFlow-Delivery id"])
        }
        return nil
    }
}
