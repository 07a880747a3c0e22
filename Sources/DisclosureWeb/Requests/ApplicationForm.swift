import DisclosureCore

/// The application form (条例 第二十九条), shared by the portal's `/apply` and the staff intake
/// form: parsing with field-named errors, and the options the template lists.
struct ApplicationForm: Sendable {
    let values: [String: String]
    let units: [SelectOption]
    let applicantKinds: [SelectOption]
    let idTypes: [SelectOption]
    let requestedForms: [SelectOption]
    let deliveries: [SelectOption]
    let channels: [SelectOption]

    init(values: [String: String], units: [OrgUnit]) {
        self.values = values
        self.units = units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == values["unitCode"]) }
        self.applicantKinds = Self.options(ApplicantKind.allCases.map(\.rawValue), selected: values["applicantKind"])
        self.idTypes = Self.options(IdentityDocumentType.allCases.map(\.rawValue), selected: values["idType"])
        self.requestedForms = Self.options(RequestedForm.allCases.map(\.rawValue), selected: values["requestedForm"])
        self.deliveries = Self.options(DeliveryMethod.allCases.map(\.rawValue), selected: values["delivery"])
        self.channels = Self.options(RequestChannel.allCases.filter { $0 != .online }.map(\.rawValue), selected: values["channel"])
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
        return RequestApplication(
            unitCode: form.text("unitCode"), channel: channel, applicantKind: try choice(ApplicantKind.self, "applicantKind", "申请人类型"),
            applicantName: form.text("applicantName"), contactPerson: form.text("contactPerson"),
            idType: try choice(IdentityDocumentType.self, "idType", "证件类型"), idNumber: form.text("idNumber"), phone: form.text("phone"),
            email: form.text("email"), address: form.text("address"), infoTitle: form.text("infoTitle"), infoDocNumber: form.text("infoDocNumber"),
            infoDescription: form.values["infoDescription"] ?? "", requestedForm: try choice(RequestedForm.self, "requestedForm", "获取信息的方式"),
            delivery: try choice(DeliveryMethod.self, "delivery", "获取信息的途径"))
    }
}
