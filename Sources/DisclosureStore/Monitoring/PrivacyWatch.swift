import DisclosureCore
import Foundation
import SQLKit

/// The daily personal-data watch over what is already on the portal (issue 23 §3): every public
/// document is scanned, and each hit no reviewer confirmed opens a monitoring finding
/// (`InspectionRule.personalDataPublished`) that closes by itself once the document is corrected
/// with the value masked, confirmed or withdrawn. Runs from `monitor run` (hourly in `serve`)
/// once a day; the day it last ran is kept in `settings`, so any instance may run it. `serve`
/// runs it in the night hours (`nightHours`, Beijing time): it reads every public body, which at
/// a province's million documents is minutes of a core that daytime searches need. A night it
/// missed (the server was off) is made up at the next hourly round.
public struct PrivacyWatch: Sendable {
    let database: Database
    let clock: any WallClock
    static let dayKey = "privacy.watch.day"
    /// Documents read per query: the scan of a province's million walks the table by primary key.
    static let batch = 1_000
    /// The pause between batches (a million documents: 17 minutes of pauses a day).
    static let pause = Duration.milliseconds(1_000)

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    public struct Summary: Equatable, Sendable {
        public var ran = false
        public var scanned = 0
        public var opened = 0
        public var closed = 0
        public var open = 0
    }

    /// 00:00–06:00, Beijing time, as minutes of the day.
    public static let nightHours = 0..<360

    /// Scans unless it already did today. `atNight` (serve's hourly round): only in the night
    /// hours, unless the last scan is older than yesterday's (a database never scanned waits for
    /// its first night).
    public func run(atNight: Bool = false) async throws -> Summary {
        let db = database.sql
        let started = clock.now()
        let today = CivilDate(instant: started)
        let last = try await SettingsTable(db).value(Self.dayKey)
        guard last != today.description else { return Summary() }
        if atNight && !Self.nightHours.contains(QuietHours.minuteOfDay(started)) {
            guard let last, let lastDay = CivilDate(iso: last), lastDay < today.adding(days: -1) else { return Summary() }
        }
        var summary = Summary()
        summary.ran = true
        var current: [String: InspectionFinding] = [:]
        var after = 0
        while true {
            // A walk by primary key that filters here: with the state in the WHERE clause SQLite
            // chose the state index and sorted every published row for each batch — at a million
            // documents each batch read the whole table, and the scan held a core for hours.
            let scanned = try await db.select().columns("id", "unit_code", "title", "body", "state", "attribute").from("documents")
                .where("id", .greaterThan, after).orderBy("id").limit(Self.batch).all()
            guard let last = scanned.last else { break }
            after = try last.decode(column: "id", as: Int.self)
            let rows = try scanned.filter {
                try $0.decode(column: "state", as: String.self) == DocumentState.published.rawValue
                    && $0.decode(column: "attribute", as: String.self) == DisclosureAttribute.proactive.rawValue
            }
            var found: [(id: Int, unit: String, title: String, open: [PrivacyReview.Finding])] = []
            let attachments = try await AttachmentRepository(db).texts(documents: try rows.map { try $0.decode(column: "id", as: Int.self) })
            for row in rows {
                let id = try row.decode(column: "id", as: Int.self)
                let title = try row.decode(column: "title", as: String.self)
                let files = PublishingService.attachmentFields(attachments[id] ?? [])
                let findings = PrivacyReview.findings(in: [("title", title), ("body", try row.decode(column: "body", as: String.self))] + files)
                summary.scanned += 1
                if !findings.isEmpty { found.append((id, try row.decode(column: "unit_code", as: String.self), title, findings)) }
            }
            let confirmed = try await PrivacyDecisionRepository(db).confirmations(subjects: found.map { PublishingService.privacySubject($0.id) })
            for document in found {
                for finding in PrivacyReview.open(document.open, confirmed: confirmed[PublishingService.privacySubject(document.id)] ?? []) {
                    let inspection = InspectionFinding(
                        rule: .personalDataPublished, subjectKey: "document:\(document.id):\(finding.hit.kind.rawValue):\(finding.hit.masked)",
                        unitCode: document.unit, subject: "信息「\(document.title)」", since: today,
                        detail: "\(finding.label)（\(["title": "标题", "body": "正文"][finding.field] ?? finding.field)）")
                    current[inspection.key] = inspection
                }
            }
            // The scan runs beside the portal's traffic in `serve`: between batches it gives the
            // cores back for a moment, so a province's daily scan slows no citizen's search.
            if scanned.count == Self.batch { try await Task.sleep(for: Self.pause) }
        }
        let now = clock.now()
        let (found, scanned) = (current, summary.scanned)
        let counts = try await database.change(by: .system, at: now) { db in
            let repository = FindingRepository(db)
            let open = try await repository.open().filter { $0.rule == .personalDataPublished }
            var closed = 0
            for finding in open where found[finding.key] == nil {
                try await repository.close(finding.id, on: today)
                closed += 1
            }
            let openKeys = Set(open.map(\.key))
            var opened = 0
            for (key, finding) in found.sorted(by: { $0.key < $1.key }) where !openKeys.contains(key) {
                try await repository.insert(finding, on: today)
                opened += 1
            }
            try await SettingsTable(db).set(Self.dayKey, today.description, by: "system", at: now)
            return (
                (opened, closed),
                AuditEvent("privacy.watch", target: "findings", ["scanned": "\(scanned)", "opened": "\(opened)", "closed": "\(closed)"])
            )
        }
        summary.opened = counts.0
        summary.closed = counts.1
        summary.open = current.count
        return summary
    }
}
