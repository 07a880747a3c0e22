import DisclosureCore
import Foundation
import SQLKit

/// Loads already-published 主动公开 documents (a legacy site's archive, or the benchmark corpus)
/// in batches: each batch is one transaction with many-row INSERTs into `documents`, the search
/// change log's rows for them, and one audit entry. Parsing the next batch overlaps writing the
/// current one. The search indexes catch up from the log (a rebuild when the import is large).
public struct DocumentImporter: Sendable {
    let database: Database
    let clock: any WallClock
    let indexFormat: IndexNumberFormat
    /// Create a unit (kind 其他, under no parent) for a 发布机构 name not in the unit tree.
    public var createUnits = false
    /// Where each committed batch's documents go to be indexed while the import runs (nil: the
    /// index catches up from the change log afterwards).
    public var indexing: SearchImport?

    public init(database: Database, clock: any WallClock, indexFormat: IndexNumberFormat = .standard) {
        self.database = database
        self.clock = clock
        self.indexFormat = indexFormat
    }

    /// Prepared rows of one batch: everything computed before the transaction starts.
    struct Prepared: Sendable {
        let line: Int
        let document: ImportedDocument
        let day: CivilDate
        let body: String
    }

    /// Imports `lines` (already split, with their 1-based line numbers). Throws on the first bad
    /// line, naming it; batches already committed stay.
    public func importBatches(
        _ batches: AsyncThrowingStream<[(Int, Data)], any Error>, by actor: AuditActor, progress: @Sendable (ImportSummary) -> Void
    ) async throws -> ImportSummary {
        // Into an empty table, `documents`' secondary indexes are set aside and built once at the
        // end (`DeferredIndexes`), as database restores do.
        guard try await isEmpty() else { return try await importAll(batches, by: actor, progress: progress) }
        // The (unit, 文号) index stays: each batch asks it which 文号 the unit already used.
        _ = try await DeferredIndexes.setAside(table: "documents", keeping: ["documents_unit_doc_number"], on: database, at: clock.now())
        do {
            let summary = try await importAll(batches, by: actor, progress: progress)
            try await DeferredIndexes.restore(on: database)
            return summary
        } catch {
            // The import's own error is the one to report; indexes this cannot build now are
            // built at the next start (`Migrator.migrate`).
            try? await DeferredIndexes.restore(on: database)
            throw error
        }
    }

    func isEmpty() async throws -> Bool {
        try await database.sql.select().column("id").from("documents").limit(1).first() == nil
    }

    func importAll(
        _ batches: AsyncThrowingStream<[(Int, Data)], any Error>, by actor: AuditActor, progress: @Sendable (ImportSummary) -> Void
    ) async throws -> ImportSummary {
        var summary = ImportSummary()
        var unitsByName = try await loadUnitNames()
        var pending: Task<[Prepared], any Error>?
        var iterator = batches.makeAsyncIterator()
        if let first = try await iterator.next() { pending = Task { try await Self.preparedInParallel(first) } }
        while let current = pending {
            let prepared = try await current.value
            // Parse the next batch on the other cores while this one is written.
            if let next = try await iterator.next() { pending = Task { try await Self.preparedInParallel(next) } } else { pending = nil }
            guard !prepared.isEmpty else { continue }
            let firstID = try await write(prepared, unitsByName: &unitsByName, summary: &summary, by: actor)
            if let indexing {
                let units = unitsByName
                // As the index holds a document it reads back: imported ones are published 主动公开,
                // not 规范性文件, without attachments.
                let entries = prepared.enumerated().map { offset, item in
                    DocumentSearchSource.entry(
                        id: firstID + offset, title: PlainText.singleLine(item.document.title),
                        docNumber: PlainText.singleLine(item.document.docNo ?? ""), body: item.body,
                        unitCode: units[item.document.unit] ?? item.document.unit, category: item.document.category, day: item.day, validity: nil)
                }
                try await indexing.add(entries, ids: firstID...(firstID + prepared.count - 1))
            }
            progress(summary)
        }
        return summary
    }

    /// Splits a batch over the cooperative pool; the order of documents is kept.
    static func preparedInParallel(_ lines: [(Int, Data)]) async throws -> [Prepared] {
        let chunk = max(1, (lines.count + 3) / 4)
        return try await withThrowingTaskGroup(of: (Int, [Prepared]).self) { group in
            for start in stride(from: 0, to: lines.count, by: chunk) {
                let part = Array(lines[start..<min(start + chunk, lines.count)])
                group.addTask { (start, try prepare(part)) }
            }
            var parts: [(Int, [Prepared])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    static func prepare(_ lines: [(Int, Data)]) throws -> [Prepared] {
        let decoder = JSONDecoder()
        return try lines.map { number, data in
            let document: ImportedDocument
            do {
                document = try decoder.decode(ImportedDocument.self, from: data)
            } catch {
                throw DomainError.invalid("file", "第 \(number) 行不是有效的 JSON 文档（需要 unit、category、title、body、published_at）")
            }
            guard let day = CivilDate(iso: String(document.publishedAt.prefix(10))) else {
                throw DomainError.invalid("file", "第 \(number) 行 published_at 不是日期：\(document.publishedAt.prefix(30))")
            }
            let title = PlainText.singleLine(document.title)
            guard !title.isEmpty, title.count <= DocumentDraft.titleLimit else {
                throw DomainError.invalid("file", "第 \(number) 行标题为空或超过 \(DocumentDraft.titleLimit) 字")
            }
            guard !document.unit.isEmpty, !document.category.isEmpty else { throw DomainError.invalid("file", "第 \(number) 行缺少 unit 或 category") }
            let body = PlainText.sanitize(document.body)
            return Prepared(line: number, document: document, day: day, body: body)
        }
    }

    func loadUnitNames() async throws -> [String: String] {
        var map: [String: String] = [:]
        for unit in try await UnitRepository(database.sql).all() {
            map[unit.name] = unit.code
            map[unit.code] = unit.code
        }
        return map
    }

    /// Writes one batch in one transaction; returns the first id given (the batch's ids follow on).
    func write(_ batch: [Prepared], unitsByName: inout [String: String], summary: inout ImportSummary, by actor: AuditActor) async throws -> Int {
        let now = clock.now()
        let known = unitsByName
        let (created, duplicates, count, firstID) = try await database.change(by: actor, at: now) { db in
            var units = known
            var created: [String: String] = [:]
            for item in batch where units[item.document.unit] == nil {
                guard createUnits else {
                    throw DomainError.invalid("unit", "第 \(item.line) 行的发布单位「\(item.document.unit)」不在单位列表中（可加 --create-units 自动建立）")
                }
                let code = try await nextUnitCode(on: db)
                try await UnitRepository(db).insert(OrgUnit(code: code, name: item.document.unit, kind: .other, parentCode: nil), at: now)
                units[item.document.unit] = code
                created[item.document.unit] = code
            }
            try await ChangeMarker.bump(on: db)
            let firstID = try await nextDocumentID(on: db)
            let duplicates = try await insertRows(batch, units: units, firstID: firstID, now: now, on: db)
            let lastID = firstID + batch.count - 1
            try await SearchChangeLog.record(.documents, Array(firstID...lastID), at: now, on: db)
            return (
                (created, duplicates, batch.count, firstID),
                AuditEvent(
                    "document.import", target: "documents:\(firstID)-\(lastID)",
                    ["count": String(batch.count), "lines": "\(batch.first!.line)-\(batch.last!.line)"])
            )
        }
        unitsByName.merge(created) { current, _ in current }
        summary.imported += count
        summary.unitsCreated += created.count
        summary.duplicateDocNumbers += duplicates
        return firstID
    }

    /// Many-row INSERTs, 50 documents per statement, ids assigned here so the search keys can be built.
    func insertRows(_ batch: [Prepared], units: [String: String], firstID: Int, now: Date, on db: any SQLDatabase) async throws -> Int {
        let stamp = Timestamp.text(now)
        var duplicates = 0
        // Every (unit, year) of the batch gets its numbers in one statement before the rows are built.
        var counts: [IndexSequences.Key: Int] = [:]
        for item in batch { counts[IndexSequences.Key(unit: units[item.document.unit]!, year: item.day.year), default: 0] += 1 }
        var nextNumber = try await IndexSequences(db).reserve(counts)
        var stems: [IndexSequences.Key: IndexNumberFormat.Stem] = [:]
        var seenNumbers = try await existingDocNumbers(batch, units: units, on: db)
        for (chunkIndex, chunk) in stride(from: 0, to: batch.count, by: 50).map({ Array(batch[$0..<min($0 + 50, batch.count)]) }).enumerated() {
            var documentRows: [[any SQLExpression]] = []
            for (offset, item) in chunk.enumerated() {
                let id = firstID + chunkIndex * 50 + offset
                let unit = units[item.document.unit]!
                let key = IndexSequences.Key(unit: unit, year: item.day.year)
                let stem = stems[key] ?? indexFormat.stem(unit: unit, year: key.year)
                stems[key] = stem
                guard let sequence = nextNumber[key] else { throw DomainError(.conflict, "索引号分配失败，请重试") }
                nextNumber[key] = sequence + 1
                let docNumber = PlainText.singleLine(item.document.docNo ?? "")
                if !docNumber.isEmpty && !seenNumbers.insert("\(unit)#\(docNumber)").inserted { duplicates += 1 }
                let publishedAt = Timestamp.text(Date(timeIntervalSince1970: Double(item.day.dayNumber) * 86_400 + 3_600))
                let values: [any Encodable & Sendable] = [
                    id, stem.number(sequence), unit,
                    PlainText.singleLine(item.document.title),
                    docNumber, unit, "综合政务", item.document.category, item.day.description, item.body, DisclosureAttribute.proactive.rawValue,
                    PublicationChannel.website.rawValue, false, DocumentState.published.rawValue, 1, item.day.description, publishedAt,
                    "import", stamp, stamp,
                ]
                documentRows.append(values.map { SQLBind($0) })
            }
            try await db.insert(into: "documents")
                .columns(
                    "id", "index_number", "unit_code", "title", "doc_number", "issuer", "topic", "category", "generated_on", "body", "attribute",
                    "channels", "is_normative", "state", "version", "published_on", "published_at", "created_by", "created_at",
                    "updated_at"
                )
                .rows(documentRows).run()
        }
        if database.dialect == .postgres {
            // Ids were given explicitly; move the identity sequence past them.
            try await db.raw("SELECT setval(pg_get_serial_sequence('documents', 'id'), (SELECT max(id) FROM documents))").run()
        }
        return duplicates
    }

    /// 文号 of this batch that the unit already used, as `unit#number`: one index seek per
    /// (unit, 文号) pair of the batch, joined from a list of the pairs. Asked as `unit_code IN (…)
    /// AND doc_number IN (…)`, the database sought every unit of the batch with every number of it,
    /// half a million seeks for a batch of 5,000, and a quarter of a bulk import's table phase.
    func existingDocNumbers(_ batch: [Prepared], units: [String: String], on db: any SQLDatabase) async throws -> Set<String> {
        var pairs: [(unit: String, number: String)] = []
        var seen: Set<String> = []
        for item in batch {
            // As `insertRows` stores it.
            let number = PlainText.singleLine(item.document.docNo ?? "")
            guard !number.isEmpty, let unit = units[item.document.unit], seen.insert("\(unit)#\(number)").inserted else { continue }
            pairs.append((unit, number))
        }
        var existing: Set<String> = []
        // 1,000 pairs a statement: well inside both databases' limits on bound parameters.
        for start in stride(from: 0, to: pairs.count, by: 1_000) {
            let list = pairs[start..<min(start + 1_000, pairs.count)].map { "(\(bind: $0.unit), \(bind: $0.number))" as SQLQueryString }
            let rows = try await db.raw(
                """
                SELECT d.unit_code, d.doc_number FROM (VALUES \(list.joined(separator: ", "))) AS v \
                JOIN documents AS d ON d.unit_code = v.column1 AND d.doc_number = v.column2
                """
            ).all()
            for row in rows {
                existing.insert("\(try row.decode(column: "unit_code", as: String.self))#\(try row.decode(column: "doc_number", as: String.self))")
            }
        }
        return existing
    }

    func nextDocumentID(on db: any SQLDatabase) async throws -> Int {
        let highest =
            try await db.select().column(SQLFunction("max", args: SQLColumn("id")), as: "m").from("documents")
            .first(decodingColumn: "m", as: Int?.self) ?? nil
        return (highest ?? 0) + 1
    }

    func nextUnitCode(on db: any SQLDatabase) async throws -> String {
        let count =
            try await db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from("units")
            .where("code", .like, "IMP%").first(decodingColumn: "n", as: Int.self) ?? 0
        return String(format: "IMP%05d", count + 1)
    }
}
