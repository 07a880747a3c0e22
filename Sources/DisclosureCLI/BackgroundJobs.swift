import DisclosureStore
import DisclosureWeb
import Foundation
import Logging

/// What `serve` does besides answering requests: the publication job (scheduled documents and
/// 有效性 changes) every round, `monitor run` every hour and the optional daily backup; and,
/// beside them, the sender (`sendMessages`), which every instance runs at once, since the queue's
/// claims keep each message to one of them.
///
/// Each runs on one instance at a time under its own job lock (DESIGN §8; `AdvisoryLock`); the
/// locks are never ones that the jobs' own writes take, so a job cannot block itself or the
/// county's other writers (issue 17).
struct BackgroundJobs: Sendable {
    let database: Database
    let config: AppConfig
    /// Seconds between rounds (`DISCLOSURE_JOB_INTERVAL_SECONDS`, default 60).
    let interval: Int
    let backups: ScheduledBackup?
    let logger: Logger

    func run() async {
        let service = PublishingService(database: database, clock: SystemWallClock(), indexFormat: config.indexFormat)
        let monitor = MonitorRun(database: database, clock: SystemWallClock(), policy: config.clockPolicy)
        let files: any FileStore = config.filesFolder.map { FolderFileStore(root: URL(fileURLWithPath: $0)) } ?? FolderFileStore.beside(database.url)
        var round = 0
        while !Task.isCancelled {
            do {
                try await database.exclusiveJob(.publicationJob) {
                    try await service.runScheduled()
                    try await service.refreshValidity()
                }
                if round % max(1, 3600 / interval) == 0 {
                    try await database.exclusiveJob(.monitorJob) {
                        // The daily personal-data watch only at night (issue 23 §3; issue 20's traffic).
                        _ = try await monitor.run(privacyAtNight: true)
                        // 政策找人: the day's digests, once a day from 08:00 (issue 24 §2).
                        _ = try await SubscriptionDigest(database: database, clock: SystemWallClock(), fallbackLinkBase: config.site.linkBase).run()
                        // Older files' texts for the personal-data scans, a batch an hour (issue 23).
                        _ = try await FileTextBackfill(database: database, files: files, clock: SystemWallClock()).run()
                    }
                }
                if let backups, round % max(1, 86_400 / interval) == 0 {
                    let (database, logger) = (database, logger)
                    try await database.exclusiveJob(.backupJob) {
                        let file = try await backups.run(database, now: Date())
                        logger.info("backup written", metadata: ["file": "\(file.path)"])
                    }
                }
            } catch {
                logger.error("background job failed", metadata: ["error": "\(error)"])
            }
            round += 1
            try? await Task.sleep(for: .seconds(interval))
        }
    }

    /// Sends what is due every `DISCLOSURE_SEND_INTERVAL_SECONDS` (default 10), with no job lock:
    /// several instances share the work (issue 24 §1). A failure to reach the database is logged
    /// and the next round tries again; a message's own failure is recorded on the message.
    func sendMessages(every seconds: Int, files: any FileStore) async {
        let dispatcher = DeliveryDispatcher(
            database: database, clock: SystemWallClock(), files: files, instance: DeliveryDispatcher.instanceName())
        while !Task.isCancelled {
            do {
                // A full round means more is due: go on at once.
                while try await dispatcher.runOnce(limit: 20).attempted == 20 {}
            } catch {
                logger.error("sending messages failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(seconds))
        }
    }
}
