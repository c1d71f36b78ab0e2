import Foundation

/// A streaming CSV reader: reads the file in fixed-size chunks and yields one record at a time.
///
/// Handles quoted fields with embedded delimiters, newlines and `""` escapes, and CRLF line ends.
struct CSVReader {
    /// A problem in the CSV text itself.
    enum Failure: Error, Equatable {
        case unterminatedQuote(line: Int)
        case invalidUTF8(line: Int)
        case readFailed(String)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private let handle: FileHandle
    private let delimiter: UInt8
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var field: [UInt8] = []
    private var currentLine = 1

    /// The file line on which the most recently returned record started (1-based).
    private(set) var recordLine = 0

    init(url: URL, delimiter: UInt8, chunkSize: Int = 1 << 16) throws {
        self.handle = try FileHandle(forReadingFrom: url)
        self.delimiter = delimiter
        self.chunkSize = chunkSize
    }

    /// Closes the underlying file.
    func close() { try? handle.close() }

    /// The next record's fields, or nil at the end of the file. Blank lines are skipped.
    mutating func next() throws(Failure) -> [String]? {
        while true {
            guard let record = try readRecord() else { return nil }
            if record.count == 1, record[0].isEmpty { continue }
            return record
        }
    }

    private mutating func readRecord() throws(Failure) -> [String]? {
        var fields: [String] = []
        var inQuotes = false
        var fieldQuoted = false
        var sawByte = false
        field.removeAll(keepingCapacity: true)
        recordLine = currentLine
        while true {
            guard let byte = try nextByte() else {
                if inQuotes { throw .unterminatedQuote(line: recordLine) }
                if !sawByte { return nil }
                fields.append(try finishField())
                return fields
            }
            sawByte = true
            if inQuotes {
                if byte == Self.quote {
                    if try peekByte() == Self.quote {
                        position += 1
                        field.append(Self.quote)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == Self.newline { currentLine += 1 }
                    field.append(byte)
                }
            } else if byte == delimiter {
                fields.append(try finishField())
                fieldQuoted = false
            } else if byte == Self.newline {
                currentLine += 1
                fields.append(try finishField())
                return fields
            } else if byte == Self.quote, field.isEmpty, !fieldQuoted {
                inQuotes = true
                fieldQuoted = true
            } else if byte == Self.carriageReturn, try peekByte() == Self.newline {
                continue
            } else {
                field.append(byte)
            }
        }
    }

    private mutating func finishField() throws(Failure) -> String {
        defer { field.removeAll(keepingCapacity: true) }
        guard let text = String(validating: field, as: UTF8.self) else { throw .invalidUTF8(line: recordLine) }
        return text
    }

    private mutating func nextByte() throws(Failure) -> UInt8? {
        if position >= buffer.count {
            try refill()
            if position >= buffer.count { return nil }
        }
        let byte = buffer[position]
        position += 1
        return byte
    }

    private mutating func peekByte() throws(Failure) -> UInt8? {
        if position >= buffer.count {
            try refill()
            if position >= buffer.count { return nil }
        }
        return buffer[position]
    }

    private mutating func refill() throws(Failure) {
        guard !atEnd else { return }
        do {
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty { atEnd = true }
            buffer = [UInt8](data)
            position = 0
        } catch {
            throw .readFailed(error.localizedDescription)
        }
    }
}
