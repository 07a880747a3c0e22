import DisclosureCore
import Foundation
import SQLKit

/// The 政务公开办 maintains every unit's 标准目录 (DESIGN §1: office manages the catalog); units read it.
public struct CatalogService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    public func entries(unit: String? = nil) async throws -> [CatalogEntry] {
        try await CatalogRepository(database.sql).entries(unit: unit)
    }

    @discardableResult
    public func create(_ entry: CatalogEntry, by actor: AuditActor) async throws -> Int {
        let entry = try entry.validated()
        let now = clock.now()
        return try await database.change(by: actor, at: now) { db in
            try await Self.checkUnit(entry.unitCode, on: db)
            let catalog = CatalogRepository(db)
            let id = try await catalog.insert(entry, position: try await catalog.nextPosition(unit: entry.unitCode), at: now)
            return (id, AuditEvent("catalog.create", target: "catalog:\(id)", Self.summary(entry)))
        }
    }

    public func update(_ entry: CatalogEntry, by actor: AuditActor) async throws {
        let entry = try entry.validated()
        guard let id = entry.id else { throw DomainError.invalid("id", "缺少目录条目编号") }
        try await database.change(by: actor, at: clock.now()) { db in
            let catalog = CatalogRepository(db)
            guard try await catalog.find(id) != nil else { throw DomainError(.notFound, field: "id", "目录条目 \(id) 不存在") }
            try await Self.checkUnit(entry.unitCode, on: db)
            try await catalog.update(entry, at: clock.now())
            return ((), AuditEvent("catalog.update", target: "catalog:\(id)", Self.summary(entry)))
        }
    }

    public func delete(_ id: Int, by actor: AuditActor) async throws {
        try await database.change(by: actor, at: clock.now()) { db in
            let catalog = CatalogRepository(db)
            guard let entry = try await catalog.find(id) else { throw DomainError(.notFound, field: "id", "目录条目 \(id) 不存在") }
            if try await catalog.isReferenced(id) {
                throw DomainError(.conflict, field: "id", "已有文件归入该目录条目，不能删除；可修改其内容")
            }
            try await catalog.delete(id)
            return ((), AuditEvent("catalog.delete", target: "catalog:\(id)", Self.summary(entry)))
        }
    }

    /// Imports a whole CSV file in one transaction: every row is added, or (on the first bad row) none.
    public func importCSV(_ text: String, by actor: AuditActor) async throws -> Int {
        let entries = try CatalogCSV.parse(text)
        guard !entries.isEmpty else { throw DomainError.invalid("file", "CSV 文件没有数据行") }
        let now = clock.now()
        return try await database.change(by: actor, at: now) { db in
            let catalog = CatalogRepository(db)
            var positions: [String: Int] = [:]
            for entry in entries {
                if positions[entry.unitCode] == nil {
                    try await Self.checkUnit(entry.unitCode, on: db)
                    positions[entry.unitCode] = try await catalog.nextPosition(unit: entry.unitCode)
                }
                try await catalog.insert(entry, position: positions[entry.unitCode]!, at: now)
                positions[entry.unitCode]! += 1
            }
            let units = positions.keys.sorted().joined(separator: ",")
            return (entries.count, AuditEvent("catalog.import", target: "catalog", ["rows": String(entries.count), "units": units]))
        }
    }

    static func checkUnit(_ code: String, on db: any SQLDatabase) async throws {
        guard try await UnitRepository(db).find(code) != nil else { throw DomainError.invalid("unitCode", "公开主体（单位）\(code) 不存在") }
    }

    static func summary(_ entry: CatalogEntry) -> [String: String] {
        ["unit": entry.unitCode, "domain": entry.domain, "item": "\(entry.primaryItem)/\(entry.secondaryItem)", "rule": entry.rule.text]
    }
}
