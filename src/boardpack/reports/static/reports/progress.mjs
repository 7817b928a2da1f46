// While an edition's files are being generated, fetch the page again every few seconds and
// replace its downloads section, until every format is ready (or the run failed). Without
// JavaScript, the "Refresh to see progress" link does the same. No inline script: CSP-safe.
const WAITING = new Set(["queued", "running"]);
const INTERVAL_MS = 3000;
const MAX_POLLS = 200;

function section(doc) {
  return doc.getElementById("bp-downloads");
}

async function poll(count) {
  const current = section(document);
  if (!current || !WAITING.has(current.dataset.generationStatus) || count > MAX_POLLS) return;
  try {
    const response = await fetch(window.location.pathname, { credentials: "same-origin" });
    if (response.ok) {
      const fresh = section(new DOMParser().parseFromString(await response.text(), "text/html"));
      if (fresh) {
        current.replaceChildren(...fresh.childNodes);
        current.dataset.generationStatus = fresh.dataset.generationStatus;
      }
    }
  } catch {
    // The network failed this time: try again later; the refresh link still works.
  }
  window.setTimeout(() => poll(count + 1), INTERVAL_MS);
}

window.setTimeout(() => poll(0), INTERVAL_MS);
