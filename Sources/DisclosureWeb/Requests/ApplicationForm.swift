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
    let requestedFormChosen: Bool
    let deliveryChosen: Bool
    let channels: [SelectOption]
    /// Field → its problem, shown beside the field (`aria-describedby`).
    let errors: [String: String]
    /// Hints read with each field; the 证件号码 check is explained before it is made.
    let idNumberHint = "居民身份证号码 18 位，最后一位是按国家标准（GB 11643）计算的校验码，可能是 X；统一社会信用代码 18 位（GB 32100）；护照等其他证件填 5–30 位字母或数字。"

    init(values: [String: String], units: [OrgUnit], errors: [String: String] = [:]) {
        self.values = values
        self.errors = errors
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
        // No preselected way or route: a default of 纸质 + 邮寄 demanded an address from a citizen who
        // chose neither (issue 21). The citizen picks both.
        self.requestedForms = Self.options(RequestedForm.allCases.map(\.rawValue), selected: values["requestedForm"])
        self.deliveries = Self.options(DeliveryMethod.allCases.map(\.rawValue), selected: values["delivery"])
        self.requestedFormChosen = RequestedForm(rawValue: values["requestedForm"] ?? "") != nil
        self.deliveryChosen = DeliveryMethod(rawValue: values["delivery"] ?? "") != nil
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
    /// Throws the first problem (the staff intake form and the API show one at a time).
    static func application(from form: FormData, channel: RequestChannel?) throws -> RequestApplication {
        let (application, problems) = read(form, channel: channel)
        if let first = problems.first { throw first }
        return application
    }

    /// Every problem of the form at once (`/apply` shows them beside their fields), and the
    /// application as far as it could be read. A missing choice is a problem of its own and reads
    /// as a choice that requires nothing more, so it causes no second, misleading problem.
    static func read(_ form: FormData, channel: RequestChannel?) -> (RequestApplication, problems: [DomainError]) {
        var problems = FieldProblems()
        func choice<T: RawRepresentable>(_ field: String, _ name: String, otherwise fallback: T) -> T where T.RawValue == String {
            guard let value = T(rawValue: form.text(field)) else {
                problems.add(DomainError.invalid(field, "请选择\(name)"))
                return fallback
            }
            return value
        }
        let channel = channel ?? choice("channel", "申请方式", otherwise: RequestChannel.inPerson)
        problems.require(!form.text("unitCode").isEmpty, "unitCode", "请选择受理机关")
        let application = RequestApplication(
            unitCode: form.text("unitCode"), channel: channel,
            applicantKind: choice("applicantKind", "申请人类型", otherwise: ApplicantKind.naturalPerson),
            applicantName: form.text("applicantName"), contactPerson: form.text("contactPerson"),
            idType: choice("idType", "证件类型", otherwise: IdentityDocumentType.other), idNumber: form.text("idNumber"), phone: form.text("phone"),
            email: form.text("email"), address: form.text("address"), infoTitle: form.text("infoTitle"), infoDocNumber: form.text("infoDocNumber"),
            infoDescription: form.values["infoDescription"] ?? "",
            requestedForm: choice("requestedForm", "获取信息的方式", otherwise: RequestedForm.inspection),
            delivery: choice("delivery", "获取信息的途径", otherwise: DeliveryMethod.pickUp))
        for problem in application.problems { problems.add(problem) }
        let order = fieldOrder
        let sorted = problems.all.sorted { (order.firstIndex(of: $0.field ?? "") ?? 99) < (order.firstIndex(of: $1.field ?? "") ?? 99) }
        return (application, sorted)
    }

    /// The fields in the order the form shows them, so the summary reads top to bottom.
    static let fieldOrder = [
        "channel", "unitCode", "applicantKind", "applicantName", "contactPerson", "idType", "idNumber", "phone", "email", "address", "infoTitle",
        "infoDocNumber", "infoDescription", "requestedForm", "delivery",
    ]
}
