import DisclosureStore
import Hummingbird
import Metrics
import Prometheus

/// Liveness and metrics for operators.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/healthz` | anyone — 200 when the database answers, 503 otherwise |
/// | GET | `/metrics` | anyone on the network the operator exposes it to — Prometheus text |
struct HealthController {
    let health: DatabaseHealth

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ -> Response in
            do {
                try await health.check()
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
            } catch {
                return Response(
                    status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "database unreachable\n")))
            }
        }
        router.get("/metrics") { _, _ -> Response in
            let text = AppMetrics.registry.emitToString()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}

/// The process-wide Prometheus registry; swift-metrics is bootstrapped once, on first use.
enum AppMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Hummingbird's labels contain dots, which Prometheus names may not.
        factory.nameAndLabelSanitizer = { name, labels in
            (sanitize(name), labels.map { (sanitize($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    static func sanitize(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
    }
}
