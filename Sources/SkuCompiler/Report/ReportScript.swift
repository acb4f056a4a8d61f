/// The page's script: the filter box, the price/from switch and the locale switch, with their
/// state kept in the address (`#q=…&lang=…&show=from`) so a link opens the same view. It only
/// shows and hides what the page already holds (no money arithmetic, no markup from strings:
/// it never touches `innerHTML`), so catalog text cannot become script through it.
enum ReportScript {
  static let javaScript = """

    (function () {
      "use strict";
      var root = document.documentElement;
      var input = document.getElementById("filter");
      var count = document.getElementById("count");
      var nothing = document.getElementById("nothing");
      var langButtons = [].slice.call(document.querySelectorAll("[data-set-lang]"));
      var showButtons = [].slice.call(document.querySelectorAll("[data-set-show]"));
      var state = { q: "", lang: "0", show: "price" };

      function readHash() {
        state = { q: "", lang: "0", show: "price" };
        location.hash.replace(/^#/, "").split("&").forEach(function (part) {
          var at = part.indexOf("=");
          if (at < 0) return;
          var key = part.slice(0, at), value;
          try { value = decodeURIComponent(part.slice(at + 1).replace(/\\+/g, " ")); }
          catch (e) { return; }
          if (key === "q") state.q = value;
          if (key === "show" && (value === "price" || value === "from")) state.show = value;
          if (key === "lang") {
            langButtons.forEach(function (b) {
              if (b.getAttribute("data-tag") === value) state.lang = b.getAttribute("data-set-lang");
            });
          }
        });
      }

      function writeHash() {
        var parts = [];
        if (state.q) parts.push("q=" + encodeURIComponent(state.q));
        if (state.lang !== "0") {
          langButtons.forEach(function (b) {
            if (b.getAttribute("data-set-lang") === state.lang) {
              parts.push("lang=" + encodeURIComponent(b.getAttribute("data-tag")));
            }
          });
        }
        if (state.show !== "price") parts.push("show=" + state.show);
        try {
          history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname);
        } catch (e) { /* some browsers refuse replaceState on file: pages */ }
      }

      function matches(words, text) {
        for (var i = 0; i < words.length; i++) if (text.indexOf(words[i]) < 0) return false;
        return true;
      }

      function filter() {
        var words = state.q.toLowerCase().split(/\\s+/).filter(Boolean);
        var shown = 0, total = 0, anyProduct = false;
        [].forEach.call(document.querySelectorAll("section.product"), function (product) {
          var productText = product.getAttribute("data-q") + " ";
          var anySpec = false;
          [].forEach.call(product.querySelectorAll("section.spec"), function (spec) {
            var specText = productText + spec.getAttribute("data-q") + " ";
            var anyRow = false;
            [].forEach.call(spec.querySelectorAll(".grid tbody tr"), function (row) {
              var rowText = specText + row.getAttribute("data-q") + " ";
              var rowMatch = matches(words, rowText);
              var cellMatch = false;
              [].forEach.call(row.querySelectorAll("td[data-q]"), function (cell) {
                var hit = rowMatch || matches(words, rowText + cell.getAttribute("data-q"));
                cell.classList.toggle("dim", !hit);
                if (hit) cellMatch = true;
              });
              var visible = rowMatch || cellMatch;
              row.hidden = !visible;
              anyRow = anyRow || visible;
              [].forEach.call(row.querySelectorAll("td.k"), function (cell) {
                total++;
                if (visible && !cell.classList.contains("dim")) shown++;
              });
            });
            spec.hidden = !anyRow;
            anySpec = anySpec || anyRow;
          });
          product.hidden = !anySpec;
          anyProduct = anyProduct || anySpec;
          var link = document.querySelector('.toc li[data-for="' + product.id + '"]');
          if (link) link.hidden = !anySpec;
        });
        nothing.hidden = anyProduct;
        count.textContent = words.length ? shown + " of " + total + " SKUs" : total + " SKUs";
      }

      function apply() {
        root.setAttribute("data-lang", state.lang);
        root.setAttribute("data-show", state.show);
        langButtons.forEach(function (b) {
          b.setAttribute("aria-pressed", String(b.getAttribute("data-set-lang") === state.lang));
        });
        showButtons.forEach(function (b) {
          b.setAttribute("aria-pressed", String(b.getAttribute("data-set-show") === state.show));
        });
        if (input.value !== state.q) input.value = state.q;
        filter();
      }

      langButtons.forEach(function (b) {
        b.addEventListener("click", function () {
          state.lang = b.getAttribute("data-set-lang"); apply(); writeHash();
        });
      });
      showButtons.forEach(function (b) {
        b.addEventListener("click", function () {
          state.show = b.getAttribute("data-set-show"); apply(); writeHash();
        });
      });
      input.addEventListener("input", function () { state.q = input.value; filter(); writeHash(); });
      window.addEventListener("hashchange", function () { readHash(); apply(); });
      root.classList.remove("nojs");
      readHash();
      apply();
    })();

    """
}
