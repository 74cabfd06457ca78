import Foundation

/// `404.html`: servers show it at any depth, so its links start from `base_url` instead of being relative.
struct NotFoundPage {
    let context: RenderContext

    func render() throws -> (path: String, html: String) {
        let page = PagePaths.notFound
        var base = context.site.config.baseURL
        if !base.hasSuffix("/") { base += "/" }
        let body = try context.theme.render("not-found", ["homeHref": base + PagePaths.home, "t": context.strings.all])
        let html = try context.layout(page: page, title: context.strings["notFound"], section: "", body: body)
        // The layout's links are relative to the site root; anchor them at base_url for any depth.
        return (page, html.replacingOccurrences(of: "<head>\n", with: "<head>\n<base href=\"\(HTMLText.escape(base))\">\n"))
    }
}
