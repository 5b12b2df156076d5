// The demo page: live twin cards from the Actuator, and one handler per action. Plain JS, no build step.
"use strict";

const REFRESH_MS = 1000;

// fetch that always ends in a usable answer or an Error whose message the page can show.
async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) {
    throw new Error("The master did not answer (" + e.message + ")");
  }
  if (!response.ok) {
    throw new Error(await errorText(response));
  }
  return response;
}

async function errorText(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return body.error || body.message || text;
  } catch (e) {
    return "HTTP " + response.status + (text ? ": " + text.slice(0, 300) : "");
  }
}

const $ = (selector, root = document) => root.querySelector(selector);

// A message on one line, cut to a readable length (a twin's failure carries its last output lines).
function oneLine(text, max = 240) {
  const flat = String(text).replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}

function show(element, visible) {
  element.hidden = !visible;
}

// Runs one action of a panel: buttons off, a spinner with the seconds so far, errors shown in the panel.
async function busy(section, label, action) {
  const spinner = $(".busy", section);
  const error = $(".error", section);
  const buttons = section.querySelectorAll("button");
  const started = performance.now();
  const tick = () => { spinner.textContent = label + " " + ((performance.now() - started) / 1000).toFixed(1) + " s"; };
  buttons.forEach(b => { b.disabled = true; });
  show(error, false);
  show(spinner, true);
  tick();
  const timer = setInterval(tick, 100);
  try {
    await action();
  } catch (e) {
    error.textContent = e.message || String(e);
    show(error, true);
  } finally {
    clearInterval(timer);
    show(spinner, false);
    buttons.forEach(b => { b.disabled = false; });
  }
}

// ---- live twin cards -------------------------------------------------------------------------------

// "PT1M3.52S" -> "1 min 3 s"
function duration(iso) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || "");
  if (!m) return iso || "";
  const [h, min, s] = [m[1], m[2], m[3]].map(v => Number(v || 0));
  return [h ? h + " h" : "", min ? min + " min" : "", Math.floor(s) + " s"].filter(Boolean).join(" ");
}

function row(list, term, value, className) {
  const dt = document.createElement("dt");
  const dd = document.createElement("dd");
  dt.textContent = term;
  dd.textContent = value;
  if (className) dd.className = className;
  list.append(dt, dd);
}

function renderTwin(card, twin, health) {
  let badge = $(".status", card);
  if (!badge) {
    badge = document.createElement("span");
    $("h2", card).append(badge);
  }
  const status = health || "UNKNOWN";
  badge.className = "status " + status;
  badge.textContent = status;
  const list = $("dl", card);
  list.replaceChildren();
  row(list, "state", twin.state, "state");
  row(list, "Java", twin.javaVersion + " (" + twin.javaVendor + ")", "java");
  row(list, "pid", twin.pid ?? "none", "pid");
  row(list, "uptime", duration(twin.uptime), "uptime");
  row(list, "restarts", twin.restarts + " (" + twin.starts + " starts)", "restarts");
  row(list, "calls now", twin.callsInFlight, "calls");
  if (twin.lastFailure) {
    const failure = document.createElement("dd");
    failure.className = "failure";
    failure.textContent = "last failure: " + oneLine(twin.lastFailure.message);
    list.append(failure);
  }
}

async function refreshTwins() {
  try {
    const [twins, health] = await Promise.all([
      api("actuator/twins").then(r => r.json()),
      api("actuator/health").then(r => r.json()).catch(() => ({}))
    ]);
    const byTwin = health.components?.cpy2j?.components || {};
    document.querySelectorAll(".twin").forEach(card => {
      const twin = twins.twins[card.dataset.twin];
      if (twin) renderTwin(card, twin, byTwin[card.dataset.twin]?.status);
    });
    show($("#offline"), false);
  } catch (e) {
    $("#offline").textContent = e.message + "; retrying…";
    show($("#offline"), true);
  } finally {
    setTimeout(refreshTwins, REFRESH_MS);
  }
}

async function loadOverview() {
  try {
    const overview = await (await api("api/overview")).json();
    $("#master").textContent = "Master: Java " + overview.master.java + " (" + overview.master.vendor + "), pid "
      + overview.master.pid;
    document.querySelectorAll(".legacy-library").forEach(e => { e.textContent = overview.legacyLibrary; });
    const warnings = $("#warnings");
    warnings.replaceChildren(...overview.warnings.map(text => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }));
    show(warnings, overview.warnings.length > 0);
  } catch (e) {
    $("#master").textContent = "Master: " + e.message + "; retrying…";
    setTimeout(loadOverview, 2000);
  }
}

// ---- actions -----------------------------------------------------------------------------------------

function onSubmit(id, handler) {
  const section = document.getElementById(id);
  $("form", section).addEventListener("submit", event => {
    event.preventDefault();
    handler(section);
  });
}

onSubmit("sieve", section => busy(section, "Sieving in the modern twin…", async () => {
  const limit = $("#sieve-limit").value;
  const response = await api("api/sieve?limit=" + encodeURIComponent(limit));
  const image = $("#sieve-image");
  if (image.src) URL.revokeObjectURL(image.src);
  image.src = URL.createObjectURL(await response.blob());
  const primes = Number(response.headers.get("X-Sieve-Primes")).toLocaleString("en");
  $("figcaption", section).textContent = primes + " primes below " + Number(limit).toLocaleString("en")
    + ", sieved on Java " + response.headers.get("X-Sieve-Java") + " in "
    + response.headers.get("X-Sieve-Millis") + " ms.";
  show($("figure", section), true);
}));

onSubmit("series", section => busy(section, "Summing, here then in the twin…", async () => {
  const max = $("#series-max").value;
  const runs = await (await api("api/sum-series?maxN=" + encodeURIComponent(max), { method: "POST" })).json();
  $("tbody", section).replaceChildren(...runs.map(run => {
    const tr = document.createElement("tr");
    const last = run.series[run.series.length - 1];
    [run.mode, run.runtime, run.java, run.millis.toFixed(0) + " ms", last.n + " => " + last.total]
      .forEach((text, i) => {
        const td = document.createElement("td");
        td.textContent = text;
        if (i === 3) td.className = "time";
        tr.append(td);
      });
    tr.dataset.mode = run.mode;
    return tr;
  }));
  show($("table", section), true);
}));

document.querySelectorAll("#isolated button").forEach(button => button.addEventListener("click", () => {
  const section = document.getElementById("isolated");
  busy(section, "Calling the isolated twin…", async () => {
    const answer = await (await api(button.dataset.path.slice(1), { method: "POST" })).json();
    const result = $("#isolated-result");
    result.textContent = answer.died === undefined
      ? "The twin (pid " + answer.pid + ") now holds " + answer.keptMegabytes + " MB and lives on."
      : answer.died
        ? "The isolated twin (pid " + answer.pid + ") died: " + oneLine(answer.message, 400)
          + " The master kept serving; watch its card come back."
        : answer.message;
    result.dataset.died = String(answer.died === true);
    show(result, true);
  });
}));

function renderAnswer(element, title, answer) {
  element.className = "answer " + (answer.loaded ? "loaded" : "refused");
  const heading = document.createElement("h3");
  heading.textContent = title + ": SnakeYAML " + answer.version;
  const verdict = document.createElement("p");
  verdict.className = "verdict";
  verdict.textContent = (answer.loaded ? "loaded a " : "refused: ") + answer.type;
  const value = document.createElement("p");
  value.className = "value";
  value.textContent = answer.value;
  const runtime = document.createElement("p");
  runtime.className = "muted";
  runtime.textContent = "ran in " + answer.runtime;
  element.replaceChildren(heading, verdict, value, runtime);
}

onSubmit("legacy", section => busy(section, "Loading on both sides…", async () => {
  const [master, twin] = await (await api("api/legacy", {
    method: "POST", headers: { "Content-Type": "text/plain" }, body: $("#legacy-yaml").value
  })).json();
  renderAnswer($("#legacy-master"), "master", master);
  renderAnswer($("#legacy-twin"), "legacy twin", twin);
  show($(".answers", section), true);
}));

loadOverview();
refreshTwins();
