extension RequestOutcome {
    /// The decision as the 答复告知书 states it to the applicant: plain words with the reason the
    /// 条例 gives (statutes §1.3), never the annual report's row label or its counting note
    /// (issue 22: a letter read 「（二）部分公开——（二）部分公开（区分处理的，只计这一情形……）」).
    public var decision: String {
        switch self {
        case .disclosed:
            "您申请获取的政府信息，本机关予以公开"
        case .partlyDisclosed:
            // 第三十七条: the disclosable part is supplied, the reasons for the rest are given.
            "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。本机关向您提供可以公开的部分，对不予公开的部分说明理由如下"
        case .withheldStateSecret:
            "您申请获取的政府信息属于国家秘密，依法不予公开"
        case .withheldProhibitedByLaw:
            "您申请获取的政府信息属于法律、行政法规禁止公开的信息，依法不予公开"
        case .withheldSecurityStability:
            "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开"
        case .withheldThirdParty:
            "您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，依法不予公开"
        case .withheldInternalAffairs:
            "您申请获取的信息属于行政机关的人事管理、后勤管理、内部工作流程等内部事务信息，本机关不予公开"
        case .withheldProcess:
            "您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关不予公开"
        case .withheldEnforcementFile:
            "您申请获取的信息属于行政执法案卷信息，本机关不予公开"
        case .withheldQueryMatter:
            // 第三十六条第（七）项: the applicant is told to follow the special law instead.
            "您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的信息，请依照有关法律、行政法规的规定办理"
        case .notHeld:
            // 第三十六条第（四）项、第（五）项.
            "经检索，本机关没有制作或者获取您申请获取的政府信息"
        case .wouldNeedCreation:
            // 第三十八条.
            "您申请获取的信息需要本机关对现有政府信息进行加工、分析后才能形成，本机关不予提供"
        case .stillUnclear:
            "您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供"
        case .petitionNotApplication:
            // 第三十九条第一款.
            "您提出的是信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出"
        case .repeated:
            // 第三十六条第（六）项.
            "您重复申请公开本机关已经答复过的相同政府信息，本机关不予重复处理"
        case .publication:
            // 第三十九条第二款.
            "您要求提供的是政府公报、报刊、书籍等公开出版物，本机关告知您获取的途径，不作为政府信息公开申请处理"
        case .unreasonableVolume:
            // 第三十五条.
            "您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理"
        case .confirmOrReissue:
            "您要求本机关确认或者重新出具您已经获取的信息，不属于政府信息公开申请，本机关不作为政府信息公开申请处理"
        case .correctionNotMade:
            // 第三十条.
            "您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请"
        case .feeNotPaid:
            "您逾期未按收费通知的要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请"
        case .otherHandling:
            "本机关对您的申请作如下处理"
        }
    }
}
