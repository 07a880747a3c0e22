import Foundation
import Mustache

/// Loads the Mustache templates shipped in `Resources/templates`, named by sub-path (`Portal/home`).
enum Templates {
    static func load() async throws -> MustacheLibrary {
        guard let path = Bundle.module.resourcePath.map({ $0 + "/templates" }) else {
            fatalError("templates folder missing from the DisclosureWeb bundle")
        }
        return try await MustacheLibrary(directory: path)
    }
}
