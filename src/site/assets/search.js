// The site's search: filters the index that search-index.js assigns to
// window.HISTORIOGRAPH_SEARCH (a script, not JSON, so that it loads from file://) as the reader
// types, and reads ?q= so that the search form of every page lands here. Results are built
// with textContent only: the index is corpus text and never becomes markup.
"use strict";
(function () {
  var KINDS = { claim: "Claim", document: "Document", historian: "Historian", school: "School", work: "Work" };
  var index = window.HISTORIOGRAPH_SEARCH || [];
  var rows = index.map(function (e) {
    return { kind: e[0], id: e[1], text: e[2], extra: e[3], href: e[4],
             hay: (e[1] + " " + e[2] + " " + e[3]).toLowerCase(), key: e[1].toLowerCase() };
  });
  var LIMIT = 200;

  function run(query) {
    var list = document.getElementById("results");
    var status = document.getElementById("search-status");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) {
      status.textContent = "Type in the search box above: ids, statements, titles, names and dates are searched.";
      return;
    }
    var found = [];
    rows.forEach(function (r, i) {
      if (!words.every(function (w) { return r.hay.indexOf(w) >= 0; })) { return; }
      var inId = words.every(function (w) { return r.key.indexOf(w) >= 0; });
      found.push({ r: r, rank: r.key === query.toLowerCase() ? 0 : inId ? 1 : 2, i: i });
    });
    found.sort(function (a, b) { return a.rank - b.rank || a.i - b.i; });
    status.textContent = found.length + (found.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d" +
      (found.length > LIMIT ? ", the first " + LIMIT + " shown" : "");
    found.slice(0, LIMIT).forEach(function (f) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = KINDS[f.r.kind] || f.r.kind;
      var a = document.createElement("a");
      a.href = f.r.href;
      a.textContent = f.r.text;
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = f.r.id + (f.r.extra ? " \u00b7 " + f.r.extra : "");
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      li.appendChild(document.createElement("br"));
      li.appendChild(meta);
      list.appendChild(li);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("q");
    var list = document.getElementById("results");
    if (!input || !list) { return; }
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    run(query);
    input.addEventListener("input", function () { run(input.value); });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(input.value);
      var first = list.querySelector("a");
      if (first) { first.focus(); }
    });
  });
})();
