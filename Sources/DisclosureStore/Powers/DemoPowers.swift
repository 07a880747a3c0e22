import DisclosureCore
import Foundation

/// About forty powers of the demo county's units (issue 6 §7), each with its flow; the service
/// powers have 办事指南 (most published, one draft still missing elements), one power was cleared
/// (取消) and stays listed with its history, and the 2025 and 2026 figures feed table 二.
enum DemoPowers {
    typealias Row = (unit: String, code: String, category: PowerCategory, name: String, basis: String, statutory: Int?, promised: Int?, fee: String)

    static let rows: [Row] = [
        ("CZJ", "CZJ-XK-001", .license, "代理记账机构设立审批", "《中华人民共和国会计法》第三十六条；《代理记账管理办法》第三条", 20, 10, PowerFee.freeText),
        ("CZJ", "CZJ-CF-001", .penalty, "对政府采购当事人违法行为的处罚", "《中华人民共和国政府采购法》第七十一条", 90, nil, PowerFee.freeText),
        ("CZJ", "CZJ-CF-002", .penalty, "对违反会计法行为的处罚", "《中华人民共和国会计法》第四十二条", 90, nil, PowerFee.freeText),
        ("CZJ", "CZJ-JC-001", .inspection, "会计信息质量监督检查", "《中华人民共和国会计法》第三十二条", nil, nil, PowerFee.freeText),
        ("CZJ", "CZJ-CJ-001", .adjudication, "政府采购投诉处理", "《中华人民共和国政府采购法》第五十六条；《政府采购质疑和投诉办法》第二十一条", 30, 20, PowerFee.freeText),
        ("CZJ", "CZJ-QR-001", .confirmation, "会计人员继续教育学时确认", "《会计专业技术人员继续教育规定》第二十一条", 20, 5, PowerFee.freeText),
        ("JYJ", "JYJ-XK-001", .license, "实施学历教育的民办学校设立审批", "《中华人民共和国民办教育促进法》第十二条", 60, 30, PowerFee.freeText),
        ("JYJ", "JYJ-XK-002", .license, "校外培训机构设立审批", "《中华人民共和国民办教育促进法》第十二条；《校外培训行政处罚暂行办法》第三条", 30, 20, PowerFee.freeText),
        ("JYJ", "JYJ-QR-001", .confirmation, "中小学教师资格认定", "《教师资格条例》第十三条", 30, 20, PowerFee.freeText),
        ("JYJ", "JYJ-JF-001", .benefit, "家庭经济困难学生资助发放", "《学生资助资金管理办法》第五条", 30, 20, PowerFee.freeText),
        ("JYJ", "JYJ-CF-001", .penalty, "对擅自举办民办学校的处罚", "《中华人民共和国民办教育促进法》第六十四条", 90, nil, PowerFee.freeText),
        ("MZJ", "MZJ-XK-001", .license, "社会团体成立登记", "《社会团体登记管理条例》第三条", 60, 30, PowerFee.freeText),
        ("MZJ", "MZJ-JF-001", .benefit, "最低生活保障金给付", "《社会救助暂行办法》第九条；第十一条", 30, 20, PowerFee.freeText),
        ("MZJ", "MZJ-JF-002", .benefit, "特困人员救助供养", "《社会救助暂行办法》第十四条", 20, 15, PowerFee.freeText),
        ("MZJ", "MZJ-QR-001", .confirmation, "内地居民婚姻登记", "《婚姻登记条例》第四条", 1, 1, PowerFee.freeText),
        ("MZJ", "MZJ-CF-001", .penalty, "对违反殡葬管理规定的处罚", "《殡葬管理条例》第二十条", 90, nil, PowerFee.freeText),
        ("ZJJ", "ZJJ-XK-001", .license, "建筑工程施工许可证核发", "《中华人民共和国建筑法》第七条", 7, 5, PowerFee.freeText),
        ("ZJJ", "ZJJ-XK-002", .license, "商品房预售许可", "《中华人民共和国城市房地产管理法》第四十五条", 20, 10, PowerFee.freeText),
        ("ZJJ", "ZJJ-XK-003", .license, "燃气经营许可证核发", "《城镇燃气管理条例》第十五条", 20, 15, PowerFee.freeText),
        ("ZJJ", "ZJJ-CF-001", .penalty, "对施工单位违反工程质量管理规定的处罚", "《建设工程质量管理条例》第六十四条", 90, nil, PowerFee.freeText),
        ("ZJJ", "ZJJ-QZ-001", .enforcement, "查封违法施工现场", "《建设工程安全生产管理条例》第六十五条", 30, nil, PowerFee.freeText),
        ("SJJ", "SJJ-XK-001", .license, "食品经营许可", "《中华人民共和国食品安全法》第三十五条", 20, 10, PowerFee.freeText),
        ("SJJ", "SJJ-XK-002", .license, "营业执照核发", "《中华人民共和国市场主体登记管理条例》第三条", 3, 1, PowerFee.freeText),
        ("SJJ", "SJJ-CF-001", .penalty, "对经营不符合食品安全标准食品的处罚", "《中华人民共和国食品安全法》第一百二十四条", 90, nil, PowerFee.freeText),
        ("SJJ", "SJJ-QZ-001", .enforcement, "查封、扣押不符合食品安全标准的食品", "《中华人民共和国食品安全法》第一百一十条", 30, nil, PowerFee.freeText),
        ("SJJ", "SJJ-JC-001", .inspection, "食品生产经营日常监督检查", "《中华人民共和国食品安全法》第一百一十条", nil, nil, PowerFee.freeText),
        ("WJJ", "WJJ-XK-001", .license, "医疗机构执业登记", "《医疗机构管理条例》第十五条", 45, 20, PowerFee.freeText),
        ("WJJ", "WJJ-XK-002", .license, "公共场所卫生许可", "《公共场所卫生管理条例》第八条", 20, 10, PowerFee.freeText),
        ("WJJ", "WJJ-JL-001", .reward, "农村部分计划生育家庭奖励扶助", "《中华人民共和国人口与计划生育法》第二十七条", 30, 20, PowerFee.freeText),
        ("WJJ", "WJJ-CF-001", .penalty, "对非法行医的处罚", "《中华人民共和国基本医疗卫生与健康促进法》第九十九条", 90, nil, PowerFee.freeText),
        ("RSJ", "RSJ-XK-001", .license, "劳务派遣经营许可", "《中华人民共和国劳动合同法》第五十七条", 20, 10, PowerFee.freeText),
        ("RSJ", "RSJ-JF-001", .benefit, "失业保险金给付", "《失业保险条例》第十四条", 10, 5, PowerFee.freeText),
        ("RSJ", "RSJ-CF-001", .penalty, "对用人单位违反劳动保障法律的处罚", "《劳动保障监察条例》第二十六条", 60, nil, PowerFee.freeText),
        ("RSJ", "RSJ-CJ-001", .adjudication, "劳动人事争议仲裁", "《中华人民共和国劳动争议调解仲裁法》第四十三条", 45, 45, PowerFee.freeText),
        ("ZRJ", "ZRJ-XK-001", .license, "建设用地规划许可证核发", "《中华人民共和国城乡规划法》第三十七条", 20, 10, PowerFee.freeText),
        ("ZRJ", "ZRJ-XK-002", .license, "乡村建设规划许可证核发", "《中华人民共和国城乡规划法》第四十一条", 20, 10, PowerFee.freeText),
        ("ZRJ", "ZRJ-CF-001", .penalty, "对非法占用土地的处罚", "《中华人民共和国土地管理法》第七十七条", 90, nil, PowerFee.freeText),
        ("ZRJ", "ZRJ-ZS-001", .levy, "土地复垦费征收", "《土地复垦条例》第十八条", nil, nil, "土地复垦费｜按复垦方案确定的复垦费用核定｜《土地复垦条例》第十八条"),
        ("SLJ", "SLJ-XK-001", .license, "取水许可", "《取水许可和水资源费征收管理条例》第三条", 45, 20, PowerFee.freeText),
        ("SLJ", "SLJ-ZS-001", .levy, "水资源税（费）征收", "《中华人民共和国水法》第四十八条", nil, nil, "水资源费｜地表水 0.1 元/立方米，地下水 0.2 元/立方米｜省物价局、财政厅核定标准"),
        ("CGZ", "CGZ-XK-001", .license, "农村村民宅基地审批", "《中华人民共和国土地管理法》第六十二条", 20, 15, PowerFee.freeText),
        ("CZJ", "CZJ-XK-009", .license, "会计从业资格证书核发", "《中华人民共和国会计法》（2017 年修正前）第三十八条", 20, 10, PowerFee.freeText),
    ]

    static func load(into database: Database, clock: any WallClock) async throws {
        let accounts = try await StaffAccountRepository(database.sql).all()
        guard let office = accounts.first(where: { $0.username == "office" })?.identity else { return }
        let units = Set(try await UnitRepository(database.sql).tree().units.keys)
        let created = PowerService(database: database, clock: ShiftedClock(base: clock, days: -400))
        let later = PowerService(database: database, clock: ShiftedClock(base: clock, days: -30))
        var ids: [String: Int] = [:]
        for row in rows where units.contains(row.unit) {
            let handling = row.category.isService ? "行政审批股" : "执法股"
            let draft = PowerDraft(
                code: row.code, name: row.name, category: row.category, unitCode: row.unit, handlingOffice: handling,
                bases: try LegalBasis.parseList(row.basis, field: "bases"),
                responsibilities:
                    "1. 受理责任：公示依法应当提交的材料，一次性告知补正材料。\n2. 审查责任：对申请材料进行审查，提出处理意见。\n3. 决定责任：作出决定，不予办理的说明理由。\n4. 送达责任：按规定送达并信息公开。\n5. 事后监管责任：加强监督检查。",
                accountability: "因不履行或不正确履行行政职责，有下列情形之一的，依法追究相应责任：1. 对符合条件的申请不予受理、不予办理的；2. 未在法定期限内作出决定的；3. 违法收取费用的；4. 徇私舞弊、玩忽职守的。",
                statutoryDays: row.statutory, promisedDays: row.promised, fees: try PowerFee.parseList(row.fee, field: "fees"),
                supervisionPhone: "0000-1234567")
            let id = try await created.create(draft, by: office)
            ids[row.code] = id
            try await created.setWorkflow(
                id, DemoPowerFlows.flow(for: row.category, days: row.promised ?? row.statutory ?? 20), reason: "编制办理流程图", by: office)
            if row.category.isService {
                try await created.saveGuide(id, guide(for: row, complete: row.code != "JYJ-XK-002"), reason: "编制办事指南", by: office)
                if row.code != "JYJ-XK-002" && row.code != "CZJ-XK-009" { try await created.publishGuide(id, by: office) }
            }
            for (year, share) in [(2025, 1.0), (2026, 0.8)] where [.license, .penalty, .enforcement, .levy].contains(row.category) {
                let decisions = Int(Double(row.code.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 40 + 5) * share)
                let fee = row.category == .levy ? decisions * 1_234_567 : 0
                try await later.setCount(id, year: year, decisions: decisions, feeFen: fee, by: office)
            }
        }
        if let cleared = ids["CZJ-XK-009"] {
            try await later.setStatus(cleared, to: .cancelled, reason: "会计法修正取消会计从业资格认定，按县政府权责清单动态调整通知取消", by: office)
        }
        if let suspended = ids["MZJ-CF-001"] {
            try await later.setStatus(suspended, to: .suspended, reason: "殡葬管理条例修订期间暂停实施，待新规定出台后调整", by: office)
        }
    }

    static func guide(for row: Row, complete: Bool) -> ServiceGuide {
        ServiceGuide(
            conditions: "1. 申请人具有完全民事行为能力或为依法设立的组织；\n2. 符合\(row.basis.components(separatedBy: "；")[0])规定的条件；\n3. 申请材料真实、完整、有效。",
            materials: [
                GuideMaterial(name: "申请书（表）", form: .original, copies: 1, source: "申请人填写（可在窗口领取或网上下载）"),
                GuideMaterial(name: "申请人身份证明", form: .both, copies: 1, source: "公安机关或登记机关"),
                GuideMaterial(name: "相关证明材料", form: .copy, copies: 1, source: "申请人自备"),
            ],
            location: complete ? "示范县政务服务中心一楼综合受理窗口（示范县人民路 1 号）" : "",
            hours: complete ? "工作日 上午 9:00–12:00，下午 13:30–17:00（法定节假日除外）" : "",
            consultationPhone: "0000-7654321",
            questions: [GuideQuestion(question: "可以委托他人办理吗？", answer: "可以。受托人须提交授权委托书和本人身份证件。")])
    }
}
