import Foundation

struct Line: Decodable { let id: Int; let unit: String; let category: String; let title: String; let body: String; let published_at: String }

@main
struct Probe {
    static func main() throws {
        let args = CommandLine.arguments
        let corpus = args[1], queriesFile = args[2]
        let limit = args.count > 3 ? Int(args[3])! : Int.max
        var documents: [SearchDocument] = []
        let decoder = JSONDecoder()
        let text = try String(contentsOfFile: corpus, encoding: .utf8)
        for line in text.split(separator: "\n") {
            if documents.count >= limit { break }
            let item = try decoder.decode(Line.self, from: Data(line.utf8))
            let day = Int64(item.published_at.prefix(10).replacingOccurrences(of: "-", with: ""))!
            documents.append(SearchDocument(id: item.id, title: item.title, body: item.body, dateKey: day * 10_000_000 + Int64(item.id),
                facets: ["unit": item.unit, "category": item.category, "year": String(item.published_at.prefix(4))]))
        }
        var start = Date()
        let segment = SearchSegment.build(documents)
        print("build \(documents.count) docs: \(String(format: "%.1f", Date().timeIntervalSince(start))) s, \(segment.terms.count) terms")
        start = Date()
        let bytes = SegmentFile.encode(segment)
        print("encode: \(bytes.count / 1_048_576) MiB in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        var index = SegmentSet()
        index.add(segment, name: "probe")
        let queries = try String(contentsOfFile: queriesFile, encoding: .utf8).split(separator: "\n").map(String.init)
        if let path = ProcessInfo.processInfo.environment["PROBE_TOTALS"], !path.isEmpty {
            // Each query's exact total, for comparison with the brute-force scan's hit counts.
            let lines = queries.map { "\($0)\t\(index.search(EngineQuery(SearchQuery($0), facets: false)).total)" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        for order in [EngineQuery.Order.relevance, .newest] {
            var times: [Double] = []
            var named: [(String, Double)] = []
            var totals = 0
            for q in queries {
                _ = index.search(EngineQuery(SearchQuery(q), order: order))
                let t0 = Date()
                let r = index.search(EngineQuery(SearchQuery(q), order: order))
                times.append(Date().timeIntervalSince(t0) * 1000)
                named.append((q, times.last!))
                totals += r.total
            }
            times.sort()
            print("slowest: " + named.sorted { $0.1 > $1.1 }.prefix(6).map { "\($0.0) \(String(format: "%.0f", $0.1))" }.joined(separator: " | "))
            func pct(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
            print("\(order): median \(String(format: "%.2f", pct(0.5))) ms, p95 \(String(format: "%.2f", pct(0.95))) ms, p99 \(String(format: "%.2f", pct(0.99))) ms, max \(String(format: "%.2f", times.last!)) ms, sum of totals \(totals)")
            
        }
    }
}
