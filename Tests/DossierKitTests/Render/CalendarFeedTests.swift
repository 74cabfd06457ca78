import Foundation
import XCTest
@testable import DossierKit

/// `calendar/calendar.ics` against the rules of RFC 5545.
final class CalendarFeedTests: XCTestCase {
    private func ics(language: Language = .en, config: String? = nil, asOf: Day = AgendaFixtures.asOf) throws -> String {
        let config = config ?? AgendaFixtures.config.replacingOccurrences(of: "language: en", with: "language: \(language.rawValue)")
        return try XCTUnwrap(try CalendarPagesTests.render(language: language, config: config, asOf: asOf)[PagePaths.calendarFeed])
    }

    /// Content lines after unfolding (§3.1): CRLF followed by a space or tab continues the line.
    private func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// The VEVENTs as property name (before `;` or `:`) → value.
    private func events(_ text: String) -> [[String: String]] {
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in unfolded(text) {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT", let event = current { events.append(event); current = nil; continue }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon]).split(separator: ";").first.map(String.init) ?? ""
            current?[name] = String(line[line.index(after: colon)...])
        }
        return events
    }

    func testEveryLineEndsWithCRLFAndIsFoldedAt75OctetsOnCharacterBoundaries() throws {
        for language in Language.allCases {
            let text = try ics(language: language)
            let bytes = Array(text.utf8)
            XCTAssertEqual(Array(bytes.suffix(2)), [13, 10], "the last line ends with CRLF too")
            for (index, byte) in bytes.enumerated() {
                if byte == 10 { XCTAssertEqual(bytes[index - 1], 13, "LF without CR at \(index)") }
                if byte == 13 { XCTAssertEqual(bytes[index + 1], 10, "CR without LF at \(index)") }
            }
            var folded = 0
            for line in text.components(separatedBy: "\r\n").dropLast() {
                XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
                // Each physical line is valid UTF-8 by itself: no fold inside a character.
                XCTAssertNotNil(String(bytes: Array(line.utf8), encoding: .utf8))
                if line.hasPrefix(" ") { folded += 1 }
            }
            XCTAssertGreaterThan(folded, 0, "the long descriptions are folded (\(language))")
        }
    }

    func testFoldingSplitsBetweenUTF8SequencesOnly() {
        let value = String(repeating: "管理体系", count: 30) + "é" + String(repeating: "x", count: 100)
        let folded = ICSWriter.fold("SUMMARY:" + value)
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        XCTAssertGreaterThan(physical.count, 3)
        for (index, line) in physical.enumerated() {
            XCTAssertLessThanOrEqual(line.utf8.count, 75)
            if index > 0 { XCTAssertTrue(line.hasPrefix(" ")) }
            // 8 ASCII octets, then 3-octet characters: the first line stops at 74, the next ones hold 1 + 72.
            if index == 0 { XCTAssertEqual(line.utf8.count, 74) }
        }
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), "SUMMARY:" + value + "\r\n")
        XCTAssertEqual(ICSWriter.fold("SHORT:x"), "SHORT:x\r\n")
    }

    func testTextEscaping() {
        XCTAssertEqual(ICSWriter.escape("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne")
        XCTAssertEqual(ICSWriter.escape("one\r\ntwo\rthree"), "one\\ntwo\\nthree")
        XCTAssertEqual(ICSWriter.escape("tab\there\u{7}bell"), "tab herebell", "control characters are not TEXT")
        XCTAssertEqual(ICSWriter.escape("冒号: 不转义"), "冒号: 不转义", "a colon needs no escape in a value")
    }

    func testCalendarHasTheRequiredProperties() throws {
        let text = try ics()
        let lines = unfolded(text)
        XCTAssertEqual(lines.first, "BEGIN:VCALENDAR")
        XCTAssertEqual(lines.last, "END:VCALENDAR")
        let header = Array(lines.prefix { $0 != "BEGIN:VEVENT" })
        XCTAssertTrue(header.contains("VERSION:2.0"))
        XCTAssertTrue(header.contains("CALSCALE:GREGORIAN"))
        XCTAssertTrue(header.contains { $0.hasPrefix("PRODID:-//Dossier//") })
        XCTAssertTrue(header.contains("X-WR-CALNAME:Test · Calendar"))
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, lines.filter { $0 == "END:VEVENT" }.count)

        let events = events(text)
        let site = try AgendaFixtures.site()
        XCTAssertEqual(events.count, Agenda.compute(site: site, asOf: AgendaFixtures.asOf).count, "one event per agenda item")
        for event in events {
            for property in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"] {
                XCTAssertNotNil(event[property], "\(property) in \(event)")
            }
            XCTAssertEqual(event["DTSTAMP"], "20261122T000000Z", "stamped with the as-of date, never the clock")
            XCTAssertNotNil(event["DTSTART"]?.range(of: "^[0-9]{8}$", options: .regularExpression))
            XCTAssertLessThan(event["DTSTART"] ?? "", event["DTEND"] ?? "", "DTEND is after DTSTART")
        }
        let uids = events.compactMap { $0["UID"] }
        XCTAssertEqual(Set(uids).count, uids.count, "UIDs are unique")
        XCTAssertTrue(uids.contains("schedule-self-check@dossier"))
        XCTAssertTrue(text.contains("DTSTART;VALUE=DATE:20261205\r\n"), "all-day events")
        let window = try XCTUnwrap(events.first { $0["UID"] == "recertification-iso20000-1_CN-1@dossier" })
        XCTAssertEqual(window["DTSTART"], "20271209")
        XCTAssertEqual(window["DTEND"], "20280310", "the window's last day, exclusive end")
    }

    func testEventTextIsEscaped() throws {
        let events = events(try ics())
        let nc = try XCTUnwrap(events.first { $0["UID"] == "nonconformity-NC-1@dossier" })
        XCTAssertEqual(nc["SUMMARY"], "Nonconformity due: NC-1 Fix A\\, B\\; C \\\\ D <script>alert(1)</script>")
        let description = try XCTUnwrap(nc["DESCRIPTION"])
        XCTAssertTrue(description.contains("\\nFound on 1 Sep 2026 · Found by IA-2025\\n52 days overdue (as of 22 Nov 2026)"), description)
    }

    func testSameInputGivesTheSameFileAndTheAsOfDateStampsIt() throws {
        XCTAssertEqual(try ics(), try ics())
        let later = try ics(asOf: Day(iso: "2026-12-01")!)
        XCTAssertTrue(later.contains("DTSTAMP:20261201T000000Z\r\n"))
    }

    func testURLOnlyWithAnAbsoluteBaseURL() throws {
        XCTAssertFalse(try ics().contains("\r\nURL:"), "base_url / gives no absolute address")
        let published = try ics(config: AgendaFixtures.config + "\nbase_url: https://iso.example.com/evidence\n")
        XCTAssertTrue(published.contains("\r\nURL:https://iso.example.com/evidence/records/nonconformity/NC-1.html\r\n"))
    }

    /// The PyPI package `icalendar` (installed by `make test-deps`) parses the file; skipped without it.
    func testPythonICalendarParsesTheDemoCalendar() throws {
        guard try Subprocess.run("/usr/bin/env", ["python3", "-c", "import icalendar"]).status == 0 else {
            throw XCTSkip("python3 with the icalendar package is not installed (make test-deps)")
        }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for language in Language.allCases {
            let file = folder.appendingPathComponent("calendar-\(language.rawValue).ics")
            try Data(try ics(language: language).utf8).write(to: file)
            let script = """
            import sys, icalendar
            data = open(sys.argv[1], 'rb').read()
            cal = icalendar.Calendar.from_ical(data)
            events = cal.walk('VEVENT')
            assert str(cal['VERSION']) == '2.0'
            for event in events:
                assert not event.errors, event.errors
                event['DTSTART'].dt.isoformat()
            nc = [e for e in events if str(e['UID']) == 'nonconformity-NC-1@dossier'][0]
            print(len(events), str(nc['SUMMARY']))
            """
            let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", script, file.path])
            XCTAssertEqual(result.status, 0, result.output)
            let expected = language == .en ? "Nonconformity due: NC-1 Fix A, B; C \\ D <script>alert(1)</script>"
                : "不符合项整改期限：NC-1 Fix A, B; C \\ D <script>alert(1)</script>"
            XCTAssertEqual(result.output.trimmingCharacters(in: .whitespacesAndNewlines),
                           "\(events(try ics(language: language)).count) \(expected)")
        }
    }
}
