import DisclosureCore
import Hummingbird

/// The context of every staff console route except login: the signed-in account is there by
/// type, not by a check each handler must remember. Entering the staff group without a session
/// is a 401, which the page error middleware turns into a redirect to the login page.
public struct StaffRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account.
    public let staff: StaffAccount
    /// The token this account's forms carry (derived from its session).
    public let csrfToken: String
    public let clientAddress: String
    /// How many items wait in the account's queue (set for pages by `WorkQueueCountMiddleware`).
    public var queueCount: Int?

    public init(context: AppRequestContext) throws {
        guard let staff = context.staff else { throw HTTPError(.unauthorized) }
        self.coreContext = context.coreContext
        self.staff = staff
        self.csrfToken = context.csrfToken
        self.clientAddress = context.clientAddress
    }
}

/// What a rendered page needs of its request: who is signed in (for the navigation) and the
/// token its forms carry.
protocol PageContext {
    var signedIn: StaffAccount? { get }
    var csrfToken: String { get }
    var queueCount: Int? { get }
}

extension AppRequestContext: PageContext {
    var signedIn: StaffAccount? { staff }
    var queueCount: Int? { nil }
}

extension StaffRequestContext: PageContext {
    var signedIn: StaffAccount? { staff }
}
