import Foundation

/// The county ranking of a campaign's final scores (issue 7 §4 Results): rank by total (ties share
/// a rank), the scheme's cap on the share of the top grade, and the flag for a unit graded lowest
/// two years running (seeds/002 四(四): 通报批评, no awards, leadership talk).
public enum AssessmentRanking {
    public struct Entry: Equatable, Sendable {
        public let unitCode: String
        public let score: AssessmentScore
        public let rank: Int
        /// After the top-grade cap.
        public let grade: String
        /// Scored into the top grade but over the scheme's share.
        public let cappedFromTopGrade: Bool
        /// Lowest grade this year and last.
        public let failedTwoYearsRunning: Bool
    }

    /// `failedLastYear`: units graded lowest in the previous year's campaign.
    public static func rank(_ scores: [(unit: String, score: AssessmentScore)], scheme: AssessmentScheme, failedLastYear: Set<String>) -> [Entry] {
        // A vetoed unit ranks below every unit that was not vetoed, whatever its points (issue 18).
        func standing(_ score: AssessmentScore) -> Int { score.vetoes.isEmpty ? 1 : 0 }
        let ordered = scores.sorted {
            (standing($0.score), $0.score.total, $1.unit) > (standing($1.score), $1.score.total, $0.unit)
        }
        let top = scheme.topGrade
        let secondGrade = scheme.grades.sorted { $0.min > $1.min }.dropFirst().first?.name ?? top
        let allowed = scheme.topGradeShare.map { share in NSDecimalNumber(decimal: Decimal(ordered.count) * share).intValue } ?? ordered.count
        let topTotals = ordered.filter { $0.score.grade == top }.map(\.score.total)
        var entries: [Entry] = []
        for (index, item) in ordered.enumerated() {
            let rank =
                (ordered.firstIndex { $0.score.total == item.score.total && standing($0.score) == standing(item.score) } ?? index) + 1
            var grade = item.score.grade
            var capped = false
            // A unit keeps the top grade only if the top-grade units at or above its total fit the cap;
            // tied units are treated alike.
            if grade == top && topTotals.filter({ $0 >= item.score.total }).count > allowed {
                grade = secondGrade
                capped = true
            }
            let lowest = grade == scheme.lowestGrade
            entries.append(
                Entry(
                    unitCode: item.unit, score: item.score, rank: rank, grade: grade, cappedFromTopGrade: capped,
                    failedTwoYearsRunning: lowest && failedLastYear.contains(item.unit)))
        }
        return entries
    }
}
