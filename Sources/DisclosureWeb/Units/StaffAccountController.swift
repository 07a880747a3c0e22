import DisclosureCore
import DisclosureStore
import Hummingbird

/// Every staff member changes their own password here.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/account` | signed in |
/// | POST | `/staff/account/password` | signed in — current password required |
struct StaffAccountController {
    let accounts: AccountService
    let renderer: PageRenderer

    struct AccountPage: Sendable {
        let username: String
        let roleLabel: String
        let unitCode: String
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/account", use: show)
        router.post("/staff/account/password", use: changePassword)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        return render(staff, context: context, notice: Notice.from(request))
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
            return render(staff, context: context, status: error.kind.httpStatus, error: error.message)
        }
    }

    private func render(
        _ staff: StaffAccount, context: StaffRequestContext, status: HTTPResponse.Status = .ok, notice: String? = nil, error: String? = nil
    ) -> Response {
        let page = AccountPage(username: staff.username, roleLabel: staff.role.label, unitCode: staff.unitCode)
        return renderer.render("Units/account", title: "我的账号", page: page, context: context, status: status, notice: notice, error: error)
    }
}
