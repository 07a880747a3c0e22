import DisclosureCore
import Foundation
import SQLKit

/// A row of `units`.
struct UnitRow: StoredRow {
    static let table = "units"
    static let idColumn = "code"

    var code: String
    var name: String
    var kind: UnitKind
    var parentCode: String?
    var active: Bool
    var createdAt: String

    init(_ unit: OrgUnit, createdAt: Date) {
        code = unit.code
        name = unit.name
        kind = unit.kind
        parentCode = unit.parentCode
        active = unit.active
        self.createdAt = Timestamp.text(createdAt)
    }

    var unit: OrgUnit { OrgUnit(code: code, name: name, kind: kind, parentCode: parentCode, active: active) }
}

/// Named queries over `units`.
public struct UnitRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    /// The county's top unit: messages that belong to no unit in particular (a test message, a
    /// subscription) are filed under it. Empty in a database without units.
    func rootCode() async throws -> String {
        try await all().first { $0.parentCode == nil }?.code ?? ""
    }

    public func all() async throws -> [OrgUnit] {
        try await UnitRow.all(db.select().column("*").from(UnitRow.table).orderBy("code")).map(\.unit)
    }

    public func find(_ code: String) async throws -> OrgUnit? {
        try await UnitRow.first(db.select().column("*").from(UnitRow.table).where("code", .equal, code))?.unit
    }

    public func tree() async throws -> UnitTree { UnitTree(try await all()) }

    public func insert(_ unit: OrgUnit, at now: Date) async throws {
        try await db.insert(into: UnitRow.table).model(UnitRow(unit, createdAt: now), with: UnitRow.encoder).run()
    }

    public func update(_ unit: OrgUnit) async throws {
        // The code and the creation time never change.
        try await db.update(UnitRow.table)
            .set("name", to: unit.name).set("kind", to: unit.kind.rawValue)
            .set("parent_code", to: unit.parentCode).set("active", to: unit.active)
            .where("code", .equal, unit.code)
            .run()
    }
}
