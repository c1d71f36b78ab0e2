import Foundation
import Glibc
@testable import Insights

/// This process's scratch file: the reader reads files, so each input is written here first.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-fuzz-csv-\(getpid()).csv")

/// One record as the reader saw it, or how reading failed.
enum Outcome: Equatable {
    case record(line: Int, fields: [[UInt8]])
    case failure(CSVReader.Failure)
}

/// libFuzzer entry point: byte 0 picks the delimiter (any ASCII the source validator allows), byte 1 a tiny chunk
/// size (1–32), the rest is the CSV file. Reading in tiny chunks must give the records the default chunk gives,
/// and every field goes through the ingest's typed paths, whose byte fast paths must agree with the text parsers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 2 else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    var delimiter = input[0] & 0x7F
    if delimiter == UInt8(ascii: "\"") || delimiter == UInt8(ascii: "\n") { delimiter = UInt8(ascii: ",") }
    let chunkSize = 1 + Int(input[1]) % 32
    write(UnsafeBufferPointer(rebasing: input[2...]))
    let whole = read(delimiter: delimiter, chunkSize: 1 << 18)
    let chunked = read(delimiter: delimiter, chunkSize: chunkSize)
    guard whole == chunked else { fatalError("chunk size \(chunkSize) changed the records: \(whole) vs \(chunked)") }
    for case .record(_, let fields) in whole {
        for field in fields { checkTypes(field) }
    }
    return 0
}

/// Replaces the scratch file's bytes (plain writes: `FileManager.createFile` syncs to disk, a hundred times slower).
func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    let descriptor = open(scratch.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { fatalError("cannot write \(scratch.path)") }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        guard written > 0 else { fatalError("cannot write \(scratch.path)") }
        offset += written
    }
}

/// Every record of the scratch file, as `CSVSourceIngest` reads it (header included), up to the first failure.
func read(delimiter: UInt8, chunkSize: Int) -> [Outcome] {
    guard var reader = try? CSVReader(url: scratch, delimiter: delimiter, chunkSize: chunkSize) else {
        fatalError("cannot open \(scratch.path)")
    }
    defer { reader.close() }
    var outcomes: [Outcome] = []
    do {
        while try reader.advance() {
            let fields = (0..<reader.fieldCount).map { Array(reader.bytes[reader.range(ofField: $0)]) }
            for index in 0..<reader.fieldCount {
                let text = try? reader.string(index)
                guard text == String(validating: fields[index], as: UTF8.self) else { fatalError("string(\(index)) is not the field's text") }
            }
            outcomes.append(.record(line: reader.recordLine, fields: fields))
        }
    } catch {
        outcomes.append(.failure(error))
    }
    return outcomes
}

/// A non-empty field through `CSVRowBinder`'s byte parsers and `ValueParser` (which SQLite sources and the
/// binder's slow path use): a number or date the fast path accepts must be the one the text parser gives.
func checkTypes(_ field: [UInt8]) {
    guard !field.isEmpty else { return }
    let text = String(validating: field, as: UTF8.self)
    field.withUnsafeBufferPointer { buffer in
        let integer = FastNumber.integer(buffer)
        let decimal = FastNumber.decimal(buffer)
        let isDate = CalendarText.isDate(buffer)
        guard let text else { return }
        var slowInteger: Int64?
        if case .int64(let number)? = ValueParser.parse(text, as: .integer)?.storage { slowInteger = number }
        guard integer == slowInteger else { fatalError("integer \(text.debugDescription): bytes \(String(describing: integer)), text \(String(describing: slowInteger))") }
        var slowDecimal: Double?
        if case .double(let number)? = ValueParser.parse(text, as: .decimal)?.storage { slowDecimal = number }
        guard decimal == slowDecimal else { fatalError("decimal \(text.debugDescription): bytes \(String(describing: decimal)), text \(String(describing: slowDecimal))") }
        if isDate, CalendarText.normalizedDate(text) != text {
            fatalError("date \(text.debugDescription): the binder stores it as is, the text parser gives \(String(describing: CalendarText.normalizedDate(text)))")
        }
        for type in ColumnType.allCases { _ = ValueParser.parse(text, as: type) }
    }
}
