import DisclosureCore
import DisclosureSearch
import Foundation
import SQLKit

/// Where an index reads its items: the ones that belong in it, and an item's text and facets as
/// they stand. An item that no longer belongs (withdrawn, deleted) is simply not returned.
protocol SearchSource: Sendable {
    /// The items among `ids` that belong in the index, as the engine indexes them.
    func searchDocuments(ids: [Int], on db: any SQLDatabase) async throws -> [SearchDocument]
    /// Of the next `limit` items after `id` (by id), those that belong in the index.
    func indexedIDs(after id: Int, limit: Int, on db: any SQLDatabase) async throws -> IDPage
}

/// One step of a walk over a table by id: the ids that belong in the index, and the last id
/// looked at (nil at the end of the table), from which the next step starts.
struct IDPage: Sendable {
    var ids: [Int]
    var scannedThrough: Int?
}

/// The portal's documents: published 主动公开 ones only (条例第十九条–第二十条; issue 3 §3). The
/// title carries the 文号 so a search for it finds the document; facets are the unit, category,
/// publication year and, for 规范性文件, validity on the day the entry is written.
struct DocumentSearchSource: SearchSource {
    let clock: any WallClock

    func searchDocuments(ids: [Int], on db: any SQLDatabase) async throws -> [SearchDocument] {
        let today = CivilDate(instant: clock.now())
        let documents = try await DocumentRepository(db).find(ids: ids).filter(\.isPublic)
        // The attachments' text is searched with the document's body (issue 23 §5).
        let attachments = try await AttachmentRepository(db).texts(documents: documents.map(\.id))
        return documents.map { document in
            Self.entry(
                id: document.id, title: document.draft.title, docNumber: document.draft.docNumber,
                body: ([document.draft.body] + (attachments[document.id] ?? []).map(\.text)).joined(separator: "\n"),
                unitCode: document.draft.unitCode, category: document.draft.category, day: document.publishedOn ?? today,
                validity: document.validityStatus(on: today))
        }
    }

    /// A published document's index entry (also made by a bulk import from the rows it wrote).
    static func entry(
        id: Int, title: String, docNumber: String, body: String, unitCode: String, category: String, day: CivilDate, validity: ValidityStatus?
    ) -> SearchDocument {
        var facets = ["unit": unitCode, "year": String(day.year)]
        if !category.isEmpty { facets["category"] = category }
        if let validity { facets["validity"] = validity.rawValue }
        return SearchDocument(id: id, title: title + " " + docNumber, body: body, dateKey: Int64(day.dayNumber), facets: facets)
    }

    func indexedIDs(after id: Int, limit: Int, on db: any SQLDatabase) async throws -> IDPage {
        // A walk by primary key that filters here: with the state in the WHERE clause SQLite chose
        // the state index and sorted every published row for each step (2 minutes per 50,000
        // documents of a rebuild at a million).
        let rows = try await db.select().column("id").column("state").column("attribute").from("documents").where("id", .greaterThan, id)
            .orderBy("id").limit(limit).all()
        var page = IDPage(ids: [], scannedThrough: nil)
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            page.scannedThrough = id
            if try row.decode(column: "state", as: String.self) == DocumentState.published.rawValue,
                try row.decode(column: "attribute", as: String.self) == DisclosureAttribute.proactive.rawValue
            {
                page.ids.append(id)
            }
        }
        return page
    }
}

/// The power list: every listed power is public (cancelled ones stay listed as 取消). The title
/// holds the name, code, category and unit; the body the office, legal bases, responsibilities
/// and, once published, the guide's conditions, materials and questions.
struct PowerSearchSource: SearchSource {
    func searchDocuments(ids: [Int], on db: any SQLDatabase) async throws -> [SearchDocument] {
        let powers = try await PowerRepository(db).list(PowerRepository.Filter(ids: ids))
        let units = try await UnitRepository(db).tree().units
        return powers.map { power in
            let draft = power.draft
            let title = [draft.name, draft.code, draft.category.label, units[draft.unitCode]?.name ?? ""].joined(separator: " ")
            var body = [draft.handlingOffice, draft.bases.map(\.text).joined(separator: " "), draft.responsibilities]
            if let guide = power.guide, power.hasPublishedGuide {
                body += [
                    guide.conditions, guide.materials.map(\.name).joined(separator: " "), guide.questions.map(\.question).joined(separator: " "),
                ]
            }
            // Equal scores list the older power (smaller id) first, as the power list does.
            return SearchDocument(
                id: power.id, title: title, body: body.joined(separator: " "), dateKey: -Int64(power.id),
                facets: ["unit": draft.unitCode, "category": draft.category.rawValue, "status": power.status.rawValue])
        }
    }

    func indexedIDs(after id: Int, limit: Int, on db: any SQLDatabase) async throws -> IDPage {
        let ids = try await db.select().column("id").from("powers").where("id", .greaterThan, id).orderBy("id").limit(limit)
            .all(decodingColumn: "id", as: Int.self)
        return IDPage(ids: ids, scannedThrough: ids.last)
    }
}
