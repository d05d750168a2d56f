// Live search: the page works without this file. With it, typing, ticking a filter, sorting and
// paging fetch the server-rendered page for the new URL and swap the results region in place.
// The URL always holds the whole search, so bookmarks, sharing and the back button keep working.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("live-status");
  if (!form || !input || !window.fetch || !window.history.pushState) return;
  document.documentElement.classList.add("js");

  var TYPING_DELAY = 250; // ms after the last keystroke
  // A word typed halfway matches nothing yet ("Xoc"): an empty answer to typing waits this much
  // longer before it replaces the results, so it shows only when the user has really stopped.
  var EMPTY_DELAY = 1200;
  var DEFAULTS = { sort: "relevance", page: "1", per_page: "10" }; // never written into URLs
  var typingTimer = null;
  var emptyTimer = null;
  var shown = location.pathname + location.search; // the URL whose results are on screen
  var typingEntry = false; // true while the current history entry was made by typing
  var inflight = null;
  var filtersOpen = false; // the narrow-screen filters panel, kept open across swaps

  function setUpFilters() {
    var toggle = document.querySelector(".facets-toggle");
    if (!toggle) return;
    toggle.hidden = false;
    toggle.setAttribute("aria-expanded", String(filtersOpen));
  }

  function region() {
    return document.getElementById("results-region");
  }

  // The URL the form describes, leaving out empty fields as a typed URL would.
  function formUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() === "" || DEFAULTS[name] === value) return;
      params.append(name, value);
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function sameAsCurrent(url) {
    var next = new URL(url, location.href);
    return next.pathname + next.search === location.pathname + location.search;
  }

  // Fetch `url`, swap the region, and record the URL in history ("push", "replace" or none).
  function load(url, mode, focusResults, typing) {
    if (inflight) inflight.abort();
    clearTimeout(emptyTimer);
    var controller = new AbortController();
    inflight = controller;
    var current = region();
    current.setAttribute("aria-busy", "true");
    var keepFocus = document.activeElement && document.activeElement.getAttribute("data-key");

    fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        // the server drops default and empty values with a redirect: record where it led
        var landed = new URL(response.url);
        url = landed.pathname + landed.search;
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("results-region");
        if (!fresh) throw new Error("no results region");
        var heading = fresh.querySelector("#results-heading");
        if (typing && heading && heading.getAttribute("data-total") === "0") {
          current.removeAttribute("aria-busy");
          emptyTimer = setTimeout(function () {
            show(fresh, url, mode, keepFocus, focusResults, typing);
          }, EMPTY_DELAY);
          return;
        }
        show(fresh, url, mode, keepFocus, focusResults, typing);
      })
      .catch(function (error) {
        if (error.name === "AbortError") return;
        location.assign(url); // fall back to an ordinary page load
      })
      .finally(function () {
        if (inflight === controller) inflight = null;
      });
  }

  function show(fresh, url, mode, keepFocus, focusResults, typing) {
    if (mode === "push") history.pushState({ live: true }, "", url);
    if (mode === "replace") history.replaceState({ live: true }, "", url);
    if (typing) typingEntry = true;
    shown = url;
    region().replaceWith(document.adoptNode(fresh));
    setUpFilters();
    document.title = fresh.getAttribute("data-title") || document.title;
    announce();
    restoreFocus(keepFocus, focusResults);
  }

  function announce() {
    var heading = document.getElementById("results-heading");
    if (status && heading) status.textContent = heading.getAttribute("data-status") || heading.textContent;
  }

  function restoreFocus(key, focusResults) {
    if (key) {
      var again = region().querySelector('[data-key="' + CSS.escape(key) + '"]');
      if (again) return again.focus();
    }
    if (focusResults) {
      var results = document.getElementById("results");
      if (!results) return;
      results.focus({ preventScroll: true });
      results.scrollIntoView({ block: "start" });
    }
  }

  function navigate(url, focusResults) {
    clearTimeout(typingTimer);
    typingEntry = false;
    if (!sameAsCurrent(url)) load(url, "push", focusResults);
  }

  // Typing: one history entry per burst of typing, updated in place while the user types on.
  input.addEventListener("input", function () {
    clearTimeout(typingTimer);
    clearTimeout(emptyTimer);
    typingTimer = setTimeout(function () {
      var url = formUrl();
      if (sameAsCurrent(url)) return;
      load(url, typingEntry ? "replace" : "push", false, true);
    }, TYPING_DELAY);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    navigate(formUrl(), false);
  });

  // Filters and sort live in the region but belong to the form (form="search-form").
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.form !== form || field === input) return;
    // A year range is applied with Enter or its button, not while the user is still typing it.
    if (field.type === "number") return;
    navigate(formUrl(), false);
  });

  // "/" anywhere but in a field jumps to the search box, as on most search sites.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  setUpFilters();
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".facets-toggle");
    if (!toggle) return;
    filtersOpen = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(filtersOpen));
  });

  // Chips, year bars, pagination and "did you mean" links stay on the page.
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a[data-nav]");
    if (!link || !region().contains(link)) return;
    event.preventDefault();
    var url = link.getAttribute("href");
    syncInput(url);
    navigate(url, true);
  });

  function syncInput(url) {
    var q = new URL(url, location.href).searchParams.get("q") || "";
    if (input.value !== q) input.value = q;
  }

  // Only a real history entry changes the search; a hash change (the skip link, "Go to the
  // first") fires popstate too, and must leave the results and the focus where they are.
  window.addEventListener("popstate", function () {
    if (location.pathname + location.search === shown) return;
    clearTimeout(typingTimer);
    typingEntry = false;
    syncInput(location.href);
    load(location.pathname + location.search, null, false);
  });
})();
