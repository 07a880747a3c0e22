/// Every PostgreSQL advisory-lock key the program takes, one purpose each.
///
/// Two purposes must never share a key: a background job once took the audit chain's key as its
/// "one instance at a time" lock and held it on one connection while its own writes, on another,
/// waited for it to append their audit entries — every audited write of every instance hung.
/// Job keys are therefore only ever held by `exclusiveJob`, and transaction keys only by
/// `pg_advisory_xact_lock` inside a single transaction.
public enum AdvisoryLock: Int64, CaseIterable, Sendable {
    /// Transaction lock: several instances starting together migrate one at a time.
    case migrations = 7_310_001
    /// Transaction lock: audit appends chain to the same predecessor one at a time.
    case auditChain = 7_310_002
    /// Job lock: scheduled publications and 有效性 changes, once a minute on one instance.
    case publicationJob = 7_310_010
    /// Job lock: `monitor run`, hourly on one instance.
    case monitorJob = 7_310_011
    /// Job lock: the scheduled backup, daily on one instance.
    case backupJob = 7_310_012

    /// Whether the key is held for a whole job (a session lock) rather than for one transaction.
    public var isJobLock: Bool {
        switch self {
        case .migrations, .auditChain: false
        case .publicationJob, .monitorJob, .backupJob: true
        }
    }
}
