import DisclosureCore

/// View model of the portal home page.
struct PortalHomePage: Sendable {
    struct UnitGroup: Sendable {
        let label: String
        let units: [UnitLink]

        /// Units grouped under their kind's label, in the order of `UnitKind.allCases`; empty kinds left out.
        static func byKind(_ units: [OrgUnit]) -> [UnitGroup] {
            UnitKind.allCases.compactMap { kind in
                let members = units.filter { $0.kind == kind }.map { UnitLink(code: $0.code, name: $0.name) }
                return members.isEmpty ? nil : UnitGroup(label: kind.label, units: members)
            }
        }
    }

    struct UnitLink: Sendable {
        let code: String
        let name: String
        let href: String

        init(code: String, name: String) {
            self.code = code
            self.name = name
            href = "/catalog?unit=\(URLQuery.escape(code))"
        }
    }

    /// One list of the home page (最新公开, 通知公告, 政策解读) and where its 更多 leads.
    struct Column: Sendable {
        let id: String
        let title: String
        let more: String
        let items: [DocumentListItem]
    }

    /// One entry for the public (申请, 投诉, 咨询) with how many of its cases closed this year.
    struct Service: Sendable {
        let title: String
        let summary: String
        let href: String
        let action: String
        let count: Int
        let countLabel: String
    }

    let sections: [PortalSection]
    let unitGroups: [UnitGroup]
    let todayText: String
    let columns: [Column]
    let services: [Service]
    let year: Int

    /// Units as the public knows them: an internal section (a 科 under a bureau) is listed with its
    /// bureau's catalog, not as a unit of its own (the same rule as the 受理机关 list).
    init(units: [OrgUnit], today: CivilDate, columns: [Column] = [], services: [Service] = [], year: Int = 0) {
        self.sections = PortalSection.all
        self.unitGroups = UnitGroup.byKind(ApplicationForm.agencies(units))
        self.todayText = "\(today.year)年\(today.month)月\(today.day)日 \(today.chineseWeekday)"
        self.columns = columns
        self.services = services
        self.year = year
    }
}

/// View model of the 政府信息公开指南 (条例 第十二条): the county's, or one unit's with its own
/// 分类 (the 栏目 of its catalog), 编排体系 (领域 → 事项) and 获取方式 (the channels its catalog names).
struct PortalGuidePage: Sendable {
    struct Column: Sendable {
        let name: String
        let kind: String
        let href: String
        let domains: String
    }

    struct Item: Sendable {
        let domain: String
        let items: String
        let timeLimit: String
        let channels: String
    }

    let unitCount: Int
    let unitGroups: [PortalHomePage.UnitGroup]
    let unitName: String?
    let columns: [Column]
    let items: [Item]

    init(units: [OrgUnit], unit: OrgUnit? = nil, entries: [CatalogEntry] = []) {
        self.unitCount = units.count
        self.unitGroups = PortalHomePage.UnitGroup.byKind(units)
        self.unitName = unit?.name
        self.columns = PortalColumn.derive(from: entries).map { column in
            Column(
                name: column.name, kind: column.kind.rawValue,
                href: "/catalog?unit=\(URLQuery.escape(column.unitCode))&column=\(URLQuery.escape(column.name))",
                domains: column.domains.joined(separator: "、"))
        }
        self.items = entries.map { entry in
            Item(
                domain: entry.domain, items: "\(entry.primaryItem) / \(entry.secondaryItem)", timeLimit: entry.timeLimitText,
                channels: entry.channels.map(\.notation).joined(separator: " "))
        }
    }
}
