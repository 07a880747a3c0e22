/// 依申请转主动 (条例 第四十四条): when several applicants ask the same agency for the same
/// government information and it may be disclosed, the agency may publish it proactively. This
/// finds the earlier requests that ask for the same or similar information — by the characters of
/// the information's name and description (overlapping CJK bigrams and Latin/digit words, Dice
/// coefficient), by the same 文号, or because a clerk linked them — and says when their number
/// reaches the office's threshold. Pure: the same records always give the same answer.
public enum SimilarRequests {
    /// The office's threshold: `count` requests (this one included) within `months` months.
    public struct Policy: Equatable, Sendable, Codable {
        public var count: Int
        public var months: Int

        public init(count: Int = 3, months: Int = 12) {
            self.count = count
            self.months = months
        }

        public static let standard = Policy()

        public func validated() throws -> Policy {
            guard (2...20).contains(count) else { throw DomainError.invalid("similarCount", "转为主动公开的相似申请件数须在 2 到 20 之间") }
            guard (1...36).contains(months) else { throw DomainError.invalid("similarMonths", "统计相似申请的期间须在 1 到 36 个月之间") }
            return self
        }
    }

    /// What comparing needs of a request.
    public struct Candidate: Equatable, Sendable {
        public let id: Int
        public let reference: String
        public let unitCode: String
        public let receivedOn: CivilDate
        public let infoTitle: String
        public let infoDocNumber: String
        public let infoDescription: String

        public init(
            id: Int, reference: String, unitCode: String, receivedOn: CivilDate, infoTitle: String, infoDocNumber: String, infoDescription: String
        ) {
            self.id = id
            self.reference = reference
            self.unitCode = unitCode
            self.receivedOn = receivedOn
            self.infoTitle = infoTitle
            self.infoDocNumber = infoDocNumber
            self.infoDescription = infoDescription
        }
    }

    public struct Match: Equatable, Sendable {
        public enum Reason: String, Sendable {
            case text = "所需信息相似"
            case docNumber = "文号相同"
            case linked = "经办人关联"
        }

        public let candidate: Candidate
        public let reason: Reason
        /// 0…1; 1 for a 文号 or a link.
        public let similarity: Double

        public init(candidate: Candidate, reason: Reason, similarity: Double) {
            self.candidate = candidate
            self.reason = reason
            self.similarity = similarity
        }
    }

    /// Two requests' texts this similar or more ask for the same information.
    public static let textThreshold = 0.6

    /// The earlier or later requests to the same agency within the policy's period before
    /// `request` was received that ask for the same information, most similar first.
    public static func matches(
        for request: Candidate, among others: [Candidate], linked: Set<Int> = [], policy: Policy = .standard
    ) -> [Match] {
        let since = request.receivedOn.adding(months: -policy.months)
        let words = tokens(request)
        let number = normalizedNumber(request.infoDocNumber)
        var matches: [Match] = []
        for other in others where other.id != request.id && other.unitCode == request.unitCode && other.receivedOn >= since {
            if linked.contains(other.id) {
                matches.append(Match(candidate: other, reason: .linked, similarity: 1))
            } else if !number.isEmpty && normalizedNumber(other.infoDocNumber) == number {
                matches.append(Match(candidate: other, reason: .docNumber, similarity: 1))
            } else {
                let score = dice(words, tokens(other))
                if score >= textThreshold { matches.append(Match(candidate: other, reason: .text, similarity: score)) }
            }
        }
        return matches.sorted { ($0.similarity, $1.candidate.id) > ($1.similarity, $0.candidate.id) }
    }

    /// Whether the requests found, with this one, reach the office's threshold.
    public static func reachesThreshold(_ matches: [Match], policy: Policy = .standard) -> Bool { matches.count + 1 >= policy.count }

    /// The information's name and description as a set of overlapping CJK bigrams and lower-case
    /// Latin/digit words (a lone CJK character counts as itself).
    static func tokens(_ candidate: Candidate) -> Set<String> { tokens([candidate.infoTitle, candidate.infoDescription]) }

    static func tokens(_ texts: [String]) -> Set<String> {
        var result: Set<String> = []
        for text in texts {
            // Runs of one class: CJK characters, Latin letters and digits, anything else (a separator).
            var run: [Character] = []
            var runIsCJK = false
            func flush() {
                if runIsCJK {
                    if run.count == 1 { result.insert(String(run)) }
                    for index in run.indices.dropLast() { result.insert(String(run[index...index + 1])) }
                } else if !run.isEmpty {
                    result.insert(String(run).lowercased())
                }
                run = []
            }
            for character in text {
                let isCJK = character.unicodeScalars.allSatisfy(SearchTokenizer.isCJK)
                let isWord = character.isASCII && (character.isLetter || character.isNumber)
                guard isCJK || isWord else {
                    flush()
                    continue
                }
                if !run.isEmpty && isCJK != runIsCJK { flush() }
                runIsCJK = isCJK
                run.append(character)
            }
            flush()
        }
        return result
    }

    /// Whether a text gives nothing to compare (only punctuation and spaces).
    public static func tokensAreEmpty(_ text: String) -> Bool {
        tokens([text]).isEmpty
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    static func normalizedNumber(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }).replacingOccurrences(of: "[", with: "〔").replacingOccurrences(of: "]", with: "〕")
            .replacingOccurrences(of: "（", with: "〔").replacingOccurrences(of: "）", with: "〕")
    }
}
