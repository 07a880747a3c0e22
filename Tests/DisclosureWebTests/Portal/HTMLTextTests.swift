import Mustache
import Testing

@testable import DisclosureWeb

/// The search page's body is written in code (issue 20); its escaping must be Mustache's exactly,
/// or a query could put markup on the page.
@Suite("HTML text escaping: the same as Mustache's {{…}}")
struct HTMLTextTests {
    @Test("random texts of Chinese, ASCII and the five special characters escape as Mustache escapes them")
    func sameAsMustache() throws {
        let template = try MustacheTemplate(string: "{{x}}")
        let alphabet: [Character] = Array("<>&\"'政府信息公开 abc123\n\t=/〔〕") + ["\u{1F600}", "e\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<200 {
            let text = String((0..<length % 40).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(HTMLText.escape(text) == template.render(["x": text]), "\(text)")
        }
        #expect(HTMLText.escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTMLText.escape("政务公开") == "政务公开")
    }
}
