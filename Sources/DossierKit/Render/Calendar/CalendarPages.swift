/// `calendar/index.html`: the agenda (see `Agenda`) as a page — overdue items first, then the next
/// 12 months by month, then anything later — and `calendar/calendar.ics` to import into a calendar app.
struct CalendarPages: PageFamily {
    let context: RenderContext
    init(context: RenderContext) { self.context = context }

    /// Months shown one by one after the as-of date.
    static let monthsAhead = 12

    func render() throws -> [OutputFile] {
        let items = Agenda.compute(site: context.site, asOf: context.asOf)
        return [
            OutputFile(path: PagePaths.calendarIndex, text: try page(items)),
            OutputFile(path: PagePaths.calendarFeed, text: CalendarFeed(context: context, items: items).ics()),
        ]
    }

    private func page(_ items: [AgendaItem]) throws -> String {
        let page = PagePaths.calendarIndex
        let words = CalendarText(strings: context.strings, site: context.site, asOf: context.asOf)
        let overdue = items.filter { $0.state == .overdue }
        let pending = items.filter { $0.state != .overdue }
        let horizon = context.asOf.adding(months: Self.monthsAhead)
        // An open window (recertification) is listed in the current month, not at its past opening day.
        func shownDay(_ item: AgendaItem) -> Day { max(item.date, context.asOf) }

        var months: [[String: Any]] = []
        var monthKeys: [Int] = []
        var byMonth: [Int: [AgendaItem]] = [:]
        for item in pending where shownDay(item) < horizon {
            let day = shownDay(item)
            let key = day.year * 12 + day.month - 1
            if byMonth[key] == nil { monthKeys.append(key) }
            byMonth[key, default: []].append(item)
        }
        for key in monthKeys.sorted() {
            let monthItems = byMonth[key] ?? []
            let year = key / 12, month = key % 12 + 1
            months.append([
                "heading": words.month(year: year, month: month),
                "anchor": "m-\(year)-\(month < 10 ? "0" : "")\(month)",
                "count": monthItems.count,
                "items": monthItems.map { view($0, words: words, page: page) },
            ])
        }
        let later = pending.filter { shownDay($0) >= horizon }.map { view($0, words: words, page: page) }
        let dueSoon = items.filter { $0.state == .dueSoon }.count

        var model: [String: Any] = [
            "intro": CalendarText.fill(context.strings["calendarIntro"], ["date": context.strings.format(context.asOf)]),
            "icsHref": PagePaths.relative(from: page, to: PagePaths.calendarFeed),
            "overdueCount": overdue.count,
            "hasOverdue": !overdue.isEmpty, "overdue": overdue.map { view($0, words: words, page: page) },
            "hasMonths": !months.isEmpty, "months": months,
            "hasLater": !later.isEmpty, "later": later, "laterCount": later.count,
            "t": context.strings.all,
        ]
        model["stats"] = [
            ["value": overdue.count, "label": context.strings["calendarOverdue"], "state": "overdue", "href": "#overdue-title",
             "isActive": !overdue.isEmpty],
            ["value": dueSoon, "label": context.strings["calendarDueSoon"], "state": "due-soon", "href": "#months-title",
             "isActive": dueSoon > 0],
            ["value": pending.count - dueSoon, "label": context.strings["calendarUpcoming"], "state": "upcoming", "href": "#months-title",
             "isActive": pending.count > dueSoon],
        ] as [[String: Any]]
        let body = try context.theme.render("calendar-index", model)
        return try context.layout(page: page, title: context.strings["calendar"], section: "calendar", body: body)
    }

    /// One item for the template. Keys are left out rather than empty (Mustache treats "" as true).
    private func view(_ item: AgendaItem, words: CalendarText, page: String) -> [String: Any] {
        var view: [String: Any] = [
            "date": context.strings.format(item.date), "iso": item.date.description,
            "kind": item.kind.rawValue, "kindLabel": words.kindLabel(item),
            "title": item.title, "href": PagePaths.relative(from: page, to: item.target),
            "state": item.state.rawValue,
            "when": words.when(item), "isOverdue": item.state == .overdue,
        ]
        if let id = words.shownID(item), id != item.title { view["id"] = id }
        let details = words.details(item).map { part -> [String: Any] in
            var detail: [String: Any] = ["text": part.text, "isLink": false]
            if let label = part.label { detail["label"] = label }
            if let id = part.id, let entry = context.site.entry(id: id) {
                detail["href"] = context.href(from: page, to: entry)
                detail["isLink"] = true
            }
            return detail
        }
        if !details.isEmpty {
            view["details"] = FieldValues.markingLast(details)
            view["hasDetails"] = true
        }
        return view
    }
}
