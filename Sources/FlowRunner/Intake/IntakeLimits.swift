/// The limits of `serve`'s HTTP front, each enforced where the bytes arrive (the HTTP decoder, the body stream,
/// the connection's clock), so no client can hold a worker, grow memory without bound, or keep `serve` from stopping.
public struct IntakeLimits: Sendable {
    /// The largest request body, counted while it streams in (chunked or not); past it: 413 and the connection closed.
    public var maximumBodySize = 256 * 1024
    /// The longest request line or single header field, in bytes; past it: 400 and the connection closed.
    public var maximumHeaderFieldSize = 8 * 1024
    /// The most bytes of all header fields together.
    public var maximumHeaderListSize = 32 * 1024
    /// The most header fields in one request.
    public var maximumHeaderCount = 64
    /// Seconds a new connection has to deliver a whole request head (request line and headers).
    public var headTimeout: Double = 10
    /// Seconds from a request's head to the end of its body.
    public var bodyTimeout: Double = 30
    /// Seconds a kept-alive connection may wait, idle, for its next request.
    public var idleTimeout: Double = 30
    /// The most connections open at once; further ones wait in the listen backlog until one closes.
    public var maximumConnections = 512
    /// Seconds `stop()` waits for requests in progress before closing every connection.
    public var stopGrace: Double = 5

    /// The defaults above.
    public static let standard = IntakeLimits()

    public init() {}
}
