import DisclosureCore
import Foundation
import SQLKit

/// The power list (issue 6): units keep their own powers, the office any unit's. Every change
/// raises the version, keeps a snapshot with its reason, logs the change for the search indexes and is audited
/// in the same transaction. Nothing is ever deleted: a cleared power becomes 取消.
public struct PowerService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    var today: CivilDate { CivilDate(instant: clock.now()) }

    // MARK: Changes

    public func create(_ draft: PowerDraft, by staff: StaffIdentity) async throws -> Int {
        let checked = try draft.validated()
        let now = clock.now()
        let today = self.today
        return try await database.change(by: .staff(staff), at: now) { db in
            _ = try await Self.checkManage(checked.unitCode, staff, on: db)
            guard try await PowerRepository(db).find(code: checked.code) == nil else {
                throw DomainError(.conflict, field: "code", "权力编码 \(checked.code) 已被使用")
            }
            let power = try await Self.insert(
                checked, status: .active, by: staff.username, reason: "新增", change: .created, today: today, now: now, on: db)
            try await SearchChangeLog.record(.powers, [power.id], at: now, on: db)
            return (power.id, AuditEvent("power.create", target: "power:\(power.id)", ["code": checked.code, "unit": checked.unitCode]))
        }
    }

    public func update(_ id: Int, _ draft: PowerDraft, reason: String, by staff: StaffIdentity) async throws {
        let checked = try draft.validated()
        let why = try PowerVersion.reason(reason)
        try await change(id, by: staff, change: .edited, reason: why, action: "power.update") { power, db in
            _ = try await Self.checkManage(checked.unitCode, staff, on: db)
            if checked.code != power.draft.code, try await PowerRepository(db).find(code: checked.code) != nil {
                throw DomainError(.conflict, field: "code", "权力编码 \(checked.code) 已被使用")
            }
            power.draft = checked
            if power.hasPublishedGuide, let missing = Self.missingText(power) {
                throw DomainError.invalid("guide", "修改后办事指南缺少\(missing)：请先补全或撤回办事指南")
            }
        }
    }

    /// Suspends, restores or cancels a power from `effectiveOn` (today when nil). A cancelled power
    /// stays listed as 取消 and cannot come back; a power that returns is a new entry.
    public func setStatus(_ id: Int, to status: PowerStatus, reason: String, effectiveOn: CivilDate? = nil, by staff: StaffIdentity) async throws {
        let why = try PowerVersion.reason(reason)
        let day = effectiveOn ?? today
        guard day <= today.adding(days: 366), day >= today.adding(days: -366) else {
            throw DomainError.invalid("effectiveOn", "生效日期应在一年之内")
        }
        try await change(id, by: staff, change: .status, reason: why, effectiveOn: day, action: "power.status") { power, _ in
            guard power.status != .cancelled else { throw DomainError(.conflict, field: "status", "已取消的权力不能恢复：如需重新设立，请新增事项") }
            guard power.status != status else { throw DomainError(.conflict, field: "status", "该权力已是「\(status.label)」状态") }
            power.status = status
            power.statusSince = day
            if status == .cancelled { power.guidePublishedOn = nil }
        }
    }

    public func setWorkflow(_ id: Int, _ workflow: Workflow, reason: String, by staff: StaffIdentity) async throws {
        let checked = try workflow.validated()
        let why = try PowerVersion.reason(reason)
        try await change(id, by: staff, change: .workflow, reason: why, action: "power.workflow") { power, _ in
            power.workflow = checked
            if power.hasPublishedGuide, let missing = Self.missingText(power) {
                throw DomainError.invalid("steps", "办事指南已发布，不能缺少\(missing)")
            }
        }
    }

    /// Saves the guide as a draft, or as the live guide when it is already published (it must then stay complete).
    public func saveGuide(_ id: Int, _ guide: ServiceGuide, reason: String, by staff: StaffIdentity) async throws {
        let checked = try guide.validated()
        let why = try PowerVersion.reason(reason)
        try await change(id, by: staff, change: .guide, reason: why, action: "power.guide") { power, _ in
            guard power.draft.category.isService || power.guide != nil else {
                throw DomainError.invalid("guide", "\(power.draft.category.label)事项不面向申请人办理，无需办事指南")
            }
            power.guide = Self.keepingTemplates(checked, from: power.guide)
            if power.hasPublishedGuide, let missing = Self.missingText(power) {
                throw DomainError.invalid("guide", "办事指南已发布，不能缺少\(missing)：请补全或先撤回")
            }
        }
    }

    /// Publishes the guide; refused while any required element (statutes §5.2 服务不实用) is missing.
    public func publishGuide(_ id: Int, by staff: StaffIdentity) async throws {
        try await change(id, by: staff, change: .guidePublished, reason: "发布办事指南", action: "power.guide.publish") { power, _ in
            guard power.status == .active else { throw DomainError(.conflict, field: "status", "「\(power.status.label)」状态的权力不能发布办事指南") }
            guard !power.hasPublishedGuide else { throw DomainError(.conflict, field: "guide", "办事指南已发布") }
            if let missing = Self.missingText(power) { throw DomainError.invalid("guide", "办事指南缺少\(missing)，不能发布") }
            power.guidePublishedOn = today
        }
    }

    public func withdrawGuide(_ id: Int, reason: String, by staff: StaffIdentity) async throws {
        let why = try PowerVersion.reason(reason)
        try await change(id, by: staff, change: .guideWithdrawn, reason: why, action: "power.guide.withdraw") { power, _ in
            guard power.hasPublishedGuide else { throw DomainError(.conflict, field: "guide", "办事指南尚未发布") }
            power.guidePublishedOn = nil
        }
    }

    /// Attaches a blank form to one material of the guide (the file is already in the file store).
    /// Sets (or with nil removes) a material's blank form. The bytes are checked first and stored
    /// only after the actor is known to manage the power (a refused upload leaves nothing on disk).
    public func setMaterialTemplate(
        _ id: Int, material index: Int, upload: (name: String, bytes: [UInt8])?, store: any FileStore, by staff: StaffIdentity
    ) async throws {
        let kind = try upload.map { upload in
            let kind = try AttachmentKind.detect(fileName: upload.name, bytes: upload.bytes)
            guard upload.bytes.count <= 10 << 20 else { throw DomainError.invalid("file", "样表文件不能超过 10 MB") }
            return kind
        }
        let reason = upload == nil ? "删除材料样表" : "上传材料样表"
        try await change(id, by: staff, change: .guide, reason: reason, action: "power.guide.template") { power, _ in
            guard var guide = power.guide, guide.materials.indices.contains(index) else {
                throw DomainError(.notFound, field: "material", "申请材料第 \(index + 1) 项不存在")
            }
            guide.materials[index].template = try upload.map { upload in
                StoredFile(
                    name: AttachmentKind.safeName(upload.name), mediaType: kind?.mediaType ?? "", sha256: try store.put(upload.bytes),
                    size: upload.bytes.count)
            }
            power.guide = guide
        }
    }

    public func setCount(_ id: Int, year: Int, decisions: Int, feeFen: Int, by staff: StaffIdentity) async throws {
        try PowerYearCount.validated(decisions: decisions, feeFen: feeFen)
        guard (2000...today.year).contains(year) else { throw DomainError.invalid("year", "统计年度应为 2000–\(today.year)") }
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            guard let power = try await PowerRepository(db).find(id) else { throw DomainError(.notFound, field: "id", "权力事项 \(id) 不存在") }
            _ = try await Self.checkManage(power.draft.unitCode, staff, on: db)
            try await PowerRepository(db).setCount(
                PowerYearCount(powerID: id, year: year, decisions: decisions, feeFen: feeFen), by: staff.username, at: now)
            return (
                (),
                AuditEvent(
                    "power.count", target: "power:\(id)",
                    ["year": String(year), "decisions": String(decisions), "fee": PowerYearCount.yuanText(feeFen)])
            )
        }
    }

    /// Loads the power, checks the actor may manage it, applies `body`, then saves the new
    /// version with its snapshot and reason, reindexes, and audits `action`.
    func change(
        _ id: Int, by staff: StaffIdentity, change kind: PowerChange, reason: String, effectiveOn: CivilDate? = nil, action: String,
        _ body: @escaping @Sendable (inout AdministrativePower, any SQLDatabase) async throws -> Void
    ) async throws {
        let now = clock.now()
        let today = self.today
        try await database.change(by: .staff(staff), at: now) { db in
            let repository = PowerRepository(db)
            guard var power = try await repository.find(id) else { throw DomainError(.notFound, field: "id", "权力事项 \(id) 不存在") }
            _ = try await Self.checkManage(power.draft.unitCode, staff, on: db)
            let before = power
            try await body(&power, db)
            guard power != before else { throw DomainError.invalid("reason", "内容没有变化，无需保存") }
            power.version += 1
            try await repository.update(power, at: now)
            try await repository.addVersion(
                id,
                PowerVersion(
                    version: power.version, change: kind, reason: reason, status: power.status, effectiveOn: effectiveOn ?? today,
                    changedBy: staff.username), snapshot: power, at: now)
            try await SearchChangeLog.record(.powers, [power.id], at: now, on: db)
            try await ChangeMarker.bump(on: db)
            return (
                (),
                AuditEvent(action, target: "power:\(id)", ["code": power.draft.code, "version": String(power.version), "reason": reason])
            )
        }
    }

    static func insert(
        _ draft: PowerDraft, status: PowerStatus, by actor: String, reason: String, change: PowerChange, today: CivilDate, now: Date,
        on db: any SQLDatabase
    ) async throws -> AdministrativePower {
        var power = AdministrativePower(id: 0, draft: draft, status: status, statusSince: today)
        let id = try await PowerRepository(db).insert(power, by: actor, at: now)
        power = AdministrativePower(id: id, draft: draft, status: status, statusSince: today)
        try await PowerRepository(db).addVersion(
            id, PowerVersion(version: 1, change: change, reason: reason, status: status, effectiveOn: today, changedBy: actor), snapshot: power,
            at: now)
        try await ChangeMarker.bump(on: db)
        return power
    }

    /// "「申请条件」「办理地点」" for what a guide lacks, or nil when it is complete.
    static func missingText(_ power: AdministrativePower) -> String? {
        let missing = power.missingGuideElements
        return missing.isEmpty ? nil : missing.map { "「\($0.label)」" }.joined(separator: "")
    }

    /// A saved guide keeps the blank forms already uploaded for materials of the same name.
    static func keepingTemplates(_ guide: ServiceGuide, from old: ServiceGuide?) -> ServiceGuide {
        var result = guide
        let templates = Dictionary((old?.materials ?? []).compactMap { m in m.template.map { (m.name, $0) } }, uniquingKeysWith: { a, _ in a })
        for index in result.materials.indices where result.materials[index].template == nil {
            result.materials[index].template = templates[result.materials[index].name]
        }
        return result
    }

    /// Editors and reviewers keep their own unit's (and sub-units') powers; the office any unit's.
    @discardableResult
    static func checkManage(_ unit: String, _ staff: StaffIdentity, on db: any SQLDatabase) async throws -> UnitTree {
        let tree = try await UnitRepository(db).tree()
        guard tree.units[unit] != nil else { throw DomainError.invalid("unitCode", "单位 \(unit) 不存在") }
        guard staff.maintains(unit: unit, in: tree) else { throw DomainError(.forbidden, field: "unitCode", "只能维护本单位（及下属单位）的权力清单") }
        return tree
    }

}
