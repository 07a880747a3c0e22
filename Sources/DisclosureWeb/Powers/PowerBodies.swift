import DisclosureCore
import DisclosureStore

/// A power's facts as the API reads and writes them; categories and statuses by key.
struct PowerFactsBody: Codable, Sendable {
    let code: String
    let name: String
    let category: String
    let unitCode: String
    let handlingOffice: String?
    let bases: [LegalBasis]
    let responsibilities: String?
    let accountability: String?
    let statutoryDays: Int?
    let promisedDays: Int?
    let fees: [PowerFee]?
    let supervisionPhone: String?
    /// Required when changing an existing power.
    let reason: String?

    init(_ draft: PowerDraft) {
        code = draft.code
        name = draft.name
        category = draft.category.rawValue
        unitCode = draft.unitCode
        handlingOffice = draft.handlingOffice
        bases = draft.bases
        responsibilities = draft.responsibilities
        accountability = draft.accountability
        statutoryDays = draft.statutoryDays
        promisedDays = draft.promisedDays
        fees = draft.fees
        supervisionPhone = draft.supervisionPhone
        reason = nil
    }

    func draft() throws -> PowerDraft {
        guard let category = PowerCategory(text: category) else { throw DomainError.invalid("category", "未知的权力类别「\(category)」") }
        return PowerDraft(
            code: code, name: name, category: category, unitCode: unitCode, handlingOffice: handlingOffice ?? "", bases: bases,
            responsibilities: responsibilities ?? "", accountability: accountability ?? "", statutoryDays: statutoryDays, promisedDays: promisedDays,
            fees: fees ?? [], supervisionPhone: supervisionPhone ?? "")
    }
}

/// A power in full: facts, status, flow, guide, what the guide lacks, and the history.
struct PowerBody: Encodable, Sendable {
    struct Version: Encodable, Sendable {
        let version: Int
        let change: String
        let reason: String
        let status: String
        let effectiveOn: String
        let changedBy: String
    }
    let id: Int
    let facts: PowerFactsBody
    let status: String
    let statusSince: String
    let version: Int
    let workflow: [WorkflowStep]
    let guide: ServiceGuide?
    let guidePublishedOn: String?
    let missingGuideElements: [String]
    let history: [Version]?

    init(_ power: AdministrativePower, history: [PowerVersion]? = nil) {
        id = power.id
        facts = PowerFactsBody(power.draft)
        status = power.status.rawValue
        statusSince = power.statusSince.description
        version = power.version
        workflow = power.workflow.steps
        guide = power.guide
        guidePublishedOn = power.guidePublishedOn?.description
        missingGuideElements = power.missingGuideElements.map(\.label)
        self.history = history?.map {
            Version(
                version: $0.version, change: $0.change.rawValue, reason: $0.reason, status: $0.status.rawValue,
                effectiveOn: $0.effectiveOn.description,
                changedBy: $0.changedBy)
        }
    }
}

struct PowerStatusBody: Decodable, Sendable {
    let status: String
    let reason: String
    let effectiveOn: String?
}

struct PowerWorkflowBody: Decodable, Sendable {
    let steps: [WorkflowStep]
    let reason: String
}

struct PowerGuideBody: Decodable, Sendable {
    let guide: ServiceGuide
    let reason: String
}

struct PowerReasonBody: Decodable, Sendable {
    let reason: String
}

struct PowerCountBody: Decodable, Sendable {
    let decisions: Int
    /// 元 with at most two decimals, as text so no binary rounding creeps in.
    let feeAmount: String
}

struct PowerImportBody: Encodable, Sendable {
    struct RowError: Encodable, Sendable {
        let line: Int
        let column: String
        let message: String
    }
    let rows: Int
    let created: Int
    let updated: Int
    let unchanged: Int
    let committed: Bool
    let errors: [RowError]

    init(_ report: PowerImportReport) {
        rows = report.rows
        created = report.created
        updated = report.updated
        unchanged = report.unchanged
        committed = report.committed
        errors = report.errors.map { RowError(line: $0.line, column: $0.column, message: $0.message) }
    }
}

struct PowerFiguresBody: Encodable, Sendable {
    let unit: String
    let year: Int
    let licenseDecisions: Int
    let penaltyDecisions: Int
    let enforcementDecisions: Int
    /// 行政事业性收费 in 万元, four decimals.
    let feeTenThousandYuan: String

    init(_ figures: PowerReportFigures) {
        unit = figures.unitCodes.first ?? ""
        year = figures.year
        licenseDecisions = figures.licenseDecisions
        penaltyDecisions = figures.penaltyDecisions
        enforcementDecisions = figures.enforcementDecisions
        feeTenThousandYuan = figures.feeTenThousandYuan
    }
}
