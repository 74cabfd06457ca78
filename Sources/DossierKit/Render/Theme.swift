import Foundation

/// The templates, assets and interface strings a site is rendered with: the built-in theme, with any
/// file of the site's `Themes/<name>/` taking the place of the built-in file of the same name.
public struct Theme: Sendable {
    public var templates: TemplateLibrary
    /// Output path (under `assets/`) → bytes.
    public var assets: [String: Data]
    public var strings: InterfaceStrings
    /// Fingerprint of every file of the theme (built-in and overrides): part of every page's inputs.
    var fingerprint = ""

    /// Renders `template` with `context`; a missing template is an error, never an empty page.
    public func render(_ template: String, _ context: [String: Any]) throws -> String {
        try renderBytes(template, TemplateValue(context) ?? .map([:])).string
    }

    /// Renders `template` with a typed view model into UTF-8 bytes (pages that go to disk as they are).
    func renderBytes(_ template: String, _ model: TemplateValue) throws -> ByteBuffer {
        guard let page = templates.renderBytes(template, model) else { throw Self.missing(template) }
        return page
    }

    /// The layout around a page's `body`, in bytes: rendered as a frame with `title` and `body` left
    /// open (`TemplateFrame`), so that a large body (a record type's table, over 1 MB at 10 000
    /// records) is neither validated into a `String` for the view model nor looked up as one (5 M of
    /// the 1k site's build). A layout that uses `title` or `body` otherwise is rendered in full.
    func layoutBytes(_ model: [String: TemplateValue], title: String, body: borrowing ByteBuffer) throws -> ByteBuffer {
        guard let frame = templates.frame("layout", .map(model), holes: ["title", "body"]) else {
            var model = model
            model["title"] = .text(title)
            model["body"] = .utf8(body.array)
            return try renderBytes("layout", .map(model))
        }
        var output = ByteBuffer(capacity: frame.pieces.reduce(0) { $0 + $1.count } + title.utf8.count + body.count)
        body.withUnsafeBufferPointer { body in
            frame.render(into: &output) { name, escaped, output in
                switch (name, escaped) {
                case ("title", true): HTMLText.appendEscaped(title, to: &output)
                case ("title", false): output.append(utf8: title)
                case (_, true): HTMLText.appendEscaped(body, to: &output)
                case (_, false): output.append(body)
                }
            }
        }
        return output
    }

    /// Checks that `template` exists, before rendering it where an error cannot be thrown.
    func require(_ template: String) throws {
        guard templates.contains(template) else { throw Self.missing(template) }
    }

    private static func missing(_ template: String) -> DossierError {
        DossierError.theme("template '\(template).mustache' is missing")
    }

    /// Loads the theme `name` for the site at `root`.
    public static func load(name: String, root: String, language: Language, fileSystem: FileSystem = .local) throws -> Theme {
        var files: [String: Data] = [:]
        for (key, text) in EmbeddedResources.files where key.hasPrefix("theme/") {
            files[String(key.dropFirst("theme/".count))] = Data(text.utf8)
        }
        let folder = (root.isEmpty || root == "." ? "" : root + "/") + "Themes/" + name
        if fileSystem.kind(folder) == .directory {
            try overlay(folder: folder, relative: "", fileSystem: fileSystem, into: &files)
        } else if name != "default" {
            throw DossierError.theme("theme '\(name)' not found: expected a folder \(folder)")
        }
        var library = TemplateLibrary()
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let templateName = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            guard let text = String(data: data, encoding: .utf8) else {
                throw DossierError.theme("\(path) is not valid UTF-8")
            }
            do {
                try library.register(text, named: templateName)
            } catch {
                throw DossierError.theme("\(path): line \(error.line), column \(error.column): \(error.message)")
            }
        }
        // Interface strings come in one file per page family (strings/*.yml), merged in name order.
        var tables: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("strings/") && path.hasSuffix(".yml") {
            guard let text = String(data: data, encoding: .utf8) else { throw DossierError.theme("\(path) is not valid UTF-8") }
            tables.append(text)
        }
        guard !tables.isEmpty else { throw DossierError.theme("strings/*.yml is missing") }
        let strings = try InterfaceStrings(language: language, yamlFiles: tables)
        var theme = Theme(templates: library, assets: bundledAssets(files), strings: strings)
        var fingerprint = Fingerprint()
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(path)
            fingerprint.add(bytes: data)
        }
        theme.fingerprint = fingerprint.hex
        return theme
    }

    /// Assets are copied as they are, except the stylesheets under `assets/css/`: they are joined in
    /// name order into one `assets/style.css`, so a page family keeps its own CSS file and a site
    /// overrides one of them by name.
    static func bundledAssets(_ files: [String: Data]) -> [String: Data] {
        var assets = files.filter { $0.key.hasPrefix("assets/") && !$0.key.hasPrefix("assets/css/") }
        var stylesheet = Data()
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("assets/css/") && path.hasSuffix(".css") {
            stylesheet.append(Data("/* \(path.dropFirst("assets/css/".count)) */\n".utf8))
            stylesheet.append(data)
            stylesheet.append(Data("\n".utf8))
        }
        if !stylesheet.isEmpty { assets[PagePaths.stylesheet] = stylesheet }
        return assets
    }

    private static func overlay(folder: String, relative: String, fileSystem: FileSystem, into files: inout [String: Data]) throws {
        let here = relative.isEmpty ? folder : folder + "/" + relative
        for name in try fileSystem.list(here).sorted() where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            switch fileSystem.kind(folder + "/" + path) {
            case .directory: try overlay(folder: folder, relative: path, fileSystem: fileSystem, into: &files)
            case .file: files[path] = try fileSystem.read(folder + "/" + path)
            case .symlink: throw DossierError.theme("\(folder)/\(path) is a symbolic link; themes may not link elsewhere")
            case .missing: continue
            }
        }
    }
}
