// Click a legend entry to hide or show that highlight in the transcript. Works for every
// report on the page (the web app's session page shows several), so include it once.
document.addEventListener("click", function (event) {
  var item = event.target.closest(".mm-legend li[data-kind]");
  if (!item) return;
  item.classList.toggle("mm-legend-off");
  item.closest(".mm-report").classList.toggle("mm-hide-" + item.getAttribute("data-kind"));
});
