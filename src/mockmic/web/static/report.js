// Report pages of the web app. The legend toggles come from the report package (/report.js,
// the same script as the exported `mockmic score --format html` page); this adds what only the
// app's pages need.
"use strict";

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

// Folded sections (follow-up answers) are printed unfolded: paper cannot be clicked.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
});
