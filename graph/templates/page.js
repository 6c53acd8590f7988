/* graph.html page script. All document text is data: it reaches the page only through
   textContent and createElement, never innerHTML, and no handler is built from it. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("data").textContent);
  var META = DATA.meta;
  var LATEST = META.latestYear;
  var root = document.documentElement;

  // ------------------------------------------------------------------ small DOM helpers
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === undefined || value === null) return;
        if (key === "text") node.textContent = String(value);
        else if (key === "className") node.className = value;
        else if (key === "onClick") node.addEventListener("click", value);
        else node.setAttribute(key, String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }
  function add(parent, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(parent, c); }); return; }
    parent.appendChild(typeof child === "string" || typeof child === "number"
      ? document.createTextNode(String(child)) : child);
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function byId(id) { return document.getElementById(id); }
  function plural(n, one, many) { return n.toLocaleString("en-GB") + " " + (n === 1 ? one : many); }
  function listWords(items) {
    if (items.length <= 1) return items.join("");
    return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  var SVG = "http://www.w3.org/2000/svg";
  function shapeIcon(shape, fill, stroke) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("viewBox", "0 0 18 18");
    svg.setAttribute("aria-hidden", "true");
    var s;
    if (shape === "dot") {
      s = document.createElementNS(SVG, "circle");
      s.setAttribute("cx", "9"); s.setAttribute("cy", "9"); s.setAttribute("r", "6");
    } else if (shape === "square") {
      s = document.createElementNS(SVG, "rect");
      s.setAttribute("x", "3"); s.setAttribute("y", "3");
      s.setAttribute("width", "12"); s.setAttribute("height", "12");
    } else {
      var points = {
        hexagon: "9,1.5 15.5,5.2 15.5,12.8 9,16.5 2.5,12.8 2.5,5.2",
        diamond: "9,1.5 16.5,9 9,16.5 1.5,9",
        triangle: "9,2 16.5,15.5 1.5,15.5",
        star: "9,1.2 11.2,6.5 16.8,6.8 12.5,10.5 13.9,16.2 9,13.1 4.1,16.2 5.5,10.5 1.2,6.8 6.8,6.5"
      }[shape] || "3,3 15,3 15,15 3,15";
      s = document.createElementNS(SVG, "polygon");
      s.setAttribute("points", points);
    }
    s.setAttribute("fill", fill);
    s.setAttribute("stroke", stroke);
    s.setAttribute("stroke-width", "1.3");
    svg.appendChild(s);
    return svg;
  }

  // ------------------------------------------------------------------ words
  var POL_WORD = { W: "Weakness", S: "Strength", N: "Other finding" };
  var STATE = {
    persisting: { word: "Persisting", cls: "state-persisting",
      explain: function (y) { return "a weakness in " + y + " and in an earlier year"; } },
    "new": { word: "New", cls: "state-new",
      explain: function (y) { return "a weakness in " + y + " for the first time"; } },
    improved: { word: "Improved", cls: "state-improved",
      explain: function (y) { return "a weakness before, a strength in " + y; } },
    resolved: { word: "Resolved", cls: "state-resolved",
      explain: function (y) { return "a weakness before, not raised in " + y; } },
    "": { word: "No weakness", cls: "state-none",
      explain: function () { return "only ever raised as a strength"; } }
  };
  var KIND_WORD = {
    t: "Theme", f: "Finding", a: "Assessment", d: "Document", p: "Person, post or organisation",
    x: "Action promised"
  };

  // a finding's or action's words: its first quote, unless the page data gives them apart
  function statement(item) { return item.text !== undefined ? item.text : item.ex[0].quote; }
  function shorten(text, limit) { return text.length > limit ? text.slice(0, limit - 1) + "…" : text; }

  function docTitle(i) { return i >= 0 && DATA.docs[i] ? DATA.docs[i].title : "an unknown document"; }
  function assessmentLabel(i) {
    return i >= 0 && DATA.assessments[i] ? DATA.assessments[i].label : "an unknown assessment";
  }

  // the source line under a quote: document, section, page
  function sourceLine(ex, lead) {
    var p = el("p", { className: "source" });
    if (lead) add(p, lead);
    add(p, [(lead ? " — " : "") + "in ", el("cite", { text: docTitle(ex.doc) })]);
    if (ex.doc >= 0 && DATA.docs[ex.doc].date) add(p, " (" + DATA.docs[ex.doc].date + ")");
    if (ex.section !== undefined) add(p, [", section “", el("cite", { text: DATA.sections[ex.section] }), "”"]);
    if (ex.page) add(p, ", page " + ex.page);
    return p;
  }

  function findingItem(i, withLink) {
    var f = DATA.findings[i];
    var li = el("li", { "data-finding": i });
    add(li, el("span", { className: "pol pol-" + f.pol, text: POL_WORD[f.pol] }));
    add(li, el("span", { className: "year", text: String(f.year) }));
    var first = f.ex[0];
    add(li, el("blockquote", { className: "quote", text: first ? first.quote : statement(f) }));
    if (first) {
      add(li, sourceLine(first, ["From ", el("cite", { text: assessmentLabel(f.a) })]));
    }
    if (f.ex.length > 1) {
      var also = el("p", { className: "also" }, "Also quoted ");
      f.ex.slice(1).forEach(function (ex, k) {
        add(also, [k ? "; " : "", "in ", el("cite", { text: docTitle(ex.doc) })]);
        if (ex.section !== undefined) add(also, " (section “" + DATA.sections[ex.section] + "”)");
      });
      add(li, also);
    }
    if (withLink) {
      add(li, el("button", { type: "button", className: "link-button", text: "Show in the network",
        onClick: function () { openInNetwork("f" + i); } }));
    }
    return li;
  }

  // ------------------------------------------------------------------ header
  function renderIntro() {
    var years = META.years;
    var n = META.councils.length;
    var place = n > 3 ? n + " councils" : n ? listWords(META.councils) : "the council";
    var span = years.length ? (years.length > 1 ? " from " + years[0] + " to " + years[years.length - 1]
      : " in " + years[0]) : "";
    byId("intro").textContent =
      "This page brings together what inspections, reviews and council reports said about " +
      "children’s services in " + place + span + ": " +
      plural(META.counts.findings, "finding", "findings") + " from " +
      plural(META.counts.documents, "document", "documents") + ", grouped into themes. " +
      "In the table each row is a theme and each column a year: select a cell to read the " +
      "exact words behind it. Everything is inside this one file; it needs no internet " +
      "connection.";
  }

  function gradeClass(grade) {
    if (grade === "Outstanding" || grade === "Good") return "grade-good";
    if (grade === "Inadequate") return "grade-inadequate";
    if (grade.indexOf("Requires improvement") === 0 || grade === "Adequate") return "grade-ri";
    return "grade-other";
  }

  // the latest two sets of grades of the council shown (of any council when there is one)
  function renderJudgements(council) {
    var section = byId("judgements");
    var cards = byId("judgement-cards");
    clear(cards);
    var sub = byId("judgement-sub");
    var sets = DATA.judgements.filter(function (s) {
      return council === null || META.councils.length <= 1 || s.council === council;
    });
    if (council === null && META.councils.length > 1) sets = [];
    section.hidden = !sets.length;
    if (!sets.length) return;
    var latest = sets[0];
    var previous = sets.length > 1 ? sets[1] : null;
    sub.textContent = "From the " + latest.label + (previous ? ". Under each grade: the grade " +
      "at the " + previous.label + "." : ".");
    latest.rows.forEach(function (row) {
      var before = previous && previous.rows.filter(function (r) { return r.domain === row.domain; })[0];
      var card = el("div", { className: "jcard " + gradeClass(row.grade) +
        (row.domain === "Overall effectiveness" ? " overall" : "") },
        el("span", { className: "area", text: row.domain }),
        el("span", { className: "grade", text: row.grade }),
        before ? el("span", { className: "was",
          text: "Was: " + before.grade + (previous.year ? " (" + previous.year + ")" : "") }) : null,
        el("details", null, el("summary", { text: "Source" }),
          el("blockquote", { className: "quote", text: row.ex.quote }), sourceLine(row.ex)));
      cards.appendChild(card);
    });
  }

  // ------------------------------------------------------------------ theme × year
  var selectedCell = null;

  function counts(list) {
    var c = { W: 0, S: 0, N: 0 };
    list.forEach(function (i) { c[DATA.findings[i].pol] += 1; });
    return c;
  }
  function level(n) { return n >= 4 ? 3 : n >= 2 ? 2 : 1; }
  function countWords(c) {
    var parts = [];
    if (c.W) parts.push(plural(c.W, "weakness", "weaknesses"));
    if (c.S) parts.push(plural(c.S, "strength", "strengths"));
    if (c.N) parts.push(plural(c.N, "other finding", "other findings"));
    return parts;
  }

  function renderLegend(latest) {
    var legend = byId("grid-legend");
    clear(legend);
    function key(cls, words) {
      return el("span", { className: "key" }, el("span", { className: "swatch " + cls }), words);
    }
    add(legend, el("div", { className: "legend-line" }, el("strong", { text: "Cells" }),
      key("heat-w3", "more weaknesses (darker: more)"),
      key("heat-s3", "more strengths"),
      key("heat-mix", "as many of each"),
      key("heat-o", "other findings only"),
      el("span", { className: "key", text: "– nothing raised" })));
    var states = el("div", { className: "legend-line" }, el("strong", { text: "Now" }));
    Object.keys(STATE).forEach(function (s) {
      add(states, el("span", { className: "key" },
        el("span", { className: "badge " + STATE[s].cls, text: STATE[s].word }), STATE[s].explain(latest)));
    });
    add(legend, states);
    add(states, el("button", { type: "button", className: "close", text: "Print the table",
      onClick: function () { window.print(); } }));
  }

  var GRID = DATA.grids[0];

  function renderGrid(grid) {
    GRID = grid;
    closeCell();
    var years = grid.years;
    var latest = grid.latestYear;
    renderLegend(latest);
    var byYear = {};
    DATA.assessments.forEach(function (a) {
      if (grid.council === undefined || a.council === grid.council) {
        (byYear[a.year] = byYear[a.year] || []).push(a);
      }
    });
    var head = el("tr", null,
      el("th", { scope: "col", text: "Theme" }),
      el("th", { scope: "col" }, "Now", el("span", { className: "sub", text: "(" + latest + ")" })));
    years.forEach(function (y) {
      var n = (byYear[y] || []).length;
      head.appendChild(el("th", { scope: "col", className: "year" }, String(y),
        el("span", { className: "sub", text: plural(n, "assessment", "assessments") })));
    });
    var thead = byId("grid-head");
    clear(thead);
    thead.appendChild(head);
    var body = byId("grid-body");
    clear(body);
    byId("grid-empty").hidden = grid.rows.length > 0;
    grid.rows.forEach(function (row, r) {
      var theme = DATA.themes[row.theme];
      var state = STATE[row.state] || STATE[""];
      var tr = el("tr", { id: "row-" + row.theme });
      tr.appendChild(el("th", { scope: "row", className: "theme", tabindex: "-1" }, theme.label,
        theme.path.length ? el("span", { className: "path", text: "part of " + theme.path.join(" › ") })
          : null));
      var since = row.weak.length ? "a weakness in " + plural(row.weak.length, "year", "years")
        : "a strength in " + plural(row.strong.length, "year", "years");
      tr.appendChild(el("td", { className: "state" },
        el("span", { className: "badge " + state.cls, text: state.word,
          title: state.explain(latest) }),
        el("span", { className: "since", text: since })));
      years.forEach(function (y) {
        var list = row.cells[String(y)] || [];
        var td = el("td", { className: "cell" });
        if (!list.length) {
          add(td, [el("span", { className: "nil", "aria-hidden": "true", text: "–" }),
            el("span", { className: "visually-hidden", text: "nothing raised" })]);
        } else {
          var c = counts(list);
          td.className += " " + (c.W > c.S ? "heat-w" + level(c.W) : c.S > c.W ? "heat-s" + level(c.S)
            : c.W ? "heat-mix" : "heat-o");
          var button = el("button", { type: "button", "aria-pressed": "false",
            "aria-label": theme.label + ", " + y + ": " + countWords(c).join(", ") +
              ". Show the findings.",
            "data-row": r, "data-year": y });
          if (c.W) add(button, el("span", { className: "n w", text: plural(c.W, "weakness", "weaknesses") }));
          if (c.S) add(button, el("span", { className: "n s", text: plural(c.S, "strength", "strengths") }));
          if (c.N) add(button, el("span", { className: "n o", text: c.N.toLocaleString("en-GB") + " other" }));
          button.addEventListener("click", function () { showCell(r, y, button); });
          td.appendChild(button);
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    // which assessments each column holds
    var sources = byId("grid-sources");
    clear(sources);
    add(sources, el("h3", { text: "Where the years come from" }));
    var ul = el("ul");
    years.forEach(function (y) {
      var labels = (byYear[y] || []).map(function (a) { return a.label; });
      if (labels.length > 12) labels = labels.slice(0, 12).concat(["and " + (labels.length - 12) + " more"]);
      if (labels.length) add(ul, el("li", null, el("strong", { text: String(y) + ": " }), labels.join("; ")));
    });
    add(sources, ul);
  }

  function setUpGrid() {
    byId("grid-how").textContent =
      "Themes that keep coming back as weaknesses are at the top. Each cell counts the " +
      "findings about a theme in one year’s inspections and reviews (a theme includes the " +
      "narrower themes that are part of it). Select a cell to read them.";
    byId("cell-detail-close").addEventListener("click", closeCell);
    if (DATA.grids.length > 1) {
      // several councils: one table each, or all together
      var select = byId("council-filter");
      add(select, el("option", { value: "", text: "All " + META.councils.length + " councils together" }));
      DATA.grids.slice(1).forEach(function (g, k) {
        add(select, el("option", { value: String(k + 1), text: META.councils[g.council] }));
      });
      var mirror = byId("net-council");
      Array.prototype.forEach.call(select.options, function (o) {
        add(mirror, el("option", { value: o.value, text: o.textContent }));
      });
      mirror.options[0].textContent = "All councils";
      function choose(value) {
        select.value = mirror.value = value;
        var grid = DATA.grids[value ? parseInt(value, 10) : 0];
        renderGrid(grid);
        renderJudgements(grid.council === undefined ? null : grid.council);
        if (network) applyFilters();
      }
      select.addEventListener("change", function () { choose(select.value); });
      mirror.addEventListener("change", function () { choose(mirror.value); });
      byId("net-council-choice").hidden = false;
      byId("council-choice").hidden = false;
    }
    renderGrid(DATA.grids[0]);
    renderJudgements(null);
  }

  function showCell(r, y, button) {
    var row = GRID.rows[r];
    var theme = DATA.themes[row.theme];
    var list = row.cells[String(y)] || [];
    if (selectedCell) selectedCell.setAttribute("aria-pressed", "false");
    selectedCell = button;
    button.setAttribute("aria-pressed", "true");
    var panel = byId("cell-detail");
    // the findings open in a row right under the theme's row
    var tr = byId("row-" + row.theme);
    var detailRow = byId("detail-row");
    if (!detailRow) {
      detailRow = el("tr", { id: "detail-row", className: "detail-row" },
        el("td", { colspan: "1" }));
    }
    detailRow.firstChild.setAttribute("colspan", String(GRID.years.length + 2));
    tr.parentNode.insertBefore(detailRow, tr.nextSibling);
    detailRow.firstChild.appendChild(panel);
    detailRow.hidden = false;
    panel.hidden = false;
    byId("cell-detail-title").textContent = theme.label + " in " + y;
    var assessments = [];
    list.forEach(function (i) {
      var label = assessmentLabel(DATA.findings[i].a);
      if (assessments.indexOf(label) < 0) assessments.push(label);
    });
    byId("cell-detail-sub").textContent = countWords(counts(list)).join(", ") + ", from: " +
      assessments.join("; ") + ".";
    var ol = byId("cell-detail-list");
    clear(ol);
    var more = byId("cell-detail-more");
    if (more) more.parentNode.removeChild(more);
    var shown = 0;
    function showMore() {
      // a long list opens a hundred at a time
      var next = list.slice(shown, shown + 100);
      next.forEach(function (i) { ol.appendChild(findingItem(i, true)); });
      shown += next.length;
      var button = byId("cell-detail-more");
      if (shown < list.length) {
        if (!button) {
          button = el("button", { type: "button", id: "cell-detail-more", className: "close", onClick: showMore });
          ol.parentNode.appendChild(button);
        }
        button.textContent = "Show more (" + (list.length - shown) + " not shown yet)";
      } else if (button) {
        button.parentNode.removeChild(button);
      }
    }
    showMore();
    panel.scrollIntoView({ block: "nearest" });
    panel.focus({ preventScroll: true });
  }

  function closeCell(ev) {
    var panel = byId("cell-detail");
    panel.hidden = true;
    var detailRow = byId("detail-row");
    if (detailRow) {
      // keep the panel in the page when the table is redrawn
      byId("grid-sources").parentNode.appendChild(panel);
      detailRow.parentNode.removeChild(detailRow);
    }
    if (selectedCell) {
      selectedCell.setAttribute("aria-pressed", "false");
      if (ev) selectedCell.focus();  // closed by its button: back to the cell
      selectedCell = null;
    }
  }

  function showThemeRow(t) {
    showTab("grid");
    var row = byId("row-" + t);
    if (!row) return;
    var th = row.querySelector("th");
    row.scrollIntoView({ block: "center" });
    th.focus({ preventScroll: true });
  }

  // ------------------------------------------------------------------ tabs
  var tabs = { grid: byId("tab-grid"), network: byId("tab-network") };
  function showTab(name) {
    Object.keys(tabs).forEach(function (key) {
      var on = key === name;
      tabs[key].setAttribute("aria-selected", on ? "true" : "false");
      byId("view-" + key).hidden = !on;
    });
    if (history.replaceState) {
      try { history.replaceState(null, "", name === "network" ? "#network" : "#themes"); }
      catch (e) { /* some browsers refuse this on file:// pages: the view still changes */ }
    }
    if (name === "network") {
      initNetwork();
      // the diagram fills the window under the tabs
      byId("tab-grid").parentNode.scrollIntoView({ block: "start" });
    }
  }
  Object.keys(tabs).forEach(function (key, k, keys) {
    tabs[key].addEventListener("click", function () { showTab(key); });
    tabs[key].addEventListener("keydown", function (ev) {
      var step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      var next = keys[(k + step + keys.length) % keys.length];
      showTab(next);
      tabs[next].focus();
      ev.preventDefault();
    });
  });

  // ------------------------------------------------------------------ network
  var NET = DATA.network;
  var network = null, nodes = null, edges = null, view = null, edgeView = null;
  // A diagram this large opens with its findings and actions hidden, so that it opens quickly;
  // above DIM_LIMIT shown nodes a selection is highlighted without greying out the rest.
  var OPEN_LIMIT = META.limits.open, DIM_LIMIT = META.limits.dim;
  var large = NET.nodes.length > OPEN_LIMIT;
  var drawAnyway = false;
  var hidden = new Set();
  var adjacency = new Map();
  var groupOf = new Map();
  var dimmed = [];
  var selected = null;

  function kindOf(id) { return id.charAt(0); }
  function indexOf(id) { return parseInt(id.slice(1), 10); }
  function labelOf(id) {
    var i = indexOf(id);
    switch (kindOf(id)) {
      case "t": return DATA.themes[i].label;
      case "f": return statement(DATA.findings[i]);
      case "a": return DATA.assessments[i].label;
      case "d": return DATA.docs[i].title;
      case "p": return DATA.actors[i].label;
      case "x": return statement(DATA.actions[i]);
      case "n": return "Findings and actions that no theme matched";
    }
    return id;
  }

  NET.nodes.forEach(function (n) { groupOf.set(n.id, n.group); adjacency.set(n.id, []); });
  NET.edges.forEach(function (e) {
    adjacency.get(e.from).push(e.to);
    adjacency.get(e.to).push(e.from);
  });

  var TYPES = [
    { key: "t", label: "Themes", group: "theme" },
    { key: "f", label: "Findings", group: "finding-W", subs: [
      { key: "W", label: "Weaknesses", group: "finding-W" },
      { key: "S", label: "Strengths", group: "finding-S" },
      { key: "N", label: "Other findings", group: "finding-N" }] },
    { key: "a", label: "Assessments", group: "assessment" },
    { key: "d", label: "Documents", group: "document" },
    { key: "p", label: "People and organisations", group: "actor" },
    { key: "x", label: "Actions promised", group: "action" }
  ];
  var typeOn = {}, polOn = {};

  function groupIcon(group) {
    var g = NET.options.groups[group];
    return shapeIcon(g.shape, g.color.background, g.color.border);
  }

  function buildControls() {
    var box = byId("type-filters");
    TYPES.forEach(function (t) {
      typeOn[t.key] = true;
      var input = el("input", { type: "checkbox", id: "show-" + t.key, "data-type": t.key });
      input.checked = true;
      input.addEventListener("change", function () { typeOn[t.key] = input.checked; applyFilters(); });
      var label = el("label", { "for": "show-" + t.key }, input,
        t.subs ? null : groupIcon(t.group), t.label);
      add(box, el("div", { className: "filter-row" }, label));
      (t.subs || []).forEach(function (s) {
        polOn[s.key] = true;
        var sub = el("input", { type: "checkbox", id: "show-pol-" + s.key, "data-polarity": s.key });
        sub.checked = true;
        sub.addEventListener("change", function () { polOn[s.key] = sub.checked; applyFilters(); });
        add(box, el("div", { className: "filter-row sub" },
          el("label", { "for": "show-pol-" + s.key }, sub, groupIcon(s.group), s.label)));
      });
    });
    var year = byId("year-filter");
    add(year, el("option", { value: "", text: "All years" }));
    META.years.forEach(function (y) { add(year, el("option", { value: String(y), text: String(y) })); });
    year.addEventListener("change", applyFilters);
    var theme = byId("theme-filter");
    add(theme, el("option", { value: "", text: "All themes" }));
    DATA.themes.forEach(function (t, i) {
      var indent = t.path.length ? "\u00a0\u00a0\u00a0".repeat(t.path.length) + "– " : "";
      add(theme, el("option", { value: String(i), text: indent + t.label }));
    });
    theme.addEventListener("change", applyFilters);
    byId("zoom-in").addEventListener("click", function () { zoom(1.4); });
    byId("zoom-out").addEventListener("click", function () { zoom(1 / 1.4); });
    byId("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
    byId("reset").addEventListener("click", function () { resetFilters(); network.fit(); });
    byId("physics").addEventListener("change", function (ev) {
      network.setOptions({ physics: { enabled: ev.target.checked } });
    });
    if (large) {
      typeOn.f = typeOn.x = false;
      byId("show-f").checked = byId("show-x").checked = false;
      byId("net-note").textContent = "This diagram holds " +
        DATA.findings.length.toLocaleString("en-GB") + " findings and " +
        DATA.actions.length.toLocaleString("en-GB") + " actions. To open quickly it starts " +
        "without them: choose a council, a year or a theme, then tick Findings or Actions.";
    }
    byId("net-help").textContent = "Lines join a finding to its themes, the assessment that " +
      "made it and the people it names; an assessment to the documents that report it; an " +
      "action to who must carry it out. Scroll or use the buttons to zoom; drag to move.";
    buildSearch();
  }

  function zoom(factor) {
    network.moveTo({ scale: network.getScale() * factor, animation: { duration: 200 } });
  }

  function resetFilters() {
    TYPES.forEach(function (t) {
      typeOn[t.key] = !(large && (t.key === "f" || t.key === "x"));
      byId("show-" + t.key).checked = typeOn[t.key];
      (t.subs || []).forEach(function (s) { polOn[s.key] = true; byId("show-pol-" + s.key).checked = true; });
    });
    byId("year-filter").value = "";
    byId("theme-filter").value = "";
    if (byId("council-filter").value) {
      byId("council-filter").value = "";
      byId("council-filter").dispatchEvent(new Event("change"));
    }
    applyFilters();
  }

  function descendants(t) {
    var out = new Set([t]), grown = true;
    while (grown) {
      grown = false;
      DATA.themes.forEach(function (th, i) {
        if (!out.has(i) && out.has(th.broader)) { out.add(i); grown = true; }
      });
    }
    return out;
  }

  function councilChoice() {
    var value = byId("council-filter").value;
    return value ? DATA.grids[parseInt(value, 10)].council : null;
  }

  function applyFilters() {
    var year = byId("year-filter").value;
    year = year ? parseInt(year, 10) : null;
    var themeValue = byId("theme-filter").value;
    var themeSet = themeValue ? descendants(parseInt(themeValue, 10)) : null;
    var council = councilChoice();
    var polarityOff = !polOn.W || !polOn.S || !polOn.N;
    var narrowing = year !== null || themeSet !== null || polarityOff || council !== null;
    var visible = new Set();
    function inThemes(list) {
      if (!themeSet) return true;
      for (var k = 0; k < list.length; k++) if (themeSet.has(list[k])) return true;
      return false;
    }
    function assessmentMatches(i) {
      var a = DATA.assessments[i];
      return !!a && (year === null || a.year === year) && (council === null || a.council === council);
    }
    function docMatches(i) { return !!DATA.docs[i] && (council === null || DATA.docs[i].council === council); }
    DATA.findings.forEach(function (f, i) {
      if (typeOn.f && polOn[f.pol] && (year === null || f.year === year) && inThemes(f.themes) &&
          (council === null || assessmentMatches(f.a))) {
        visible.add("f" + i);
      }
    });
    DATA.actions.forEach(function (a, i) {
      if (typeOn.x && (year === null || a.year === year) && inThemes(a.themes) &&
          !(polarityOff && !themeSet && year === null && council === null) &&
          (council === null || docMatches(a.ex[0].doc))) {
        visible.add("x" + i);
      }
    });
    var unthemed = false;
    visible.forEach(function (id) {
      var item = kindOf(id) === "f" ? DATA.findings[indexOf(id)] : DATA.actions[indexOf(id)];
      if (item.anchor === undefined) unthemed = true;
    });
    var context = new Set();
    if (narrowing) {
      // keep the themes, assessments, documents and people that the remaining findings
      // and actions are linked to
      visible.forEach(function (id) {
        adjacency.get(id).forEach(function (nb) { if ("tapd".indexOf(kindOf(nb)) >= 0) context.add(nb); });
      });
      if (!typeOn.f && !typeOn.x && !themeSet) {
        // findings and actions hidden: the assessments the year and council choose, directly
        DATA.assessments.forEach(function (a, i) {
          if (!assessmentMatches(i)) return;
          context.add("a" + i);
          adjacency.get("a" + i).forEach(function (nb) { if (kindOf(nb) === "p") context.add(nb); });
        });
      }
      context.forEach(function (id) {
        if (kindOf(id) === "a") adjacency.get(id).forEach(function (nb) {
          if (kindOf(nb) === "d") context.add(nb);
        });
      });
    }
    NET.nodes.forEach(function (n) {
      var k = kindOf(n.id);
      if (k === "f" || k === "x") return;
      if (k === "n") {
        // the label of the disc of unthemed findings and actions: shown while any of them is
        if (unthemed) visible.add(n.id);
        return;
      }
      if (!typeOn[k]) return;
      if (narrowing && !context.has(n.id)) return;
      if (k === "a" && !assessmentMatches(indexOf(n.id))) return;
      if (k === "d" && !docMatches(indexOf(n.id))) return;
      if (k === "t" && themeSet && !themeSet.has(indexOf(n.id))) return;
      visible.add(n.id);
    });
    var note = byId("net-note");
    if (visible.size > OPEN_LIMIT && !drawAnyway && network) {
      // vis-network takes about a millisecond per item: ask before a very long wait
      clear(note);
      add(note, ["This choice holds " + visible.size.toLocaleString("en-GB") + " items, which " +
        "take about " + Math.round(visible.size / 1000) + " seconds to draw. Narrow it with a " +
        "council, a year or a theme, or ",
        el("button", { type: "button", className: "link-button", text: "draw them anyway",
          onClick: function () { drawAnyway = true; applyFilters(); drawAnyway = false; } }), "."]);
      byId("net-count").textContent = "Not drawn yet: " + visible.size.toLocaleString("en-GB") +
        " items chosen";
      return;
    }
    if (note.querySelector("button")) note.textContent = "";
    hidden = new Set();
    NET.nodes.forEach(function (n) { if (!visible.has(n.id)) hidden.add(n.id); });
    if (view) { view.refresh(); edgeView.refresh(); }
    if (selected) {
      if (hidden.has(selected)) clearSelection();
      else if (network) selectNode(selected, false);
    }
    byId("net-count").textContent = "Showing " + visible.size.toLocaleString("en-GB") + " of " +
      NET.nodes.length.toLocaleString("en-GB") + " items" +
      (council !== null ? " in " + META.councils[council] : "");
  }

  // search over labels and the full text of findings and actions
  var searchIndex = null;
  function buildSearch() {
    var input = byId("search");
    var results = byId("search-results");
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { runSearch(input.value); }, 120);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" || ev.key === "Enter") {
        if (ev.key === "Enter") runSearch(input.value);
        var first = results.querySelector("button");
        if (first) { first.focus(); ev.preventDefault(); }
      } else if (ev.key === "Escape") {
        input.value = ""; runSearch("");
      }
    });
    results.addEventListener("keydown", function (ev) {
      if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
      var buttons = Array.prototype.slice.call(results.querySelectorAll("button"));
      var k = buttons.indexOf(document.activeElement);
      var next = buttons[k + (ev.key === "ArrowDown" ? 1 : -1)];
      if (next) next.focus(); else if (ev.key === "ArrowUp") input.focus();
      ev.preventDefault();
    });
  }

  function runSearch(text) {
    var results = byId("search-results");
    clear(results);
    var q = text.trim().toLowerCase();
    if (q.length < 2) return;
    if (!searchIndex) {
      searchIndex = NET.nodes.filter(function (n) { return kindOf(n.id) !== "n"; }).map(function (n) {
        var label = labelOf(n.id);
        return { id: n.id, label: label, low: label.toLowerCase(), kind: kindOf(n.id) };
      });
    }
    var rank = { t: 0, p: 1, a: 2, d: 3, x: 4, f: 5 };
    var hits = [];
    for (var i = 0; i < searchIndex.length; i++) {
      var item = searchIndex[i];
      var at = item.low.indexOf(q);
      if (at < 0) continue;
      hits.push({ item: item, score: (at === 0 ? 0 : 10) + rank[item.kind] });
    }
    hits.sort(function (a, b) { return a.score - b.score || (a.item.label < b.item.label ? -1 : 1); });
    var total = hits.length;
    hits.slice(0, 40).forEach(function (h) {
      var label = h.item.label.length > 110 ? h.item.label.slice(0, 108) + "…" : h.item.label;
      add(results, el("li", null, el("button", { type: "button", "data-node": h.item.id,
        onClick: function () { pickNode(h.item.id); } },
        el("span", { className: "rk", text: KIND_WORD[h.item.kind] }), label)));
    });
    if (!total) add(results, el("li", { className: "help", text: "Nothing found for “" + text.trim() + "”." }));
    else if (total > 40) add(results, el("li", { className: "help", text: "Showing 40 of " + total + " matches: type more words to narrow them." }));
  }

  function pickNode(id) {
    if (hidden.has(id)) reveal(id);
    selectNode(id, true);
  }

  // change the filters as little as it takes to show a hidden node
  function reveal(id) {
    var k = kindOf(id);
    if (!large) { resetFilters(); return; }
    typeOn[k] = true;
    byId("show-" + k).checked = true;
    var item = k === "f" ? DATA.findings[indexOf(id)] : k === "x" ? DATA.actions[indexOf(id)] : null;
    if (item) {
      // a large diagram: show the year and theme of this finding, not every finding
      if (k === "f") { polOn[item.pol] = true; byId("show-pol-" + item.pol).checked = true; }
      byId("year-filter").value = String(item.year);
      byId("theme-filter").value = item.anchor !== undefined ? String(item.anchor) : "";
    }
    applyFilters();
    if (hidden.has(id)) { drawAnyway = true; applyFilters(); drawAnyway = false; }
    byId("net-note").textContent = "The filters were changed to show your choice.";
  }

  function openInNetwork(id) {
    showTab("network");
    pickNode(id);
  }

  function initNetwork() {
    if (network) { network.redraw(); return; }
    buildControls();
    // hover text for findings and actions, made here rather than stored twice in the file
    nodes = new vis.DataSet(NET.nodes.map(function (n) {
      var k = kindOf(n.id);
      if (k !== "f" && k !== "x") return n;
      var copy = Object.assign({}, n);
      copy.title = shorten(labelOf(n.id), 240);
      return copy;
    }));
    edges = new vis.DataSet(NET.edges);
    view = new vis.DataView(nodes, { filter: function (n) { return !hidden.has(n.id); } });
    // only edges between shown nodes reach vis-network: it makes an object for every edge
    edgeView = new vis.DataView(edges, {
      filter: function (e) { return !hidden.has(e.from) && !hidden.has(e.to); }
    });
    applyFilters();
    var container = byId("network");
    network = new vis.Network(container, { nodes: view, edges: edgeView }, NET.options);
    network.once("afterDrawing", function () { root.setAttribute("data-network-ready", "true"); });
    network.on("click", function (params) {
      if (params.nodes.length && kindOf(params.nodes[0]) !== "n") selectNode(params.nodes[0], false);
      else if (!params.edges.length) clearSelection();
    });
    container.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") clearSelection();
    });
  }

  // the chosen node is drawn larger while it is chosen
  var grown = null;
  function grow(id) {
    if (grown) nodes.update({ id: grown.id, size: grown.size });
    grown = null;
    if (id === null) return;
    var node = nodes.get(id);
    var size = node.size || NET.options.groups[node.group].size;
    grown = { id: id, size: size };
    nodes.update({ id: id, size: Math.max(size * 1.8, 14) });
  }

  function undim() {
    if (dimmed.length) {
      nodes.update(dimmed.map(function (id) { return { id: id, group: groupOf.get(id) }; }));
      dimmed = [];
    }
  }

  function clearSelection() {
    undim();
    if (nodes) grow(null);
    selected = null;
    if (network) network.unselectAll();
    byId("node-kind").textContent = "";
    byId("node-title").textContent = "Nothing selected";
    var body = byId("node-body");
    clear(body);
    add(body, el("p", { className: "help", text: "Click a shape in the diagram, or find it by name, " +
      "to read what it is, the exact words behind it, and what it is linked to." }));
  }

  function selectNode(id, focus) {
    if (!network) initNetwork();
    undim();
    selected = id;
    if (hidden.has(id)) { grow(null); renderPanel(id); return; }  // filtered out: details only
    var near = new Set(adjacency.get(id));
    near.add(id);
    if (NET.nodes.length - hidden.size <= DIM_LIMIT) {
      var updates = [];
      NET.nodes.forEach(function (n) {
        if (!near.has(n.id) && !hidden.has(n.id)) { updates.push({ id: n.id, group: "dim-" + groupOf.get(n.id) }); dimmed.push(n.id); }
      });
      if (updates.length) nodes.update(updates);
    }
    grow(id);
    network.selectNodes([id], true);
    if (focus) {
      // the whole neighbourhood if it fits at a readable size, else the node itself
      var shown = Array.from(near).filter(function (n) { return !hidden.has(n); });
      var at = network.getPositions(shown);
      var xs = shown.map(function (n) { return at[n].x; });
      var ys = shown.map(function (n) { return at[n].y; });
      var box = byId("network").getBoundingClientRect();
      var needed = Math.min(box.width / (Math.max.apply(null, xs) - Math.min.apply(null, xs) + 200),
        box.height / (Math.max.apply(null, ys) - Math.min.apply(null, ys) + 200));
      if (needed >= 0.45) {
        network.fit({ nodes: shown, maxZoomLevel: 1.6, animation: { duration: 400 } });
      } else {
        network.focus(id, { scale: 0.6, animation: { duration: 400 } });
      }
    }
    renderPanel(id);
  }

  // ------------------------------------------------------------------ details panel
  function dl(pairs) {
    var list = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "") return;
      add(list, [el("dt", { text: p[0] }), el("dd", null, p[1])]);
    });
    return list;
  }

  function relatedGroups(id) {
    var groups = {};
    adjacency.get(id).forEach(function (nb) { (groups[kindOf(nb)] = groups[kindOf(nb)] || []).push(nb); });
    var box = el("div", { className: "related" });
    var order = ["t", "f", "x", "a", "d", "p"];
    var names = { t: "Themes", f: "Findings", x: "Actions promised", a: "Assessments",
      d: "Documents", p: "People and organisations" };
    order.forEach(function (k) {
      var ids = groups[k];
      if (!ids) return;
      if (k === "f") {
        ids.sort(function (a, b) {
          var fa = DATA.findings[indexOf(a)], fb = DATA.findings[indexOf(b)];
          return ("WNS".indexOf(fa.pol) - "WNS".indexOf(fb.pol)) || (fa.year - fb.year) || (indexOf(a) - indexOf(b));
        });
      }
      add(box, el("h4", { text: names[k] + " (" + ids.length + ")" }));
      var ul = el("ul");
      ids.slice(0, 60).forEach(function (nb) {
        var text = labelOf(nb);
        if (text.length > 140) text = text.slice(0, 138) + "…";
        var prefix = k === "f" ? POL_WORD[DATA.findings[indexOf(nb)].pol] + ", " +
          DATA.findings[indexOf(nb)].year + ": " : "";
        add(ul, el("li", null, el("button", { type: "button", "data-node": nb,
          onClick: function () { pickNode(nb); } }, prefix + text)));
      });
      if (ids.length > 60) add(ul, el("li", { className: "help",
        text: "and " + (ids.length - 60) + " more: use the Year and Theme filters to narrow them." }));
      add(box, ul);
    });
    return box;
  }

  function quoteBlock(ex) {
    return [el("blockquote", { className: "quote", text: ex.quote }), sourceLine(ex)];
  }

  function renderPanel(id) {
    var k = kindOf(id), i = indexOf(id);
    var body = byId("node-body");
    clear(body);
    byId("node-kind").textContent = KIND_WORD[k];
    var title = labelOf(id);
    if (k === "t") {
      var t = DATA.themes[i];
      var state = STATE[t.state] || STATE[""];
      byId("node-title").textContent = title;
      add(body, [
        t.path.length ? el("p", { className: "help", text: "Part of " + t.path.join(" › ") }) : null,
        t.definition ? el("p", { text: t.definition }) : null,
        dl([
          ["Now", t.weak.length || t.strong.length ? el("span", null,
            el("span", { className: "badge " + state.cls, text: state.word }), " " + state.explain(LATEST) +
            (META.councils.length > 1 ? " (all councils together)" : "")) : ""],
          ["Weakness in", t.weak.join(", ")],
          ["Strength in", t.strong.join(", ")]
        ]),
        byId("row-" + i) ? el("button", { type: "button", className: "link-button",
          text: "Show this theme in the table", onClick: function () { showThemeRow(i); } }) : null
      ]);
    } else if (k === "f") {
      var f = DATA.findings[i];
      byId("node-kind").textContent = "Finding: " + POL_WORD[f.pol].toLowerCase() + ", " + f.year;
      byId("node-title").textContent = title;
      add(body, el("p", { className: "help", text: "The exact words:" }));
      f.ex.forEach(function (ex) { add(body, quoteBlock(ex)); });
      add(body, dl([["Year", String(f.year)], ["Made by", assessmentLabel(f.a)],
        ["Kind", POL_WORD[f.pol]]]));
      add(body, el("p", { className: "iri", text: "Identifier in the graph: " + META.iri.finding + f.id }));
    } else if (k === "a") {
      var a = DATA.assessments[i];
      byId("node-title").textContent = title;
      var dates = a.start ? a.start + (a.end && a.end !== a.start ? " to " + a.end : "") : "";
      add(body, dl([["Kind", a.kind], ["Year", String(a.year)], ["Dates", dates],
        ["Carried out by", a.by >= 0 ? DATA.actors[a.by].label : a.byName]]));
      var grades = DATA.judgements.filter(function (s) { return s.a === i; })[0];
      if (grades) {
        add(body, el("h4", { text: "Judgements" }));
        add(body, dl(grades.rows.map(function (r) { return [r.domain, r.grade]; })));
      }
    } else if (k === "d") {
      var d = DATA.docs[i];
      byId("node-title").textContent = title;
      add(body, dl([["Type", d.type], ["Date", d.date], ["Publisher", d.publisher], ["File", d.path]]));
    } else if (k === "p") {
      var p = DATA.actors[i];
      byId("node-kind").textContent = p.kind === "Person" || p.kind === "Post" ? p.kind : "Organisation";
      byId("node-title").textContent = title;
      var roles = DATA.roles.filter(function (r) { return r.person === i || r.org === i; });
      if (roles.length) {
        add(body, el("h4", { text: "Roles" }));
        roles.forEach(function (r) {
          var who = r.person >= 0 ? DATA.actors[r.person].label : "";
          var org = r.org >= 0 ? " at " + DATA.actors[r.org].label : "";
          add(body, el("p", null, el("strong", { text: who + ": " + r.role + org + " (" + r.year + ")" })));
          add(body, quoteBlock(r.ex));
        });
      }
    } else if (k === "x") {
      var x = DATA.actions[i];
      byId("node-title").textContent = title;
      add(body, el("p", { className: "help", text: "The exact words:" }));
      x.ex.forEach(function (ex) { add(body, quoteBlock(ex)); });
      add(body, dl([["Year", String(x.year)], ["Due", x.due || ""],
        ["Who must do it", [x.who].concat(x.also || []).filter(function (a) { return a >= 0; })
          .map(function (a) { return DATA.actors[a].label; }).join(" · ")]]));
      add(body, el("p", { className: "iri", text: "Identifier in the graph: " + META.iri.action + x.id }));
    }
    add(body, relatedGroups(id));
  }

  // ------------------------------------------------------------------ start
  renderIntro();
  setUpGrid();
  if (location.hash === "#network") showTab("network");
  root.setAttribute("data-ready", "true");
})();
