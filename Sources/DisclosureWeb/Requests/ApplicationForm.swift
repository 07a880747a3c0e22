import DisclosureCore

/// The application form (条例 第二十九条), shared by the portal's `/apply` and the staff intake
/// form: parsing with field-named errors, and the options the template lists.
struct ApplicationForm: Sendable {
    /// One kind of agency in the 受理机关 list (县人民政府, 县直部门, 乡镇人民政府 …).
    struct UnitGroup: Sendable {
        let label: String
        let options: [SelectOption]
    }

    let values: [String: String]
    /// The agencies a citizen may apply to, grouped by kind, none chosen until the citizen chooses.
    let unitGroups: [UnitGroup]
    let unitChosen: Bool
    let applicantKinds: [SelectOption]
    let idTypes: [SelectOption]
    let requestedForms: [SelectOption]
    let deliveries: [SelectOption]
    let channels: [SelectOption]

    init(values: [String: String], units: [OrgUnit]) {
        self.values = values
        let agencies = Self.agencies(units)
        self.unitGroups = UnitKind.allCases.compactMap { kind in
            let members = agencies.filter { $0.kind == kind }
            guard !members.isEmpty else { return nil }
            return UnitGroup(
                label: kind.label, options: members.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == values["unitCode"]) })
        }
        self.unitChosen = agencies.contains { $0.code == values["unitCode"] }
        self.applicantKinds = Self.options(ApplicantKind.allCases.map(\.rawValue), selected: values["applicantKind"])
        self.idTypes = Self.options(IdentityDocumentType.allCases.map(\.rawValue), selected: values["idType"])
        self.requestedForms = Self.options(RequestedForm.allCases.map(\.rawValue), selected: values["requestedForm"])
        self.deliveries = Self.options(DeliveryMethod.allCases.map(\.rawValue), selected: values["delivery"])
        self.channels = Self.options(RequestChannel.allCases.filter { $0 != .online }.map(\.rawValue), selected: values["channel"])
    }

    /// Units that answer applications themselves: an internal section (a 科 under a bureau) is not
    /// an agency under 条例 第二十七条, so a unit whose parent in the list is anything but the county
    /// government is left out.
    static func agencies(_ units: [OrgUnit]) -> [OrgUnit] {
        let byCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return units.filter { unit in
            guard let parent = unit.parentCode.flatMap({ byCode[$0] }) else { return true }
            return parent.kind == .countyGovernment
        }
    }

    static func options(_ labels: [String], selected: String?) -> [SelectOption] {
        labels.map { SelectOption(value: $0, label: $0, selected: $0 == selected) }
    }

    /// Reads the fields into an application; unknown choices are named like any other bad field.
    static func application(from form: FormData, channel: RequestChannel?) throws -> RequestApplication {
        func choice<T: RawRepresentable>(_ type: T.Type, _ field: String, _ name: String) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: form.text(field)) else { throw DomainError.invalid(field, "请选择\(name)") }
            return value
        }
        let channel = try channel ?? choice(RequestChannel.self, "channel", "申请方式")
        guard !form.text("unitCode").isEmpty else { throw DomainError.invalid("unitCode", "请选择受理机关") }
        return RequestApplication(
            unitCode: form.text("unitCode"), channel: channel, applicantKind: try choice(ApplicantKind.self, "applicantKind", "申请人类型"),
            applicantName: form.text("applicantName"), contactPerson: form.text("contactPerson"),
            idType: try choice(IdentityDocumentType.self, "idType", "证件类型"), idNumber: form.text("idNumber"), phone: form.text("phone"),
            email: form.text("email"), address: form.text("address"), infoTitle: form.text("infoTitle"), infoDocNumber: form.text("infoDocNumber"),
            infoDescription: form.values["infoDescription"] ?? "", requestedForm: try choice(RequestedForm.self, "requestedForm", "获取信息的方式"),
            delivery: try choice(DeliveryMethod.self, "delivery", "获取信息的途径"))
    }
}
