import DisclosureCore
import Foundation

/// A document whose 条例 第二十六条 deadline needs attention, with the calendar's explanation.
public struct TimelinessFlag: Sendable, Equatable {
    public let document: DocumentSummary
    public let timeliness: PublicationTimeliness
}

/// Timeliness for dashboards (unit and office) and the per-unit, per-month figures later modules use.
public struct TimelinessWatch: Sendable {
    let database: Database
    let calendars: CalendarService

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.calendars = CalendarService(database: database, clock: clock)
    }

    /// Unpublished documents overdue or due within `warningDays` working days, and documents
    /// published late in the last 60 days; most urgent first.
    public func flags(units: [String]?, today: CivilDate, warningDays: Int = 5) async throws -> [TimelinessFlag] {
        let calendar = try await calendars.calendar()
        let since = today.adding(days: -60)
        let candidates = try await DocumentListRepository(database.sql).timelinessCandidates(units: units, publishedSince: since)
        let flags = candidates.compactMap { document -> TimelinessFlag? in
            guard let anchor = document.timelinessAnchor else { return nil }
            let result = PublicationTimeliness.evaluate(
                anchor: anchor, rule: document.rule, publishedOn: document.state == .published ? document.publishedOn : nil,
                today: today, calendar: calendar)
            switch result.status {
            case .overdue, .late: return TimelinessFlag(document: document, timeliness: result)
            case .pending(let left) where left <= warningDays: return TimelinessFlag(document: document, timeliness: result)
            case .pending, .onTime: return nil
            }
        }
        return flags.sorted { $0.timeliness.due.date < $1.timeliness.due.date }
    }

    public func tally(year: Int, units: [String]? = nil, asOf: CivilDate) async throws -> TimelinessTally {
        let calendar = try await calendars.calendar()
        let documents = try await DocumentListRepository(database.sql).proactiveGenerated(in: year, units: units).map { summary in
            TimelinessTally.Document(
                unit: summary.unitCode, generatedOn: summary.generatedOn, anchor: summary.timelinessAnchor,
                publishedOn: summary.state == .published || summary.state == .withdrawn ? summary.publishedOn : nil, rule: summary.rule)
        }
        return TimelinessTally.count(year: year, documents: documents, asOf: asOf, calendar: calendar)
    }
}
