import Foundation

/// A streaming CSV reader: reads the file in fixed-size chunks and yields one record at a time.
///
/// Handles quoted fields with embedded delimiters, newlines and `""` escapes, and CRLF line ends.
/// Fields of the current record are byte ranges into a reused buffer, so no per-field allocation is needed.
struct CSVReader {
    /// A problem in the CSV text itself.
    enum Failure: Error, Equatable {
        case unterminatedQuote(line: Int)
        case invalidUTF8(line: Int)
        case readFailed(String)
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private let handle: FileHandle
    private let delimiter: UInt8
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var currentLine = 1

    /// The bytes of the current record's fields, back to back.
    private(set) var bytes: [UInt8] = []
    /// The end offset in `bytes` of each field of the current record.
    private(set) var fieldEnds: [Int] = []
    /// The file line on which the current record started (1-based).
    private(set) var recordLine = 0

    /// Whether a chunk was read yet (the byte order mark can only be at the very start).
    private var readAny = false

    init(url: URL, delimiter: UInt8, chunkSize: Int = 1 << 18) throws {
        self.handle = try FileHandle(forReadingFrom: url)
        self.delimiter = delimiter
        self.chunkSize = chunkSize
    }

    /// Closes the underlying file.
    func close() { try? handle.close() }

    /// The number of fields in the current record.
    var fieldCount: Int { fieldEnds.count }

    /// The byte range of field `index` in `bytes`.
    func range(ofField index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// Field `index` of the current record as text.
    func string(_ index: Int) throws(Failure) -> String {
        guard let text = String(validating: bytes[range(ofField: index)], as: UTF8.self) else { throw .invalidUTF8(line: recordLine) }
        return text
    }

    /// The next record's fields as strings, or nil at the end of the file.
    mutating func next() throws(Failure) -> [String]? {
        guard try advance() else { return nil }
        var fields: [String] = []
        for index in 0..<fieldCount { fields.append(try string(index)) }
        return fields
    }

    /// Moves to the next record (blank lines are skipped); false at the end of the file.
    mutating func advance() throws(Failure) -> Bool {
        while true {
            guard try readRecord() else { return false }
            if fieldEnds != [0] { return true }
        }
    }

    private mutating func readRecord() throws(Failure) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        recordLine = currentLine
        var state = State.fieldStart
        var sawByte = false
        while true {
            if position >= buffer.count {
                try refill()
                if position >= buffer.count, !atEnd { continue }
                if position >= buffer.count {
                    if state == .quoted { throw .unterminatedQuote(line: recordLine) }
                    if !sawByte { return false }
                    fieldEnds.append(bytes.count)
                    return true
                }
            }
            sawByte = true
            if scanChunk(&state) { return true }
        }
    }

    /// Consumes bytes of the current chunk; returns true when a record ended.
    private mutating func scanChunk(_ state: inout State) -> Bool {
        let end = buffer.count
        var index = position
        defer { position = index }
        while index < end {
            let byte = buffer[index]
            index += 1
            switch state {
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    fieldEnds.append(bytes.count)
                    state = .fieldStart
                } else if byte == Self.newline {
                    currentLine += 1
                    if state == .unquoted, bytes.last == Self.carriageReturn { bytes.removeLast() }
                    fieldEnds.append(bytes.count)
                    return true
                } else if byte == Self.quote, state == .fieldStart {
                    state = .quoted
                } else {
                    bytes.append(byte)
                    state = .unquoted
                }
            case .quoted:
                if byte == Self.quote {
                    state = .quoteInQuoted
                } else {
                    if byte == Self.newline { currentLine += 1 }
                    bytes.append(byte)
                }
            case .quoteInQuoted:
                if byte == Self.quote {
                    bytes.append(byte)
                    state = .quoted
                } else if byte == delimiter {
                    fieldEnds.append(bytes.count)
                    state = .fieldStart
                } else if byte == Self.newline {
                    currentLine += 1
                    fieldEnds.append(bytes.count)
                    return true
                } else if byte != Self.carriageReturn {
                    bytes.append(byte)
                    state = .unquoted
                }
            }
        }
        return false
    }

    private mutating func refill() throws(Failure) {
        guard !atEnd else { return }
        do {
            let data = try handle.read(upToCount: readAny ? chunkSize : max(chunkSize, 3)) ?? Data()
            if data.isEmpty { atEnd = true }
            buffer = [UInt8](data)
            position = 0
            // A UTF-8 byte order mark (spreadsheet exports) is not part of the first header name.
            if !readAny, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            readAny = true
        } catch {
            throw .readFailed(error.localizedDescription)
        }
    }
}
