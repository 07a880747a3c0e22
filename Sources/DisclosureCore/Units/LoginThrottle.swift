import Foundation

/// How failed logins slow an attacker down without letting anyone lock staff out (issue 17).
///
/// A hard lock after five failures let anyone who knew a username keep its owner out, and told
/// which usernames exist (unknown names never locked). Now failures are counted per username
/// *and address* and per address alone, and a counter over its allowance earns a cool-off that
/// grows with each further failure; an account attacked from elsewhere stays open to its owner's
/// own address. Unknown and existing usernames are counted, refused and timed the same way.
public enum LoginThrottle {
    /// What a failure is counted against.
    public enum Key: Hashable, Sendable {
        /// One username tried from one address: the owner mistyping, or a guess at one account.
        case accountFromAddress(username: String, address: String)
        /// Everything tried from one address: password spraying over many usernames.
        case address(String)
        /// One username from anywhere: never cools off, only raises the alarm.
        case account(String)

        /// The stored form; usernames are at most 64 characters and addresses at most 45.
        public var text: String {
            switch self {
            case .accountFromAddress(let username, let address): "pair:\(username)|\(address)"
            case .address(let address): "addr:\(address)"
            case .account(let username): "acct:\(username)"
            }
        }

        /// The key a stored `text` names; nil for text of another shape.
        public init?(text: String) {
            if text.hasPrefix("acct:") {
                self = .account(String(text.dropFirst(5)))
            } else if text.hasPrefix("addr:") {
                self = .address(String(text.dropFirst(5)))
            } else if text.hasPrefix("pair:"), let bar = text.firstIndex(of: "|") {
                self = .accountFromAddress(
                    username: String(text[text.index(text.startIndex, offsetBy: 5)..<bar]), address: String(text[text.index(after: bar)...]))
            } else {
                return nil
            }
        }

        /// The username a `pair:` or `acct:` key counts against.
        public var username: String? {
            switch self {
            case .accountFromAddress(let username, _), .account(let username): username
            case .address: nil
            }
        }

        /// The address a `pair:` or `addr:` key counts against.
        public var address: String? {
            switch self {
            case .accountFromAddress(_, let address), .address(let address): address
            case .account: nil
            }
        }

        /// Failures allowed before a cool-off, or nil for a counter that never blocks.
        public var allowance: Int? {
            switch self {
            case .accountFromAddress: 5
            case .address: 20
            case .account: nil
            }
        }
    }

    /// Failures older than this are forgotten, so a counter starts again after an hour of quiet.
    public static let memory: TimeInterval = 3600
    /// The first cool-off; each further failure doubles it.
    public static let firstCoolOff: TimeInterval = 30
    /// The longest cool-off.
    public static let longestCoolOff: TimeInterval = 15 * 60
    /// Failures for one username from all addresses within `memory` that mean it is under attack.
    public static let attackThreshold = 20

    /// How long `key` is refused after its `failures`-th recent failure: nothing within the
    /// allowance, then 30 s, 1, 2, 4, 8 minutes and at most 15.
    public static func coolOff(for key: Key, failures: Int) -> TimeInterval {
        guard let allowance = key.allowance, failures >= allowance else { return 0 }
        let doublings = min(failures - allowance, 5)
        return min(firstCoolOff * Double(1 << doublings), longestCoolOff)
    }

    /// The failure count after one more failure at `now`, given the last one at `last`.
    public static func failures(after previous: Int, lastFailure last: Date?, now: Date) -> Int {
        guard let last, now.timeIntervalSince(last) < memory else { return 1 }
        return min(previous, 1_000_000) + 1
    }

    /// The keys one attempt is counted against.
    public static func keys(username: String, address: String) -> [Key] {
        [.accountFromAddress(username: username, address: address), .address(address), .account(username)]
    }
}
