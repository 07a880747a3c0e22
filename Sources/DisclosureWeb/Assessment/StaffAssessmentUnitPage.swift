import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// The view model of a unit's page in a campaign: indicators with 自评 and 抽评 side by side,
/// evidence, the methods recorded and what the signed-in account may do.
extension StaffAssessmentUnitController {
    struct Page: Sendable {
        struct Row: Sendable {
            let id: String
            let name: String
            let level: Int
            let isLeaf: Bool
            let points: String
            let rule: String?
            let note: String?
            let metric: String?
            let metricValue: String?
            let metricEvidence: [String]
            let selfScore: String
            let selfFact: String?
            let selfDeductions: [String]
            let unscored: Bool
            let spotScore: String?
            let spotDeductions: [String]
            let differs: Bool
            let field: String
            let selfValue: String
            let spotValue: String
            let isChoice: Bool
            let selfYes: Bool
            let selfNo: Bool
            let spotYes: Bool
            let spotNo: Bool
            let unit: String
            let max: String
            /// A bonus field takes items (「名称 分值；…」), so phones must offer letters, not digits only.
            let acceptsText: Bool
            let selfEditable: Bool
            let evidence: [EvidenceRow]
        }
        struct EvidenceRow: Sendable {
            let id: Int
            let stage: String
            let note: String
            let fileName: String?
            let by: String
            let on: String
            let underException: Bool
        }
        struct CheckRow: Sendable {
            let id: Int
            let method: String
            let heldOn: String
            let participants: String?
            let composition: String?
            let notes: String
            let fileName: String?
        }
        let campaignID: Int
        let campaignTitle: String
        let year: Int
        let unitCode: String
        let unitName: String
        let unitKind: String
        let selfDue: String
        let deadlineNote: String
        let late: Bool
        let exception: String?
        let submitted: String?
        let defaulted: Bool
        let drawReason: String?
        let selfTotal: String
        let selfGrade: String
        let spotTotal: String?
        let spotGrade: String?
        let spotBy: String?
        let spotNotes: String?
        /// nil when there are none (a 0 is not a reliable Mustache section).
        let differences: Int?
        let rows: [Row]
        let leaves: [SelectOption]
        let checks: [CheckRow]
        let methods: [SelectOption]
        let forumRule: String
        let report: String
        let canEditSelf: Bool
        let canGrantException: Bool
        let canSpot: Bool
        let today: String
        let values: [String: String]
    }
}
