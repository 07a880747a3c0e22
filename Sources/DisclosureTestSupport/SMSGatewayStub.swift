import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// Our stand-in for a carrier's SMS gateway (issue 24): a real HTTP server on loopback that keeps
/// each POST it receives and answers with the statuses a test lines up (then 200 with
/// `{"Code":"OK"}`), the shape the vendors' gateways use.
public final class SMSGatewayStub: Sendable {
    public struct Received: Sendable {
        public let headers: [String: String]
        public let body: Data

        public var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    private let state = NIOLockedValueBox<(received: [Received], answers: [(Int, String)], port: Int?)>(([], [], nil))
    private let task = NIOLockedValueBox<Task<Void, any Error>?>(nil)

    public init() {}

    public var received: [Received] { state.withLockedValue { $0.received } }

    /// The URL to configure as the gateway.
    public var url: String { "http://127.0.0.1:\(state.withLockedValue { $0.port } ?? 0)/sms/send" }

    /// The next answers, in order, before the default success.
    public func answer(_ answers: [(status: Int, body: String)]) {
        state.withLockedValue { $0.answers += answers.map { ($0.status, $0.body) } }
    }

    public func start() async throws {
        let router = Router()
        router.post("/sms/send") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let (status, text) = self.state.withLockedValue { state -> (Int, String) in
                state.received.append(Received(headers: headers, body: Data(buffer: body)))
                return state.answers.isEmpty ? (200, #"{"Code":"OK","Message":"OK"}"#) : state.answers.removeFirst()
            }
            return Response(status: .init(code: status), body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in self.state.withLockedValue { $0.port = channel.localAddress?.port } })
        task.withLockedValue { $0 = Task { try await app.runService(gracefulShutdownSignals: []) } }
        for _ in 0..<200 where state.withLockedValue({ $0.port }) == nil { try await Task.sleep(for: .milliseconds(10)) }
    }

    public func stop() {
        task.withLockedValue { $0?.cancel() }
    }
}
