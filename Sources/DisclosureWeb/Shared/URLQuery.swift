import Foundation

/// Building query strings for links in pages.
enum URLQuery {
    /// A value escaped for a query string (`&`, `=`, `+`, `#` included), e.g. a unit code or a search term.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: valueAllowed) ?? ""
    }

    static let valueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+#")
        return set
    }()
}
