/// A set of document ordinals as a compressed bitmap in the manner of Roaring: ordinals are split
/// by their high 16 bits into containers; a container holds a sorted array of the low 16 bits
/// while it has at most 4,096 members and a 65,536-bit set beyond that. Facet counts and exact
/// totals are intersections of these, which cost microseconds where counting rows cost seconds.
public struct DocumentBitmap: Equatable, Sendable {
    enum Container: Equatable, Sendable {
        case array([UInt16])
        case bits([UInt64])

        static let arrayLimit = 4096
        static let words = 1024

        var count: Int {
            switch self {
            case .array(let values): values.count
            case .bits(let words): words.reduce(0) { $0 + $1.nonzeroBitCount }
            }
        }

        func contains(_ low: UInt16) -> Bool {
            switch self {
            case .array(let values): Self.search(values, low) != nil
            case .bits(let words): words[Int(low >> 6)] & (1 << UInt64(low & 63)) != 0
            }
        }

        static func search(_ values: [UInt16], _ low: UInt16) -> Int? {
            var lower = 0
            var upper = values.count
            while lower < upper {
                let middle = (lower + upper) / 2
                if values[middle] < low { lower = middle + 1 } else { upper = middle }
            }
            return lower < values.count && values[lower] == low ? lower : nil
        }

        /// Normalised: arrays up to the limit, bit sets above it; nil when empty.
        static func make(words: [UInt64]) -> Container? {
            let count = words.reduce(0) { $0 + $1.nonzeroBitCount }
            guard count > 0 else { return nil }
            guard count <= arrayLimit else { return .bits(words) }
            var values: [UInt16] = []
            values.reserveCapacity(count)
            for (index, word) in words.enumerated() where word != 0 {
                var rest = word
                while rest != 0 {
                    values.append(UInt16(index * 64 + rest.trailingZeroBitCount))
                    rest &= rest - 1
                }
            }
            return .array(values)
        }

        var asWords: [UInt64] {
            switch self {
            case .bits(let words): return words
            case .array(let values):
                var words = [UInt64](repeating: 0, count: Self.words)
                for value in values { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
                return words
            }
        }

        func intersection(_ other: Container) -> Container? {
            switch (self, other) {
            case (.array(let a), .array(let b)):
                var result: [UInt16] = []
                var i = 0
                var j = 0
                while i < a.count && j < b.count {
                    if a[i] == b[j] {
                        result.append(a[i])
                        i += 1
                        j += 1
                    } else if a[i] < b[j] {
                        i += 1
                    } else {
                        j += 1
                    }
                }
                return result.isEmpty ? nil : .array(result)
            case (.array(let a), .bits), (.bits, .array(let a)):
                let bits = (self.isBits ? self : other)
                let result = a.filter { bits.contains($0) }
                return result.isEmpty ? nil : .array(result)
            case (.bits(let a), .bits(let b)):
                return Container.make(words: zip(a, b).map { $0 & $1 })
            }
        }

        /// Facet counts call this for every value of every field on every query: no allocation.
        func intersectionCount(_ other: Container) -> Int {
            switch (self, other) {
            case (.bits(let a), .bits(let b)):
                var total = 0
                for index in 0..<Self.words { total += (a[index] & b[index]).nonzeroBitCount }
                return total
            case (.array(let values), .bits(let words)), (.bits(let words), .array(let values)):
                var total = 0
                for value in values where words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 { total += 1 }
                return total
            case (.array(let a), .array(let b)):
                var total = 0
                var i = 0
                var j = 0
                while i < a.count && j < b.count {
                    if a[i] == b[j] {
                        total += 1
                        i += 1
                        j += 1
                    } else if a[i] < b[j] {
                        i += 1
                    } else {
                        j += 1
                    }
                }
                return total
            }
        }

        func union(_ other: Container) -> Container {
            switch (self, other) {
            case (.array(let a), .array(let b)) where a.count + b.count <= Self.arrayLimit:
                var result: [UInt16] = []
                result.reserveCapacity(a.count + b.count)
                var i = 0
                var j = 0
                while i < a.count || j < b.count {
                    if j == b.count || (i < a.count && a[i] < b[j]) {
                        result.append(a[i])
                        i += 1
                    } else if i == a.count || b[j] < a[i] {
                        result.append(b[j])
                        j += 1
                    } else {
                        result.append(a[i])
                        i += 1
                        j += 1
                    }
                }
                return .array(result)
            default:
                return Container.make(words: zip(asWords, other.asWords).map { $0 | $1 })!
            }
        }

        var isBits: Bool {
            if case .bits = self { return true }
            return false
        }

        /// Members in ascending order until `body` returns false; false when stopped.
        func forEach(high: UInt32, _ body: (UInt32) -> Bool) -> Bool {
            switch self {
            case .array(let values):
                for value in values where !body(high | UInt32(value)) { return false }
            case .bits(let words):
                for (index, word) in words.enumerated() where word != 0 {
                    var rest = word
                    while rest != 0 {
                        if !body(high | UInt32(index * 64 + rest.trailingZeroBitCount)) { return false }
                        rest &= rest - 1
                    }
                }
            }
            return true
        }
    }

    var keys: [UInt16] = []
    var containers: [Container] = []

    public init() {}

    /// A bitmap of ordinals given in ascending order (duplicates allowed).
    public init(sorted ordinals: some Sequence<UInt32>) {
        var builder = Builder()
        for ordinal in ordinals { builder.add(ordinal) }
        builder.flush()
        keys = builder.keys
        containers = builder.containers
    }

    /// The containers as ordinals arrive in order. Its state is a struct's, not variables a nested
    /// function captures: those are boxed and every append to them checked for exclusive access
    /// at run time (making term bitmaps from postings was a twentieth of a search's time).
    private struct Builder {
        var keys: [UInt16] = []
        var containers: [Container] = []
        var currentKey = -1
        var low: [UInt16] = []

        @inline(__always)
        mutating func add(_ ordinal: UInt32) {
            let key = Int(ordinal >> 16)
            if key != currentKey {
                flush()
                currentKey = key
            }
            let value = UInt16(truncatingIfNeeded: ordinal)
            if low.last != value { low.append(value) }
        }

        mutating func flush() {
            guard currentKey >= 0, !low.isEmpty else { return }
            keys.append(UInt16(currentKey))
            if low.count <= Container.arrayLimit {
                containers.append(.array(low))
            } else {
                var words = [UInt64](repeating: 0, count: Container.words)
                words.withUnsafeMutableBufferPointer { words in
                    for value in low { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
                }
                containers.append(.bits(words))
            }
            low.removeAll(keepingCapacity: true)
        }
    }

    /// Every ordinal below `count`.
    public static func all(_ count: Int) -> DocumentBitmap { DocumentBitmap(sorted: (0..<UInt32(count)).lazy) }

    public var count: Int { containers.reduce(0) { $0 + $1.count } }

    public var isEmpty: Bool { containers.isEmpty }

    public func contains(_ ordinal: UInt32) -> Bool {
        guard let index = Self.index(of: UInt16(ordinal >> 16), in: keys) else { return false }
        return containers[index].contains(UInt16(truncatingIfNeeded: ordinal))
    }

    static func index(of key: UInt16, in keys: [UInt16]) -> Int? {
        var lower = 0
        var upper = keys.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if keys[middle] < key { lower = middle + 1 } else { upper = middle }
        }
        return lower < keys.count && keys[lower] == key ? lower : nil
    }

    /// Calls `body` with the positions of each high key both bitmaps hold, ascending.
    private func forEachCommonKey(with other: DocumentBitmap, _ body: (Int, Int) -> Void) {
        var i = 0
        var j = 0
        while i < keys.count && j < other.keys.count {
            if keys[i] == other.keys[j] {
                body(i, j)
                i += 1
                j += 1
            } else if keys[i] < other.keys[j] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    public func intersection(_ other: DocumentBitmap) -> DocumentBitmap {
        var result = DocumentBitmap()
        forEachCommonKey(with: other) { i, j in
            if let container = containers[i].intersection(other.containers[j]) {
                result.keys.append(keys[i])
                result.containers.append(container)
            }
        }
        return result
    }

    public func intersectionCount(_ other: DocumentBitmap) -> Int {
        var total = 0
        forEachCommonKey(with: other) { i, j in total += containers[i].intersectionCount(other.containers[j]) }
        return total
    }

    public func union(_ other: DocumentBitmap) -> DocumentBitmap {
        var result = DocumentBitmap()
        var i = 0
        var j = 0
        while i < keys.count || j < other.keys.count {
            if j == other.keys.count || (i < keys.count && keys[i] < other.keys[j]) {
                result.keys.append(keys[i])
                result.containers.append(containers[i])
                i += 1
            } else if i == keys.count || other.keys[j] < keys[i] {
                result.keys.append(other.keys[j])
                result.containers.append(other.containers[j])
                j += 1
            } else {
                result.keys.append(keys[i])
                result.containers.append(containers[i].union(other.containers[j]))
                i += 1
                j += 1
            }
        }
        return result
    }

    /// Members in ascending order until `body` returns false.
    public func forEach(_ body: (UInt32) -> Bool) {
        for (key, container) in zip(keys, containers) where !container.forEach(high: UInt32(key) << 16, body) { return }
    }

    /// Members in ascending order.
    public var ordinals: [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(count)
        forEach {
            result.append($0)
            return true
        }
        return result
    }
}

extension DocumentBitmap {
    /// About how much memory the bitmap holds (for caches with a byte budget).
    var memorySize: Int {
        containers.reduce(64 + keys.count * 2) { size, container in
            switch container {
            case .array(let values): size + 32 + values.count * 2
            case .bits(let words): size + 32 + words.count * 8
            }
        }
    }
}
