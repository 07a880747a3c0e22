import Mustache

// The layouts look up a dozen names on every page, and each lookup through Mustache's default
// reflection builds a `Mirror` of every object on the context stack. These types answer by name
// instead (issue 20: the layout was a fifth of a search page's time at 100,000 documents). Each
// lists every stored property, so a template sees exactly what reflection showed it; a nil
// optional is nil, as reflection unwrapped it.

extension PageFrame: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "site": site
        case "staff": staff
        case "csrf": csrf
        case "notice": notice
        case "error": error
        case "page": page
        case "navigation": navigation
        default: nil
        }
    }
}

extension StaffNav: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "username": username
        case "displayName": displayName
        case "roleLabel": roleLabel
        case "unitCode": unitCode
        case "isOffice": isOffice
        case "canReadAudit": canReadAudit
        case "queueCount": queueCount
        default: nil
        }
    }
}

extension SiteInfo: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "siteName": siteName
        case "officeName": officeName
        case "address": address
        case "hours": hours
        case "phone": phone
        case "fax": fax
        case "email": email
        case "website": website
        case "siteCode": siteCode
        case "icpNumber": icpNumber
        case "policeNumber": policeNumber
        default: nil
        }
    }
}

extension PortalNavigation: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "items": items
        case "crumbs": crumbs
        case "showsCrumbs": showsCrumbs
        case "showsSearchBox": showsSearchBox
        case "siteCode": siteCode
        case "icpNumber": icpNumber
        case "policeNumber": policeNumber
        case "policeRecordCode": policeRecordCode
        default: nil
        }
    }
}

extension PortalNavigation.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "path": path
        case "title": title
        case "current": current
        default: nil
        }
    }
}

extension PortalNavigation.Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        default: nil
        }
    }
}
