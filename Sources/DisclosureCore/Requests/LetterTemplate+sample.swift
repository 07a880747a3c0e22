extension LetterTemplate {
    /// A sample case's values, so a template is read as an applicant would read it before the
    /// office saves it (issue 22). Every field has a value; a reply uses `outcome`.
    public static func sampleValues(outcome: RequestOutcome = .disclosed) -> [String: String] {
        [
            "单位": "示范县财政局", "文书编号": "示范县财政局依申请公开告〔2026〕1号", "日期": "2026年11月20日", "申请人": "张三",
            "受理编号": "YSQ2026000001", "收到日期": "2026年11月2日", "收到方式": RequestChannel.online.receiptRule,
            "申请内容": "2026年城乡低保资金发放明细", "答复期限": "2026年11月30日", "补正事项": "请写明所需信息的时间范围",
            "补正期限": "2026年11月16日", "延期天数": "20", "延期理由": "需要调取档案并逐页审查", "征询对象": "示范县民政局",
            "征询期限": "2026年11月27日", "收费金额": "100", "收费明细": "超出部分 200 页，每页 0.5 元", "缴费期限": "2026年11月30日",
            "答复类型": outcome.decision, "法律依据": outcome.basis, "答复内容": "（答复内容）", "复议机关": "示范县人民政府",
            "诉讼法院": Remedy.anyCourt,
        ]
    }

    /// What a template reads like for the sample case, or the first problem a citizen would meet:
    /// a reply that does not tell the applicant where to turn (行政复议, 行政诉讼), or wording of the
    /// annual report's table (its row labels and counting notes) in a legal letter.
    public static func checkRendersSample(_ template: LetterTemplate, key: String) throws {
        let outcome = key.hasPrefix("reply.") ? RequestOutcome(rawValue: String(key.dropFirst("reply.".count))) ?? .disclosed : .disclosed
        let text = template.render(sampleValues(outcome: outcome))
        for note in ["只计这一情形", "不计其他情形", "区分处理的，", "（本列数据"] where text.contains(note) {
            throw DomainError.invalid("text", "模板中含有年度报告的统计说明「\(note)」，告知书不应出现；请用平实的语言写明答复结果")
        }
        if key == "reply" || key.hasPrefix("reply.") {
            guard text.contains("行政复议"), text.contains("行政诉讼") else {
                throw DomainError.invalid("text", "答复告知书须写明救济途径：申请行政复议和提起行政诉讼的机关与期限（可用 {{复议机关}}、{{诉讼法院}}）")
            }
        }
    }
}
