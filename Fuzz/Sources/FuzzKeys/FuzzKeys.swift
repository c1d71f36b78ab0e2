import TerminalUI

/// libFuzzer entry point: bytes as what the terminal library hands the key decoder, in bursts.
///
/// Each byte is one character input, except three markers: `0xFF hi lo` is a curses key code (`0x0100 + lo`, or
/// `hi << 8 | lo` when `hi` is odd, so out-of-table codes come too), `0xFE b3 b2 b1 b0` a raw 32-bit character value
/// (invalid scalars included), and `0xFD` ends a burst (one `decode` call). A decoder must never trap, whatever
/// arrives and however it is split.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var decoder = KeyDecoder()
    var burst: [RawInput] = []
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case 0xFF where index + 2 <= bytes.count:
            let high = Int32(bytes[index]), low = Int32(bytes[index + 1])
            index += 2
            burst.append(.keyCode(high & 1 == 1 ? high << 8 | low : 0x100 + low))
        case 0xFE where index + 4 <= bytes.count:
            var value: UInt32 = 0
            for offset in 0..<4 { value = value << 8 | UInt32(bytes[index + offset]) }
            index += 4
            burst.append(.character(value))
        case 0xFD:
            _ = decoder.decode(burst)
            burst.removeAll()
        default:
            burst.append(.character(UInt32(byte)))
        }
    }
    _ = decoder.decode(burst)
    return 0
}
