import DisclosureCore
import Foundation

/// Every setting of the web application in one place (README's configuration table mirrors it).
public struct AppConfig: Sendable {
    public var host: String
    public var port: Int
    /// Adds `Secure` to cookies; turn on behind HTTPS (`DISCLOSURE_SECURE_COOKIES=1`).
    public var secureCookies: Bool
    /// bcrypt cost for new password hashes.
    public var bcryptCost: UInt8
    public var sessionLifetime: TimeInterval
    /// Public POSTs (login, later apply/complain/ask) allowed per client address per minute.
    public var publicPostsPerMinute: Int
    public var site: SiteInfo
    /// 索引号 pattern (`DISCLOSURE_INDEX_FORMAT`, default `{unit}/{year}-{seq:5}`).
    public var indexFormat: IndexNumberFormat = .standard
    /// Folder for attachment files (`DISCLOSURE_FILES`); nil puts `files/` beside an SQLite database.
    public var filesFolder: String?
    /// Folder of this instance's search index (`DISCLOSURE_SEARCH_DIR`); nil puts `search/` beside
    /// an SQLite database, else `data/search`. Each instance needs its own.
    public var searchFolder: String?
    /// The request clock's office-set numbers: the internal target (`DISCLOSURE_INTERNAL_TARGET_DAYS`,
    /// default 15 working days) and the 补正期限 (`DISCLOSURE_CORRECTION_DAYS`, default 15).
    public var clockPolicy: ClockPolicy = .statutory
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed
    /// (`DISCLOSURE_TRUSTED_PROXIES`, comma-separated); empty means the socket address is the client.
    public var trustedProxies: Set<String> = []
    /// Form posts a signed-in staff account may make per minute (its own allowance, issue 17).
    public var staffPostsPerMinute = 240
    /// Bytes of anonymous attachments one address may upload per hour.
    public var anonymousUploadBytesPerHour = 25 << 20

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, bcryptCost: UInt8 = 12,
        sessionLifetime: TimeInterval = 8 * 3600, publicPostsPerMinute: Int = 30, site: SiteInfo = .demo
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.publicPostsPerMinute = publicPostsPerMinute
        self.site = site
    }

    /// Fast hashing and an ephemeral port for tests.
    public static var testing: AppConfig {
        var config = AppConfig(port: 0, bcryptCost: 4, publicPostsPerMinute: 1000)
        config.filesFolder = NSTemporaryDirectory() + "disclosure-test-files"
        config.searchFolder = NSTemporaryDirectory() + "disclosure-test-search-" + UUID().uuidString
        return config
    }
}

/// The publishing office's public facts, shown in the footer and the 指南 (条例 第十二条 requires
/// the office's 名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式).
public struct SiteInfo: Sendable {
    public var siteName: String
    public var officeName: String
    public var address: String
    public var hours: String
    public var phone: String
    public var fax: String
    public var email: String
    public var website: String
    /// 网站标识码 (国办 政府网站发展指引): ten digits issued with the site's registration.
    public var siteCode: String
    /// ICP 备案号, e.g. 「示ICP备00000001号」.
    public var icpNumber: String
    /// 公安机关备案号, e.g. 「示公网安备00000000000001号」.
    public var policeNumber: String

    /// The site's address without a trailing slash, for links in letters («https://gk.example.gov.cn»).
    public var linkBase: String {
        var base = website.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        if !base.isEmpty, !base.hasPrefix("http") { base = "https://" + base }
        return base
    }

    public init(
        siteName: String, officeName: String, address: String, hours: String, phone: String, fax: String, email: String, website: String,
        siteCode: String = "", icpNumber: String = "", policeNumber: String = ""
    ) {
        self.siteName = siteName
        self.officeName = officeName
        self.address = address
        self.hours = hours
        self.phone = phone
        self.fax = fax
        self.email = email
        self.website = website
        self.siteCode = siteCode
        self.icpNumber = icpNumber
        self.policeNumber = policeNumber
    }

    /// Values for the 示范县; a real county sets them with `DISCLOSURE_SITE_*` variables.
    public static let demo = SiteInfo(
        siteName: "示范县人民政府信息公开平台", officeName: "示范县人民政府办公室（县政务公开办）",
        address: "示范县人民路1号县政府大院3号楼201室", hours: "工作日 上午8:30–12:00，下午14:30–17:30",
        phone: "0000-1234567", fax: "0000-1234568", email: "zwgk@example.gov.cn", website: "http://127.0.0.1:8080/",
        siteCode: "0000000000", icpNumber: "示ICP备00000000号", policeNumber: "示公网安备00000000000000号")

    /// Reads `DISCLOSURE_SITE_NAME`, `_OFFICE`, `_ADDRESS`, `_HOURS`, `_PHONE`, `_FAX`, `_EMAIL`, `_URL`,
    /// `_CODE` (网站标识码), `_ICP` and `_POLICE` (公安备案号).
    public static func fromEnvironment(_ env: [String: String], defaults: SiteInfo = .demo) -> SiteInfo {
        SiteInfo(
            siteName: env["DISCLOSURE_SITE_NAME"] ?? defaults.siteName, officeName: env["DISCLOSURE_SITE_OFFICE"] ?? defaults.officeName,
            address: env["DISCLOSURE_SITE_ADDRESS"] ?? defaults.address, hours: env["DISCLOSURE_SITE_HOURS"] ?? defaults.hours,
            phone: env["DISCLOSURE_SITE_PHONE"] ?? defaults.phone, fax: env["DISCLOSURE_SITE_FAX"] ?? defaults.fax,
            email: env["DISCLOSURE_SITE_EMAIL"] ?? defaults.email, website: env["DISCLOSURE_SITE_URL"] ?? defaults.website,
            siteCode: env["DISCLOSURE_SITE_CODE"] ?? defaults.siteCode, icpNumber: env["DISCLOSURE_SITE_ICP"] ?? defaults.icpNumber,
            policeNumber: env["DISCLOSURE_SITE_POLICE"] ?? defaults.policeNumber)
    }
}
