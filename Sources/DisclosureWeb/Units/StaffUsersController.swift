import DisclosureCore
import DisclosureStore
import Hummingbird

/// Staff accounts, managed by the office.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/users` | office |
/// | POST | `/staff/users` | office |
/// | GET | `/staff/users/{username}` | office |
/// | POST | `/staff/users/{username}` | office — name, role, unit |
/// | POST | `/staff/users/{username}/password` | office — sets a new password |
/// | POST | `/staff/users/{username}/active` | office — `active=1` enables, `0` disables |
/// | POST | `/staff/users/{username}/unlock` | office — clears a login lock |
struct StaffUsersController {
    let accountQueries: AccountQueries
    let accounts: AccountService
    let auditQueries: AuditQueries
    let clock: any WallClock
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct UserRow: Sendable {
        let username: String
        let displayName: String
        let roleLabel: String
        let unitName: String
        let active: Bool
        let locked: Bool
    }

    struct UsersPage: Sendable {
        let rows: [UserRow]
        let roles: [SelectOption]
        let units: [SelectOption]
        let form: [String: String]
    }

    struct UserPage: Sendable {
        let account: StaffAccount
        let roles: [SelectOption]
        let units: [SelectOption]
        let locked: Bool
        /// Addresses cooling off after wrong passwords for this username, newest end first.
        let coolOffs: [CoolOff]
        /// Failures for this username from every address within the last hour; "" when none.
        let recentFailures: String
        let history: [AuditRow]

        struct CoolOff: Sendable {
            let address: String
            let failures: Int
            let until: String
        }
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/users", use: index)
        router.post("/staff/users", use: create)
        router.get("/staff/users/{username}", use: show)
        router.post("/staff/users/{username}", use: update)
        router.post("/staff/users/{username}/password", use: setPassword)
        router.post("/staff/users/{username}/active", use: setActive)
        router.post("/staff/users/{username}/unlock", use: unlock)
    }

    @Sendable func index(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = try context.requireOffice()
        return try await renderIndex(context: context, form: [:], notice: Notice.from(request))
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request)
        do {
            let new = try NewStaffAccount(
                username: form.text("username"), displayName: form.text("displayName"), role: form.text("role"), unitCode: form.text("unit"))
            try Self.checkConfirmation(form)
            try await self.accounts.create(new, password: form["password"] ?? "", by: .staff(staff.identity))
            return redirect(to: "/staff/users?notice=created")
        } catch let error as DomainError {
            var values = form.values
            values["password"] = nil
            values["passwordConfirm"] = nil
            return try await renderIndex(context: context, form: values, error: error)
        }
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = try context.requireOffice()
        return try await renderUser(try context.pathParameter("username"), context: context, notice: Notice.from(request))
    }

    @Sendable func update(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let username = try context.pathParameter("username")
        let form = try await FormData.read(request)
        return try await perform(username, context: context) {
            let checked = try NewStaffAccount(
                username: username, displayName: form.text("displayName"), role: form.text("role"), unitCode: form.text("unit"))
            try await self.accounts.update(
                username: username, displayName: checked.displayName, role: checked.role, unitCode: checked.unitCode, by: .staff(staff.identity))
            return "saved"
        }
    }

    @Sendable func setPassword(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let username = try context.pathParameter("username")
        let form = try await FormData.read(request)
        return try await perform(username, context: context) {
            try Self.checkConfirmation(form)
            try await self.accounts.setPassword(username: username, password: form["password"] ?? "", by: .staff(staff.identity))
            return "password"
        }
    }

    @Sendable func setActive(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let username = try context.pathParameter("username")
        let form = try await FormData.read(request)
        return try await perform(username, context: context) {
            guard let flag = form["active"], flag == "0" || flag == "1" else { throw DomainError.invalid("active", "active 只能是 0 或 1") }
            try await self.accounts.setActive(username: username, flag == "1", by: .staff(staff.identity))
            return "saved"
        }
    }

    @Sendable func unlock(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let username = try context.pathParameter("username")
        return try await perform(username, context: context) {
            try await self.accounts.unlock(username: username, by: .staff(staff.identity))
            return "saved"
        }
    }

    /// Runs a change; on a rule violation re-renders the account page with the message.
    private func perform(_ username: String, context: StaffRequestContext, _ body: () async throws -> String) async throws -> Response {
        do {
            let notice = try await body()
            return redirect(to: "/staff/users/\(username)?notice=\(notice)")
        } catch let error as DomainError where error.kind != .notFound {
            return try await renderUser(username, context: context, error: error)
        }
    }

    static func checkConfirmation(_ form: FormData) throws(DomainError) {
        guard form["password"] == form["passwordConfirm"] else {
            throw .invalid("passwordConfirm", "两次输入的密码不一致")
        }
    }

    private func renderIndex(context: StaffRequestContext, form: [String: String], notice: String? = nil, error: DomainError? = nil) async throws
        -> Response
    {
        let units = try await self.unitQueries.units()
        let names = Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let coolingOff = Set(try await self.accountQueries.coolingOff(now: self.clock.now()).compactMap(\.username))
        let rows = try await self.accountQueries.accounts().map {
            UserRow(
                username: $0.username, displayName: $0.displayName, roleLabel: $0.role.label, unitName: names[$0.unitCode] ?? $0.unitCode,
                active: $0.active, locked: coolingOff.contains($0.username))
        }
        let page = UsersPage(
            rows: rows, roles: Self.roleOptions(selected: form["role"] ?? Role.editor.rawValue),
            units: Self.unitOptions(units, selected: form["unit"] ?? ""), form: form)
        return renderer.render(
            "Units/users", title: "账号管理", page: page, context: context, status: error.map { $0.kind.httpStatus } ?? .ok,
            notice: notice, error: error?.message)
    }

    private func renderUser(_ username: String, context: StaffRequestContext, notice: String? = nil, error: DomainError? = nil) async throws
        -> Response
    {
        guard let account = try await self.accountQueries.account(username: username) else { throw HTTPError(.notFound) }
        let now = self.clock.now()
        let counters = try await self.accountQueries.throttleCounters(username: account.username)
        let coolOffs = counters.filter { ($0.blockedUntil ?? now) > now && $0.address != nil }.map {
            UserPage.CoolOff(address: $0.address ?? "", failures: $0.failures, until: CivilDateTime(instant: $0.blockedUntil ?? now).text)
        }
        let recent = counters.first { $0.address == nil && now.timeIntervalSince($0.lastFailure) < LoginThrottle.memory }
        let people = try await PeopleNames.load(accountQueries: self.accountQueries, unitQueries: self.unitQueries)
        let page = UserPage(
            account: account, roles: Self.roleOptions(selected: account.role.rawValue),
            units: Self.unitOptions(try await self.unitQueries.units(), selected: account.unitCode), locked: !coolOffs.isEmpty,
            coolOffs: coolOffs, recentFailures: recent.map { String($0.failures) } ?? "",
            history: try await self.auditQueries.recent(limit: 20, target: "user:\(account.username)").map { [people] in AuditRow($0, names: people) }
        )
        return renderer.render(
            "Units/user", title: "账号 \(account.username)", page: page, context: context, status: error.map { $0.kind.httpStatus } ?? .ok,
            notice: notice, error: error?.message)
    }

    static func roleOptions(selected: String) -> [SelectOption] {
        Role.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }

    static func unitOptions(_ units: [OrgUnit], selected: String) -> [SelectOption] {
        UnitTree(units).ordered().map {
            .init(value: $0.unit.code, label: String(repeating: "　", count: $0.depth) + $0.unit.name, selected: $0.unit.code == selected)
        }
    }
}
