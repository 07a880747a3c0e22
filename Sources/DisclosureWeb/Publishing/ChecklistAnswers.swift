/// The 保密审查 checklist as the reviewer last answered it on the form (each radio's state and the
/// note), for a form that comes back with an error.
struct ChecklistAnswers: Sendable {
    var secretsNo = false
    var secretsYes = false
    var privateNo = false
    var privateYes = false
    var wordingYes = false
    var wordingNo = false
    var note = ""

    init() {}

    init(_ values: [String: String]?) {
        guard let values else { return }
        secretsNo = values["containsStateSecrets"] == "no"
        secretsYes = values["containsStateSecrets"] == "yes"
        privateNo = values["containsPrivateData"] == "no"
        privateYes = values["containsPrivateData"] == "yes"
        wordingYes = values["wordingAccurate"] == "yes"
        wordingNo = values["wordingAccurate"] == "no"
        note = values["note"] ?? ""
    }
}
