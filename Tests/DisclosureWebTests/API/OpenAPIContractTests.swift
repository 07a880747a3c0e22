import Foundation
import Testing

/// The contract check itself must be able to fail: each kind of drift is caught on a real schema.
@Suite("OpenAPI contract check")
struct OpenAPIContractTests {
    let contract = OpenAPIContract.shared
    let unit = #"{"code":"CZJ","name":"示范县财政局","kind":"county_department","kindLabel":"县直部门","parentCode":"XZF","active":true}"#

    @Test("a response that follows the schema passes")
    func follows() {
        #expect(contract.problems(method: "GET", uri: "/api/v1/units/CZJ", status: 200, contentType: "application/json", body: unit).isEmpty)
    }

    @Test(
        "drift is caught: an undeclared field, a missing required field, a wrong type, an undocumented status",
        arguments: [
            (
                #"{"code":"CZJ","name":"示范县财政局","kind":"county_department","kindLabel":"县直部门","parentCode":"XZF","active":true,"extra":1}"#, 200,
                "$.extra 未在文档中声明"
            ),
            (#"{"code":"CZJ","kind":"county_department","kindLabel":"县直部门","parentCode":"XZF","active":true}"#, 200, "$.name 是必需字段，响应中没有"),
            (
                #"{"code":"CZJ","name":"示范县财政局","kind":"county_department","kindLabel":"县直部门","parentCode":"XZF","active":"yes"}"#, 200,
                "$.active 应为 boolean"
            ),
            (#"{}"#, 418, "状态码未在 openapi.json 中说明"),
        ])
    func drift(body: String, status: Int, expected: String) {
        let problems = contract.problems(method: "GET", uri: "/api/v1/units/CZJ", status: status, contentType: "application/json", body: body)
        #expect(problems.contains { $0.contains(expected) }, "\(problems)")
    }

    @Test("literal path segments win over parameters")
    func templates() {
        #expect(contract.template(for: "/powers/figures") == "/powers/figures")
        #expect(contract.template(for: "/powers/12") == "/powers/{id}")
    }
}
