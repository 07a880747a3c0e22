/// Who is acting: a staff account's role and unit, used by every permission check.
public struct StaffIdentity: Equatable, Sendable {
    public let userID: Int
    public let username: String
    public let role: Role
    public let unitCode: String

    public init(userID: Int, username: String, role: Role, unitCode: String) {
        self.userID = userID
        self.username = username
        self.role = role
        self.unitCode = unitCode
    }

    /// Whether this account may see records of `unit`: office, auditor and assessor see all units;
    /// editors and reviewers see their unit and its sub-units.
    public func canSee(unit: String, in tree: UnitTree) -> Bool {
        role.seesAllUnits || tree.scope(of: unitCode).contains(unit)
    }

    /// The unit codes whose records this account sees (every unit for office, auditor, assessor).
    public func unitsInScope(of tree: UnitTree) -> [String] {
        role.seesAllUnits ? tree.units.keys.sorted() : tree.scope(of: unitCode).sorted()
    }

    /// Whether this account keeps a unit's own records (work records, the power list): editors and
    /// reviewers for their unit and its sub-units, the office for any unit.
    public func maintains(unit: String, in tree: UnitTree) -> Bool {
        role == .office || ((role == .editor || role == .reviewer) && tree.scope(of: unitCode).contains(unit))
    }

    /// Only the 政务公开办 manages units, users and the calendar (DESIGN §1).
    public var canAdminister: Bool { role == .office }

    /// The audit log is read by auditors and the office.
    public var canReadAudit: Bool { role == .auditor || role == .office }
}
