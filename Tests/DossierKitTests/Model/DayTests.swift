import XCTest
@testable import DossierKit

final class DayTests: XCTestCase {
    func testParsesAndPrintsISODays() {
        XCTAssertEqual(Day(iso: "2026-02-28")?.description, "2026-02-28")
        XCTAssertNil(Day(iso: "2026-02-30"))
        XCTAssertNil(Day(iso: "2026-2-3"))
        XCTAssertNil(Day(iso: "yesterday"))
    }

    /// The description writes four-digit years' days byte by byte: the same text as interpolating the
    /// parts, for every day of three years and for the shorter years (which are interpolated).
    func testDescriptionMatchesInterpolatingTheParts() throws {
        func interpolated(_ day: Day) -> String {
            let m = day.month < 10 ? "0\(day.month)" : "\(day.month)"
            let d = day.day < 10 ? "0\(day.day)" : "\(day.day)"
            return "\(day.year)-\(m)-\(d)"
        }
        let start = try XCTUnwrap(Day(iso: "2023-12-25")).ordinal
        for ordinal in start..<(start + 3 * 366) {
            let day = Day(ordinal: ordinal)
            XCTAssertEqual(day.description, interpolated(day))
        }
        for year in [1, 9, 10, 99, 100, 999, 1000, 9999] {
            let day = try XCTUnwrap(Day(year: year, month: 3, day: 9))
            XCTAssertEqual(day.description, interpolated(day), "year \(year)")
        }
        XCTAssertEqual(Day(year: 1000, month: 1, day: 1)?.description, "1000-01-01")
        XCTAssertEqual(Day(year: 999, month: 12, day: 31)?.description, "999-12-31")
    }

    func testOrdinalRoundTrip() throws {
        let day = try XCTUnwrap(Day(iso: "2024-02-29"))
        XCTAssertEqual(Day(ordinal: day.ordinal), day)
        XCTAssertEqual(Day(iso: "1970-01-01")?.ordinal, 0)
        XCTAssertEqual(day.adding(days: 1).description, "2024-03-01")
    }

    func testMonthArithmeticClampsToMonthEnd() throws {
        XCTAssertEqual(try XCTUnwrap(Day(iso: "2026-01-31")).adding(months: 1).description, "2026-02-28")
        XCTAssertEqual(try XCTUnwrap(Day(iso: "2025-06-10")).adding(months: 36).description, "2028-06-10")
        XCTAssertEqual(try XCTUnwrap(Day(iso: "2026-03-15")).adding(months: -3).description, "2025-12-15")
    }

    func testDateTimesMeasureHours() throws {
        let opened = try XCTUnwrap(DateTime(iso: "2026-03-04 09:12"))
        let resolved = try XCTUnwrap(DateTime(iso: "2026-03-05T10:42:00"))
        XCTAssertEqual(opened.hours(until: resolved), 25.5)
        let zoned = try XCTUnwrap(DateTime(iso: "2026-03-04T09:00+08:00"))
        XCTAssertEqual(zoned.minuteOfDay, 60)
        XCTAssertNil(DateTime(iso: "2026-03-04 25:00"))
        XCTAssertEqual(DateTime(iso: "2026-03-04")?.minuteOfDay, 0)
    }

    func testIntervals() throws {
        XCTAssertEqual(Interval("12 months"), Interval(count: 12, unit: .months))
        XCTAssertEqual(Interval("1 year"), Interval(count: 1, unit: .years))
        XCTAssertNil(Interval("monthly"))
        XCTAssertEqual(Interval("2 weeks")?.after(try XCTUnwrap(Day(iso: "2026-01-01"))).description, "2026-01-15")
    }

    func testAsOfPrefersOptionThenSourceDateEpoch() throws {
        XCTAssertEqual(try AsOf.resolve(option: "2026-11-22", environment: ["SOURCE_DATE_EPOCH": "0"]).description, "2026-11-22")
        XCTAssertEqual(try AsOf.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "86400"]).description, "1970-01-02")
        XCTAssertThrowsError(try AsOf.resolve(option: "22/11/2026", environment: [:]))
    }
}
