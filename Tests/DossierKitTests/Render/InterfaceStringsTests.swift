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

    /// Dates written byte by byte match interpolating their parts, in both languages: every day of
    /// three years, and years of one to four digits; date-times with zero-padded hours and minutes.
    func testDatesMatchInterpolatingTheParts() throws {
        let zh = try InterfaceStrings(language: .zhCN, yamlFiles: [])
        let en = try InterfaceStrings(language: .en, yamlFiles: [])
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var days: [Day] = []
        let first = try XCTUnwrap(Day(iso: "2024-01-01")).ordinal
        for offset in 0..<(3 * 366) { days.append(Day(ordinal: first + offset)) }
        for year in [1, 9, 10, 99, 100, 999, 1000, 9999] { days.append(try XCTUnwrap(Day(year: year, month: 12, day: 31))) }
        for day in days {
            XCTAssertEqual(zh.format(day), "\(day.year)年\(day.month)月\(day.day)日")
            XCTAssertEqual(en.format(day), "\(day.day) \(months[day.month - 1]) \(day.year)")
        }
        for (text, expected) in [("2026-03-08 00:00", "8 Mar 2026 00:00"), ("2026-11-30 23:59", "30 Nov 2026 23:59"),
                                 ("2026-01-01 09:05", "1 Jan 2026 09:05"), ("2026-07-14 10:30", "14 Jul 2026 10:30")] {
            XCTAssertEqual(en.format(try XCTUnwrap(DateTime(iso: text))), expected)
        }
        XCTAssertEqual(zh.format(try XCTUnwrap(DateTime(iso: "2026-03-08 07:05"))), "2026年3月8日 07:05")
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
