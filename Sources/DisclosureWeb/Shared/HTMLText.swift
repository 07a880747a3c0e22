/// Text made safe for HTML content and quoted attribute values: the five characters Mustache's
/// `{{…}}` escapes, escaped the same way, by bytes. Most text on the portal is Chinese with none of
/// them, and is returned as it is without being copied.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: isSpecial) else { return nil as String? }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): escaped += Array("&lt;".utf8)
                case UInt8(ascii: ">"): escaped += Array("&gt;".utf8)
                case UInt8(ascii: "&"): escaped += Array("&amp;".utf8)
                case UInt8(ascii: "\""): escaped += Array("&quot;".utf8)
                case UInt8(ascii: "'"): escaped += Array("&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
