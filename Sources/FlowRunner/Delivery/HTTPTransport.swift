import CCurl
import Foundation

/// One HTTP request as the senders build it.
struct HTTPCall: Sendable {
    var method: String
    var url: String
    var headers: [CurlHeader]
    var body: [UInt8]?
    var timeout: Double
}

/// The answer to an `HTTPCall`.
struct HTTPReply: Sendable {
    var statusCode: Int
    var headers: [CurlHeader]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The first header with this name (any case).
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// ": <the start of the response text>" for an error message, or "" when the text is empty.
    var snippet: String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        return ": " + (trimmed.count > 200 ? String(trimmed.prefix(200)) + "..." : trimmed)
    }

    /// True for a 2xx status.
    var isSuccess: Bool { (200..<300).contains(statusCode) }

    /// True for statuses worth another attempt: 408, 429 and 5xx.
    var isRetryableStatus: Bool { statusCode == 408 || statusCode == 429 || (500..<600).contains(statusCode) }
}

/// Sends HTTP requests with libcurl, off the cooperative thread pool.
enum HTTPTransport {
    /// Sends the call; a transport failure (no reply at all) is a `DeliveryFailure`.
    /// Sends `call` and judges the reply with `outcome`; a transport failure (no connection, timeout) fails as is.
    static func deliver(_ call: HTTPCall, outcome: (HTTPReply) -> DeliveryOutcome) async -> DeliveryOutcome {
        switch await send(call) {
        case .failure(let failure): return .failed(failure)
        case .success(let reply): return outcome(reply)
        }
    }

    static func send(_ call: HTTPCall) async -> Result<HTTPReply, DeliveryFailure> {
        guard let scheme = URL(string: call.url)?.scheme?.lowercased(), ["http", "https"].contains(scheme) else {
            return .failure(.permanent("not an http or https URL"))
        }
        let result = await Curl.perform { easy throws(DeliveryFailure) in try configure(easy, call) }
        switch result {
        case .failure(let failure):
            return .failure(failure)
        case .success(let curl) where curl.bodyTooLarge:
            return .failure(.permanent("the response is larger than \(CurlBuffers.maximumBody / 1_048_576) MiB"))
        case .success(let curl) where !curl.succeeded:
            return .failure(DeliveryFailure(message: Curl.message("HTTP request failed", curl, timeout: call.timeout), retryable: Curl.isTransient(curl.code)))
        case .success(let curl):
            return .success(HTTPReply(statusCode: curl.responseCode, headers: curl.headers, body: curl.body))
        }
    }

    private static func configure(_ easy: CurlEasy, _ call: HTTPCall) throws(DeliveryFailure) {
        try easy.set(CURLOPT_URL, call.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_FOLLOWLOCATION, 1)
        try easy.set(CURLOPT_MAXREDIRS, 5)
        try easy.set(CURLOPT_TIMEOUT_MS, milliseconds(call.timeout))
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(min(call.timeout, 30)))
        try easy.set(CURLOPT_USERAGENT, "InsightFlow/1.0")
        try easy.set(CURLOPT_ACCEPT_ENCODING, "")
        try configureMethod(easy, call)
        try easy.set(CURLOPT_HTTPHEADER, list: call.headers.map { "\($0.name): \($0.value)" } + ["Expect:"])
    }

    private static func configureMethod(_ easy: CurlEasy, _ call: HTTPCall) throws(DeliveryFailure) {
        let method = call.method.uppercased()
        if let body = call.body {
            try easy.set(CURLOPT_POST, 1)
            try easy.set(size: CURLOPT_POSTFIELDSIZE_LARGE, body.count)
            try easy.setUpload(body)
            if method != "POST" { try easy.set(CURLOPT_CUSTOMREQUEST, method) }
        } else if method == "GET" {
            try easy.set(CURLOPT_HTTPGET, 1)
        } else if method == "HEAD" {
            try easy.set(CURLOPT_NOBODY, 1)
        } else {
            try easy.set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 120_000 }
        return max(1, Int((min(seconds, 86_400) * 1000).rounded()))
    }
}
