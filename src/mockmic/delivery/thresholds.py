"""Every number delivery analysis and the delivery score depend on, with where it comes from.

One place, so a coach can read (and argue with) all of them at once. "Heuristic" marks a value we
chose and tuned on bench/delivery.py rather than one taken from the literature.
"""

from __future__ import annotations

# --- pauses ---------------------------------------------------------------------------------
# Silences shorter than this are articulation (stop closures, breaths), not pauses. Fluency
# research counts pauses from 200-350 ms; de Jong & Bosker (2013, "Choosing a threshold for
# silent pauses to measure second language fluency") found ~250 ms the best predictor.
PAUSE_COUNT_S = 0.25
# A silence inside a sentence at least this long is reported as a long pause: conversation
# analysis finds ~1 s the "standard maximum" silence before listeners react (Jefferson 1989),
# and Campione & Véronis (2002) class pauses over 1 s as long. Inside a clause it is heard as
# hesitation, so the bar is lower there than between sentences.
LONG_PAUSE_WITHIN_S = 1.0
# Between sentences a speaker may breathe and plan; silences of 2 s or more stand out to
# listeners (the brief; Goldman-Eisler's long pauses in spontaneous speech).
LONG_PAUSE_BETWEEN_S = 2.0
# webrtcvad aggressiveness 0-3; 3 rejects the most non-speech, which keeps pauses in noisy rooms
# visible (measured on the noisy half of bench/data/delivery).
VAD_MODE = 3
# Below this spread (dB) between the loud and quiet tenths of a recording it is "noisy" and the
# filler detector's voiced islands come from Silero instead of webrtcvad (see
# mockmic.delivery.voicing; measured on bench/data/delivery).
NOISY_RANGE_DB = 24.0
# A recording whose quietest tenth of frames is under this level (dBFS) has digital silence, not
# a noise floor: webrtcvad decides its voicing, the noise-floor test everyone else's. Real
# recordings measure -65 to -41 dBFS (the shared fixtures), espeak-ng -95 to -100.
DIGITAL_SILENCE_DB = -80.0
# The noise-floor test (mockmic.delivery.voicing.noise_floor_frames, after Sohn et al. 1999).
# Band: where speech has energy worth testing; below 100 Hz is mains hum and rumble, above
# 6 kHz little speech. Noisy half of bench/data/delivery, pause F1 (mean over answers): 100-6000 Hz
# 0.941, 200-4000 Hz 0.844, 300-3400 Hz (the telephone band) 0.741: the fricatives and the low
# first formants at the edges of words are what a narrow band loses.
NOISE_BAND_HZ = (100.0, 6000.0)
# The noise spectrum is the mean of the quietest tenth of 10 ms steps: an answer with pauses has
# far more silence than that (the delivery set: 20-40 %); with less, the floor rises and only
# weak speech is lost.
NOISE_FLOOR_SHARE = 0.1
# Mean log-likelihood ratio per frequency bin (speech vs noise). Noise alone: 0.149 per bin
# (gamma exponential with mean 1), ~0.03 spread for the mean of ~190 bins over 30 ms. A stretch
# of speech must reach NOISE_LLR_ON (~8 spreads over the noise) and lasts while it stays over
# NOISE_LLR_OFF (~3 spreads), so a word's weak end is kept and noise alone never starts one.
# Not critical: on the noisy half of bench/data/delivery every pair of on 0.4/0.6/1.0 and off
# 0.2/0.25/0.3 gives pause F1 1.00 (median), 0.925-0.942 (mean); a higher on drops quiet syllables.
NOISE_LLR_ON = 0.4
NOISE_LLR_OFF = 0.25
# A 10 ms step this far under the loud tenth of the recording is silence whatever the test says:
# a quiet room lets the echo of a word stand out from the noise (jfk.flac in brown noise: 21-27 dB
# under during the 0.3 s pause after "Americans", which 25 dB kept as speech), and speech is
# said within ~20 dB of its loud tenth. Noisy half of bench/data/delivery: pause F1 mean 0.951
# (no gate, or 25 dB) -> 0.941 (20 dB) -> 0.875 (18 dB, where the gate reaches the noise itself).
SPEECH_RANGE_DB = 20.0
VAD_FRAME_MS = 30
# A frame sequence is speech only when it lasts this long; shorter blips (clicks) inside a pause
# do not split it. Heuristic, about one short syllable.
MIN_VOICED_S = 0.09

# --- pace -----------------------------------------------------------------------------------
# 130-160 words a minute is the comfortable range for presentations and interviews (the
# National Center for Voice and Speech gives ~150 wpm as average conversational English;
# Toastmasters/coaching guides recommend 130-160 for a clear talk).
PACE_COMFORT_WPM = (130.0, 160.0)
# Beyond these the listener struggles (too slow feels hesitant, too fast rushed). Heuristic
# bounds where the pace part of the score reaches 0.
PACE_ZERO_WPM = (90.0, 220.0)
# Pace is measured in windows across the answer, so a rushed start (a sign of nerves) shows.
PACE_WINDOW_S = 20.0
# A last window shorter than this is merged into the one before (too few words to be a rate).
PACE_MIN_WINDOW_S = 8.0

# --- fillers --------------------------------------------------------------------------------
# Under about 5 fillers a minute goes unnoticed by listeners (issue 6; spontaneous native
# speech carries ~1-6 per 100 words, Bortfeld et al. 2001). The filler part of the score is
# full at or below FILLERS_OK_PER_MIN and reaches 0 at FILLERS_ZERO_PER_MIN (heuristic).
FILLERS_OK_PER_MIN = 5.0
FILLERS_ZERO_PER_MIN = 20.0

# "like" / "you know" with at least this much silence on one side is set off as a filler, the
# spoken comma Whisper often leaves out. Heuristic: a comma pause is 100-300 ms in read speech
# (espeak-ng's at 200 wpm measure ~110 ms); inside a phrase words run on with < 60 ms between.
FILLER_SET_OFF_S = 0.1

# --- acoustic filler detector (mockmic.transcribe.fillers) ----------------------------------
# A filled pause ("um", "uh") is a sustained, voiced vowel or nasal: Shriberg (1999/2001)
# reports filled pauses are longer than the same vowel in words, with flat pitch and steady
# spectrum. Bounds below are heuristics measured on bench/data/delivery.
FILLER_MIN_S = 0.15
FILLER_MAX_S = 1.5
# A filled pause is a voiced vowel or nasal: most energy below FILLER_LOW_HZ (first formant and
# nasal murmur), measured 0.66-0.80 of it on espeak fillers, 0.22 on a fricative left over from
# a word in jfk.flac; and it is said at speaking level (espeak fillers: 4-12 dB under the loud
# tenth of speech frames; a breath at the end of jfk.flac: 21 dB under). The cut was 1000 Hz,
# under the second formant of "um" and "uh" (~1100-1200 Hz) but not of a rhotic "er" (/ɝ/: F2
# and F3 together near 1300-1700 Hz, Hillenbrand et al. 1995): 14% of the set's 85 "er"s had
# most 30 ms frames fail (en-us+m3's nearly all), none at 1300 Hz; um/uh, the free islands that
# are words, and fricatives (under 0.4) did not move. Clean filler F1 median 0.909 -> 0.921,
# noisy 0.909 -> 0.907; 1600 Hz scored the same.
FILLER_LOW_HZ = 1300.0
FILLER_MIN_LOW_SHARE = 0.5
FILLER_MAX_QUIETER_DB = 16.0
# An island without words is a filler when at least this share of its frames pass both checks.
FILLER_MIN_VOWEL_SHARE = 0.5
# Whisper writes some fillers itself, but late: on bench/data/delivery (76 it wrote, clean)
# its start is 0.2 s late in the median and 0.6 s at the 90th percentile, its end 0.18 s late
# in the median (-0.1..0.33 s for 90% of them). So a Whisper filler is placed on the held
# voice (a free filler island, or a held stretch inside a word's island) whose end is nearest
# to WHISPER_FILLER_LATE_S before Whisper's end, and no further than WHISPER_FILLER_REACH_S
# from it. Reach swept 0.3 / 0.4 / 0.6: clean filler F1 (pooled) 0.819 / 0.829 / 0.833.
WHISPER_FILLER_LATE_S = 0.15
WHISPER_FILLER_REACH_S = 0.6
# Whisper tiny.en's word starts run late: against espeak-ng's own word times on
# bench/data/delivery (4,734 words Whisper got right, clean) by 0.09 s in the median. Inside a
# voiced island a word's time is Whisper's less this (mockmic.transcribe.fillers._anchor): start
# error median 0.104 -> 0.036 s, and 4.9% over 0.3 s instead of 7.5% (linear mapping onto the
# island, the old way: 18.4%). In pink noise at 10 dB: 8.9% against 15.2%.
WHISPER_WORD_LATE_S = 0.09
# A filled pause holds its vowel: its spectral change (mockmic.transcribe.steadiness: mel-
# cepstral distance over 60 ms of 30 ms-averaged band energies, over the median of the same
# recording's voice) stays low. Goto et al. (1999) detect filled pauses by small spectral-
# envelope deformation. Measured on bench/data/delivery, um/uh/er against words over 0.15 s:
# clean, 87% of fillers change at most 0.42 and 1.2% of words do as little (the breathy
# female voices en+f3 and en-us+f2 hold least: 61-63%); in pink noise at 10 dB SNR 87% of
# fillers and 2.0% of words are under 0.6. Noise moves every frame a little, so a noisy
# recording (mockmic.delivery.voicing.is_noisy) gets the higher bound. Clean 0.42 / 0.45 / 0.48:
# filler F1 median 0.892 / 0.880 / 0.889 (pooled 0.868 / 0.864 / 0.867); 0.45 and up also
# take a slow "So," before a comma for a filler (syn_answer1.wav).
FILLER_MAX_CHANGE_QUIET = 0.42
FILLER_MAX_CHANGE_NOISY = 0.6
# A word Whisper stretched over a filler run on with it (mockmic.transcribe.swallowed): its
# span is at least SWALLOW_MIN_RATIO times, and SWALLOW_MIN_EXCESS_S longer than, its
# syllables take at the speaker's median pace. On bench/data/delivery, words holding a filler
# Whisper did not write last 2.7x their expected length in the median (10th percentile 1.6x,
# 0.18 s over), other words 1.0x (95th percentile 2.6x, 0.4 s over); the held stretch inside
# the word is what separates the two. Ratio 1.6 / 2.0 / 2.5: clean F1 (pooled) 0.806 / 0.803 /
# 0.788, noisy 0.805 / 0.808 / 0.805; excess 0.2 / 0.3: clean 0.803 / 0.792.
SWALLOW_MIN_RATIO = 2.0
SWALLOW_MIN_EXCESS_S = 0.2
# A filler phrase ("like", "you know") the alignment pushed one island late moves back onto an
# empty island when Whisper put its start no later than this after that island's end (Whisper's
# word starts run 0.1-0.3 s late after a filler on bench/data/delivery).
PHRASE_REACH_S = 0.3
# A free island that sounds like the start of the next island (mockmic.transcribe.repeats: DTW
# distance at most RESTART_MAX_DISTANCE, the next island at most RESTART_MAX_GAP_S away) is a
# restart ("I, I just"), not a filler. Measured on bench/data/delivery: restarts median 1.22
# clean / 1.78 noisy, fillers' 5th percentile 2.08 clean / 2.10 noisy; 2.0 loses ~5% of fillers
# and catches ~90% of clean and ~60% of noisy restarts.
RESTART_MAX_DISTANCE = 2.0
RESTART_MAX_GAP_S = 1.0
# Voice separated by at least this much silence is a separate island: longer than a stop
# closure inside a word (~50-100 ms), shorter than the comma pause around a filler. On
# bench/data/delivery (clean) 304 of 420 um/uh/er stand alone on an island at 0.10 s, 254 at
# 0.12 s, with no island starting inside a word at either; filler F1 0.716 -> 0.750 on the first
# 20 answers. 0.08 s split no more fillers off and scored lower (0.710).
ISLAND_GAP_S = 0.10
# In a noisy recording a 10 ms frame belongs to an island only when it is also this far above
# the noise floor (the quietest tenth of frames): Silero alone joins fillers to their words.
# Noisy half of bench/data/delivery, filler F1 median (mean): off 0.647 (0.600), 2 dB 0.674
# (0.656), 3 dB 0.717 (0.683), 4 dB 0.718 (0.683), 5 dB 0.696 (0.672), 6 dB 0.677 (0.657); 3 dB
# has the higher precision (0.760 against 0.700).
ISLAND_ABOVE_NOISE_DB = 3.0
# ... and a run of such frames shorter than this is a blip of the noise, not voice: pink noise
# at 10 dB SNR pokes 10-40 ms over the bound inside the gaps around fillers, cutting each gap
# into pieces shorter than ISLAND_GAP_S that were then closed. Dropping runs under 30 / 50 /
# 80 ms left 387 / 409 / - of the set's 420 um/uh/er on an island of their own (252 before);
# noisy filler recall 0.667 -> 0.80. 50 ms is also the shortest voiced run the quiet path
# (webrtcvad) keeps, and shorter than any syllable.
ISLAND_MIN_VOICED_S = 0.05

# --- composure ------------------------------------------------------------------------------
# Steadiness is 1 minus the spread of per-second medians over a spread we call "unsteady".
# Read speech varies ~2-4 semitones across phrases; a spread of 8 semitones in per-second pitch
# medians is a shaky or strained voice (heuristic).
PITCH_UNSTEADY_ST = 8.0
# Loudness: per-second speech level spread of 10 dB is fading in and out (heuristic; a steady
# speaker at a fixed distance stays within ~3-6 dB).
LOUDNESS_UNSTEADY_DB = 10.0
PITCH_RANGE_HZ = (60.0, 400.0)  # adult speaking F0 range

# --- the delivery score (mockmic.delivery.rate) ----------------------------------------------
# rate() is the weighted mean of seven parts, each 0-100 (mockmic.delivery.score has the formula
# of each; delivery.parts(d) returns them, so a report can say why a score is what it is):
#   pace        100 inside PACE_COMFORT_WPM, linear to 0 at PACE_ZERO_WPM
#   fillers     100 up to FILLERS_OK_PER_MIN, linear to 0 at FILLERS_ZERO_PER_MIN
#   pauses      100 - LONG_PAUSE_COST per long pause a minute (between sentences: half)
#   restarts    linear from 100 (none) to 0 at RESTARTS_ZERO_PER_MIN
#   hedges      hedges + apologies a minute, linear from 100 to 0 at HEDGES_ZERO_PER_MIN
#   steadiness  mean of pitch and loudness steadiness x 100
#   time        100 within the limit, linear to 0 at OVER_TIME_ZERO_FRACTION over it
# A part that cannot be measured drops out; a typed answer gets None.
# Weights of each part of the 0-100 delivery score. Parts that cannot be measured drop out and
# the rest are re-weighted. Pace and fillers are what listeners notice first, so they weigh most.
SCORE_WEIGHTS: dict[str, float] = {
    "pace": 0.25,
    "fillers": 0.25,
    "pauses": 0.15,
    "restarts": 0.10,
    "hedges": 0.10,
    # Steadiness is the least validated part (heuristic spreads), so it weighs least.
    "steadiness": 0.05,
    # Running well over the limit is what an interviewer notices and cuts off.
    "time": 0.10,
}
# Each long pause inside a sentence, per minute, costs this many points of the pause part.
LONG_PAUSE_COST = 25.0
# Restarts per minute where the restart part reaches 0 (heuristic: one every 10 s is choppy).
RESTARTS_ZERO_PER_MIN = 6.0
# Hedges and apologies per minute where their part reaches 0 (heuristic).
HEDGES_ZERO_PER_MIN = 8.0
# Over-time: the time part reaches 0 at this fraction over the question's limit.
OVER_TIME_ZERO_FRACTION = 0.5
