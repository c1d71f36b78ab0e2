import GRDB
import GRDBSQLite

/// Binds the current CSV record's fields, typed, straight from the reader's bytes to a prepared INSERT, and runs it.
///
/// This is the hot path of CSV ingest: integers, decimals and text are bound without creating Swift strings.
struct CSVRowBinder {
    /// The outcome of one record.
    enum Outcome: Equatable {
        case inserted
        case badValue(column: Int)
        case invalidUTF8
    }

    let raw: RawStatement
    let types: [ColumnType]

    /// Binds every field of `reader`'s current record and inserts the row.
    func insert(_ reader: CSVReader) throws -> Outcome {
        let handle = raw.statement.sqliteStatement
        let bound: Outcome = reader.bytes.withUnsafeBufferPointer { buffer in
            for (index, type) in types.enumerated() {
                let range = reader.range(ofField: index)
                let field = UnsafeBufferPointer(rebasing: buffer[range])
                let outcome = bind(field, type: type, at: Int32(index + 1), handle)
                if outcome != .inserted { return outcome }
            }
            return .inserted
        }
        guard bound == .inserted else {
            sqlite3_reset(handle)
            return bound
        }
        try raw.step()
        return .inserted
    }

    private func bind(_ field: UnsafeBufferPointer<UInt8>, type: ColumnType, at index: Int32, _ handle: SQLiteStatement) -> Outcome {
        if field.isEmpty {
            sqlite3_bind_null(handle, index)
            return .inserted
        }
        switch type {
        case .string:
            if field.contains(where: { $0 >= 0x80 }), String(validating: field, as: UTF8.self) == nil { return .invalidUTF8 }
            sqlite3_bind_text(handle, index, UnsafeRawPointer(field.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(field.count), RawStatement.transient)
        case .integer:
            guard let value = FastNumber.integer(field) else { return .badValue(column: Int(index) - 1) }
            sqlite3_bind_int64(handle, index, value)
        case .decimal:
            guard let value = FastNumber.decimal(field) else { return .badValue(column: Int(index) - 1) }
            sqlite3_bind_double(handle, index, value)
        case .date where field.count == 10 && CalendarText.isDate(field):
            sqlite3_bind_text(handle, index, UnsafeRawPointer(field.baseAddress)?.assumingMemoryBound(to: CChar.self), 10, RawStatement.transient)
        case .date, .datetime, .boolean:
            guard let text = String(validating: field, as: UTF8.self) else { return .invalidUTF8 }
            guard let value = ValueParser.parse(text, as: type) else { return .badValue(column: Int(index) - 1) }
            raw.bind(value, at: index)
        }
        return .inserted
    }
}

/// Number parsing straight from bytes, with a fallback to the standard library for unusual forms.
enum FastNumber {
    /// A decimal integer with optional sign and surrounding spaces, or nil.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var digits = trimmed(bytes)
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 19 else { return fallbackInteger(bytes) }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 48))
            if overflow || overflow2 { return fallbackInteger(bytes) }
            value = sum
        }
        return negative ? -value : value
    }

    /// A finite decimal number; plain `[-]digits[.digits]` is parsed exactly, other forms by the standard library.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var digits = trimmed(bytes)
        var negative = false
        if digits.first == UInt8(ascii: "-") {
            negative = true
            digits = digits.dropFirst()
        }
        var mantissa: UInt64 = 0
        var scale = 0
        var seenPoint = false
        var count = 0
        for byte in digits {
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
                continue
            }
            guard byte >= 48, byte <= 57, count < 15 else { return fallbackDecimal(bytes) }
            mantissa = mantissa * 10 + UInt64(byte - 48)
            count += 1
            if seenPoint { scale += 1 }
        }
        guard count > 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[scale]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var slice = bytes[...]
        while let first = slice.first, first == 32 || first == 9 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 || last == 9 { slice = slice.dropLast() }
        return slice
    }

    private static func fallbackInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        String(validating: bytes, as: UTF8.self).flatMap { Int64($0.trimmingSpaces) }
    }

    private static func fallbackDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let text = String(validating: bytes, as: UTF8.self), let value = Double(text.trimmingSpaces), value.isFinite else { return nil }
        return value
    }
}
