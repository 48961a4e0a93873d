// Report pages: a click on a legend entry hides or shows that kind of highlight in the transcript
// (the same behaviour as the exported `mockmic score --format html` page).
"use strict";
document.addEventListener("click", (event) => {
  const item = event.target.closest(".mm-legend li");
  if (!item) return;
  item.classList.toggle("mm-legend-off");
  item.closest(".mm-report").classList.toggle("mm-hide-" + item.getAttribute("data-kind"));
});
