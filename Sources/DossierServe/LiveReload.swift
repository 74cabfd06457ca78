import Foundation

/// The browser side of live reload: a small script, served at `scriptPath` and linked into every
/// HTML page on its way out (never into the files on disk, which stay byte-identical to
/// `dossier build`). It listens to `eventsPath` (Server-Sent Events) and reloads on `reload` (and on
/// `pages` when it is one of the pages named); on
/// `failed` it lays the build's diagnostics over the page, which is still the last good build.
public enum LiveReload {
    public static let eventsPath = "/__dossier/events"
    public static let scriptPath = "/__dossier/live.js"

    static let tag = Array("<script src=\"\(scriptPath)\"></script>".utf8)

    /// `html` with the script tag before its last `</body>` (any case), or at the end without one.
    static func inject(into html: Data) -> Data {
        let bytes = [UInt8](html)
        let needle = Array("</body>".utf8)
        var index = bytes.count - needle.count
        while index >= 0 {
            if matches(bytes, at: index, needle) {
                var out = Data(bytes[..<index])
                out.append(contentsOf: tag)
                out.append(contentsOf: bytes[index...])
                return out
            }
            index -= 1
        }
        return html + Data(tag)
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ needle: [UInt8]) -> Bool {
        for offset in needle.indices {
            // ASCII lower-casing: `</BODY>` counts too.
            var byte = bytes[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != needle[offset] { return false }
        }
        return true
    }

    /// The diagnostics reach the page as event data and are shown with `textContent`, never parsed
    /// as HTML. `hello` carries the build generation: a page that reconnects after missing a rebuild
    /// (the server restarted, the laptop slept) sees a new generation and reloads.
    static let script = """
    (function () {
      "use strict";
      if (!window.EventSource) return;
      var seen = null, overlay = null;
      function hide() { if (overlay) { overlay.remove(); overlay = null; } }
      function show(text) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "dossier-build-error";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;" +
            "padding:1.5rem 2rem;background:rgba(24,24,28,.95);color:#f4f4f5;" +
            "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap";
          var title = document.createElement("strong");
          title.style.cssText = "display:block;color:#fca5a5;font-size:16px;margin-bottom:1rem";
          title.textContent = "Build failed: this page is the last good build. Fix the files below and save.";
          var body = document.createElement("div");
          body.className = "dossier-build-error-text";
          overlay.appendChild(title);
          overlay.appendChild(body);
          overlay.addEventListener("click", hide);
          document.body.appendChild(overlay);
        }
        overlay.lastChild.textContent = text;
      }
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("hello", function (event) {
        if (seen !== null && seen !== event.data) { location.reload(); return; }
        seen = event.data;
      });
      // The page's own path, as the server names pages (site-relative, decoded).
      function here() {
        var path = location.pathname.replace(/^\\/+/, "");
        try { return decodeURIComponent(path); } catch (e) { return path; }
      }
      // A reload lists after its generation the pages that already show the build (they were
      // shown ahead of it, see "pages"): those stay, the rest reload.
      source.addEventListener("reload", function (event) {
        var lines = event.data.split("\\n");
        if (lines.slice(1).indexOf(here()) >= 0) { seen = lines[0]; return; }
        location.reload();
      });
      source.addEventListener("pages", function (event) {
        if (event.data.split("\\n").indexOf(here()) >= 0) location.reload();
      });
      source.addEventListener("failed", function (event) { show(event.data); });
    })();

    """
}
