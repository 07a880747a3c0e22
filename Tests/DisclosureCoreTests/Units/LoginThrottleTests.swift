import DisclosureCore
import Foundation
import Testing

@Suite("Login throttle")
struct LoginThrottleTests {
    let pair = LoginThrottle.Key.accountFromAddress(username: "office", address: "203.0.113.7")

    @Test(
        "cool-offs grow from 30 seconds to a 15-minute ceiling",
        arguments: [(1, 0.0), (4, 0), (5, 30), (6, 60), (7, 120), (8, 240), (9, 480), (10, 900), (11, 900), (1000, 900)])
    func pairCoolOff(failures: Int, seconds: Double) {
        #expect(LoginThrottle.coolOff(for: pair, failures: failures) == seconds)
    }

    @Test("an address may fail 20 times before it cools off; an account alone never does")
    func otherKeys() {
        #expect(LoginThrottle.coolOff(for: .address("203.0.113.7"), failures: 19) == 0)
        #expect(LoginThrottle.coolOff(for: .address("203.0.113.7"), failures: 20) == 30)
        #expect(LoginThrottle.coolOff(for: .account("office"), failures: 10_000) == 0)
    }

    @Test("failures are forgotten after an hour of quiet")
    func memory() {
        let last = Date(timeIntervalSince1970: 1_000_000)
        #expect(LoginThrottle.failures(after: 7, lastFailure: last, now: last.addingTimeInterval(3599)) == 8)
        #expect(LoginThrottle.failures(after: 7, lastFailure: last, now: last.addingTimeInterval(3600)) == 1)
        #expect(LoginThrottle.failures(after: 0, lastFailure: nil, now: last) == 1)
    }

    @Test("an attempt counts against the pair, the address and the account")
    func keys() {
        #expect(
            LoginThrottle.keys(username: "office", address: "203.0.113.7").map(\.text) == [
                "pair:office|203.0.113.7", "addr:203.0.113.7", "acct:office",
            ])
    }
}
