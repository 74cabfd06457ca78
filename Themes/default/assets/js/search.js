/* Dossier search: full-text search in the browser over search/index.js (window.DOSSIER_SEARCH),
 * which is a script rather than JSON so that it loads from file:// too. Latin text is matched by
 * lowercase words, Chinese (and other CJK) text by character bigrams, a single character by itself.
 * Every result is built with DOM nodes and textContent: nothing from the index is parsed as HTML. */
(function () {
  "use strict";

  var root = document.getElementById("search");
  if (!root) return;
  var data = window.DOSSIER_SEARCH;
  var form = root.querySelector("form");
  var input = document.getElementById("search-q");
  var select = document.getElementById("search-type");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var fallback = document.getElementById("search-nojs");
  var max = parseInt(root.getAttribute("data-max"), 10) || 50;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }
  function say(key, values) { return fill(root.getAttribute("data-" + key) || "", values || {}); }

  root.hidden = false;
  if (!data || !data.entries || !data.types) {
    form.hidden = true;
    status.textContent = say("missing");
    return;
  }
  if (fallback) fallback.hidden = true;

  var CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u{20000}-\u{2fa1f}]+/gu;
  var WORD = /[\p{L}\p{N}]+(?:[._:\-\/][\p{L}\p{N}]+)*/gu;

  // Lowercase copies for matching, made once. When lowercasing changes the length (rare), offsets
  // into the lowercase text no longer fit the original, and snippets are cut from the lowercase text.
  var entries = data.entries.map(function (entry, index) {
    function field(text) {
      text = text || "";
      var lower = text.toLowerCase();
      return { lower: lower, shown: lower.length === text.length ? text : lower };
    }
    return {
      entry: entry, index: index,
      id: entry.id.toLowerCase(), title: entry.title.toLowerCase(),
      text: field(entry.text), meta: field(entry.meta),
      kind: ((data.types[entry.type] || {}).label || "").toLowerCase()
    };
  });

  /* The query as groups, each of which must match: a Latin word, or a CJK run with its bigrams. */
  function parse(query) {
    var q = query.normalize ? query.normalize("NFKC").toLowerCase() : query.toLowerCase();
    var groups = [];
    var seen = {};
    function add(group) {
      if (seen[group.phrase]) return;
      seen[group.phrase] = true;
      groups.push(group);
    }
    var rest = q.replace(CJK_RUN, function (run) {
      var chars = Array.from(run);
      var parts = [];
      if (chars.length === 1) parts.push(run);
      for (var i = 0; i + 1 < chars.length; i++) {
        var bigram = chars[i] + chars[i + 1];
        if (parts.indexOf(bigram) < 0) parts.push(bigram);
      }
      add({ phrase: run, parts: parts });
      return " ";
    });
    var words = rest.match(WORD) || [];
    words.forEach(function (word) { add({ phrase: word, parts: [word] }); });
    return groups;
  }

  function count(haystack, needle, cap) {
    var n = 0, at = haystack.indexOf(needle);
    while (at >= 0 && n < cap) { n++; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  /* 0 when a group does not match; else higher for matches in the id and title, and for whole phrases. */
  function score(item, groups, whole) {
    var total = 0;
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g];
      var inID = item.id.indexOf(group.phrase) >= 0, inTitle = item.title.indexOf(group.phrase) >= 0;
      var inText = count(item.text.lower, group.phrase, 5) + count(item.meta.lower, group.phrase, 2);
      var inKind = item.kind.indexOf(group.phrase) >= 0;
      if (inID || inTitle || inText || inKind) {
        total += (inID ? 30 : 0) + (inTitle ? 20 : 0) + inText * 2 + (inKind ? 1 : 0);
        continue;
      }
      // A CJK run not found as a whole: every bigram must be there.
      if (group.parts.length < 2) return 0;
      for (var p = 0; p < group.parts.length; p++) {
        var part = group.parts[p];
        var partTitle = item.title.indexOf(part) >= 0 || item.id.indexOf(part) >= 0 || item.kind.indexOf(part) >= 0;
        var partText = count(item.text.lower, part, 3) + count(item.meta.lower, part, 1);
        if (!partTitle && !partText) return 0;
        total += (partTitle ? 4 : 0) + partText;
      }
    }
    if (item.id === whole) total += 100;
    return total;
  }

  /* Where the query occurs in `text`, as merged [start, end) ranges: each group's phrase where the
   * text holds it, else the group's bigrams. */
  function ranges(text, groups) {
    var lower = text.toLowerCase();
    if (lower.length !== text.length) return [];
    var found = [];
    groups.forEach(function (group) {
      var needles = lower.indexOf(group.phrase) >= 0 ? [group.phrase] : group.parts;
      needles.forEach(function (needle) {
        if (!needle) return;
        var at = lower.indexOf(needle);
        while (at >= 0) { found.push([at, at + needle.length]); at = lower.indexOf(needle, at + needle.length); }
      });
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    found.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range.slice());
    });
    return merged;
  }

  /* Appends `text` to `parent` as text nodes, with each match in a <mark>. */
  function appendMarked(parent, text, groups) {
    var at = 0;
    ranges(text, groups).forEach(function (range) {
      if (range[0] > at) parent.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      parent.appendChild(mark);
      at = range[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function firstMatch(lower, groups) {
    for (var g = 0; g < groups.length; g++) {
      var at = lower.indexOf(groups[g].phrase);
      for (var p = 0; at < 0 && p < groups[g].parts.length; p++) at = lower.indexOf(groups[g].parts[p]);
      if (at >= 0) return at;
    }
    return -1;
  }

  /* About 170 characters around the first match in the page's text, else in its front matter. */
  function snippet(item, groups) {
    var field = item.text, at = firstMatch(item.text.lower, groups);
    if (at < 0) {
      var metaAt = firstMatch(item.meta.lower, groups);
      if (metaAt >= 0 || !item.text.lower) { field = item.meta; at = Math.max(metaAt, 0); }
      else at = 0;
    }
    var text = field.shown;
    var start = Math.max(0, at - 50);
    if (start > 0) {
      var space = text.lastIndexOf(" ", start + 12);
      if (space > start - 12 && space < at) start = space + 1;
    }
    var end = Math.min(text.length, start + 170);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function result(item, groups) {
    var entry = item.entry;
    var li = element("li", "search-result");
    var heading = element("p", "search-result__heading");
    var link = element("a", "search-result__title");
    link.href = entry.url;
    appendMarked(link, entry.title, groups);
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = element("p", "search-result__meta");
    var type = data.types[entry.type];
    meta.appendChild(element("span", "search-result__type", type ? type.label : ""));
    var id = element("span", "search-result__id mono");
    appendMarked(id, entry.id, groups);
    meta.appendChild(id);
    li.appendChild(meta);
    if (item.text.lower || item.meta.lower) {
      var text = element("p", "search-result__snippet");
      appendMarked(text, snippet(item, groups), groups);
      li.appendChild(text);
    }
    return li;
  }

  function run() {
    var query = input.value.trim();
    var typeKey = select ? select.value : "";
    list.textContent = "";
    if (!query) {
      status.textContent = say("prompt", { n: entries.length });
      return;
    }
    var groups = parse(query);
    var whole = query.toLowerCase();
    var hits = [];
    entries.forEach(function (item) {
      if (typeKey && (data.types[item.entry.type] || {}).key !== typeKey) return;
      var points = groups.length ? score(item, groups, whole) : 0;
      if (points > 0) hits.push({ item: item, points: points });
    });
    hits.sort(function (a, b) { return b.points - a.points || a.item.index - b.item.index; });
    if (!hits.length) {
      status.textContent = say("none", { q: query });
      return;
    }
    var line = hits.length === 1 ? say("one", { q: query }) : say("many", { q: query, n: hits.length });
    if (hits.length > max) line += " · " + say("more", { shown: max });
    status.textContent = line;
    var fragment = document.createDocumentFragment();
    hits.slice(0, max).forEach(function (hit) { fragment.appendChild(result(hit.item, groups)); });
    list.appendChild(fragment);
  }

  /* Keeps ?q= and ?type= in the address, where the browser allows it (not always from file://). */
  function remember() {
    try {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      if (select && select.value) params.set("type", select.value);
      var search = params.toString();
      history.replaceState(null, "", (search ? "?" + search : location.pathname.split("/").pop()) + location.hash);
    } catch (error) { /* file:// in some browsers */ }
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(); remember(); }, 120);
  });
  if (select) select.addEventListener("change", function () { run(); remember(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
    remember();
  });

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (select && params.get("type")) {
    select.value = params.get("type");
    if (select.value !== params.get("type")) select.value = "";
  }
  run();
  if (!input.value) input.focus();
})();
