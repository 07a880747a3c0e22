import DisclosureCore
import Foundation
import SQLKit

/// Creating and changing units: validation, scope rules and audit in one place for web and CLI.
public struct UnitService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    public func create(_ unit: OrgUnit, by actor: AuditActor) async throws {
        let now = clock.now()
        try await database.change(by: actor, at: now) { db in
            let units = UnitRepository(db)
            if try await units.find(unit.code) != nil {
                throw DomainError(.conflict, field: "code", "单位代码 \(unit.code) 已存在")
            }
            try await Self.checkParent(of: unit, in: units)
            try await units.insert(unit, at: now)
            return ((), AuditEvent("unit.create", target: "unit:\(unit.code)", Self.summary(unit)))
        }
    }

    public func update(_ unit: OrgUnit, by actor: AuditActor) async throws {
        try await database.change(by: actor, at: clock.now()) { db in
            let units = UnitRepository(db)
            guard let before = try await units.find(unit.code) else {
                throw DomainError(.notFound, field: "code", "单位 \(unit.code) 不存在")
            }
            try await Self.checkParent(of: unit, in: units)
            if let parent = unit.parentCode, try await units.tree().wouldCreateCycle(code: unit.code, parent: parent) {
                throw DomainError.invalid("parentCode", "不能把下级单位设为上级单位")
            }
            try await units.update(unit)
            var summary = Self.summary(unit)
            summary["before"] = "\(before.name)/\(before.kind.rawValue)/\(before.parentCode ?? "-")/\(before.active)"
            return ((), AuditEvent("unit.update", target: "unit:\(unit.code)", summary))
        }
    }

    static func checkParent(of unit: OrgUnit, in units: UnitRepository) async throws {
        guard let parent = unit.parentCode else { return }
        guard try await units.find(parent) != nil else {
            throw DomainError.invalid("parentCode", "上级单位 \(parent) 不存在")
        }
    }

    static func summary(_ unit: OrgUnit) -> [String: String] {
        ["name": unit.name, "kind": unit.kind.rawValue, "parent": unit.parentCode ?? "", "active": String(unit.active)]
    }
}
