import DisclosureCore
import Testing

@Suite("Units, roles and passwords")
struct UnitRulesTests {
    @Test(
        "unit fields are validated with the field named",
        arguments: [
            ("", "财政局", "county_department", "code"), ("CZ J", "财政局", "county_department", "code"),
            ("CZJ", "", "county_department", "name"), ("CZJ", "财政局", "ministry", "kind"), ("CZJ", "财政局", "county_department", "parentCode"),
        ])
    func unitValidation(code: String, name: String, kind: String, field: String) {
        let parent = field == "parentCode" ? "czj" : nil
        do {
            _ = try OrgUnit.validated(code: code, name: name, kind: kind, parentCode: parent)
            Issue.record("expected a validation error for \(field)")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test("unit codes are upper-cased and kinds accept Chinese labels")
    func unitNormalised() throws {
        let unit = try OrgUnit.validated(code: " czj ", name: " 财政局 ", kind: "县直部门", parentCode: "xzf")
        #expect(unit == OrgUnit(code: "CZJ", name: "财政局", kind: .countyDepartment, parentCode: "XZF"))
    }

    @Test("a unit's scope includes its sub-units, and cycles are detected")
    func scope() {
        let tree = UnitTree([
            OrgUnit(code: "XZF", name: "县政府", kind: .countyGovernment, parentCode: nil),
            OrgUnit(code: "CZJ", name: "财政局", kind: .countyDepartment, parentCode: "XZF"),
            OrgUnit(code: "GKK", name: "国库科", kind: .other, parentCode: "CZJ"),
            OrgUnit(code: "JYJ", name: "教育局", kind: .countyDepartment, parentCode: "XZF"),
        ])
        #expect(tree.scope(of: "CZJ") == ["CZJ", "GKK"])
        #expect(tree.scope(of: "XZF").count == 4)
        #expect(tree.wouldCreateCycle(code: "CZJ", parent: "GKK"))
        #expect(!tree.wouldCreateCycle(code: "GKK", parent: "JYJ"))
        let editor = StaffIdentity(userID: 1, username: "e", role: .editor, unitCode: "CZJ")
        #expect(editor.canSee(unit: "GKK", in: tree))
        #expect(!editor.canSee(unit: "JYJ", in: tree))
        #expect(StaffIdentity(userID: 2, username: "o", role: .office, unitCode: "CZJ").canSee(unit: "JYJ", in: tree))
    }

    @Test(
        "weak passwords are refused",
        arguments: ["short1", "onlyletterslong", "1234567890123", "aaaaaaaa11", "office2026abc"])
    func weakPasswords(password: String) {
        #expect(throws: DomainError.self) { try PasswordPolicy.check(password, username: "office") }
    }

    @Test("a decent password passes")
    func goodPassword() throws {
        try PasswordPolicy.check("Shifan2026county", username: "office")
    }

    @Test("usernames and roles are validated")
    func accounts() throws {
        #expect(throws: DomainError.self) { try NewStaffAccount(username: "1ab", displayName: "", role: "editor", unitCode: "CZJ") }
        #expect(throws: DomainError.self) { try NewStaffAccount(username: "abc", displayName: "", role: "admin", unitCode: "CZJ") }
        #expect(throws: DomainError.self) { try NewStaffAccount(username: "abc", displayName: "", role: "editor", unitCode: "") }
        let account = try NewStaffAccount(username: " Zhang.San ", displayName: "", role: "审核人", unitCode: "czj")
        #expect(account.username == "zhang.san")
        #expect(account.role == .reviewer)
        #expect(account.unitCode == "CZJ")
        #expect(account.displayName == "zhang.san")
    }
}
