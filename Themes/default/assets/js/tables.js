/* Dossier tables: sorting and filtering for every table[data-sortable] (record indexes, the document
 * register). Progressive enhancement: without this script the tables are complete and readable.
 *
 * - Each column heading becomes a button; activating it sorts the rows (again: the other way) and
 *   sets aria-sort on the heading. A cell sorts by its data-sort attribute when it has one, else by
 *   its text; ISO dates, numbers and the site's date formats (2026年3月18日, 18 Mar 2026) sort as such.
 * - A filter field with a label goes above the table; rows that do not contain every word typed are
 *   hidden, and a status line says how many are shown.
 * Words come from the table's data-filter-label, data-filter-placeholder and data-filter-count
 * attributes, which templates fill from the theme's strings; a table without them gets the
 * built-in words of the page's language (FALLBACK). */
(function () {
  "use strict";

  var MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
  var lang = document.documentElement.lang || undefined;
  var FALLBACK = {
    "en": { label: "Filter", placeholder: "Type to filter rows", count: "{shown} of {total} rows" },
    "zh-CN": { label: "筛选", placeholder: "输入关键字筛选", count: "显示 {shown} / {total} 行" }
  };
  var words = FALLBACK[lang] || FALLBACK[String(lang).split("-")[0]] || FALLBACK.en;
  var collator = window.Intl ? new Intl.Collator(lang, { numeric: true, sensitivity: "base" }) : null;

  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }

  /* A comparable key: [0, number] for numbers and dates, [1, text] for anything else. */
  function key(cell) {
    if (!cell) return [2, ""];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    var text = raw.replace(/\s+/g, " ").trim();
    if (text === "") return [2, ""];
    var m = text.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/);
    if (m) return [0, Number(m[1] + m[2] + m[3] + (m[4] || "00") + (m[5] || "00"))];
    m = text.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s+(\d{2}):(\d{2}))?/);
    if (m) return [0, Number(m[1] + pad(m[2], 2) + pad(m[3], 2) + (m[4] || "00") + (m[5] || "00"))];
    m = text.match(/^(\d{1,2}) ([A-Za-z]{3}) (\d{4})(?:\s+(\d{2}):(\d{2}))?/);
    if (m && MONTHS[m[2].toLowerCase()]) {
      return [0, Number(m[3] + pad(MONTHS[m[2].toLowerCase()], 2) + pad(m[1], 2) + (m[4] || "00") + (m[5] || "00"))];
    }
    if (/^-?\d+(?:\.\d+)?$/.test(text)) return [0, Number(text)];
    return [1, text];
  }

  function compare(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (a[0] === 0) return a[1] - b[1];
    return collator ? collator.compare(a[1], b[1]) : (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? String(values[name]) : whole; });
  }

  var counter = 0;

  function enhance(table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body || table.getAttribute("data-enhanced") === "true") return;
    table.setAttribute("data-enhanced", "true");
    counter += 1;
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, index) { row.setAttribute("data-order", String(index)); });
    var headers = Array.prototype.slice.call(head.rows[0] ? head.rows[0].cells : []);

    // Sorting: a button in each heading cell.
    headers.forEach(function (th, column) {
      if (th.hasAttribute("data-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "table-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "table-sort__icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = Array.prototype.slice.call(body.rows).map(function (row) {
          return { row: row, key: key(row.cells[column]), order: Number(row.getAttribute("data-order")) };
        });
        keyed.sort(function (a, b) {
          var c = compare(a.key, b.key);
          if (!ascending) c = -c;
          return c || a.order - b.order;
        });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (item) { fragment.appendChild(item.row); });
        body.appendChild(fragment);
      });
    });

    // Filtering: a labelled search field above the table (above its scrolling wrapper, if any).
    if (table.hasAttribute("data-nofilter")) return;
    var label = table.getAttribute("data-filter-label") || words.label;
    var anchor = table.parentNode && table.parentNode.classList && table.parentNode.classList.contains("table-wrap") ? table.parentNode : table;
    var tools = document.createElement("div");
    tools.className = "table-tools";
    var id = "table-filter-" + counter;
    var labelNode = document.createElement("label");
    labelNode.className = "table-tools__label";
    labelNode.htmlFor = id;
    labelNode.textContent = label;
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "table-tools__input";
    input.autocomplete = "off";
    input.placeholder = table.getAttribute("data-filter-placeholder") || words.placeholder;
    var status = document.createElement("span");
    status.className = "table-tools__count";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var countText = table.getAttribute("data-filter-count") || words.count;
    tools.appendChild(labelNode);
    tools.appendChild(input);
    tools.appendChild(status);
    anchor.parentNode.insertBefore(tools, anchor);

    var texts = rows.map(function (row) { return row.textContent.replace(/\s+/g, " ").toLowerCase(); });
    function apply() {
      var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = terms.every(function (term) { return texts[index].indexOf(term) >= 0; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = terms.length ? fill(countText, { shown: shown, total: rows.length }) : "";
    }
    input.addEventListener("input", apply);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
