import DisclosureCore

/// Reads the console's power forms. The flow and the guide's lists are tables of numbered rows
/// (`s0name`, `s0post` …), so they work without JavaScript; blank rows are ignored.
enum PowerForm {
    static func draft(from form: FormData) throws -> PowerDraft {
        guard let category = PowerCategory(text: form.text("category")) else { throw DomainError.invalid("category", "请选择权力类别") }
        return PowerDraft(
            code: form.text("code"), name: form.text("name"), category: category, unitCode: form.text("unitCode"),
            handlingOffice: form.text("handlingOffice"), bases: try LegalBasis.parseList(form.values["bases"] ?? "", field: "bases"),
            responsibilities: form.values["responsibilities"] ?? "", accountability: form.values["accountability"] ?? "",
            statutoryDays: try days(form, "statutoryDays", "法定时限"), promisedDays: try days(form, "promisedDays", "承诺时限"),
            fees: try PowerFee.parseList(form.values["fees"] ?? "", field: "fees"), supervisionPhone: form.text("supervisionPhone"))
    }

    static func days(_ form: FormData, _ field: String, _ label: String) throws -> Int? {
        let text = form.text(field)
        if text.isEmpty { return nil }
        guard let value = Int(text) else { throw DomainError.invalid(field, "\(label)应为整数个工作日") }
        return value
    }

    /// The steps table. 去向 lists the ways out separated by "；" — each "条件→步骤" or just "步骤";
    /// "结束" ends the flow; left blank it goes on to the next row (the last row ends).
    static func workflow(from form: FormData) throws -> Workflow {
        var rows: [(name: String, post: String, days: Int?, next: String)] = []
        for index in 0..<Workflow.maxSteps + 5 {
            let name = form.text("s\(index)name")
            let post = form.text("s\(index)post")
            let daysText = form.text("s\(index)days")
            let next = form.text("s\(index)next")
            if name.isEmpty {
                guard post.isEmpty && daysText.isEmpty && next.isEmpty else {
                    throw DomainError.invalid("steps", "第 \(index + 1) 行：请填写步骤名称")
                }
                continue
            }
            var days: Int?
            if !daysText.isEmpty {
                guard let value = Int(daysText) else { throw DomainError.invalid("steps", "步骤「\(name)」：时限应为整数个工作日") }
                days = value
            }
            rows.append((name, post, days, next))
        }
        return Workflow(
            steps: rows.enumerated().map { index, row in
                let following = index + 1 < rows.count ? rows[index + 1].name : nil
                return WorkflowStep(name: row.name, post: row.post, days: row.days, next: transitions(row.next, following: following))
            })
    }

    static func transitions(_ text: String, following: String?) -> [WorkflowTransition] {
        if text == "结束" { return [] }
        if text.isEmpty { return following.map { [WorkflowTransition(to: $0)] } ?? [] }
        return text.split(whereSeparator: { $0 == "；" || $0 == ";" || $0 == "\n" }).map { part in
            let piece = part.replacingOccurrences(of: "->", with: "→")
            if let arrow = piece.range(of: "→", options: .backwards) {
                return WorkflowTransition(
                    to: String(piece[arrow.upperBound...]).trimmingCharacters(in: .whitespaces),
                    condition: String(piece[..<arrow.lowerBound]).trimmingCharacters(in: .whitespaces))
            }
            return WorkflowTransition(to: piece.trimmingCharacters(in: .whitespaces))
        }
    }

    /// How a step's ways out are written back into the table.
    static func nextText(_ step: WorkflowStep) -> String {
        step.isEnd ? "结束" : step.next.map { $0.condition.isEmpty ? $0.to : "\($0.condition)→\($0.to)" }.joined(separator: "；")
    }

    static func guide(from form: FormData, keeping old: ServiceGuide?) throws -> ServiceGuide {
        var materials: [GuideMaterial] = []
        for index in 0..<ServiceGuide.maxMaterials + 5 {
            let name = form.text("m\(index)name")
            guard !name.isEmpty else { continue }
            guard let kind = MaterialForm(text: form.text("m\(index)form")) else { throw DomainError.invalid("materials", "材料「\(name)」：请选择材料形式") }
            guard let copies = Int(form.text("m\(index)copies").isEmpty ? "1" : form.text("m\(index)copies")) else {
                throw DomainError.invalid("materials", "材料「\(name)」：份数应为整数")
            }
            materials.append(GuideMaterial(name: name, form: kind, copies: copies, source: form.text("m\(index)source")))
        }
        var questions: [GuideQuestion] = []
        for index in 0..<ServiceGuide.maxQuestions + 3 {
            let question = form.text("q\(index)question")
            let answer = form.values["q\(index)answer"] ?? ""
            if question.isEmpty && answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            questions.append(GuideQuestion(question: question, answer: answer))
        }
        return ServiceGuide(
            conditions: form.values["conditions"] ?? "", materials: materials, location: form.text("location"), hours: form.text("hours"),
            consultationPhone: form.text("consultationPhone"), onlineAddress: form.text("onlineAddress"), questions: questions)
    }
}
