/// The unit hierarchy, for scope checks: a unit's scope includes its sub-units (DESIGN §1).
public struct UnitTree: Sendable {
    public let units: [String: OrgUnit]
    private let children: [String: [String]]

    public init(_ units: [OrgUnit]) {
        self.units = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var children: [String: [String]] = [:]
        for unit in units {
            if let parent = unit.parentCode { children[parent, default: []].append(unit.code) }
        }
        self.children = children.mapValues { $0.sorted() }
    }

    /// The code and every descendant's code.
    public func scope(of code: String) -> Set<String> {
        var result: Set<String> = [code]
        var queue = [code]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where result.insert(child).inserted {
                queue.append(child)
            }
        }
        return result
    }

    /// Whether making `parent` the parent of `code` would create a cycle.
    public func wouldCreateCycle(code: String, parent: String) -> Bool {
        scope(of: code).contains(parent)
    }

    /// Units in display order: depth-first from the roots, each with its depth for indentation.
    public func ordered() -> [(unit: OrgUnit, depth: Int)] {
        var result: [(OrgUnit, Int)] = []
        func visit(_ code: String, _ depth: Int) {
            guard let unit = units[code] else { return }
            result.append((unit, depth))
            for child in children[code] ?? [] { visit(child, depth + 1) }
        }
        let roots = units.values.filter { $0.parentCode == nil || units[$0.parentCode!] == nil }.map(\.code).sorted()
        for root in roots { visit(root, 0) }
        return result
    }
}
