// Session player browser side: countdowns from server deadlines, an end-of-countdown tone,
// spoken cues, and a screen wake lock. Every export catches its own failures: nothing here may
// ever block the STOP path or the server's record of a set.

let muted = false;
let voice = true;
let audio = null;
let wakeLock = null;
let ticker = null;
let owner = null;
const fired = new Set();

function format(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    const m = Math.floor(s / 60);
    const r = s % 60;
    return m > 0 ? `${m}:${String(r).padStart(2, "0")}` : String(r);
}

function tone(frequency = 880, durationMs = 250) {
    if (muted) return;
    try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = frequency;
        gain.gain.setValueAtTime(0.25, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + durationMs / 1000);
        osc.connect(gain).connect(audio.destination);
        osc.start();
        osc.stop(audio.currentTime + durationMs / 1000);
    } catch { /* no audio on this device */ }
}

// Walks every element with data-deadline (ISO-8601, server time) and writes the time left into its
// [data-countdown-text] child. The offset corrects for a browser clock that differs from the server's.
function tick() {
    const now = Date.now() + (window.__botClockOffset || 0);
    // Phase switches inside one server state (get-ready → hold) happen here, not with a server timer.
    document.querySelectorAll("[data-show-from]").forEach(el => {
        const from = Date.parse(el.getAttribute("data-show-from"));
        const hide = !Number.isNaN(from) && now < from;
        if (el.hidden !== hide) el.hidden = hide;
    });
    document.querySelectorAll("[data-hide-from]").forEach(el => {
        const from = Date.parse(el.getAttribute("data-hide-from"));
        const hide = !Number.isNaN(from) && now >= from;
        if (el.hidden !== hide) el.hidden = hide;
    });
    document.querySelectorAll("[data-deadline]").forEach(el => {
        const deadline = Date.parse(el.getAttribute("data-deadline"));
        if (Number.isNaN(deadline)) return;
        const left = (deadline - now) / 1000;
        const text = el.querySelector("[data-countdown-text]") || el;
        const shown = format(left);
        if (text.textContent !== shown) text.textContent = shown;
        const total = Number(el.getAttribute("data-total-seconds") || "0");
        if (total > 0) el.style.setProperty("--progress", String(Math.min(1, Math.max(0, 1 - left / total))));
        const key = el.getAttribute("data-countdown-key") || el.getAttribute("data-deadline");
        if (left <= 0 && !fired.has(key)) {
            fired.add(key);
            tone(el.getAttribute("data-tone") === "low" ? 520 : 880, 350);
            if (owner && el.hasAttribute("data-notify")) {
                owner.invokeMethodAsync("CountdownFinished", key).catch(() => { fired.delete(key); /* offline: try again on the next tick */ });
            }
        }
    });
}

// One call when the player opens (each call is a round trip to the browser): the .NET object to notify,
// the server's clock, the member's sound settings, and what the first screen says.
export function start(dotnetRef, serverNowIso, isMuted, withVoice, cue, awake) {
    setSound(isMuted, withVoice);
    show(cue, awake, false);
    try {
        owner = dotnetRef;
        const server = Date.parse(serverNowIso);
        window.__botClockOffset = Number.isNaN(server) ? 0 : server - Date.now();
        if (!ticker) ticker = setInterval(tick, 200);
        tick();
    } catch { /* countdown text stays as rendered */ }
}

export function stop() {
    try {
        if (ticker) clearInterval(ticker);
        ticker = null;
        owner = null;
        fired.clear();
    } catch { /* ignore */ }
}

export function setSound(isMuted, withVoice) {
    muted = !!isMuted;
    voice = !!withVoice;
    if (muted) {
        try { window.speechSynthesis && window.speechSynthesis.cancel(); } catch { /* ignore */ }
    }
}

export function speak(text) {
    if (muted || !voice || !text) return;
    try {
        if (!("speechSynthesis" in window)) return;
        window.speechSynthesis.cancel();
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.rate = 0.95;
        window.speechSynthesis.speak(utterance);
    } catch { /* no speech on this device */ }
}

export function beep() { tone(660, 200); }

export async function keepAwake() {
    try {
        if ("wakeLock" in navigator && !wakeLock) {
            wakeLock = await navigator.wakeLock.request("screen");
            wakeLock.addEventListener("release", () => { wakeLock = null; });
        }
    } catch { /* not allowed or not supported: the session works without it */ }
}

export async function allowSleep() {
    try {
        if (wakeLock) await wakeLock.release();
    } catch { /* ignore */ }
    wakeLock = null;
}

document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && owner) keepAwake();
});

// A new step starts at the top of the page, so the sticky bar never hides its heading.
export function toTop() {
    try { window.scrollTo({ top: 0, behavior: "instant" }); } catch { /* ignore */ }
}

// One call per new state: say its cue, hold or release the wake lock, and scroll up on a new phase.
export function show(cue, awake, scrollUp) {
    if (scrollUp) toTop();
    speak(cue);
    if (awake) keepAwake(); else allowSleep();
}
