import DisclosureCore

/// The slow obvious answer to "does this document match": tokenize it and look for every phrase
/// token by token. `disclosure search verify` compares the engine with it over the documents
/// table; the engine's own tests use the same definition.
public struct PhraseScan: Sendable {
    let title: [String]
    let body: [String]

    public init(_ document: SearchDocument) {
        title = SearchTokenizer.tokens(document.title)
        body = SearchTokenizer.tokens(document.body)
    }

    /// Whether every term of the query occurs as a token phrase in the title or the body.
    public func matches(_ query: SearchQuery) -> Bool {
        !query.isEmpty && query.phrases.allSatisfy { Self.occurs($0, in: title) || Self.occurs($0, in: body) }
    }

    static func occurs(_ phrase: [SearchQuery.Token], in field: [String]) -> Bool {
        guard !phrase.isEmpty, field.count >= phrase.count else { return false }
        return (0...(field.count - phrase.count)).contains { start in
            phrase.indices.allSatisfy { index in
                let token = phrase[index]
                // By Unicode scalars, as the index compares terms (not by canonical equivalence).
                let word = field[start + index].utf8
                return token.prefix ? word.starts(with: token.text.utf8) : word.elementsEqual(token.text.utf8)
            }
        }
    }
}
