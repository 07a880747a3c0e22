import DisclosureCore
import DisclosureStore
import Hummingbird

/// JSON API for units and accounts (DESIGN §5; documented in `openapi.json`).
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/api/v1/units` | public — active units |
/// | GET | `/api/v1/units/{code}` | public |
/// | POST | `/api/v1/units` | office token |
/// | PATCH | `/api/v1/units/{code}` | office token |
/// | GET | `/api/v1/users` | office or auditor token |
/// | GET | `/api/v1/users/{username}` | office or auditor token |
/// | POST | `/api/v1/users` | office token |
/// | GET | `/api/v1/me` | any token |
struct UnitsAPIController {
    let accountQueries: AccountQueries
    let accounts: AccountService
    let unitQueries: UnitQueries
    let units: UnitService

    struct UnitBody: Codable, Sendable {
        let code: String
        let name: String
        let kind: String
        let kindLabel: String
        let parentCode: String?
        let active: Bool

        init(_ unit: OrgUnit) {
            code = unit.code
            name = unit.name
            kind = unit.kind.rawValue
            kindLabel = unit.kind.label
            parentCode = unit.parentCode
            active = unit.active
        }
    }

    struct NewUnitBody: Decodable, Sendable {
        let code: String
        let name: String
        let kind: String
        let parentCode: String?
    }

    struct UnitPatchBody: Decodable, Sendable {
        let name: String?
        let kind: String?
        let parentCode: String?
        let active: Bool?
    }

    struct UserBody: Codable, Sendable {
        let username: String
        let displayName: String
        let role: String
        let unitCode: String
        let active: Bool

        init(_ account: StaffAccount) {
            username = account.username
            displayName = account.displayName
            role = account.role.rawValue
            unitCode = account.unitCode
            active = account.active
        }
    }

    struct NewUserBody: Decodable, Sendable {
        let username: String
        let displayName: String?
        let role: String
        let unitCode: String
        let password: String
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("units", use: listUnits)
        group.get("units/{code}", use: unit)
        group.post("units", use: createUnit)
        group.patch("units/{code}", use: updateUnit)
        group.get("users", use: listUsers)
        group.get("users/{username}", use: user)
        group.post("users", use: createUser)
        group.get("me") { _, context in try jsonResponse(UserBody(try context.requireStaff())) }
    }

    @Sendable func listUnits(_ request: Request, context: AppRequestContext) async throws -> Response {
        try jsonResponse(try await self.unitQueries.units().filter(\.active).map(UnitBody.init))
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.pathParameter("code")
        guard let unit = try await self.unitQueries.unit(code.uppercased()) else {
            throw DomainError(.notFound, field: "code", "单位 \(code) 不存在")
        }
        return try jsonResponse(UnitBody(unit))
    }

    @Sendable func createUnit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let body = try await decodeJSON(NewUnitBody.self, from: request)
        let unit = try OrgUnit.validated(code: body.code, name: body.name, kind: body.kind, parentCode: body.parentCode)
        try await self.units.create(unit, by: .staff(staff.identity))
        return try jsonResponse(UnitBody(unit), status: .created)
    }

    @Sendable func updateUnit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let code = try context.pathParameter("code").uppercased()
        guard let existing = try await self.unitQueries.unit(code) else {
            throw DomainError(.notFound, field: "code", "单位 \(code) 不存在")
        }
        let body = try await decodeJSON(UnitPatchBody.self, from: request)
        var unit = try OrgUnit.validated(
            code: code, name: body.name ?? existing.name, kind: body.kind ?? existing.kind.rawValue,
            parentCode: body.parentCode ?? existing.parentCode)
        unit.active = body.active ?? existing.active
        try await self.units.update(unit, by: .staff(staff.identity))
        return try jsonResponse(UnitBody(unit))
    }

    @Sendable func listUsers(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireAuditReader()
        return try jsonResponse(try await self.accountQueries.accounts().map(UserBody.init))
    }

    @Sendable func user(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireAuditReader()
        let username = try context.pathParameter("username")
        guard let account = try await self.accountQueries.account(username: username) else {
            throw DomainError(.notFound, field: "username", "用户 \(username) 不存在")
        }
        return try jsonResponse(UserBody(account))
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let body = try await decodeJSON(NewUserBody.self, from: request)
        let new = try NewStaffAccount(username: body.username, displayName: body.displayName ?? "", role: body.role, unitCode: body.unitCode)
        try await self.accounts.create(new, password: body.password, by: .staff(staff.identity))
        guard let account = try await self.accountQueries.account(username: new.username) else {
            throw HTTPError(.internalServerError)
        }
        return try jsonResponse(UserBody(account), status: .created)
    }
}
