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
    }

    let sections: [PortalSection]
    let unitGroups: [UnitGroup]
    let todayText: String

    init(units: [OrgUnit], today: CivilDate) {
        self.sections = PortalSection.all
        self.unitGroups = UnitGroup.byKind(units)
        self.todayText = "\(today.year)年\(today.month)月\(today.day)日 \(today.chineseWeekday)"
    }
}

/// View model of the 政府信息公开指南 (条例 第十二条).
struct PortalGuidePage: Sendable {
    let unitCount: Int
    let unitGroups: [PortalHomePage.UnitGroup]

    init(units: [OrgUnit]) {
        self.unitCount = units.count
        self.unitGroups = PortalHomePage.UnitGroup.byKind(units)
    }
}
