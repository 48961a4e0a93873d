// The interview: ask aloud, think, record with a timer and a level meter, upload, wait for the
// score, ask the follow-up probe when a trap fired, then the next question, then the report.
// Plain JavaScript, no build step. Every text from the server goes in through textContent.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const show = (el, on = true) => { el.hidden = !on; };
  const POLL_MS = 800;

  const ui = {
    setup: $("setup"), panel: $("interview"), question: $("question"), qLabel: $("q-label"),
    counter: $("q-counter"), badge: $("mode-badge"), status: $("status"),
    countdown: $("countdown"), timer: $("timer"), level: $("level"), timeBar: $("time-bar"),
    start: $("start-answer"), stop: $("stop-answer"), retake: $("retake"), next: $("next-question"),
    micError: $("mic-error"), answerError: $("answer-error"),
    typed: $("typed"), typedText: $("typed-text"), typedSubmit: $("typed-submit"),
    feedback: $("feedback"), fbScore: $("fb-score"), fbParts: $("fb-parts"), fbTranscript: $("fb-transcript"),
    fbLink: $("fb-link"),
  };
  const QUIET_PCT = 15;     // below this the meter reads as silence
  const QUIET_WARN_MS = 3000;

  let session = null;      // SessionOut from the API
  let index = 0;           // position of the current question
  let probeFor = null;     // the answer id a follow-up replies to, while one is asked
  let stream = null, recorder = null, chunks = [];
  let thinkTimer = null, recordTimer = null, speakTimer = null;
  let tickOrder = [];      // hand-picked question ids in the order they were ticked

  // ---- setup -------------------------------------------------------------------------------

  async function createSession(form) {
    const data = new FormData(form);
    const ticked = new Set(data.getAll("question_ids"));
    const picked = tickOrder.filter((id) => ticked.has(id));
    const body = {
      mode: data.get("mode"),
      thinking_s: Number(data.get("thinking_s") || 0),
      count: Number(data.get("count") || 2),
    };
    if (data.get("time_limit_s")) body.time_limit_s = Number(data.get("time_limit_s"));
    if (data.get("source") === "pick") {
      if (!picked.length) throw new Error("Pick at least one question, or choose a role pack.");
      body.question_ids = picked;
    } else {
      body.role = data.get("role");
    }
    const res = await fetch("/api/sessions", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(await errorText(res));
    return res.json();
  }

  async function errorText(res) {
    try {
      const j = await res.json();
      if (typeof j.detail === "string") return j.detail;
      if (Array.isArray(j.detail)) return j.detail.map((d) => d.msg).join("; ");
    } catch (e) { /* not JSON */ }
    return `The server answered ${res.status}.`;
  }

  // ---- microphone ----------------------------------------------------------------------------

  async function openMic() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.MediaRecorder) {
      return micProblem("This browser cannot record here. Open mockmic at http://127.0.0.1 in a current Chrome, Edge or Firefox — or type your answers below.");
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      const refused = err && (err.name === "NotAllowedError" || err.name === "SecurityError");
      const missing = err && (err.name === "NotFoundError" || err.name === "OverconstrainedError");
      if (refused) return micProblem("Microphone access was refused. Allow it for this page (the icon at the left of the address bar), then reload — or type your answers below.");
      if (missing) return micProblem("No microphone was found. Plug one in and reload — or type your answers below.");
      return micProblem(`The microphone could not be opened (${err && err.name ? err.name : err}). Close other apps using it and reload — or type your answers below.`);
    }
    startMeter(stream);
    return true;
  }

  function micProblem(message) {
    ui.micError.textContent = message;
    show(ui.micError);
    ui.panel.classList.add("no-mic");  // no meter, no record button: typing is the way
    show(ui.typed);
    ui.typed.open = true;
    return false;
  }

  function startMeter(s) {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    ctx.createMediaStreamSource(s).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    let quietSince = null;
    const draw = () => {
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (let i = 0; i < buf.length; i++) sum += buf[i] * buf[i];
      const rms = Math.sqrt(sum / buf.length);
      // dBFS from -60 (silence) to 0 (full scale) as 0-100 % of the bar.
      const pct = Math.max(0, Math.min(100, (20 * Math.log10(rms + 1e-9) + 60) * 100 / 60));
      ui.level.style.width = pct.toFixed(0) + "%";
      ui.level.className = "level" + (pct > 92 ? " hot" : pct < QUIET_PCT ? " quiet" : "");
      warnIfSilent(pct);
      requestAnimationFrame(draw);
    };
    if (ctx.state === "suspended") ctx.resume();
    requestAnimationFrame(draw);

    // A muted or unplugged microphone records silence, which the server refuses: say so while
    // there is still time to fix it, not after the answer.
    function warnIfSilent(pct) {
      const recording = recorder && recorder.state === "recording";
      if (!recording || pct >= QUIET_PCT) {
        quietSince = null;
        if (recording && ui.status.classList.contains("warn")) status("Recording — answer now.");
        return;
      }
      quietSince = quietSince ?? Date.now();
      if (Date.now() - quietSince > QUIET_WARN_MS && !ui.status.classList.contains("warn")) {
        status("We hear nothing — is the microphone muted? Speak up or check it.", true);
      }
    }
  }

  // ---- one question ------------------------------------------------------------------------

  function current() { return session.questions[index]; }

  function speak(text) {
    // Resolves when the voice has finished, or after a generous estimate when the browser has
    // no voice (or never fires `end`): the interview must go on even in silence.
    return new Promise((resolve) => {
      const done = () => { clearTimeout(speakTimer); resolve(); };
      speakTimer = setTimeout(done, 1500 + text.split(/\s+/).length * 450);
      if (!("speechSynthesis" in window)) return done();
      try {
        speechSynthesis.cancel();
        const u = new SpeechSynthesisUtterance(text);
        u.lang = "en-US";
        u.rate = 1.0;
        u.onend = done;
        u.onerror = done;
        speechSynthesis.speak(u);
      } catch (e) { done(); }
    });
  }

  function setButtons({ start = false, stop = false, retake = false, next = false, nextLabel = null }) {
    ui.start.disabled = !start;
    show(ui.start, !stop && !!stream);
    show(ui.stop, stop);
    show(ui.retake, retake);
    show(ui.next, next);
    if (nextLabel) ui.next.textContent = nextLabel;
    // Skipping a probe is the lesser choice next to answering it.
    ui.next.classList.toggle("secondary", probeFor !== null);
  }

  function status(text, warn = false) {
    ui.status.textContent = text;
    ui.status.classList.toggle("warn", warn);
  }

  function clearTimers() {
    clearInterval(thinkTimer); clearInterval(recordTimer); clearTimeout(speakTimer);
    thinkTimer = recordTimer = null;
  }

  async function ask(text, label) {
    clearTimers();
    show(ui.answerError, false);
    show(ui.timer, false);
    ui.qLabel.textContent = label;
    ui.question.textContent = text;
    ui.counter.textContent = `Question ${index + 1} of ${session.questions.length}`;
    ui.typedText.value = "";
    const probing = probeFor !== null;
    setButtons({
      start: !!stream, next: probing, nextLabel: probing ? "Skip the follow-up" : null,
      retake: probing && session.mode === "practice",
    });
    status("The interviewer is asking…");
    const asked = text;
    await speak(text);
    if (ui.question.textContent !== asked || (recorder && recorder.state === "recording")) return;
    think();
  }

  function think() {
    if (!stream) { status("Type your answer below, then submit it."); return; }
    let left = session.thinking_s;
    if (left <= 0) { status("Press “Start answer” when you are ready."); return; }
    status("Take a moment to think. Recording starts when the countdown ends.");
    show(ui.countdown);
    ui.countdown.textContent = `${left}`;
    thinkTimer = setInterval(() => {
      left -= 1;
      ui.countdown.textContent = `${left}`;
      if (left <= 0) startRecording();
    }, 1000);
  }

  function startRecording() {
    if (!stream || (recorder && recorder.state === "recording")) return;
    clearTimers();
    if ("speechSynthesis" in window) speechSynthesis.cancel();
    show(ui.countdown, false);
    show(ui.answerError, false);
    chunks = [];
    const type = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"].find(
      (t) => MediaRecorder.isTypeSupported && MediaRecorder.isTypeSupported(t));
    recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
    recorder.ondataavailable = (e) => { if (e.data && e.data.size) chunks.push(e.data); };
    recorder.onstop = () => upload(new Blob(chunks, { type: recorder.mimeType || "audio/webm" }));
    recorder.start(250);
    const limit = current().time_limit_s;
    const started = Date.now();
    show(ui.timer);
    show(ui.timeBar);
    const tick = () => {
      const s = Math.floor((Date.now() - started) / 1000);
      ui.timer.textContent = `${clock(s)} / ${clock(limit)}`;
      ui.timer.classList.toggle("late", limit - s <= 10);
      ui.timeBar.firstElementChild.style.width = `${Math.min(100, ((Date.now() - started) / 10) / limit)}%`;
      ui.timeBar.classList.toggle("late", limit - s <= 10);
      if (s >= limit) stopRecording(true);
    };
    tick();
    recordTimer = setInterval(tick, 250);
    setButtons({ stop: true });
    status("Recording — answer now.");
  }

  function stopRecording(timeUp) {
    clearTimers();
    if (!recorder || recorder.state !== "recording") return;
    show(ui.timer, false);
    show(ui.timeBar, false);
    status(timeUp ? "Time is up. Saving your answer…" : "Saving your answer…");
    setButtons({});
    recorder.stop();
  }

  function clock(s) { return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`; }

  // ---- storing and scoring -----------------------------------------------------------------

  async function upload(blob, text) {
    const form = new FormData();
    form.append("position", String(index));
    if (probeFor !== null) {
      form.append("kind", "follow_up");
      form.append("parent_id", String(probeFor));
    }
    if (blob) form.append("audio", blob, "answer" + extension(blob.type));
    else form.append("text", text);
    let answer;
    try {
      const res = await fetch(`/api/sessions/${session.id}/answers`, { method: "POST", body: form });
      if (!res.ok) throw new Error(await errorText(res));
      answer = await res.json();
    } catch (err) {
      return answerProblem(`Your answer was not accepted: ${err.message}`);
    }
    status(session.mode === "practice" ? "Answer saved. Scoring it…" : "Answer saved. One moment…");
    const scored = await waitScored(answer.id);
    if (scored) afterScored(scored);
  }

  function extension(type) {
    // Chrome records webm, Firefox ogg, Safari mp4; the server decodes whatever it gets.
    if (type.includes("ogg")) return ".ogg";
    if (type.includes("mp4") || type.includes("aac")) return ".m4a";
    return ".webm";
  }

  function answerProblem(message) {
    ui.answerError.textContent = message;
    show(ui.answerError);
    status("Record the answer again, or move on.");
    setButtons({ start: !!stream, next: true, nextLabel: nextLabel() });
  }

  async function waitScored(id) {
    for (;;) {
      const res = await fetch(`/api/answers/${id}`);
      if (res.ok) {
        const a = await res.json();
        if (a.status === "done") return a;
        if (a.status === "failed") { answerProblem(a.error || "The answer could not be scored."); return null; }
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  function afterScored(a) {
    const wasProbe = probeFor !== null;
    probeFor = null;
    if (session.mode === "practice") showFeedback(a);
    if (!wasProbe && a.follow_up) {
      probeFor = a.id;
      ask(a.follow_up, "Follow-up");
      return;
    }
    status(wasProbe ? "Follow-up saved." : "Answer saved.");
    setButtons({ retake: session.mode === "practice" && !wasProbe, next: true, nextLabel: nextLabel() });
  }

  function showFeedback(a) {
    ui.fbScore.textContent = a.score ? String(a.score.overall) : "–";
    ui.fbParts.textContent = a.score
      ? `content ${a.score.content ?? "–"} · delivery ${a.score.delivery ?? "–"}` : "";
    ui.fbTranscript.textContent = a.transcript || "";
    ui.fbLink.href = `${session.report_page}#q${a.position + 1}`;
    show(ui.feedback);
  }

  function nextLabel() {
    return index + 1 >= session.questions.length ? "Finish and see the report" : "Next question";
  }

  function next() {
    clearTimers();
    if ("speechSynthesis" in window) speechSynthesis.cancel();
    probeFor = null;
    show(ui.feedback, false);
    if (index + 1 >= session.questions.length) {
      window.location.href = session.report_page;
      return;
    }
    index += 1;
    ask(current().prompt, "Question");
  }

  // ---- wiring --------------------------------------------------------------------------------

  async function begin(s) {
    session = s;
    const answered = new Set(s.answers.filter((a) => a.kind === "answer").map((a) => a.position));
    if (answered.size >= s.questions.length) {  // a finished session: show its report
      window.location.href = s.report_page;
      return;
    }
    index = 0;
    while (answered.has(index)) index += 1;  // resume where a reload left off
    show(ui.setup, false);
    show(ui.panel);
    ui.badge.textContent = s.mode === "practice" ? "practice mode" : "interview mode";
    if (window.location.pathname === "/") history.replaceState(null, "", `/interview/${s.id}`);
    await openMic();
    ask(current().prompt, "Question");
  }

  ui.start.addEventListener("click", startRecording);
  ui.stop.addEventListener("click", () => stopRecording(false));
  ui.next.addEventListener("click", next);
  ui.retake.addEventListener("click", () => {
    probeFor = null;  // a retake answers the question itself, not a probe it raised
    show(ui.feedback, false);
    ask(current().prompt, "Question (again)");
  });
  ui.typedSubmit.addEventListener("click", () => {
    const text = ui.typedText.value.trim();
    if (!text) return answerProblem("Type an answer first.");
    clearTimers();
    setButtons({});
    upload(null, text);
  });

  const form = $("setup-form");
  if (form) {
    // Ticking a question means hand-picking; choosing a pack means the pack.
    form.addEventListener("change", (e) => {
      const pick = form.querySelector("input[name=source][value=pick]");
      const role = form.querySelector("input[name=source][value=role]");
      if (e.target.name === "question_ids") {
        tickOrder = tickOrder.filter((id) => id !== e.target.value);
        if (e.target.checked) { tickOrder.push(e.target.value); pick.checked = true; }
        numberTicked(form);
      }
      if (e.target.name === "role" || e.target.name === "count") role.checked = true;
    });
    // A reload can keep boxes ticked: start from them, in page order.
    tickOrder = [...form.querySelectorAll("input[name=question_ids]:checked")].map((b) => b.value);
    numberTicked(form);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const err = $("setup-error");
      show(err, false);
      try { begin(await createSession(form)); }
      catch (ex) { err.textContent = ex.message; show(err); }
    });
  }
  function numberTicked(f) {
    f.querySelectorAll("input[name=question_ids]").forEach((box) => {
      const n = tickOrder.indexOf(box.value);
      if (n >= 0) box.parentElement.dataset.order = String(n + 1);
      else delete box.parentElement.dataset.order;
    });
    const count = $("picked-count");
    if (count) count.textContent = tickOrder.length ? `(${tickOrder.length} ticked)` : "";
  }

  const data = $("session-data");
  const beginButton = $("begin");
  if (data && beginButton) {
    beginButton.addEventListener("click", () => begin(JSON.parse(data.textContent)));
  }
})();
