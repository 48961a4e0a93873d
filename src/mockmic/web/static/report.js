// Report pages: a click on a legend entry hides or shows that kind of highlight in the transcript
// (the same behaviour as the exported `mockmic score --format html` page).
"use strict";
document.addEventListener("click", (event) => {
  const item = event.target.closest(".mm-legend li");
  if (!item) return;
  item.classList.toggle("mm-legend-off");
  item.closest(".mm-report").classList.toggle("mm-hide-" + item.getAttribute("data-kind"));
});

// Chrome's MediaRecorder writes webm without a duration, so the player shows 0:00 until played
// through. Seeking far past the end makes the browser find the real length; then rewind.
document.querySelectorAll("audio").forEach((audio) => {
  audio.addEventListener("loadedmetadata", () => {
    if (audio.duration !== Infinity) return;
    const rewind = () => {
      audio.removeEventListener("timeupdate", rewind);
      audio.currentTime = 0;
    };
    audio.addEventListener("timeupdate", rewind);
    audio.currentTime = 1e101;
  });
});
