/// Where each box and arrow of a power's flowchart goes (issue 6 §2). Steps are set in rows by the
/// longest forward path from the first step, so the normal path reads top to bottom. Arrows between
/// neighbouring rows turn in the gap between them; arrows that skip rows run in a lane on the right,
/// arrows that go back (补正 后重新受理) in a lane on the left. No arrow crosses a box.
public struct FlowchartLayout: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        public let x: Double
        public let y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public struct Box: Equatable, Sendable {
        public let name: String
        public let x: Double
        public let y: Double
        public let width: Double
        public let height: Double
        public let titleLines: [String]
        public let detailLines: [String]
        public let isStart: Bool
        public let isEnd: Bool
    }

    public struct Edge: Equatable, Sendable {
        public let from: String
        public let to: String
        public let points: [Point]
        public let label: String
        /// Where the label's centre sits (text baseline), when there is a label.
        public let labelAt: Point?
        public let labelWidth: Double
    }

    public let width: Double
    public let height: Double
    public let boxes: [Box]
    public let edges: [Edge]

    static let boxWidth = 188.0
    static let columnGap = 40.0
    static let titleSize = 15.0
    static let detailSize = 12.0
    static let labelSize = 12.0
    static let laneStep = 14.0
    static let slotStep = 20.0

    public init(_ workflow: Workflow) {
        let steps = workflow.steps
        let index = Dictionary(uniqueKeysWithValues: steps.enumerated().map { ($1.name, $0) })
        var arcs: [(from: Int, to: Int, label: String)] = []
        for (from, step) in steps.enumerated() {
            for transition in step.next { if let to = index[transition.to] { arcs.append((from, to, transition.condition)) } }
        }
        let back = Self.backArcs(count: steps.count, arcs: arcs.map { ($0.from, $0.to) })
        let layer = Self.layers(
            count: steps.count, arcs: arcs.enumerated().filter { !back.contains($0.offset) }.map { ($0.element.from, $0.element.to) })
        let rowCount = (layer.max() ?? -1) + 1

        // Box contents and sizes.
        let inner = Self.boxWidth - 16
        let contents: [(title: [String], detail: [String], height: Double)] = steps.map { step in
            let title = FlowchartText.wrap(step.name, maxWidth: inner, fontSize: Self.titleSize)
            var detail: [String] = []
            if !step.post.isEmpty { detail += FlowchartText.wrap("岗位：" + step.post, maxWidth: inner, fontSize: Self.detailSize) }
            if let days = step.days { detail.append(days == 0 ? "时限：即时办结" : "时限：\(days) 个工作日") }
            return (title, detail, 14 + Double(title.count) * 20 + Double(detail.count) * 16 + 8)
        }
        var rows = Array(repeating: [Int](), count: rowCount)
        for step in steps.indices { rows[layer[step]].append(step) }
        let rowHeights = rows.map { row in row.map { contents[$0].height }.max() ?? 0 }

        // Which gap each arrow turns in (gap g lies above row g; gap rowCount is below the last row).
        enum Lane { case none, left, right }
        var lanes: [Lane] = []
        var slots = Array(repeating: 0, count: rowCount + 1)
        var exitSlot: [Int] = []
        var entrySlot: [Int] = []
        var leftLanes = 0
        var rightLanes = 0
        var laneNumber: [Int] = []
        for (number, arc) in arcs.enumerated() {
            let exitGap = layer[arc.from] + 1
            exitSlot.append(slots[exitGap])
            slots[exitGap] += 1
            if layer[arc.to] == exitGap && !back.contains(number) {
                lanes.append(.none)
                entrySlot.append(exitSlot[number])
                laneNumber.append(0)
            } else {
                let entryGap = layer[arc.to]
                entrySlot.append(slots[entryGap])
                slots[entryGap] += 1
                if back.contains(number) {
                    lanes.append(.left)
                    laneNumber.append(leftLanes)
                    leftLanes += 1
                } else {
                    lanes.append(.right)
                    laneNumber.append(rightLanes)
                    rightLanes += 1
                }
            }
        }
        let gapHeights = slots.enumerated().map { gap, count in
            count == 0 ? (gap == 0 || gap == rowCount ? 16.0 : 36.0) : 22 + Self.slotStep * Double(count)
        }
        var rowY: [Double] = []
        var y = gapHeights[0]
        for row in 0..<rowCount {
            rowY.append(y)
            y += rowHeights[row] + gapHeights[row + 1]
        }
        let totalHeight = max(y, 40)
        func gapTop(_ gap: Int) -> Double { gap == 0 ? 0 : rowY[gap - 1] + rowHeights[gap - 1] }
        func slotY(_ gap: Int, _ slot: Int) -> Double { gapTop(gap) + 18 + Self.slotStep * Double(slot) }

        // Horizontal placement: rows centred in the content band, lanes either side of it.
        let rowWidths = rows.map { Double($0.count) * Self.boxWidth + Double(max($0.count - 1, 0)) * Self.columnGap }
        let contentWidth = max(rowWidths.max() ?? 0, Self.boxWidth)
        let leftMargin = 24 + Double(leftLanes) * Self.laneStep
        let rightMargin = 24 + Double(rightLanes) * Self.laneStep
        var boxes = Array(
            repeating: Box(name: "", x: 0, y: 0, width: 0, height: 0, titleLines: [], detailLines: [], isStart: false, isEnd: false),
            count: steps.count)
        for (row, members) in rows.enumerated() {
            var x = leftMargin + (contentWidth - rowWidths[row]) / 2
            for step in members {
                boxes[step] = Box(
                    name: steps[step].name, x: x, y: rowY[row] + (rowHeights[row] - contents[step].height) / 2, width: Self.boxWidth,
                    height: contents[step].height, titleLines: contents[step].title, detailLines: contents[step].detail, isStart: step == 0,
                    isEnd: steps[step].isEnd)
                x += Self.boxWidth + Self.columnGap
            }
        }

        // Ports spread along a box's bottom (ways out) and top (ways in), in the order that avoids crossings.
        var exitX = Array(repeating: 0.0, count: arcs.count)
        var entryX = Array(repeating: 0.0, count: arcs.count)
        for step in steps.indices {
            let outgoing = arcs.indices.filter { arcs[$0].from == step }
            for (position, arc) in outgoing.enumerated() {
                exitX[arc] = boxes[step].x + boxes[step].width * Double(position + 1) / Double(outgoing.count + 1)
            }
        }
        func approachOrder(_ arc: Int) -> Double {
            switch lanes[arc] {
            case .left: -Double.greatestFiniteMagnitude / 2 + Double(laneNumber[arc])
            case .right: Double.greatestFiniteMagnitude / 2 - Double(laneNumber[arc])
            case .none: exitX[arc]
            }
        }
        for step in steps.indices {
            let incoming = arcs.indices.filter { arcs[$0].to == step }.sorted { approachOrder($0) < approachOrder($1) }
            for (position, arc) in incoming.enumerated() {
                entryX[arc] = boxes[step].x + boxes[step].width * Double(position + 1) / Double(incoming.count + 1)
            }
        }

        var edges: [Edge] = []
        for (number, arc) in arcs.enumerated() {
            let source = boxes[arc.from]
            let target = boxes[arc.to]
            let top = rowY[layer[arc.to]]
            let exitY = slotY(layer[arc.from] + 1, exitSlot[number])
            var points = [Point(x: exitX[number], y: source.y + source.height), Point(x: exitX[number], y: exitY)]
            switch lanes[number] {
            case .none:
                break
            case .left, .right:
                let laneX =
                    lanes[number] == .left
                    ? leftMargin - 12 - Self.laneStep * Double(laneNumber[number])
                    : leftMargin + contentWidth + 12 + Self.laneStep * Double(laneNumber[number])
                let entryY = slotY(layer[arc.to], entrySlot[number])
                points += [Point(x: laneX, y: exitY), Point(x: laneX, y: entryY)]
                points.append(Point(x: entryX[number], y: entryY))
            }
            if lanes[number] == .none { points.append(Point(x: entryX[number], y: exitY)) }
            points.append(Point(x: entryX[number], y: top + (rowHeights[layer[arc.to]] - target.height) / 2))
            let labelWidth = arc.label.isEmpty ? 0 : FlowchartText.width(arc.label, fontSize: Self.labelSize) + 8
            // Every arc turns at its own height in the gap, so a label set just above that turn never
            // meets another label: on the turn when it is long enough, else on the arc's way down.
            var labelAt: Point?
            if !arc.label.isEmpty {
                let run = points[2].x - points[1].x
                labelAt = Point(x: abs(run) >= labelWidth + 12 ? points[1].x + run / 2 : points[1].x, y: exitY - 5)
            }
            edges.append(
                Edge(from: source.name, to: target.name, points: Self.simplified(points), label: arc.label, labelAt: labelAt, labelWidth: labelWidth))
        }
        let width = leftMargin + contentWidth + rightMargin
        // Keep labels inside the picture.
        edges = edges.map { edge in
            guard let at = edge.labelAt else { return edge }
            let half = edge.labelWidth / 2 + 2
            let x = min(max(at.x, half), max(half, width - half))
            return Edge(
                from: edge.from, to: edge.to, points: edge.points, label: edge.label, labelAt: Point(x: x, y: at.y), labelWidth: edge.labelWidth)
        }
        self.width = width
        self.height = totalHeight
        self.boxes = boxes
        self.edges = edges
    }

    /// Arcs that close a cycle, found by a depth-first walk from the first step in transition order.
    static func backArcs(count: Int, arcs: [(Int, Int)]) -> Set<Int> {
        var state = Array(repeating: 0, count: count)  // 0 unseen, 1 on the path, 2 done
        var back: Set<Int> = []
        func visit(_ node: Int) {
            state[node] = 1
            for (number, arc) in arcs.enumerated() where arc.0 == node {
                switch state[arc.1] {
                case 0: visit(arc.1)
                case 1: back.insert(number)
                default: break
                }
            }
            state[node] = 2
        }
        for node in 0..<count where state[node] == 0 { visit(node) }
        return back
    }

    /// Row of each step: the longest path of forward arcs from the first step.
    static func layers(count: Int, arcs: [(Int, Int)]) -> [Int] {
        var order: [Int] = []
        var seen = Array(repeating: false, count: count)
        func visit(_ node: Int) {
            seen[node] = true
            for arc in arcs where arc.0 == node && !seen[arc.1] { visit(arc.1) }
            order.append(node)
        }
        for node in 0..<count where !seen[node] { visit(node) }
        var layer = Array(repeating: 0, count: count)
        for node in order.reversed() {
            for arc in arcs where arc.0 == node { layer[arc.1] = max(layer[arc.1], layer[node] + 1) }
        }
        return layer
    }

    /// Drops points that repeat or sit on a straight run.
    static func simplified(_ points: [Point]) -> [Point] {
        var result: [Point] = []
        for point in points {
            if let last = result.last, last == point { continue }
            if result.count >= 2 {
                let a = result[result.count - 2]
                let b = result[result.count - 1]
                if (a.x == b.x && b.x == point.x) || (a.y == b.y && b.y == point.y) { result[result.count - 1] = point; continue }
            }
            result.append(point)
        }
        return result
    }
}
