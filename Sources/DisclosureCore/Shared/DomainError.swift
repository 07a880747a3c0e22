/// A rule violation in the domain, with a message in Chinese that names the field.
///
/// The web layer turns it into HTTP 400/409 problem+json and the CLI into one line and exit 1;
/// neither ever shows anything but `message`.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input is malformed or breaks a rule (HTTP 400/422).
        case invalid
        /// The input conflicts with existing records, e.g. a duplicate code (HTTP 409).
        case conflict
        /// The thing named does not exist (HTTP 404).
        case notFound
        /// The actor may not do this (HTTP 403).
        case forbidden
    }

    public let kind: Kind
    /// The field the message is about, when there is one (e.g. `username`).
    public let field: String?
    public let message: String

    public init(_ kind: Kind = .invalid, field: String? = nil, _ message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }

    public var description: String { message }

    public static func invalid(_ field: String, _ message: String) -> DomainError {
        DomainError(.invalid, field: field, message)
    }
}
