import DisclosureCore

/// What the console's power forms show: the stored power, or what the clerk just typed when a
/// save was refused, so nothing typed is lost.
struct PowerFormValues: Sendable {
    struct FlowRow: Sendable {
        let index: Int
        let number: Int
        let name: String
        let post: String
        let days: String
        let next: String
    }

    struct MaterialRow: Sendable {
        let index: Int
        let number: Int
        let name: String
        let forms: [SelectOption]
        let copies: String
        let source: String
        let templateName: String?
        let hasSavedRow: Bool
    }

    struct QuestionRow: Sendable {
        let index: Int
        let question: String
        let answer: String
    }

    let facts: [String: String]
    let categories: [SelectOption]
    let flowRows: [FlowRow]
    let conditions: String
    let location: String
    let hours: String
    let consultationPhone: String
    let onlineAddress: String
    let materials: [MaterialRow]
    let questions: [QuestionRow]

    static func facts(of draft: PowerDraft) -> [String: String] {
        [
            "code": draft.code, "name": draft.name, "category": draft.category.rawValue, "unitCode": draft.unitCode,
            "handlingOffice": draft.handlingOffice, "bases": draft.bases.map(\.text).joined(separator: "\n"),
            "responsibilities": draft.responsibilities, "accountability": draft.accountability,
            "statutoryDays": draft.statutoryDays.map(String.init) ?? "", "promisedDays": draft.promisedDays.map(String.init) ?? "",
            "fees": PowerFee.listText(draft.fees).replacingOccurrences(of: "；", with: "\n"), "supervisionPhone": draft.supervisionPhone,
        ]
    }

    /// The values for `power` (nil for a new one), with `typed` taking the place of the section it came from.
    init(power: AdministrativePower?, typed: FormData? = nil, section: String = "") {
        let typedFacts = section == "facts" ? typed : nil
        facts = typedFacts?.values ?? power.map { Self.facts(of: $0.draft) } ?? [:]
        let category = facts["category"] ?? ""
        categories = PowerCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == category) }

        let typedFlow = section == "workflow" ? typed : nil
        var rows: [FlowRow] = []
        if let form = typedFlow {
            for index in 0..<Workflow.maxSteps + 5 where !form.text("s\(index)name").isEmpty || !form.text("s\(index)next").isEmpty {
                rows.append(
                    FlowRow(
                        index: rows.count, number: rows.count + 1, name: form.text("s\(index)name"), post: form.text("s\(index)post"),
                        days: form.text("s\(index)days"), next: form.text("s\(index)next")))
            }
        } else {
            for (index, step) in (power?.workflow.steps ?? []).enumerated() {
                rows.append(
                    FlowRow(
                        index: index, number: index + 1, name: step.name, post: step.post, days: step.days.map(String.init) ?? "",
                        next: PowerForm.nextText(step)))
            }
        }
        let filled = rows.count
        for index in filled..<min(filled + 3, Workflow.maxSteps) {
            rows.append(FlowRow(index: index, number: index + 1, name: "", post: "", days: "", next: ""))
        }
        flowRows = rows

        let typedGuide = section == "guide" ? typed : nil
        let guide = power?.guide ?? ServiceGuide()
        conditions = typedGuide?.values["conditions"] ?? guide.conditions
        location = typedGuide?.text("location") ?? guide.location
        hours = typedGuide?.text("hours") ?? guide.hours
        consultationPhone = typedGuide?.text("consultationPhone") ?? guide.consultationPhone
        onlineAddress = typedGuide?.text("onlineAddress") ?? guide.onlineAddress
        var materials: [MaterialRow] = []
        func options(_ selected: String) -> [SelectOption] {
            MaterialForm.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
        }
        if let form = typedGuide {
            for index in 0..<ServiceGuide.maxMaterials + 5 where !form.text("m\(index)name").isEmpty {
                materials.append(
                    MaterialRow(
                        index: materials.count, number: materials.count + 1, name: form.text("m\(index)name"),
                        forms: options(form.text("m\(index)form")),
                        copies: form.text("m\(index)copies"), source: form.text("m\(index)source"), templateName: nil, hasSavedRow: false))
            }
        } else {
            for (index, material) in guide.materials.enumerated() {
                materials.append(
                    MaterialRow(
                        index: index, number: index + 1, name: material.name, forms: options(material.form.rawValue), copies: String(material.copies),
                        source: material.source, templateName: material.template?.name, hasSavedRow: true))
            }
        }
        let savedMaterials = materials.count
        for index in savedMaterials..<min(savedMaterials + 2, ServiceGuide.maxMaterials) {
            materials.append(
                MaterialRow(
                    index: index, number: index + 1, name: "", forms: options(MaterialForm.original.rawValue), copies: "1", source: "",
                    templateName: nil,
                    hasSavedRow: false))
        }
        self.materials = materials
        var questions: [QuestionRow] = []
        if let form = typedGuide {
            for index in 0..<ServiceGuide.maxQuestions + 3 where !form.text("q\(index)question").isEmpty {
                questions.append(
                    QuestionRow(index: questions.count, question: form.text("q\(index)question"), answer: form.values["q\(index)answer"] ?? ""))
            }
        } else {
            questions = guide.questions.enumerated().map { QuestionRow(index: $0, question: $1.question, answer: $1.answer) }
        }
        if questions.count < ServiceGuide.maxQuestions { questions.append(QuestionRow(index: questions.count, question: "", answer: "")) }
        self.questions = questions
    }
}
