import DisclosureCore
import Hummingbird

/// Role checks shared by staff pages and the API; a wrong role is a 403, never a 500.
extension AppRequestContext {
    func requireOffice() throws -> StaffAccount {
        let staff = try requireStaff()
        guard staff.identity.canAdminister else { throw HTTPError(.forbidden) }
        return staff
    }

    func requireAuditReader() throws -> StaffAccount {
        let staff = try requireStaff()
        guard staff.identity.canReadAudit else { throw HTTPError(.forbidden) }
        return staff
    }

}

/// The same role checks where the account is known by type (the staff console).
extension StaffRequestContext {
    func requireOffice() throws -> StaffAccount {
        guard staff.identity.canAdminister else { throw HTTPError(.forbidden) }
        return staff
    }

    func requireAuditReader() throws -> StaffAccount {
        guard staff.identity.canReadAudit else { throw HTTPError(.forbidden) }
        return staff
    }
}

extension RequestContext {
    /// A path parameter, percent-decoded (Hummingbird hands them over still encoded).
    func pathParameter(_ name: String) throws -> String {
        guard let raw = parameters.get(name), let value = raw.removingPercentEncoding else { throw HTTPError(.notFound) }
        return value
    }
}
