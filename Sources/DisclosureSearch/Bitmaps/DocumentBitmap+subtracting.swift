extension DocumentBitmap {
    /// The members not in `other`: a segment's live documents are all of them minus the deleted.
    public func subtracting(_ other: DocumentBitmap) -> DocumentBitmap {
        var result = DocumentBitmap()
        var j = 0
        for (i, key) in keys.enumerated() {
            while j < other.keys.count && other.keys[j] < key { j += 1 }
            guard j < other.keys.count, other.keys[j] == key else {
                result.keys.append(key)
                result.containers.append(containers[i])
                continue
            }
            if let rest = containers[i].subtracting(other.containers[j]) {
                result.keys.append(key)
                result.containers.append(rest)
            }
        }
        return result
    }
}

extension DocumentBitmap.Container {
    func subtracting(_ other: Self) -> Self? {
        switch self {
        case .array(let values):
            let rest = values.filter { !other.contains($0) }
            return rest.isEmpty ? nil : .array(rest)
        case .bits(let words):
            return Self.make(words: zip(words, other.asWords).map { $0 & ~$1 })
        }
    }
}
