// newsprism: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // A story page: one button opens or closes every section.
  var sections = document.querySelectorAll("details.section");
  var toc = document.querySelector("nav.toc");
  if (toc && sections.length) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "toggle-all";
    button.textContent = "collapse all";
    button.addEventListener("click", function () {
      var open = button.textContent === "expand all";
      sections.forEach(function (d) { d.open = open; });
      button.textContent = open ? "collapse all" : "expand all";
    });
    toc.appendChild(button);
  }
  // A link into a closed section (or a table of contents entry) opens it first.
  function openTarget() {
    if (!location.hash) return;
    // The article view marks the passage a citation points at: show the marked words themselves.
    var el = document.querySelector("mark.target");
    if (!el) {
      try { el = document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { return; }
    }
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
    }
    if (el) el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", openTarget);
  // After the browser's own jump to the fragment, which lands on the anchor, not the words.
  if (document.readyState === "complete") openTarget();
  else window.addEventListener("load", function () { setTimeout(openTarget, 0); });
});
