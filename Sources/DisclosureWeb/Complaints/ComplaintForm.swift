import DisclosureCore

/// The complaint form, shared by the portal's `/complain` and the staff intake form: parsing
/// with field-named errors, and the options the template lists.
struct ComplaintForm: Sendable {
    let values: [String: String]
    let units: [SelectOption]
    let kinds: [SelectOption]
    let channels: [SelectOption]

    init(values: [String: String], units: [OrgUnit]) {
        self.values = values
        self.units = units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == values["unitCode"]) }
        self.kinds = ComplaintKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == values["kind"]) }
        self.channels = ComplaintChannel.allCases.filter { $0 != .online }.map {
            SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == values["channel"])
        }
    }

    static func submission(from form: FormData, channel: ComplaintChannel?) throws -> ComplaintSubmission {
        guard let kind = ComplaintKind(rawValue: form.text("kind")) else { throw DomainError.invalid("kind", "请选择投诉类型") }
        var chosen = channel
        if chosen == nil {
            guard let parsed = ComplaintChannel(rawValue: form.text("channel")) else { throw DomainError.invalid("channel", "请选择投诉渠道") }
            chosen = parsed
        }
        return ComplaintSubmission(
            unitCode: form.text("unitCode"), channel: chosen ?? .online, kind: kind, subject: form.text("subject"),
            content: form.values["content"] ?? "",
            complainantName: form.text("complainantName"), phone: form.text("phone"), email: form.text("email"))
    }
}
