import HummingbirdBcrypt
import NIOConcurrencyHelpers
import NIOPosix

/// bcrypt, run off the event loop because it is deliberately slow.
public struct PasswordHasher: Sendable {
    /// 12 in production; tests use 4 so a suite of logins stays fast.
    public let cost: UInt8
    private let decoy = NIOLockedValueBox<String?>(nil)

    public init(cost: UInt8 = 12) { self.cost = cost }

    /// Spends the time of one real check against a throw-away hash of the same cost, so a login
    /// for an unknown username takes as long as one for a real account.
    public func verifyDecoy(_ password: String) async throws {
        let hash: String
        if let cached = decoy.withLockedValue({ $0 }) {
            hash = cached
        } else {
            hash = try await self.hash(SecretToken.generate())
            decoy.withLockedValue { $0 = hash }
        }
        _ = try await verify(password, hash: hash)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
