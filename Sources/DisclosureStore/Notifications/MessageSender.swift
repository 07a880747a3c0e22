import DisclosureCore
import Foundation

/// A message ready for its channel: the e-mail as MIME, or the SMS text and number.
public enum PreparedMessage: Sendable {
    case email(MailMessage)
    case sms(phone: String, text: String, reference: String)
}

/// Why a send did not succeed, as the office reads it. A passing failure is tried again on the
/// retry schedule; a permanent one (an address the server refuses, a gateway's 4xx) is not.
public enum DeliveryFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case transient(String)
    case permanent(String)

    public var reason: String {
        switch self {
        case .transient(let reason), .permanent(let reason): reason
        }
    }

    public var description: String { reason }
}

/// The seam between the queue and the outside world (DESIGN §2: a protocol where a real seam
/// needs it). `SMTPSender` and `SMSGatewaySender` are the real ones; the answer is the server's
/// or gateway's words on success, kept with the message.
public protocol MessageSender: Sendable {
    func send(_ message: PreparedMessage) async throws(DeliveryFailure) -> String
}
