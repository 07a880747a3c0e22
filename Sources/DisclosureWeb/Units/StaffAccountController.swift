import DisclosureCore
import DisclosureStore
import Hummingbird

/// Every staff member changes their own password here, and says where reminders reach them
/// (issue 24 §1).
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/account` | signed in |
/// | POST | `/staff/account/password` | signed in — current password required |
/// | POST | `/staff/account/contact` | signed in — their own e-mail, mobile and reminder choice |
struct StaffAccountController {
    let accounts: AccountService
    let contacts: StaffContactQueries
    let renderer: PageRenderer

    struct AccountPage: Sendable {
        struct Choice: Sendable {
            let value: String
            let label: String
            let checked: Bool
        }
        let username: String
        let roleLabel: String
        let unitCode: String
        let email: String
        let mobile: String
        let choices: [Choice]
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/account", use: show)
        router.post("/staff/account/password", use: changePassword)
        router.post("/staff/account/contact", use: saveContact)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        return try await render(staff, context: context, notice: Notice.from(request))
    }

    @Sendable func saveContact(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let form = try await FormData.read(request)
        let typed = (email: form["email"] ?? "", mobile: form["mobile"] ?? "", by: form["remindersBy"] ?? "")
        do {
            guard let by = ReminderPreference(rawValue: typed.by) else { throw DomainError.invalid("remindersBy", "请选择接收提醒的方式") }
            try await self.accounts.setContact(
                username: staff.username, email: typed.email, mobile: typed.mobile, remindersBy: by, by: .staff(staff.identity))
            return redirect(to: "/staff/account?notice=saved")
        } catch let error as DomainError {
            return try await render(staff, context: context, status: error.kind.httpStatus, error: error.message, typed: typed)
        }
    }

    @Sendable func changePassword(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let form = try await FormData.read(request)
        do {
            try StaffUsersController.checkConfirmation(form)
            try await self.accounts.changeOwnPassword(
                username: staff.username, current: form["current"] ?? "", new: form["password"] ?? "", by: .staff(staff.identity))
            // Changing the password ended every session, this one included.
            return redirect(to: "/staff/login?notice=password")
        } catch let error as DomainError {
            return try await render(staff, context: context, status: error.kind.httpStatus, error: error.message)
        }
    }

    private func render(
        _ staff: StaffAccount, context: StaffRequestContext, status: HTTPResponse.Status = .ok, notice: String? = nil, error: String? = nil,
        typed: (email: String, mobile: String, by: String)? = nil
    ) async throws -> Response {
        let stored = try await contacts.contact(username: staff.username)
        let email = typed?.email ?? stored?.email ?? ""
        let mobile = typed?.mobile ?? stored?.mobile ?? ""
        let chosen = typed?.by ?? stored?.remindersBy.rawValue ?? ReminderPreference.email.rawValue
        let page = AccountPage(
            username: staff.username, roleLabel: staff.role.label, unitCode: staff.unitCode, email: email, mobile: mobile,
            choices: ReminderPreference.allCases.map { .init(value: $0.rawValue, label: $0.label, checked: $0.rawValue == chosen) })
        return renderer.render("Units/account", title: "我的账号", page: page, context: context, status: status, notice: notice, error: error)
    }
}
