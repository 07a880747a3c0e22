/// A file name a browser can save on any system: the characters Windows forbids in names
/// (「/ \ : * ? " < > |」) become 「_」; Chinese text stays as it is.
public enum DownloadName {
    public static func safe(_ name: String) -> String {
        String(name.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 })
    }
}
