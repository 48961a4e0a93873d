// Click a legend entry (or press Enter or Space on it) to hide or show that highlight in the
// transcript. Works for every report on the page (the web app's session page shows several),
// so include it once.
(function () {
  function toggle(item) {
    var off = item.classList.toggle("mm-legend-off");
    item.setAttribute("aria-pressed", off ? "false" : "true");
    item.closest(".mm-report").classList.toggle("mm-hide-" + item.getAttribute("data-kind"), off);
  }
  document.addEventListener("click", function (event) {
    var item = event.target.closest(".mm-legend li[data-kind]");
    if (item) toggle(item);
  });
  document.addEventListener("keydown", function (event) {
    var item = event.target.closest && event.target.closest(".mm-legend li[data-kind]");
    if (item && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      toggle(item);
    }
  });
})();
