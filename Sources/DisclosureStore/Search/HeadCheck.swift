/// When `PortalSearch` last read the change log's head, what it read, and the read under way.
struct HeadCheck: Sendable {
    typealias Reading = Task<Int64, any Error>

    /// `Database.localCommits` at the last read.
    var commits: UInt64 = 0
    var at: ContinuousClock.Instant = .now - .seconds(60)
    var head: Int64 = -1
    var reading: Reading?

    enum Plan {
        case known(Int64)
        case await(Reading)
    }

    /// Whether a search may use the head last read or must wait for a read. A read starts (through
    /// `read`, told whether it must see this process's own commit) after this process committed
    /// anything, when forced, or once the last read is older than `interval`. A search that finds
    /// the head fresh while a read is under way waits for that read: it may have been started for
    /// a commit this search must see. (Answering with the head before it let the first search
    /// after a publication miss the document under load.)
    mutating func plan(commits: UInt64, now: ContinuousClock.Instant, force: Bool, interval: Duration, read: (_ ownCommit: Bool) -> Reading)
        -> Plan
    {
        let ownCommit = self.commits != commits
        guard force || ownCommit || now - at >= interval else {
            if let reading { return .await(reading) }
            return .known(head)
        }
        self.commits = commits
        at = now
        let started = read(ownCommit || force)
        reading = started
        return .await(started)
    }

    /// Records what a read answered (or that it failed: `value` nil) and ends it as the read under way.
    mutating func finish(_ started: Reading, value: Int64?) {
        if let value { head = max(head, value) }
        if reading == started { reading = nil }
    }
}
