/// Each unmet expectation of a clause (`CoverageGap`) as a sentence in the site's language, with links
/// to the documents, records and record types it names. Built as escaped HTML.
struct ClauseGapText {
    let context: RenderContext
    let words: ClauseWords
    /// The page the sentence appears on (links are relative to it).
    let page: String
    /// Record types that have at least one record, so an index page to link to.
    let typesWithRecords: Set<String>

    var language: Language { context.strings.language }

    func html(_ gap: CoverageGap) -> String {
        switch gap {
        case let .noDocument(kinds):
            if kinds.isEmpty { return words.fillHTML("clauseGapNoClaimingDocument", [:]) }
            let labels = kinds.map { "<strong>\(ClauseWords.escape(ClauseVocabulary.documentLabel($0, language)))</strong>" }
            return words.fillHTML("clauseGapNoDocument", ["kinds": words.either(labels)])
        case let .onlyDraft(ids):
            return words.fillHTML("clauseGapOnlyDraft", ["documents": words.list(ids.map(entryLink))])
        case let .reviewOverdue(documents):
            let items = documents.map { document -> String in
                guard let due = document.nextReview else { return entryLink(document.id) }
                return words.fillHTML("clauseReviewDue", [
                    "document": entryLink(document.id), "date": ClauseWords.escape(context.strings.format(due)),
                ])
            }
            return words.fillHTML(documents.count == 1 ? "clauseGapReviewOverdue" : "clauseGapReviewOverdueMany",
                                  ["documents": words.list(items)])
        case let .noRecord(types, expected, window):
            let windowText = ClauseWords.escape(words.window(window))
            if types.isEmpty {
                let labels = expected.map { "<strong>\(ClauseWords.escape(ClauseVocabulary.recordLabel($0, language)))</strong>" }
                return words.fillHTML("clauseGapNoRecordType", ["expected": words.either(labels), "window": windowText])
            }
            return words.fillHTML("clauseGapNoRecord", ["types": words.either(types.map(typeLink)), "window": windowText])
        case let .staleRecord(record, window):
            return words.fillHTML("clauseGapStaleRecord", [
                "record": entryLink(record.id), "date": ClauseWords.escape(context.strings.format(record.day)),
                "window": ClauseWords.escape(words.window(window)),
            ])
        case let .nothingClaims(window):
            return words.fillHTML("clauseGapNothingClaims", ["window": ClauseWords.escape(words.window(window))])
        }
    }

    /// `<a href="…"><span class="mono">PR-06</span> Title</a>`, plain text for an id the site lacks.
    func entryLink(_ id: String) -> String {
        guard let entry = context.site.entry(id: id) else { return "<span class=\"mono\">\(ClauseWords.escape(id))</span>" }
        let title = entry.title == entry.id ? "" : " " + ClauseWords.escape(entry.title)
        return "<a href=\"\(ClauseWords.escape(context.href(from: page, to: entry)))\"><span class=\"mono\">\(ClauseWords.escape(id))</span>\(title)</a>"
    }

    /// A record type by its title, linked to its index when the site has records of it.
    func typeLink(_ type: String) -> String {
        let title = context.site.catalog[type]?.title.text(language) ?? type
        guard typesWithRecords.contains(type) else {
            return "<strong>\(ClauseWords.escape(title))</strong>"
        }
        return "<a href=\"\(ClauseWords.escape(PagePaths.relative(from: page, to: PagePaths.recordIndex(type: type))))\"><strong>\(ClauseWords.escape(title))</strong></a>"
    }
}
