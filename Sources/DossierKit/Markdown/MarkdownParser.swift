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

    public init(allowRawHTML: Bool = false, rendersHTML: Bool = true) {
        self.allowRawHTML = allowRawHTML
        self.rendersHTML = rendersHTML
    }

    /// `body` is the Markdown after the front matter; `firstLine` is the 1-based line number of the body's
    /// first line in the source file, so that every reported line points into the real file.
    public func parse(_ body: String, firstLine: Int) -> ParsedMarkdown {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let source = SourceText(body)
        return CmarkTree.withDocument(parsing: body, options: options) { root in
            var scan = DocumentScan(source: source, options: options, buildsLinkFreeTables: rendersHTML)
            scan.run(root)

            var links = LinkCollector(source: source, firstLine: firstLine, rewritesURLs: rendersHTML)
            links.collect(scan.candidates)

            var anchors = HeadingAnchors(firstLine: firstLine, rewritesTree: rendersHTML)
            for heading in scan.headings {
                anchors.anchor(heading)
            }
            guard rendersHTML else { return ParsedMarkdown(html: "", headings: anchors.headings, links: links.links, plainText: "") }
            return ParsedMarkdown(html: CmarkTree.renderHTML(root, options: options), headings: anchors.headings,
                                  links: links.links, plainText: PlainText.text(of: root))
        } ?? ParsedMarkdown()
    }
}
