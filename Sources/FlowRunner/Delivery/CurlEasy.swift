import CCurl
import Foundation
import Synchronization

/// A cancellation flag shared between a Swift task and the thread running its transfer.
final class CurlCancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// The buffers a transfer's C callbacks read and write; touched only on the transfer's thread.
final class CurlBuffers {
    static let maximumBody = 16 * 1024 * 1024
    var upload: [UInt8] = []
    var uploadOffset = 0
    var body: [UInt8] = []
    var headerLines: [String] = []
    var bodyTooLarge = false
    let cancellation: CurlCancellation

    init(cancellation: CurlCancellation) { self.cancellation = cancellation }
}

/// One response header as received.
struct CurlHeader: Sendable, Hashable {
    var name: String
    var value: String
}

/// What a finished transfer produced: libcurl's code and message, the last reply code, the response.
struct CurlResult: Sendable {
    var code: UInt32
    var errorText: String
    var responseCode: Int
    var body: [UInt8]
    var headers: [CurlHeader]
    var bodyTooLarge: Bool

    var succeeded: Bool { code == CURLE_OK.rawValue }

    /// The first header with this name (any case).
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// One libcurl easy handle with the lists and buffers it points at; lives on one thread.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    let buffers: CurlBuffers

    init(cancellation: CurlCancellation) throws(DeliveryFailure) {
        guard Curl.initialized, let handle = curl_easy_init() else { throw .permanent("libcurl could not be initialised") }
        self.handle = handle
        self.buffers = CurlBuffers(cancellation: cancellation)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try installCallbacks()
    }

    deinit {
        curl_easy_cleanup(handle)
        lists.forEach { curl_slist_free_all($0) }
        errorBuffer.deallocate()
    }

    /// Sets a numeric option.
    func set(_ option: CURLoption, _ value: Int) throws(DeliveryFailure) {
        try check(insightflow_curl_setopt_long(handle, option, value), option)
    }

    /// Sets a text option (libcurl copies the text).
    func set(_ option: CURLoption, _ value: String) throws(DeliveryFailure) {
        try check(insightflow_curl_setopt_string(handle, option, value), option)
    }

    /// Sets a list option (headers, mail recipients); the list lives as long as the handle.
    func set(_ option: CURLoption, list: [String]) throws(DeliveryFailure) {
        var head: UnsafeMutablePointer<curl_slist>?
        for item in list {
            guard let next = curl_slist_append(head, item) else { throw .permanent("libcurl could not build a list") }
            head = next
        }
        guard let head else { return }
        lists.append(head)
        try check(insightflow_curl_setopt_slist(handle, option, head), option)
    }

    /// Supplies the bytes to send (request body or mail message) through the read callback.
    func setUpload(_ bytes: [UInt8]) throws(DeliveryFailure) {
        buffers.upload = bytes
        buffers.uploadOffset = 0
        try check(insightflow_curl_setopt_read_function(handle) { data, size, count, user in
            guard let data, let user else { return 0 }
            let buffers = Unmanaged<CurlBuffers>.fromOpaque(user).takeUnretainedValue()
            let n = min(size * count, buffers.upload.count - buffers.uploadOffset)
            buffers.upload.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                UnsafeMutableRawPointer(data).copyMemory(from: base + buffers.uploadOffset, byteCount: n)
            }
            buffers.uploadOffset += n
            return n
        }, CURLOPT_READFUNCTION)
        try check(insightflow_curl_setopt_pointer(handle, CURLOPT_READDATA, opaqueBuffers), CURLOPT_READDATA)
    }

    /// Sets a large size option (`CURLOPT_INFILESIZE_LARGE`, `CURLOPT_POSTFIELDSIZE_LARGE`).
    func set(size option: CURLoption, _ value: Int) throws(DeliveryFailure) {
        try check(insightflow_curl_setopt_off_t(handle, option, curl_off_t(value)), option)
    }

    /// Runs the transfer to its end (blocking this thread).
    func perform() -> CurlResult {
        let code = curl_easy_perform(handle)
        var responseCode = 0
        _ = insightflow_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        let detail = String(cString: errorBuffer)
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        return CurlResult(code: code.rawValue, errorText: text, responseCode: responseCode, body: buffers.body,
                          headers: Self.parseHeaders(buffers.headerLines), bodyTooLarge: buffers.bodyTooLarge)
    }

    private var opaqueBuffers: UnsafeMutableRawPointer { Unmanaged.passUnretained(buffers).toOpaque() }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(DeliveryFailure) {
        guard code == CURLE_OK else {
            throw .permanent("libcurl rejected option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }

    /// Response body, headers, cancellation, no signals (threads), the error buffer.
    private func installCallbacks() throws(DeliveryFailure) {
        try check(insightflow_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)), CURLOPT_ERRORBUFFER)
        try set(CURLOPT_NOSIGNAL, 1)
        try check(insightflow_curl_setopt_write_function(handle) { data, size, count, user in
            guard let data, let user else { return 0 }
            let buffers = Unmanaged<CurlBuffers>.fromOpaque(user).takeUnretainedValue()
            let n = size * count
            guard buffers.body.count + n <= CurlBuffers.maximumBody else {
                buffers.bodyTooLarge = true
                return 0
            }
            buffers.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: n))
            return n
        }, CURLOPT_WRITEFUNCTION)
        try check(insightflow_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, opaqueBuffers), CURLOPT_WRITEDATA)
        try check(insightflow_curl_setopt_header_function(handle) { data, size, count, user in
            guard let data, let user else { return 0 }
            let buffers = Unmanaged<CurlBuffers>.fromOpaque(user).takeUnretainedValue()
            let n = size * count
            let line = String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self)
            buffers.headerLines.append(line.trimmingCharacters(in: .newlines))
            return n
        }, CURLOPT_HEADERFUNCTION)
        try check(insightflow_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, opaqueBuffers), CURLOPT_HEADERDATA)
        try check(insightflow_curl_setopt_xferinfo_function(handle) { user, _, _, _, _ in
            guard let user else { return 0 }
            return Unmanaged<CurlBuffers>.fromOpaque(user).takeUnretainedValue().cancellation.isCancelled ? 1 : 0
        }, CURLOPT_XFERINFOFUNCTION)
        try check(insightflow_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, opaqueBuffers), CURLOPT_XFERINFODATA)
        try set(CURLOPT_NOPROGRESS, 0)
    }

    /// The headers of the last response (a status line starts a new response: redirects, 100 Continue).
    static func parseHeaders(_ lines: [String]) -> [CurlHeader] {
        var headers: [CurlHeader] = []
        for line in lines {
            if line.hasPrefix("HTTP/") {
                headers = []
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { headers.append(CurlHeader(name: name, value: value)) }
            }
        }
        return headers
    }
}

/// Runs libcurl transfers on threads of their own, off Swift's cooperative pool.
enum Curl {
    /// libcurl's global initialisation, done once before the first handle.
    static let initialized: Bool = insightflow_curl_global_init() == CURLE_OK

    /// Configures a handle and performs it on a new thread; cancelling the task aborts the transfer.
    static func perform(_ configure: @escaping @Sendable (CurlEasy) throws(DeliveryFailure) -> Void) async -> Result<CurlResult, DeliveryFailure> {
        let cancellation = CurlCancellation()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<CurlResult, DeliveryFailure>, Never>) in
                let thread = Thread {
                    continuation.resume(returning: run(cancellation: cancellation, configure))
                }
                thread.name = "insightflow-curl"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    private static func run(cancellation: CurlCancellation, _ configure: (CurlEasy) throws(DeliveryFailure) -> Void) -> Result<CurlResult, DeliveryFailure> {
        do {
            let easy = try CurlEasy(cancellation: cancellation)
            try configure(easy)
            return .success(easy.perform())
        } catch {
            return .failure(error)
        }
    }

    /// A failure message: "timed out after N s (...)" for timeouts (the runner records those as timed out),
    /// else the subject and libcurl's explanation.
    static func message(_ subject: String, _ result: CurlResult, timeout: Double) -> String {
        guard result.code == CURLE_OPERATION_TIMEDOUT.rawValue else { return "\(subject): \(result.errorText)" }
        return "timed out after \(timeout) s (\(subject): \(result.errorText))"
    }

    /// Whether a libcurl error is worth another attempt: connection trouble and timeouts are, bad URLs are not.
    static func isTransient(_ code: UInt32) -> Bool {
        let transient: [CURLcode] = [
            CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT,
            CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_SSL_CONNECT_ERROR,
            CURLE_ABORTED_BY_CALLBACK,
        ]
        return transient.contains { $0.rawValue == code }
    }
}
