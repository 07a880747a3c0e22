import DisclosureCore

/// One `monitor run`: the request watch (lapsed cases, reminders) and then the supervision watch
/// (escalations, findings), in that order so a request closed as lapsed is no longer overdue.
/// The CLI, `serve`'s hourly job and the console's 立即检查 button all come through here.
public struct MonitorRun: Sendable {
    let requests: RequestMonitor
    let supervision: SupervisionMonitor
    let privacy: PrivacyWatch
    let reviewWaits: ReviewWaitReminders

    public init(database: Database, clock: any WallClock, policy: ClockPolicy = .statutory) {
        self.requests = RequestMonitor(database: database, clock: clock, policy: policy)
        self.supervision = SupervisionMonitor(database: database, clock: clock, requestPolicy: policy)
        self.privacy = PrivacyWatch(database: database, clock: clock)
        self.reviewWaits = ReviewWaitReminders(database: database, clock: clock)
    }

    public struct Summary: Equatable, Sendable {
        public let requests: RequestMonitor.Summary
        public let findings: SupervisionMonitor.Summary
        public let privacy: PrivacyWatch.Summary
        /// New 待审核超过一天 reminders.
        public let reviewReminders: Int

        /// One line in Chinese for the console notice and the CLI.
        public var text: String {
            "办理中申请 \(requests.open) 件；逾期终止 \(requests.closed) 件；新提醒 \(requests.reminders) 条；审核等待提醒 \(reviewReminders) 条；"
                + "投诉超期提请督办 \(findings.escalated) 件；监测问题 \(findings.open) 个（新发现 \(findings.opened) 个，已消除 \(findings.closed) 个）"
                + (privacy.ran ? "；个人信息巡查 \(privacy.scanned) 件，未确认的个人信息 \(privacy.open) 处。" : "。")
        }
    }

    /// `privacyAtNight`: serve's hourly round, which leaves the daily personal-data watch to the
    /// night hours (`PrivacyWatch.run(atNight:)`); the CLI and the console's button scan at once.
    public func run(privacyAtNight: Bool = false) async throws -> Summary {
        let requestSummary = try await requests.run()
        let findingSummary = try await supervision.run()
        let privacySummary = try await privacy.run(atNight: privacyAtNight)
        let reviewReminders = try await reviewWaits.run()
        return Summary(requests: requestSummary, findings: findingSummary, privacy: privacySummary, reviewReminders: reviewReminders)
    }
}
