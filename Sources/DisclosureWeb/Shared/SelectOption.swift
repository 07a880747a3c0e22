/// One `<option>` of a `<select>` in a form.
struct SelectOption: Sendable {
    let value: String
    let label: String
    let selected: Bool
}
