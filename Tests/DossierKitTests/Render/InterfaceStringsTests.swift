import XCTest
@testable import DossierKit

final class InterfaceStringsTests: XCTestCase {
    func testEveryInterfaceStringExistsInBothLanguages() throws {
        let theme = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        XCTAssertGreaterThan(theme.strings.keys.count, 100)
        for key in theme.strings.keys {
            XCTAssertEqual(theme.strings.languages(of: key), ["en", "zh-CN"], "strings key \(key)")
        }
    }

    func testLanguageChoosesTheWordsAndTheDateFormat() throws {
        let zh = try Theme.load(name: "default", root: "/nowhere", language: .zhCN, fileSystem: .memory([String: String]()))
        let en = try Theme.load(name: "default", root: "/nowhere", language: .en, fileSystem: .memory([String: String]()))
        let day = try XCTUnwrap(Day(iso: "2026-03-08"))
        XCTAssertEqual(zh.strings.format(day), "2026年3月8日")
        XCTAssertEqual(en.strings.format(day), "8 Mar 2026")
        XCTAssertEqual(zh.strings["documents"], "受控文件")
        XCTAssertEqual(en.strings["documents"], "Documents")
        XCTAssertEqual(en.strings.format(try XCTUnwrap(DateTime(iso: "2026-03-08 07:05"))), "8 Mar 2026 07:05")
    }

    func testALaterStringsFileOverridesAKey() throws {
        let strings = try InterfaceStrings(language: .en, yamlFiles: ["a: { en: One, zh-CN: 一 }", "a: { en: Uno, zh-CN: 一 }"])
        XCTAssertEqual(strings["a"], "Uno")
        XCTAssertEqual(strings["missing"], "missing", "an unknown key shows itself, never an empty string")
    }

    func testSiteThemeReplacesOneStylesheetByName() throws {
        let fs = FileSystem.memory(["/site/Themes/default/assets/css/base.css": "body { color: red; }"])
        let theme = try Theme.load(name: "default", root: "/site", language: .en, fileSystem: fs)
        let css = String(decoding: try XCTUnwrap(theme.assets["assets/style.css"]), as: UTF8.self)
        XCTAssertTrue(css.contains("/* base.css */\nbody { color: red; }"))
        XCTAssertTrue(css.contains("/* dashboard.css */"), "the other stylesheets stay")
        XCTAssertNil(theme.assets["assets/css/base.css"], "the parts are bundled, not copied")
    }
}
