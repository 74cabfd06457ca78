import DossierKit
import Foundation

/// Answers a GET or HEAD for a file of the output folder: the file with its content type, the
/// live-reload script linked into HTML, folders through their `index.html`, and the site's own
/// `404.html` (with status 404) for anything missing. Reads go through `FileSystem`.
struct SiteFiles: Sendable {
    struct Response: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    var output: String
    var fileSystem: FileSystem
    /// Link the live-reload script into HTML pages.
    var liveReload = true
    /// Pages shown ahead of the build that writes them (`serve`'s edited page first).
    var pending = PendingPages()

    /// `path` is the decoded request path (no query).
    func respond(method: String, path: String) -> Response {
        guard method == "GET" || method == "HEAD" else {
            return Response(status: 405, headers: [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
                            body: Data("method not allowed\n".utf8))
        }
        switch SitePath.resolve(path, isDirectory: { fileSystem.kind(full($0)) == .directory }) {
        case .refused:
            return Response(status: 400, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data("bad request\n".utf8))
        case let .redirect(location):
            return Response(status: 301, headers: [("Location", location), ("Content-Type", "text/plain; charset=utf-8")],
                            body: Data("moved to \(location)\n".utf8))
        case let .file(relative):
            if let data = pending.page(relative) ?? read(relative) { return page(relative, data, status: 200) }
            return notFound()
        }
    }

    /// The site's 404 page, or a plain one when the site has none (nothing built yet): both carry
    /// the live-reload script, so a page opened before the first good build reloads after it.
    func notFound() -> Response {
        if let data = read("404.html") { return page("404.html", data, status: 404) }
        let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><h1>Not found</h1><p>No such page in the site (or no good build yet).</p></body></html>\n"
        return page("404.html", Data(html.utf8), status: 404)
    }

    private func page(_ relative: String, _ data: Data, status: Int) -> Response {
        let html = ContentTypes.isHTML(relative)
        let body = html && liveReload ? LiveReload.inject(into: data) : data
        // Pages change on every build: the browser must not keep an old copy.
        return Response(status: status, headers: [("Content-Type", ContentTypes.forPath(relative)), ("Cache-Control", "no-store")],
                        body: body)
    }

    /// The file's bytes, or nil when it is missing, not a regular file, or reached through a
    /// symbolic link anywhere below the output folder. Nothing is served from a folder without
    /// the marker `OutputWriter` leaves: `--output ~` must not put a home folder on the network
    /// while the build refuses to write there.
    func read(_ relative: String) -> Data? {
        guard fileSystem.kind(output + "/" + OutputWriter.marker) == .file else { return nil }
        var prefix = output
        for part in relative.split(separator: "/") {
            prefix += "/" + part
            let kind = fileSystem.kind(prefix)
            if kind == .symlink || kind == .missing { return nil }
        }
        guard fileSystem.kind(prefix) == .file else { return nil }
        return try? fileSystem.read(prefix)
    }

    private func full(_ relative: String) -> String { output + "/" + relative }
}
