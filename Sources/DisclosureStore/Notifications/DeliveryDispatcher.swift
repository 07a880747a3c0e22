import DisclosureCore
import Foundation
import SQLKit

/// One round of sending (issue 24 §1): claims what is due on the channels the office has set up,
/// prepares each message (attachments read now), sends it, and marks it sent, retried or failed.
/// Any number of instances run rounds at once; the claim keeps each message to one of them.
public struct DeliveryDispatcher: Sendable {
    let database: Database
    let clock: any WallClock
    let files: any FileStore
    /// Names this process in claims, e.g. `host-4711-…`.
    let instance: String
    /// Builds the senders for the settings of this round; tests and `serve` use the real ones.
    let senders: @Sendable (NotificationSettings) throws(DeliveryFailure) -> [DeliveryChannel: any MessageSender]

    public init(
        database: Database, clock: any WallClock, files: any FileStore, instance: String,
        senders: @escaping @Sendable (NotificationSettings) throws(DeliveryFailure) -> [DeliveryChannel: any MessageSender] = Self.realSenders
    ) {
        self.database = database
        self.clock = clock
        self.files = files
        self.instance = instance
        self.senders = senders
    }

    /// This process's name in claims: host, process id and a random part, so two instances on
    /// one machine (or a restarted one) never share a name.
    public static func instanceName() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    /// SMTP when the office set up a mail server, the gateway when it set one up.
    @Sendable public static func realSenders(_ settings: NotificationSettings) throws(DeliveryFailure) -> [DeliveryChannel: any MessageSender] {
        var senders: [DeliveryChannel: any MessageSender] = [:]
        if let mail = settings.mail { senders[.email] = try SMTPSender(settings: mail) }
        if let sms = settings.sms { senders[.sms] = SMSGatewaySender(settings: sms) }
        return senders
    }

    public struct Summary: Equatable, Sendable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
        public var postponed = 0
        /// Claims another instance took over before this one finished (should stay 0).
        public var lost = 0

        /// Adds another round's counts (a caller that runs several rounds).
        public static func += (total: inout Summary, round: Summary) {
            total.sent += round.sent
            total.retrying += round.retrying
            total.failed += round.failed
            total.postponed += round.postponed
            total.lost += round.lost
        }

        /// Messages this round took up, whatever became of them.
        public var attempted: Int { sent + retrying + failed + postponed + lost }

        public init(sent: Int = 0, retrying: Int = 0, failed: Int = 0, postponed: Int = 0, lost: Int = 0) {
            self.sent = sent
            self.retrying = retrying
            self.failed = failed
            self.postponed = postponed
            self.lost = lost
        }
    }

    /// Sends up to `limit` due messages.
    public func runOnce(limit: Int = 20) async throws -> Summary {
        let settings = try await NotificationSettingsStore(database: database, clock: clock).load()
        var summary = Summary()
        let senders: [DeliveryChannel: any MessageSender]
        do {
            senders = try self.senders(settings)
        } catch {
            return summary
        }
        let queue = DeliveryQueue(database.unaudited)
        let claimed = try await queue.claim(
            channels: DeliveryChannel.allCases.filter { senders[$0] != nil }, limit: limit, by: instance, at: clock.now(), dialect: database.dialect)
        for delivery in claimed {
            guard let sender = senders[delivery.message.channel] else { continue }
            let now = clock.now()
            if delivery.message.channel == .sms, delivery.message.purpose.respectsQuietHours, settings.quietHours.contains(now) {
                if try await queue.postpone(delivery.id, by: instance, until: settings.quietHours.release(now)) { summary.postponed += 1 }
                continue
            }
            let outcome: Result<String, DeliveryFailure>
            do {
                outcome = .success(try await sender.send(try await prepare(delivery, settings: settings)))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let answer):
                guard try await queue.markSent(delivery.id, by: instance, answer: answer, at: clock.now()) else {
                    summary.lost += 1
                    continue
                }
                summary.sent += 1
                try await afterSending(delivery)
            case .failure(let error):
                let next: Date? =
                    switch error {
                    case .transient: settings.retries.nextAttempt(afterFailedAttempts: delivery.attempts, failedAt: clock.now())
                    case .permanent: nil
                    }
                guard try await queue.markFailed(delivery.id, by: instance, reason: error.reason, retryAt: next) else {
                    summary.lost += 1
                    continue
                }
                if next == nil { summary.failed += 1 } else { summary.retrying += 1 }
            }
        }
        return summary
    }

    /// The message as its channel sends it: e-mail with its attachments read from the file store.
    func prepare(_ delivery: Delivery, settings: NotificationSettings) async throws(DeliveryFailure) -> PreparedMessage {
        let message = delivery.message
        switch message.channel {
        case .sms:
            return .sms(phone: message.recipient, text: Self.smsText(message), reference: "\(delivery.id)")
        case .email:
            guard let mail = settings.mail else { throw .transient("邮件服务器未设置") }
            var attachments: [MailMessage.Attachment] = []
            do {
                for attachment in message.attachments { attachments.append(try await read(attachment)) }
            } catch let failure as DeliveryFailure {
                throw failure
            } catch {
                throw .transient("附件读取失败：\(error)")
            }
            let unitName = (try? await UnitRepository(database.sql).find(message.unitCode))?.name ?? ""
            let domain = mail.fromAddress.split(separator: "@").last.map(String.init) ?? "localhost"
            return .email(
                MailMessage(
                    fromAddress: mail.fromAddress, fromName: Self.senderName(purpose: message.purpose, unitName: unitName, county: mail.fromName),
                    to: message.recipient, subject: message.subject, text: message.body, attachments: attachments,
                    messageID: "delivery-\(delivery.id).\(Int(delivery.createdAt.timeIntervalSince1970))@\(domain)", date: clock.now(),
                    extraHeaders: message.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }))
        }
    }

    /// Letters and answers go out in the unit's name; reminders and digests in the county's.
    static func senderName(purpose: DeliveryPurpose, unitName: String, county: String) -> String {
        switch purpose {
        case .applicantLetter, .answer: unitName.isEmpty ? county : unitName
        case .staffReminder, .subscription, .test: county
        }
    }

    /// An SMS carries the subject and as much of the text as fits 3 messages (≤ 200 characters).
    static func smsText(_ message: OutgoingDelivery) -> String {
        let text = "【\(message.subject)】\(message.body)"
        return text.count <= 200 ? text : String(text.prefix(199)) + "…"
    }

    func read(_ attachment: DeliveryAttachment) async throws -> MailMessage.Attachment {
        switch attachment {
        case .letter(let id):
            guard let letter = try await LetterRepository(database.sql).find(id) else { throw DeliveryFailure.permanent("告知书 \(id) 不存在") }
            let unitName = try await UnitRepository(database.sql).find(letter.unitCode)?.name ?? letter.unitCode
            return MailMessage.Attachment(
                fileName: LetterDocument.fileName(letter, unitName: unitName),
                contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                data: try LetterDocument.docx(letter, unitName: unitName))
        case .requestFile(let id):
            guard let file = try await RequestFileRepository(database.sql).find(id), let bytes = try files.get(file.sha256) else {
                throw DeliveryFailure.permanent("答复文件 \(id) 已不存在")
            }
            return MailMessage.Attachment(fileName: file.fileName, contentType: file.mediaType, data: Data(bytes))
        }
    }

    /// A letter e-mailed to an applicant who chose 电子邮件 is served that day: the case records
    /// 电子送达 with the date (国办公开办函〔2016〕235号, statutes §1.4), which starts the windows
    /// that run from service.
    func afterSending(_ delivery: Delivery) async throws {
        guard delivery.message.purpose == .applicantLetter, let letterID = delivery.message.letterID else { return }
        try await RequestService(database: database, clock: clock).recordElectronicService(letter: letterID, deliveryID: delivery.id)
    }
}
