import DisclosureCore
import Testing

/// Issue 19: the access rules are named once on `StaffIdentity` and `Role`; this table is what
/// every service and page relies on.
@Suite("Access rules: who handles, reviews and keeps a unit's work")
struct AccessRulesTests {
    static let tree = UnitTree([
        OrgUnit(code: "XZF", name: "县政府", kind: .countyGovernment, parentCode: nil),
        OrgUnit(code: "CZJ", name: "财政局", kind: .countyDepartment, parentCode: "XZF"),
        OrgUnit(code: "GKK", name: "国库科", kind: .other, parentCode: "CZJ"),
        OrgUnit(code: "JYJ", name: "教育局", kind: .countyDepartment, parentCode: "XZF"),
    ])

    static func staff(_ role: Role, _ unit: String = "CZJ") -> StaffIdentity { StaffIdentity(userID: 1, username: "u", role: role, unitCode: unit) }

    @Test(
        "canHandle / canReview / maintains / isStaff(of:) for each role and unit",
        arguments: [
            // role, unit asked about, handle, review, maintain, exactly this unit's staff
            (Role.editor, "CZJ", true, false, true, true),
            (Role.editor, "GKK", true, false, true, false),
            (Role.editor, "JYJ", false, false, false, false),
            (Role.reviewer, "CZJ", true, true, true, true),
            (Role.reviewer, "GKK", true, true, true, false),
            (Role.reviewer, "JYJ", false, false, false, false),
            (Role.office, "JYJ", false, false, true, false),
            (Role.auditor, "CZJ", false, false, false, false),
            (Role.assessor, "CZJ", false, false, false, false),
        ])
    func rules(role: Role, unit: String, handle: Bool, review: Bool, maintain: Bool, own: Bool) {
        let identity = Self.staff(role)
        #expect(identity.canHandle(unit: unit, in: Self.tree) == handle)
        #expect(identity.canReview(unit: unit, in: Self.tree) == review)
        #expect(identity.maintains(unit: unit, in: Self.tree) == maintain)
        #expect(identity.isStaff(of: unit) == own)
    }

    @Test("unit staff are editors and reviewers; records are kept by them and the office")
    func roles() {
        #expect(Role.allCases.filter(\.isUnitStaff) == [.editor, .reviewer])
        #expect(Set(Role.allCases.filter(\.maintainsRecords)) == [.office, .editor, .reviewer])
    }
}
