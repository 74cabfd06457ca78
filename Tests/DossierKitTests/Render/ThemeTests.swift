import XCTest
@testable import DossierKit

final class ThemeTests: XCTestCase {
    func testBuiltInThemeHasEveryPageTemplate() throws {
        let theme = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        for name in ["layout", "dashboard", "document", "record", "document-register", "records-index", "record-type-index",
                     "manual-index", "not-found", "fields"] {
            XCTAssertTrue(theme.templates.contains(name), name)
        }
        XCTAssertNotNil(theme.assets["assets/style.css"])
        XCTAssertEqual(theme.strings["documents"], "Documents")
    }

    func testSiteThemeOverridesTemplatesByName() throws {
        let fs = FileSystem.memory(["/site/Themes/default/templates/not-found.mustache": "custom {{t.notFound}}"])
        let theme = try Theme.load(name: "default", root: "/site", language: .zhCN, fileSystem: fs)
        XCTAssertEqual(try theme.render("not-found", ["t": theme.strings.all]), "custom 页面不存在")
    }

    /// `layoutBytes` (the layout as a frame with the body spliced in) against rendering the layout
    /// with `title` and `body` in its model: the built-in layout, a layout that escapes both, and
    /// layouts that use them in ways a frame cannot (a section, a dotted name), which render in full.
    func testLayoutBytesEqualAFullRender() throws {
        let builtIn = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        let model = RenderContextFixture.layoutModel(builtIn)
        let title = "R-1 <Fish & \"chips\">", bodyText = "<p>中文 & <b>x</b></p>\n"
        var body = ByteBuffer()
        body.append(utf8: bodyText)
        let layouts = [nil, "<title>{{title}}</title>\n{{body}}|{{{title}}}{{lang}}", "{{#title}}[{{.}}]{{/title}}{{{body}}}",
                       "{{{body}}}{{body.x}}{{title}}"]
        for layout in layouts {
            var theme = builtIn
            if let layout { try theme.templates.register(layout, named: "layout") }
            var full = model
            full["title"] = .text(title)
            full["body"] = .text(bodyText)
            let expected = try theme.renderBytes("layout", .map(full))
            XCTAssertEqual(try theme.layoutBytes(model, title: title, body: body).string, expected.string, layout ?? "built-in")
        }
    }

    func testMissingTemplateIsAnErrorNotAnEmptyPage() throws {
        let theme = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        XCTAssertThrowsError(try theme.render("no-such-page", [:])) { error in
            XCTAssertEqual(error as? DossierError, .theme("template 'no-such-page.mustache' is missing"))
        }
    }

    func testBrokenTemplateNamesFileAndLine() {
        let fs = FileSystem.memory(["/site/Themes/mine/templates/home.mustache": "ok\n{{#open}} never closed"])
        XCTAssertThrowsError(try Theme.load(name: "mine", root: "/site", language: .en, fileSystem: fs)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("templates/home.mustache"), text)
            XCTAssertTrue(text.contains("line 2"), text)
        }
    }

    func testUnknownThemeIsAnError() {
        XCTAssertThrowsError(try Theme.load(name: "fancy", root: "/site", language: .en, fileSystem: .memory([String: String]())))
    }

    func testEmbeddedResourcesMatchTheFilesOnDisk() throws {
        // EmbeddedResources.swift is generated from Themes/default and Sources/DossierKit/Resources; `make embed` refreshes it.
        let root = Fixtures.repositoryRoot
        var onDisk: [String: String] = [:]
        for (prefix, folder) in [("theme/", root + "/Themes/default"), ("", root + "/Sources/DossierKit/Resources")] {
            let enumerator = FileManager.default.enumerator(atPath: folder)
            while let path = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
                if isDirectory.boolValue || (path as NSString).lastPathComponent.hasPrefix(".") { continue }
                onDisk[prefix + path] = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            }
        }
        XCTAssertEqual(Set(onDisk.keys), Set(EmbeddedResources.files.keys), "run `make embed`")
        for (key, text) in onDisk {
            let embedded = EmbeddedResources.files[key] ?? ""
            XCTAssertTrue(embedded == text, "\(key) is stale: run `make embed`")
        }
    }
}

/// A layout model like `RenderContext.layoutModel` makes (navigation, names, paths), without a site.
enum RenderContextFixture {
    static func layoutModel(_ theme: Theme) -> [String: TemplateValue] {
        ["lang": .text("en"), "siteName": .text("ACME"), "organization": .text("ACME & Co"), "root": .text("../"),
         "stylesheet": .text("../assets/style.css"), "homeHref": .text("../index.html"), "t": theme.strings.all,
         "nav": .list([.map(["label": .text("Home"), "href": .text("../index.html"), "current": .bool(true)])])]
    }
}
