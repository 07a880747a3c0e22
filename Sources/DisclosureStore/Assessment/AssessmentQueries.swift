import DisclosureCore
import Foundation

/// Reads of assessment files (evidence and spot-check materials) for downloads.
public struct AssessmentQueries: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func evidenceFile(_ id: Int) async throws -> (campaign: Int, unit: String, file: StoredFile)? {
        try await AssessmentRecordRepository(database.sql).evidenceFile(id)
    }

    public func checkFile(_ id: Int) async throws -> (campaign: Int, unit: String, file: StoredFile)? {
        try await AssessmentRecordRepository(database.sql).checkFile(id)
    }
}
