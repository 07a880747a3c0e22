/// Collects a form's problems, at most one per field, in the order they were found, so a page can
/// show them all at once beside their fields (GB/T 37668: errors identified and described).
public struct FieldProblems: Sendable {
    public private(set) var all: [DomainError] = []

    public init() {}

    public var isEmpty: Bool { all.isEmpty }

    /// Records `message` for `field` unless `condition` holds or the field already has a problem.
    public mutating func require(_ condition: Bool, _ field: String, _ message: String) {
        guard !condition else { return }
        add(DomainError.invalid(field, message))
    }

    /// Runs a check that throws a field's DomainError; records it and returns nil when it fails.
    public mutating func checking<T>(_ check: () throws -> T) -> T? {
        do {
            return try check()
        } catch let error as DomainError {
            add(error)
            return nil
        } catch {
            add(DomainError(.invalid, "输入有误，请检查后重新提交"))
            return nil
        }
    }

    public mutating func add(_ problem: DomainError) {
        guard problem.field == nil || !all.contains(where: { $0.field == problem.field }) else { return }
        all.append(problem)
    }

    /// Field → message, for templates that show each beside its field.
    public var byField: [String: String] {
        Dictionary(all.compactMap { problem in problem.field.map { ($0, problem.message) } }, uniquingKeysWith: { first, _ in first })
    }
}
