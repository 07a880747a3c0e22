import Foundation

/// The two schemes the platform ships (issue 7 §1), in the exchange format so that an office can
/// export one, edit it and import its own version.
public enum ShippedSchemes {
    /// Modelled on the seed documents' three parts (seeds/000: 组织领导、公开情况、监督检查, with the
    /// deductions that summary applied: 会议不少于 6 次每少 1 次扣 1 分, 半年总结未按时扣 2 分,
    /// 纪委检查不少于 4 次…), plus the platform's own metrics for 公开情况.
    public static let seedStyle = """
        {
          "name": "政务公开工作量化考核指标体系（乡镇、县直单位）",
          "total": 100,
          "bonusCap": 5,
          "grades": [{"name": "优秀", "min": 90}, {"name": "良好", "min": 80}, {"name": "合格", "min": 60}, {"name": "不合格", "min": 0}],
          "indicators": [
            {"id": "1", "name": "组织领导", "points": 30, "children": [
              {"id": "1.1", "name": "领导小组及其办公室会议", "points": 6, "note": "全年不少于 6 次", "rule": {"type": "shortfall", "required": 6, "deduct": 1, "metric": "meetings.leadership"}},
              {"id": "1.2", "name": "半年工作总结按时报送", "points": 2, "rule": {"type": "boolean", "deduct": 2, "metric": "reports.halfYearSummary"}},
              {"id": "1.3", "name": "半年自查情况报告", "points": 2, "rule": {"type": "boolean", "deduct": 2, "metric": "reports.selfInspection"}},
              {"id": "1.4", "name": "统计报表按要求报送", "points": 2, "rule": {"type": "boolean", "deduct": 2, "metric": "reports.statisticalReturn"}},
              {"id": "1.5", "name": "文书档案规范", "points": 2, "note": "不规范扣 1 分", "rule": {"type": "boolean", "deduct": 1}},
              {"id": "1.6", "name": "机构健全、制度完善、专人负责", "points": 8, "rule": {"type": "manual"}},
              {"id": "1.7", "name": "业务培训", "points": 4, "note": "全年不少于 2 次", "rule": {"type": "shortfall", "required": 2, "deduct": 2, "metric": "trainings"}},
              {"id": "1.8", "name": "年度工作要点任务落实", "points": 4, "rule": {"type": "manual"}}
            ]},
            {"id": "2", "name": "公开情况", "points": 50, "children": [
              {"id": "2.1", "name": "主动公开及时率", "points": 12, "note": "信息形成或变更之日起 20 个工作日内公开（条例第二十六条）", "rule": {"type": "rate", "steps": [{"min": 0.95, "share": 1}, {"min": 0.9, "share": 0.8}, {"min": 0.8, "share": 0.5}], "metric": "publication.timeliness"}},
              {"id": "2.2", "name": "公开内容全面规范（目录、栏目、公开栏）", "points": 10, "rule": {"type": "manual"}},
              {"id": "2.3", "name": "依申请公开按期答复", "points": 8, "note": "超期答复每件扣 6 分", "rule": {"type": "incident", "deduct": 6, "metric": "requests.late"}},
              {"id": "2.4", "name": "复议、诉讼未被纠错", "points": 4, "note": "被纠错每件扣 3 分", "rule": {"type": "incident", "deduct": 3, "metric": "appeals.corrected"}},
              {"id": "2.5", "name": "年度报告按时报送", "points": 3, "rule": {"type": "boolean", "deduct": 3, "metric": "annualReport.filedOnTime"}},
              {"id": "2.6", "name": "年度报告按时公开", "points": 3, "rule": {"type": "boolean", "deduct": 3, "metric": "annualReport.publishedOnTime"}},
              {"id": "2.7", "name": "行政权力公开（清单、流程图、办事指南）", "points": 6, "rule": {"type": "manual"}},
              {"id": "2.8", "name": "政府开放日活动", "points": 4, "rule": {"type": "shortfall", "required": 1, "deduct": 4, "metric": "openDays"}}
            ]},
            {"id": "3", "name": "监督检查", "points": 20, "children": [
              {"id": "3.1", "name": "纪委监督检查", "points": 2, "note": "不少于 4 次/年", "rule": {"type": "shortfall", "required": 4, "deduct": 1, "metric": "inspections.discipline"}},
              {"id": "3.2", "name": "评议小组评议活动和工作建议", "points": 3, "rule": {"type": "boolean", "deduct": 3}},
              {"id": "3.3", "name": "针对问题制定整改方案或措施", "points": 2, "rule": {"type": "boolean", "deduct": 2}},
              {"id": "3.4", "name": "投诉举报按期办理", "points": 4, "note": "处理不及时每起扣 2 分", "rule": {"type": "incident", "deduct": 2, "metric": "complaints.overdue"}},
              {"id": "3.5", "name": "网民留言按时答复", "points": 3, "note": "超过 3 个月未答复每条扣 1 分", "rule": {"type": "incident", "deduct": 1, "metric": "messages.unanswered"}},
              {"id": "3.6", "name": "网站监测问题", "points": 4, "rule": {"type": "incident", "deduct": 1, "metric": "monitoring.findings"}},
              {"id": "3.7", "name": "群众满意度（座谈、访谈）", "points": 2, "rule": {"type": "manual"}}
            ]},
            {"id": "4", "name": "加分和否决", "points": 0, "children": [
              {"id": "4.1", "name": "工作亮点", "points": 0, "rule": {"type": "bonus", "cap": 3}},
              {"id": "4.2", "name": "经验做法被上级推广", "points": 0, "rule": {"type": "bonus", "cap": 2}},
              {"id": "4.3", "name": "泄露国家秘密或个人隐私", "points": 0, "rule": {"type": "veto"}},
              {"id": "4.4", "name": "政府网站单项否决", "points": 0, "rule": {"type": "veto", "metric": "monitoring.veto"}}
            ]}
          ]
        }
        """

    /// Modelled on statutes §8's county samples: 玉环's 机制建设, 金东's 主动公开 deductions, 鲤城's
    /// 依申请公开 and 年报 deductions and 保密 items; grades by the 90/70/60 lines of the 州-level
    /// sample, graded on the rounded score; at most 30 % 优秀.
    public static let countySample = """
        {
          "name": "县级政务公开考核指标体系（参照鲤城、金东、玉环样本）",
          "total": 100,
          "bonusCap": 5,
          "grades": [{"name": "优秀", "min": 90}, {"name": "良好", "min": 70}, {"name": "合格", "min": 60}, {"name": "不合格", "min": 0}],
          "gradeBy": "rounded",
          "topGradeShare": 0.3,
          "indicators": [
            {"id": "1", "name": "机制建设", "points": 20, "children": [
              {"id": "1.1", "name": "组织领导", "points": 4, "rule": {"type": "shortfall", "required": 4, "deduct": 1, "metric": "meetings.leadership"}},
              {"id": "1.2", "name": "年报制度", "points": 4, "rule": {"type": "manual"}},
              {"id": "1.3", "name": "发布审核和保密审查", "points": 4, "rule": {"type": "manual"}},
              {"id": "1.4", "name": "依申请案件登记备案", "points": 4, "note": "未登记每件扣 4 分", "rule": {"type": "incident", "deduct": 4}},
              {"id": "1.5", "name": "重点工作推进", "points": 4, "rule": {"type": "manual"}}
            ]},
            {"id": "2", "name": "主动公开", "points": 40, "children": [
              {"id": "2.1", "name": "20 个工作日内公开", "points": 15, "rule": {"type": "rate", "steps": [{"min": 0.98, "share": 1}, {"min": 0.95, "share": 0.9}, {"min": 0.9, "share": 0.7}, {"min": 0.8, "share": 0.4}], "metric": "publication.timeliness"}},
              {"id": "2.2", "name": "工作要点任务完成", "points": 10, "note": "未完成每项扣 5 分", "rule": {"type": "incident", "deduct": 5}},
              {"id": "2.3", "name": "内容和格式差错", "points": 5, "note": "每处扣 1 分", "rule": {"type": "incident", "deduct": 1}},
              {"id": "2.4", "name": "行政规范性文件同步解读", "points": 6, "note": "未同步解读或要素错误每件扣 4 分", "rule": {"type": "incident", "deduct": 4}},
              {"id": "2.5", "name": "目录和栏目更新", "points": 4, "rule": {"type": "incident", "deduct": 1, "metric": "monitoring.findings"}}
            ]},
            {"id": "3", "name": "依申请公开", "points": 20, "children": [
              {"id": "3.1", "name": "按期答复", "points": 10, "note": "超期答复每件扣 6 分", "rule": {"type": "incident", "deduct": 6, "metric": "requests.late"}},
              {"id": "3.2", "name": "复议、诉讼未被纠错", "points": 6, "note": "被纠错每件扣 3 分", "rule": {"type": "incident", "deduct": 3, "metric": "appeals.corrected"}},
              {"id": "3.3", "name": "配合办理", "points": 4, "note": "拒不配合每次扣 6 分", "rule": {"type": "incident", "deduct": 6}}
            ]},
            {"id": "4", "name": "年度报告", "points": 10, "children": [
              {"id": "4.1", "name": "按时报送", "points": 5, "rule": {"type": "boolean", "deduct": 5, "metric": "annualReport.filedOnTime"}},
              {"id": "4.2", "name": "按时公开", "points": 5, "rule": {"type": "boolean", "deduct": 5, "metric": "annualReport.publishedOnTime"}}
            ]},
            {"id": "5", "name": "保密审查", "points": 10, "children": [
              {"id": "5.1", "name": "未泄露国家秘密或个人隐私", "points": 6, "rule": {"type": "incident", "deduct": 6}},
              {"id": "5.2", "name": "未转载未公开的上级文件", "points": 2, "note": "转载每件扣 6 分（本项扣完为止）", "rule": {"type": "incident", "deduct": 6}},
              {"id": "5.3", "name": "引用未公开的上级文件已作处理", "points": 2, "note": "引用未处理每件扣 2 分", "rule": {"type": "incident", "deduct": 2}}
            ]},
            {"id": "6", "name": "加分项", "points": 0, "children": [
              {"id": "6.1", "name": "工作亮点", "points": 0, "rule": {"type": "bonus", "cap": 3}},
              {"id": "6.2", "name": "解读回应", "points": 0, "rule": {"type": "bonus", "cap": 2}}
            ]},
            {"id": "7", "name": "否决项", "points": 0, "children": [
              {"id": "7.1", "name": "政府网站单项否决", "points": 0, "rule": {"type": "veto", "metric": "monitoring.veto"}}
            ]}
          ]
        }
        """

    public static let all: [(key: String, json: String)] = [("seed-style", seedStyle), ("county-sample", countySample)]

    public static func scheme(_ key: String) -> AssessmentScheme? {
        all.first { $0.key == key }.flatMap { try? AssessmentScheme.parse(Data($0.json.utf8)) }
    }
}
