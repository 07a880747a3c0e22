import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run off the event loop because it is deliberately slow.
public struct PasswordHasher: Sendable {
    /// 12 in production; tests use 4 so a suite of logins stays fast.
    public let cost: UInt8

    public init(cost: UInt8 = 12) { self.cost = cost }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
