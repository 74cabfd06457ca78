import CCmark

/// The Markdown stage: turns a body into HTML with libcmark (CommonMark 0.30) plus pipe tables,
/// heading anchors and wiki links, and reports the headings, links and plain text.
///
///     parse (cmark) → scan (tables, positions, link candidates) → links (wiki links, dossier-link:N)
///         → heading anchors → plain text → render (cmark, safe unless raw HTML is allowed)
public struct MarkdownParser: Sendable {
    /// Whether raw HTML passes through (`CMARK_OPT_UNSAFE`). When false, cmark drops raw HTML and
    /// blanks `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs.
    public var allowRawHTML: Bool
    /// Off when only headings and links are wanted (`dossier check`): no HTML, no plain text.
    public var rendersHTML: Bool
    /// The tree in a `CmarkArena` (off only for tests comparing with cmark's own allocator).
    var usesArena = true
    /// Inline walk skipped in blocks without `[`, `<` or `&` (off only for tests comparing).
    var prunesLinkFreeBlocks = true

    public init(allowRawHTML: Bool = false, rendersHTML: Bool = true) {
        self.allowRawHTML = allowRawHTML
        self.rendersHTML = rendersHTML
    }

    /// `body` is the Markdown after the front matter; `firstLine` is the 1-based line number of the body's
    /// first line in the source file, so that every reported line points into the real file.
    public func parse(_ body: String, firstLine: Int) -> ParsedMarkdown {
        parse(SourceText(body), firstLine: firstLine)
    }

    /// `parse` for a body given as bytes that are valid UTF-8 (checked by the caller).
    func parse(utf8 body: UnsafeBufferPointer<UInt8>, firstLine: Int) -> ParsedMarkdown {
        parse(SourceText(bytes: Array(body)), firstLine: firstLine)
    }

    private func parse(_ source: SourceText, firstLine: Int) -> ParsedMarkdown {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        return source.bytes.withUnsafeBufferPointer { body in parse(source, body, options: options, firstLine: firstLine) }
    }

    private func parse(_ source: SourceText, _ body: UnsafeBufferPointer<UInt8>, options: Int32, firstLine: Int) -> ParsedMarkdown {
        CmarkTree.withDocument(parsing: body, options: options, usesArena: usesArena) { root in
            var scan = DocumentScan(source: source, options: options, buildsLinkFreeTables: rendersHTML)
            scan.prunesLinkFreeBlocks = prunesLinkFreeBlocks
            scan.run(root)

            var links = LinkCollector(source: source, firstLine: firstLine, rewritesURLs: rendersHTML)
            links.collect(scan.candidates)

            var anchors = HeadingAnchors(firstLine: firstLine, rewritesTree: rendersHTML)
            for heading in scan.headings {
                anchors.anchor(heading)
            }
            guard rendersHTML else { return ParsedMarkdown(html: "", headings: anchors.headings, links: links.links, plainText: "") }
            return ParsedMarkdown(htmlUTF8: CmarkTree.renderHTMLBytes(root, options: options), headings: anchors.headings,
                                  links: links.links, plainTextUTF8: PlainText.bytes(of: root))
        } ?? ParsedMarkdown()
    }
}
