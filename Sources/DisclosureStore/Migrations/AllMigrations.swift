/// Every migration in order. Append only.
public enum AllMigrations {
    public static let list: [any Migration] = [
        // 0001 – units, staff accounts, sessions, API tokens, calendar, audit log (foundation issue)
        CreateFoundationTables(),
        // 0002 – catalog, documents, versions, reviews, attachments, search index (issue 3)
        CreatePublishingTables(),
        // 0003 – requests, clock events, letters, templates, appeals, outbox (issue 4)
        CreateRequestTables(),
        // 0004 – complaints, messages, work records, inspection findings, settings (issue 5)
        CreateSupervisionTables(),
        // 0005 – powers, power versions, yearly power figures, power search (issue 6)
        CreatePowerTables(),
        // 0006 – annual reports, legacy requests (issue 8)
        CreateAnnualReportTables(),
        // 0007 – assessment schemes, campaigns, entries, evidence, spot checks, rectification (issue 7)
        CreateAssessmentTables(),
        // 0008 – login throttle, audit chain head, anonymous upload quota (issue 17)
        CreateHardeningTables(),
        // 0009 – search change log (issue 20)
        CreateSearchChangeLog(),
        // 0010 – drop the FTS5/tsvector search tables and search keys (issue 20)
        RetireDatabaseSearchTables(),
        // 0011 – an index on the 索引号's part after the unit code (issue 21)
        IndexNumberTailIndex(),
        // 0012 – one case per online application form (issue 21)
        CreateFormSubmissions(),
        // 0013 – the files a reply to an application releases (issue 21)
        CreateRequestFiles(),
        // 0014 – each unit's 复议机关 and court for reply letters (issue 22)
        CreateUnitRemedies(),
        // 0015 – the 保密审查's decisions on personal-data hits (issue 23)
        CreatePrivacyDecisions(),
        // 0016 – linked requests and the documents requests became (issue 23, 条例 第四十四条)
        CreateRequestPublicationTables(),
        // 0017 – the text extracted from attachments (issue 23)
        CreateAttachmentTexts(),
        // 0018 – redacted copies of reply files and the redaction log (issue 23)
        CreateRedactions(),
        // 0019 – the text of reply files for the scan before approval (issue 23)
        CreateRequestFileTexts(),
        // 0020 – staff contacts and the e-mail/SMS delivery queue (issue 24)
        CreateDeliveryQueue(),
        // 0021 – the applicant's hash on requests, repeat-application flags and decisions (issue 24)
        CreateRepeatReviews(),
        // 0022 – e-mail subscriptions (政策找人) and message headers (issue 24)
        CreateSubscriptions(),
        // 0023 – a partial index on 规范性文件 for the validity job (issue 20's load test)
        NormativeDocumentsIndex(),
        // 0024 – indexes a bulk import set aside, to be rebuilt (issue 20's 1M import)
        CreateDeferredIndexes(),
    ]

    /// The newest schema version this binary knows (a backup or database from a newer one is refused).
    public static var latestVersion: Int { list.map(\.version).max() ?? 0 }
}
