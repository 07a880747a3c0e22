import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `units`.
public struct UnitRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func all() async throws -> [OrgUnit] {
        try await db.select().column("*").from("units").orderBy("code").all().map(Self.decode)
    }

    public func find(_ code: String) async throws -> OrgUnit? {
        try await db.select().column("*").from("units").where("code", .equal, code).first().map(Self.decode)
    }

    public func tree() async throws -> UnitTree { UnitTree(try await all()) }

    public func insert(_ unit: OrgUnit, at now: Date) async throws {
        try await db.insert(into: "units")
            .columns("code", "name", "kind", "parent_code", "active", "created_at")
            .values(
                SQLBind(unit.code), SQLBind(unit.name), SQLBind(unit.kind.rawValue), SQLBind(unit.parentCode), SQLBind(unit.active),
                SQLBind(Timestamp.text(now))
            )
            .run()
    }

    public func update(_ unit: OrgUnit) async throws {
        try await db.update("units")
            .set("name", to: unit.name).set("kind", to: unit.kind.rawValue)
            .set("parent_code", to: unit.parentCode).set("active", to: unit.active)
            .where("code", .equal, unit.code)
            .run()
    }

    static func decode(_ row: any SQLRow) throws -> OrgUnit {
        OrgUnit(
            code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
            kind: UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            parentCode: try row.decode(column: "parent_code", as: String?.self),
            active: try row.decode(column: "active", as: Bool.self))
    }
}
