import XCTest
@testable import DossierKit

/// Entry pages splice their title and body into a layout frame rendered once per folder: the result
/// must be exactly the full render, and a theme whose layout uses `title` or `body` otherwise must
/// still get the full render.
final class EntryPagesTests: XCTestCase {
    private func library(_ templates: [String: String]) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        return library
    }

    func testFilledFrameEqualsTheFullRender() throws {
        let layout = "<title>{{title}} · {{site}}</title>\n  {{> nav}}\n<main>\n{{{body}}}\n</main>{{title}}{{&body}}{{body}}\n"
        let library = try library(["layout": layout, "nav": "{{#nav}}<a>{{label}}</a>\n{{/nav}}"])
        let model: [String: TemplateValue] = ["site": .text("S&S"), "nav": .list([.map(["label": .text("<a>")])])]
        let frame = try XCTUnwrap(library.frame("layout", .map(model), holes: ["title", "body"]))
        let title = "INC-1 <b>&'\"", body = "<p>Ünïcode 中文 & more</p>"
        var framed = ByteBuffer()
        frame.render(into: &framed) { name, escaped, output in
            let value = name == "title" ? title : body
            if escaped { HTMLText.appendEscaped(value, to: &output) } else { output.append(utf8: value) }
        }
        var full = model
        full["title"] = .text(title)
        full["body"] = .text(body)
        XCTAssertEqual(framed.string, try XCTUnwrap(library.renderedText("layout", .map(full))))
        XCTAssertEqual(frame.holes.map(\.name), ["title", "body", "title", "body", "body"])
        XCTAssertEqual(frame.holes.map(\.escaped), [true, false, true, false, true])
    }

    func testNoFrameWhenTheLayoutUsesTitleOrBodyOtherwise() throws {
        for layout in ["{{#title}}<h1>{{title}}</h1>{{/title}}{{{body}}}", "{{^body}}empty{{/body}}{{{body}}}",
                       "{{#nav}}{{title}}{{/nav}}{{{body}}}", "{{title.text}}{{{body}}}", "{{.}}{{{body}}}",
                       "{{> head}}{{{body}}}", "{{#nav}}{{.}}{{/nav}}"] {
            let library = try library(["layout": layout, "head": "<title>{{title}}</title>"])
            XCTAssertNil(library.frame("layout", .map(["nav": .list([])]), holes: ["title", "body"]), layout)
        }
        let library = try library(["layout": "{{> head}}{{{body}}}", "head": "<title>{{site}}</title>{{#more}}{{> head}}{{/more}}"])
        XCTAssertNotNil(library.frame("layout", .map([:]), holes: ["title", "body"]), "a recursive partial is checked once")
        XCTAssertNil(library.frame("missing", .map([:]), holes: ["title"]))
    }

    /// Every page of the demo, and of a site whose theme's layout shows the title in a section, is the
    /// same framed and rendered in full.
    func testFramedPagesEqualFullyRenderedPages() throws {
        let site = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf, rendersBodies: true).site
        let override = FileSystem.memory(["/site/Themes/default/templates/layout.mustache":
                                            "{{#title}}<h1>{{title}}</h1>{{/title}}<nav>{{#nav}}{{href}}{{/nav}}</nav>{{{body}}}"])
        for (root, fileSystem) in [("/nowhere", FileSystem.memory([String: String]())), ("/site", override)] {
            let theme = try Theme.load(name: "default", root: root, language: site.config.language, fileSystem: fileSystem)
            let context = RenderContext(site: site, theme: theme, asOf: Fixtures.demoAsOf, references: References(site: site),
                                        coverage: Coverage(site: site, asOf: Fixtures.demoAsOf).applicable(),
                                        diagnostics: [], generator: "Dossier")
            let framed = EntryPages(context: context), full = EntryPages(context: context, framing: false)
            for index in site.entries.indices {
                let page = try framed.file(for: index)
                XCTAssertEqual(page, try full.file(for: index), page.path)
                XCTAssertEqual(page.path, PagePaths.page(for: site.entries[index]))
            }
            if root == "/site" { XCTAssertTrue(try framed.file(for: 0).data.starts(with: Data("<h1>".utf8))) }
        }
    }
}
