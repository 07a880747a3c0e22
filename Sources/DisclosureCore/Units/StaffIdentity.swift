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
        role == .office || canHandle(unit: unit, in: tree)
    }

    /// Whether this account handles `unit`'s work (drafts, requests, complaints, 自评, 整改):
    /// an editor or reviewer of the unit or of a unit above it.
    public func canHandle(unit: String, in tree: UnitTree) -> Bool {
        role.isUnitStaff && tree.scope(of: unitCode).contains(unit)
    }

    /// Whether this account reviews `unit`'s work (保密审查, approving replies and extensions).
    public func canReview(unit: String, in tree: UnitTree) -> Bool {
        role == .reviewer && tree.scope(of: unitCode).contains(unit)
    }

    /// Whether this account is an editor or reviewer of exactly `unit`: the handling unit, the only
    /// one that sees an applicant's or complainant's personal data unmasked (issue 4 §10).
    public func isStaff(of unit: String) -> Bool {
        role.isUnitStaff && unitCode == unit
    }

    /// Only the 政务公开办 manages units, users and the calendar (DESIGN §1).
    public var canAdminister: Bool { role == .office }

    /// The audit log is read by auditors and the office.
    public var canReadAudit: Bool { role == .auditor || role == .office }
}
