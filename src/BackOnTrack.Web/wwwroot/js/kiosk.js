// Gym kiosk browser side: reports taps and key presses (throttled) so the server's idle clock can reset,
// signs out by itself if the server stays unreachable, keeps the screen awake, clears browser storage on
// sign-out, and drives the on-screen keypad of the sign-in form. Every export catches its own failures.

let owner = null;
let lastReport = 0;
let pinger = null;
let unreachableSince = null;
let wakeLock = null;
const events = ["pointerdown", "keydown", "touchstart"];

function onActivity() {
    const now = Date.now();
    if (!owner || now - lastReport < 1000) return;
    lastReport = now;
    owner.invokeMethodAsync("Activity").catch(() => { /* reported again on the next tap */ });
}

function signOutForm() {
    const form = document.querySelector("form[action='/kiosk/sign-out']");
    if (form) form.submit(); else location.replace("/kiosk/sign-out");
}

export function clearStorage() {
    try { sessionStorage.clear(); } catch { /* not available */ }
    try { localStorage.clear(); } catch { /* not available */ }
}

// graceSeconds: if the circuit cannot be reached for this long (server down, connection lost), the page
// clears itself and asks the server to sign out, so nothing personal stays on screen.
export function watch(dotnetRef, graceSeconds) {
    try {
        owner = dotnetRef;
        events.forEach(e => document.addEventListener(e, onActivity, { passive: true, capture: true }));
        keepAwake();
        if (pinger) clearInterval(pinger);
        pinger = setInterval(async () => {
            let alive = false;
            try {
                alive = await Promise.race([owner.invokeMethodAsync("Ping"), new Promise(r => setTimeout(() => r(false), 4000))]);
            } catch { alive = false; }
            if (alive) { unreachableSince = null; return; }
            unreachableSince = unreachableSince || Date.now();
            if (Date.now() - unreachableSince > graceSeconds * 1000) {
                clearInterval(pinger);
                clearStorage();
                document.querySelectorAll(".kiosk-main").forEach(m => { m.textContent = ""; });
                signOutForm();
            }
        }, 5000);
    } catch { /* idle time-out still runs on the server */ }
}

export function unwatch() {
    try {
        events.forEach(e => document.removeEventListener(e, onActivity, { capture: true }));
        if (pinger) clearInterval(pinger);
        pinger = null;
        owner = null;
    } catch { /* ignore */ }
}

export async function keepAwake() {
    try {
        if ("wakeLock" in navigator && !wakeLock) {
            wakeLock = await navigator.wakeLock.request("screen");
            wakeLock.addEventListener("release", () => { wakeLock = null; });
        }
    } catch { /* not allowed or not supported */ }
}

document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") keepAwake();
});

// ---- The sign-in keypad (static page: this module is loaded by a script tag) ----

function initKeypad(pad) {
    const form = pad.closest("form");
    const targets = [...form.querySelectorAll("[data-keypad-target]")];
    if (targets.length === 0) return;
    let target = targets.find(t => t.value.length < Number(t.maxLength > 0 ? t.maxLength : 99)) || targets[0];
    // The keypad replaces the tablet's own keyboard.
    targets.forEach(t => t.setAttribute("inputmode", "none"));
    const mark = () => {
        targets.forEach(t => t.classList.toggle("keypad-active", t === target));
        pad.dataset.mode = target.dataset.keypadTarget;
    };
    targets.forEach(t => t.addEventListener("focus", () => { target = t; mark(); }));
    pad.addEventListener("click", e => {
        const key = e.target.closest("[data-key]");
        if (!key) return;
        const k = key.dataset.key;
        if (k === "back") {
            if (target.value.length === 0) {
                const i = targets.indexOf(target);
                if (i > 0) target = targets[i - 1];
            }
            target.value = target.value.slice(0, -1);
        } else if (k === "clear") {
            targets.forEach(t => { t.value = ""; });
            target = targets[0];
        } else {
            if (target.dataset.keypadTarget === "digits" && !/^[0-9]$/.test(k)) return;
            const max = target.maxLength > 0 ? target.maxLength : 99;
            if (target.value.length < max) target.value += k;
            const i = targets.indexOf(target);
            if (target.value.length >= max && i < targets.length - 1) target = targets[i + 1];
        }
        mark();
    });
    mark();

    // A half-typed code or PIN does not wait on a shared screen for the next person.
    let last = Date.now();
    ["pointerdown", "keydown"].forEach(e => document.addEventListener(e, () => { last = Date.now(); }, { passive: true }));
    setInterval(() => {
        if (Date.now() - last > 60000 && targets.some(t => t.value)) {
            targets.forEach(t => { t.value = ""; });
            target = targets[0];
            mark();
        }
    }, 5000);
}

document.querySelectorAll("[data-kiosk-keypad]").forEach(pad => { initKeypad(pad); keepAwake(); });
