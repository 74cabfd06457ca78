import XCTest
@testable import DossierKit

/// The fast path for plain dates gives exactly what `Day` and `DateTime`'s parsers give.
final class RenderDatesTests: XCTestCase {
    static let samples = [
        "2026-03-18", "2024-02-29", "2025-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "+202-01-01", "2026-3-18",
        "2026-03-18 ", " 2026-03-18", "２０２６-03-18", "2026-03-18T09:30", "2026-03-18t09:30", "2026-03-18 09:30",
        "2026-03-18T24:00", "2026-03-18T23:60", "2026-03-18T09:30:59", "2026-03-18T09:30:60", "2026-03-18T09:30:61",
        "2026-03-18T09:30Z", "2026-03-18T09:30+08:00", "2026-03-18T23:30-02:00", "2026-03-18T9:30", "2026-03-18T09:30:5",
        "2026-03-18  09:30", "2026-03-18T09:30:00.5", "2026-02-30T09:30", "2026-03-18X09:30", "", "soon", "2026-03-18T0a:30",
    ]

    func testPlainAndOtherDatesReadAsDayAndDateTimeReadThem() throws {
        for language in [Language.en, .zhCN] {
            let strings = try Theme.load(name: "default", root: "/nowhere", language: language,
                                         fileSystem: .memory([String: String]())).strings
            for text in Self.samples {
                XCTAssertEqual(RenderDates.day(text), Day(iso: text), text)
                XCTAssertEqual(RenderDates.formatDateTime(text, strings: strings), DateTime(iso: text).map(strings.format), text)
            }
        }
    }

    func testRecordDayIsRecordDates() throws {
        let catalog = try Pipeline.check(root: Fixtures.repositoryRoot, asOf: Fixtures.demoAsOf).site.catalog
        for text in Self.samples {
            for (type, field) in [("incident", "opened"), ("nonconformity", "found_on")] {
                let yaml = "id: X-1\ntitle: t\n\(field): \"\(text)\"\n"
                guard case let .success(node?) = YAMLReader().read(yaml) else { return XCTFail(yaml) }
                let entry = Entry(id: "X-1", type: type, category: .record, path: "Content/records/\(type)/X-1.md", title: "t",
                                  frontMatter: node, body: ParsedMarkdown())
                XCTAssertEqual(RenderDates.recordDay(of: entry, catalog: catalog), RecordDates.day(of: entry, catalog: catalog), text)
            }
        }
    }
}
