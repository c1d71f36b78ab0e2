import Foundation
import TextFormats

/// The encodings an RFC 5322 / MIME message needs: encoded-words, base64 body lines, dates.
enum MailEncoding {
    /// RFC 2047 `=?UTF-8?B?...?=` words of at most 75 characters, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// A header value as written: as is when short printable ASCII, else encoded-words folded onto
    /// continuation lines. Line breaks never survive (no header injection).
    static func headerValue(_ text: String) -> String {
        let clean = singleLine(text)
        let printable = clean.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable, clean.utf8.count <= 900 { return clean }
        return encodedWords(clean).joined(separator: "\r\n ")
    }

    /// The text with every CR and LF replaced by a space.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }))
    }

    /// Base64 in lines of 76 characters, each ended by CRLF.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString()
        var lines: [Substring] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[start..<end])
            start = end
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// The text with every line ending (CR, LF or CRLF) made CRLF.
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// An RFC 5322 date: `Wed, 26 Nov 2025 09:21:00 +0000`.
    static func date(_ date: Date) -> String {
        TimeText.rfc5322(date)
    }
}
