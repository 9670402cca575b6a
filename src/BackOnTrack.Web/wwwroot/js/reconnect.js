// The app's own connection banner instead of Blazor's default modal. Blazor raises
// "components-reconnect-state-changed" on #components-reconnect-modal; this script shows the banner,
// wires the retry button, and reloads when the server no longer knows the circuit (the page then
// resumes from the saved session log, so nothing recorded is lost).
(() => {
    const banner = document.getElementById("components-reconnect-modal");
    if (!banner) return;
    const text = banner.querySelector("[data-reconnect-text]");
    const messages = {
        show: "Connection lost. Reconnecting… Your recorded sets are safe.",
        retrying: "Still reconnecting… Your recorded sets are safe.",
        failed: "Could not reconnect. Check your connection, then tap Retry.",
        paused: "Paused by the server. Tap Retry to continue.",
    };
    banner.addEventListener("components-reconnect-state-changed", e => {
        const state = e.detail && e.detail.state;
        if (state === "hide") {
            banner.hidden = true;
            return;
        }
        if (state === "rejected" || state === "resume-failed") {
            location.reload();
            return;
        }
        banner.hidden = false;
        banner.setAttribute("data-state", state || "");
        if (text && messages[state]) text.textContent = messages[state];
    });
    const retry = document.getElementById("components-reconnect-button");
    if (retry) retry.addEventListener("click", async () => {
        try {
            const ok = await Blazor.reconnect();
            if (!ok) location.reload();
        } catch { location.reload(); }
    });
})();
