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
