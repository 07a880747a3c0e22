import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// Staff sign-in and sign-out.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/login` | anyone |
/// | POST | `/staff/login` | anyone (CSRF, rate-limited, 5 failures lock for 15 minutes) |
/// | POST | `/staff/logout` | signed in |
struct StaffLoginController {
    let authentication: Authentication
    let clock: any WallClock
    let config: AppConfig
    let renderer: PageRenderer

    struct LoginPage: Sendable {
        let username: String
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/staff/login", use: show)
        router.post("/staff/login", use: submit)
        router.post("/staff/logout", use: logout)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.staff != nil { return redirect(to: "/staff") }
        return renderer.render("Units/login", title: "工作人员登录", page: LoginPage(username: ""), context: context, notice: Notice.from(request))
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request)
        let username = String(form.text("username").prefix(64))
        let password = form["password"] ?? ""
        func failure(_ message: String, _ status: HTTPResponse.Status) -> Response {
            renderer.render("Units/login", title: "工作人员登录", page: LoginPage(username: username), context: context, status: status, error: message)
        }
        guard !username.isEmpty else { return failure("请填写用户名（username）。", .badRequest) }
        guard !password.isEmpty else { return failure("请填写密码（password）。", .badRequest) }
        guard password.utf8.count <= 1024 else { return failure("用户名或密码错误。", .unauthorized) }
        switch try await self.authentication.login(username: username, password: password, address: context.clientAddress) {
        case .success(_, let token):
            var response = redirect(to: "/staff")
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.sessionCookie, value: token, maxAge: Int(self.config.sessionLifetime), path: "/",
                    secure: self.config.secureCookies, httpOnly: true, sameSite: .lax))
            // A new anonymous token too, so one planted before the login is worthless after it.
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.csrfCookie, value: SecretToken.generate(), path: "/", secure: self.config.secureCookies,
                    httpOnly: true, sameSite: .lax))
            return response
        case .rejected:
            return failure("用户名或密码错误。", .unauthorized)
        case .throttled(let until):
            // 429 alike for unknown and existing usernames: the answer must not tell which exist.
            let seconds = max(1, Int(until.timeIntervalSince(self.clock.now()).rounded(.up)))
            let wait = seconds <= 90 ? "请 \(seconds) 秒后再试" : "请于 \(CivilDateTime(instant: until).text) 后再试"
            var response = failure("本机登录失败次数过多，\(wait)；如忘记密码，请联系政务公开办重置。", .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let staff = context.staff, let token = context.sessionToken {
            try await self.authentication.logout(sessionToken: token, account: staff)
        }
        var response = redirect(to: "/staff/login?notice=logout")
        response.setCookie(
            Cookie(
                name: SessionMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: self.config.secureCookies, httpOnly: true,
                sameSite: .lax))
        return response
    }
}
