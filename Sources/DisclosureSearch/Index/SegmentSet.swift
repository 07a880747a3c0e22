/// The whole index: immutable segments, and for each the ordinals of its documents that were
/// replaced or removed since it was built (the delete set). Adding a segment deletes the older
/// copies of its documents, so a document lives in at most one segment. Statistics — the number
/// of documents, their average length, how many hold a token — count live documents only, so a
/// query answers exactly as if the live documents had been indexed at once.
public struct SegmentSet: Sendable {
    public struct Member: Sendable {
        public let name: String
        public let segment: SearchSegment
        /// Ordinals of this segment's documents that no longer count, ascending.
        public private(set) var deleted: [UInt32]
        /// All ordinals minus the deleted; nil while nothing is deleted.
        private(set) var live: DocumentBitmap?
        private(set) var liveLengthSum: Int

        init(name: String, segment: SearchSegment, deleted: [UInt32]) {
            self.name = name
            self.segment = segment
            self.deleted = []
            self.live = nil
            self.liveLengthSum = segment.lengthSum
            delete(deleted)
        }

        public var liveCount: Int { segment.count - deleted.count }

        mutating func delete(_ ordinals: [UInt32]) {
            let fresh = Set(ordinals).subtracting(deleted).filter { Int($0) < segment.count }
            guard !fresh.isEmpty else { return }
            deleted = (deleted + fresh).sorted()
            for ordinal in fresh { liveLengthSum -= Int(segment.lengths[Int(ordinal)]) }
            live = DocumentBitmap.all(segment.count).subtracting(DocumentBitmap(sorted: deleted))
        }
    }

    struct Location {
        let member: Int
        let ordinal: UInt32
    }

    public private(set) var members: [Member] = []
    private var locations: [Int: Location] = [:]

    public init() {}

    /// Live documents.
    public var count: Int { locations.count }

    public func contains(_ id: Int) -> Bool { locations[id] != nil }

    /// Adds a segment (e.g. one read back from the index folder with its delete set). Its
    /// documents replace any older copies.
    public mutating func add(_ segment: SearchSegment, name: String, deleted: [UInt32] = []) {
        remove(ids: segment.ids)
        let member = Member(name: name, segment: segment, deleted: deleted)
        let deletedSet = Set(member.deleted)
        for (ordinal, id) in segment.ids.enumerated() where !deletedSet.contains(UInt32(ordinal)) {
            locations[id] = Location(member: members.count, ordinal: UInt32(ordinal))
        }
        members.append(member)
    }

    /// Deletes documents wherever they live; unknown ids are ignored.
    public mutating func remove(ids: some Sequence<Int>) {
        var byMember: [Int: [UInt32]] = [:]
        for id in ids {
            guard let location = locations.removeValue(forKey: id) else { continue }
            byMember[location.member, default: []].append(location.ordinal)
        }
        for (member, ordinals) in byMember { members[member].delete(ordinals) }
    }

    /// Drops the named segments, whose live documents the caller has indexed again in a segment
    /// added before this call (a merge), or wants gone.
    public mutating func drop(names: Set<String>) {
        let kept = members.filter { !names.contains($0.name) }
        members = []
        locations = [:]
        for member in kept { add(member.segment, name: member.name, deleted: member.deleted) }
    }

    /// The ids of the live documents in a segment.
    public func liveIDs(of name: String) -> [Int] {
        guard let member = members.first(where: { $0.name == name }) else { return [] }
        let deleted = Set(member.deleted)
        return member.segment.ids.enumerated().filter { !deleted.contains(UInt32($0.offset)) }.map(\.element)
    }

    var averageLength: Float {
        let documents = members.reduce(0) { $0 + $1.liveCount }
        let tokens = members.reduce(0) { $0 + $1.liveLengthSum }
        return documents == 0 ? 1 : Float(tokens) / Float(documents)
    }
}
