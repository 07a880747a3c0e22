import DisclosureCore
import Hummingbird
import Mustache

/// The frame every page template renders in: site facts, the signed-in account, the CSRF token,
/// a one-line notice, and the page's own view model under `page`.
struct PageFrame<Body>: Sendable where Body: Sendable {
    let title: String
    let site: SiteInfo
    let staff: StaffNav?
    let csrf: String
    let notice: String?
    let error: String?
    let page: Body
    /// The portal's menu and breadcrumbs for this page (the staff layout does not use them).
    let navigation: PortalNavigation
}

/// What the staff layout shows of the signed-in account, and which menu items it may use.
struct StaffNav: Sendable {
    let username: String
    let displayName: String
    let roleLabel: String
    let unitCode: String
    let isOffice: Bool
    let canReadAudit: Bool
    /// Items waiting in the account's queue, shown beside 我的待办.
    let queueCount: Int?

    init(_ account: StaffAccount, queueCount: Int? = nil) {
        self.queueCount = queueCount.flatMap { $0 > 0 ? $0 : nil }
        self.username = account.username
        self.displayName = account.displayName
        self.roleLabel = account.role.label
        self.unitCode = account.unitCode
        self.isOffice = account.identity.canAdminister
        self.canReadAudit = account.identity.canReadAudit
    }
}

/// Renders templates into HTML responses.
struct PageRenderer: Sendable {
    let config: AppConfig
    let templates: MustacheLibrary

    func render<Body: Sendable>(
        _ template: String, title: String, page: Body, context: some PageContext,
        status: HTTPResponse.Status = .ok, notice: String? = nil, error: String? = nil
    ) -> Response {
        let html = self.html(
            template, title: title, page: page, staff: context.signedIn, csrf: context.csrfToken, notice: notice, error: error,
            queueCount: context.queueCount)

        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension PageRenderer {
    /// The page as text; public pages that do not depend on the visitor are rendered with no staff
    /// and no CSRF token, so they can be cached and shared.
    func html<Body: Sendable>(
        _ template: String, title: String, page: Body, staff: StaffAccount? = nil, csrf: String = "", notice: String? = nil, error: String? = nil,
        queueCount: Int? = nil
    ) -> String {
        let frame = PageFrame(
            title: title, site: self.config.site, staff: staff.map { StaffNav($0, queueCount: queueCount) }, csrf: csrf, notice: notice, error: error,
            page: page,
            navigation: PortalNavigation(template: template, title: title, site: self.config.site))
        // A missing template is a programming error caught by the page tests; never crash the server for it.
        return self.templates.render(frame, withTemplate: template)
            ?? "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>系统错误</title><p>页面暂时无法显示，请联系政务公开办。</p></html>"
    }
}

/// A 303 redirect after a successful form post (post/redirect/get).
func redirect(to location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}

/// Messages shown after a redirect, chosen by key so no text from the URL reaches the page.
enum Notice: String {
    case saved, created, passwordChanged = "password", loggedOut = "logout", imported
    // What a step did, in words (issue 22 §2).
    case documentSubmitted = "document-submit", documentReturned = "document-return", documentApproved = "document-approve"
    case documentPublished = "document-publish", documentWithdrawn = "document-withdraw", documentCorrected = "document-correct"
    case attachmentAdded = "attach", attachmentRemoved = "detach"
    case complaintDrafted = "complaint-draftReply", complaintReturned = "complaint-returnReply", complaintAnswered = "complaint-approveReply"
    case complaintReassigned = "complaint-reassign"
    case letterDelivered = "delivered", appealRecorded = "appeal"
    case messageResent = "resent", testQueued = "test-queued"

    var text: String {
        switch self {
        case .saved: "已保存。"
        case .messageResent: "已重新排入发送队列，将在几秒内发送。"
        case .testQueued: "测试消息已排入队列，几秒后刷新本页查看结果。"
        case .created: "已创建。"
        case .passwordChanged: "密码已修改。"
        case .loggedOut: "您已安全退出。"
        case .imported: "已导入。"
        case .documentSubmitted: "已提交审核，等待本单位审核人进行保密审查。"
        case .documentReturned: "已退回拟稿人修改，修改意见已记录。"
        case .documentApproved: "保密审查已通过，可以发布。"
        case .documentPublished: "已发布（定时发布的，到时自动发布）：门户、检索和接口随即可见。"
        case .documentWithdrawn: "已撤回：门户和检索中不再显示，撤回理由已记录。"
        case .documentCorrected: "已更正：门户显示更正说明，更正前的版本已保留。"
        case .attachmentAdded: "附件已上传。"
        case .attachmentRemoved: "附件已删除。"
        case .complaintDrafted: "答复已提交审核，等待本单位审核人审核后答复投诉人。"
        case .complaintReturned: "已退回修改，修改意见已记录。"
        case .complaintAnswered: "已审核通过并答复：投诉人可凭受理编号和查询码查看答复。"
        case .complaintReassigned: "已转交其他单位办理，原单位不再承办。"
        case .letterDelivered: "已登记送达，送达日期和方式已记入告知书。"
        case .appealRecorded: "已登记行政复议或诉讼，计入年度报告表四。"
        }
    }

    static func from(_ request: Request) -> String? {
        request.uri.queryParameters.get("notice").flatMap(Notice.init(rawValue:))?.text
    }
}
