// The page: lint the draft through /api/lint, show findings in the text, then suggest, fill and render a template.
"use strict";

const $ = (id) => document.getElementById(id);
const SEVERITY_ORDER = { error: 3, warning: 2, suggestion: 1 };
// `pickedByHand`: the writer chose the template, so new suggestions never replace it; `typed`: values the
// writer entered, by variable name, kept through re-checks and template changes.
const state = {
  templates: new Map(), chosen: null, pickedByHand: false, typed: {}, prefill: {}, rendered: null, timer: null,
  serial: 0,
};

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  const data = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function draftRequest() {
  const to = {};
  for (const key of ["name", "role", "type", "work", "shared"]) {
    const value = $(`to-${key}`).value.trim();
    if (value) to[key] = value;
  }
  const body = { text: $("draft").value, format: $("format").value, to };
  for (const key of ["kind", "channel"]) {
    if ($(key).value) body[key] = $(key).value;
  }
  return body;
}

// --- findings -------------------------------------------------------------------------------------------

function worst(findings) {
  return findings.reduce((a, b) => (SEVERITY_ORDER[b.severity] > SEVERITY_ORDER[a.severity] ? b : a));
}

function highlight(text, findings) {
  // Cut the text at every finding edge; each piece is marked with the findings that cover it.
  const ranged = findings.map((finding, index) => ({ ...finding, index })).filter((f) => f.end > f.start);
  const cuts = new Set([0, text.length]);
  for (const f of ranged) { cuts.add(f.start); cuts.add(f.end); }
  const edges = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const box = $("highlighted");
  box.replaceChildren();
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const [from, to] = [edges[i], edges[i + 1]];
    const piece = text.slice(from, to);
    const covering = ranged.filter((f) => f.start <= from && f.end >= to);
    if (!covering.length) { box.append(piece); continue; }
    const top = worst(covering);
    const mark = el("mark", {
      class: top.severity, tabindex: "0", "data-findings": covering.map((f) => f.index).join(" "),
      "data-rule": covering.map((f) => f.rule).join(" "), title: covering.map((f) => `${f.rule}: ${f.message}`).join("\n"),
    }, piece);
    const indices = covering.map((f) => f.index);
    mark.addEventListener("click", () => focusFindings(indices));
    mark.addEventListener("keydown", (event) => { if (event.key === "Enter") focusFindings(indices); });
    box.append(mark);
  }
  box.hidden = false;
}

function focusFindings(indices) {
  // Every card a highlight stands for lights up, with every highlight of those findings.
  const wanted = new Set(indices.map(String));
  document.querySelectorAll(".active").forEach((node) => node.classList.remove("active"));
  const items = indices.map((index) => $(`finding-${index}`)).filter(Boolean);
  items.forEach((item) => item.classList.add("active"));
  if (items.length) items[0].scrollIntoView({ block: "nearest" });
  document.querySelectorAll("mark").forEach((mark) => {
    if (mark.dataset.findings.split(" ").some((index) => wanted.has(index))) mark.classList.add("active");
  });
}

function findingItem(finding, index) {
  const where = finding.end > finding.start ? `line ${finding.line}` : "the whole message";
  const item = el("li", { id: `finding-${index}`, class: finding.severity, "data-rule": finding.rule },
    el("p", {},
      el("span", { class: "severity", text: finding.severity }),
      el("span", { class: "rule", text: finding.rule }),
      el("span", { class: "muted", text: ` (${where})` })),
    el("p", { class: "message", text: finding.message }),
    finding.suggestion ? el("p", { class: "instead", text: `Instead: ${finding.suggestion}` }) : null,
    finding.rationale ? el("p", { class: "why", text: `Why: ${finding.rationale}` }) : null,
    finding.source ? el("p", { class: "source", text: `Source: article ${finding.source}` }) : null);
  item.addEventListener("click", () => focusFindings([index]));
  return item;
}

function showScore(node, score) {
  node.textContent = `score ${score}/100`;
  node.className = `score ${score >= 95 ? "good" : score >= 70 ? "fair" : "poor"}`;
  node.hidden = false;
}

function showLint(text, result) {
  showScore($("score"), result.score);
  const count = result.findings.length;
  $("summary").textContent = count
    ? `${count} finding${count === 1 ? "" : "s"} in this ${result.kind} message (${result.channel}). Click a highlight to see why.`
    : `Nothing to flag in this ${result.kind} message (${result.channel}).`;
  $("summary").className = "muted";
  highlight(text, result.findings);
  // Cards list the worst first; the highlights keep each finding's own number.
  const order = result.findings.map((finding, index) => [finding, index])
    .sort(([a], [b]) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
  $("findings").replaceChildren(...order.map(([finding, index]) => findingItem(finding, index)));
}

async function check() {
  const serial = ++state.serial;
  const body = draftRequest();
  $("status").textContent = "Checking…";
  try {
    const result = await api("/api/lint", body);
    if (serial !== state.serial) return;  // a newer check is on its way
    showLint(body.text, result);
    $("status").textContent = "";
    await suggest(body, serial);
  } catch (error) {
    if (serial !== state.serial) return;
    $("status").textContent = "";
    $("summary").textContent = error.message;
    $("summary").className = "error-text";
  }
}

function checkSoon() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 700);
}

// --- templates ------------------------------------------------------------------------------------------

async function loadTemplates() {
  try {
    const data = await api("/api/templates");
    state.templates = new Map(data.templates.map((template) => [template.id, template]));
  } catch (error) {
    return;  // a server without templates: the page still lints
  }
  $("template").replaceChildren(...[...state.templates.values()].map(
    (template) => el("option", { value: template.id, text: template.id })));
  $("compose").hidden = state.templates.size === 0;
  chooseTemplate($("template").value, false);
}

async function suggest(body, serial) {
  if (!state.templates.size) return;
  const data = await api("/api/suggest", body);
  if (serial !== state.serial) return;
  state.prefill = data.values || {};
  const buttons = data.suggestions.map((suggestion) => {
    const button = el("button", { type: "button", "data-template": suggestion.id },
      suggestion.id, el("span", { class: "reason", text: suggestion.reason }));
    button.addEventListener("click", () => chooseTemplate(suggestion.id, true));
    return button;
  });
  const lead = buttons.length ? "Suggested for this draft:" : "No template stands out; pick one below.";
  $("suggestions").replaceChildren(el("p", { class: "muted", text: lead }), ...buttons);
  // A template the writer picked stays; otherwise the best suggestion is shown, keeping typed values.
  const keep = state.pickedByHand && state.chosen;
  const next = keep ? state.chosen.id : (data.suggestions[0] || {}).id;
  if (next && (!state.chosen || next !== state.chosen.id)) chooseTemplate(next, false);
  else { markChosen(); fillVariables(); }
}

function markChosen() {
  const id = state.chosen ? state.chosen.id : null;
  document.querySelectorAll(".suggestions button").forEach(
    (button) => button.classList.toggle("chosen", button.dataset.template === id));
}

function chooseTemplate(id, byHand) {
  const template = state.templates.get(id);
  if (!template) return;
  if (byHand) state.pickedByHand = true;
  const changed = !state.chosen || state.chosen.id !== id;
  state.chosen = template;
  $("template").value = id;
  $("situation").textContent = template.situation;
  markChosen();
  if (!changed) return;
  $("variables").replaceChildren(...template.variables.map(variableField));
  fillVariables();
  $("output-box").hidden = true;
}

function variableField(variable) {
  const id = `var-${variable.name}`;
  const attrs = { name: variable.name, id, "aria-describedby": `${id}-help`, "data-label": variable.label };
  if (variable.required) { attrs.required = ""; attrs["aria-required"] = "true"; }
  const input = variable.type === "list"
    ? el("textarea", { rows: "2", ...attrs })
    : el("input", { autocomplete: "off", ...attrs });
  const example = Array.isArray(variable.example) ? variable.example.join("\n") : String(variable.example ?? "");
  input.placeholder = example ? `e.g. ${example}` : "";
  input.addEventListener("input", () => {
    state.typed[variable.name] = input.value;
    input.removeAttribute("aria-invalid");
  });
  const need = variable.required
    ? el("span", { class: "required", text: " *", title: "required" })
    : el("span", { class: "optional", text: " (optional)" });
  const help = variable.description + (variable.type === "list" ? " (one per line)" : "");
  return el("label", { class: variable.type === "list" ? "wide" : "" },
    el("span", { class: "field-name" }, variable.label, need),
    input,
    el("span", { class: "hint", id: `${id}-help`, text: help }));
}

function fillVariables() {
  // What the writer typed wins; then values the server read from the draft, in fields still empty.
  for (const variable of state.chosen ? state.chosen.variables : []) {
    const input = $(`var-${variable.name}`);
    const typed = state.typed[variable.name];
    const read = state.prefill[variable.name];
    if (typed !== undefined) { if (input.value !== typed) input.value = typed; }
    else if (read !== undefined && !input.value) input.value = Array.isArray(read) ? read.join("\n") : read;
  }
}

function missingFields() {
  return state.chosen.variables.filter((variable) => variable.required && !$(`var-${variable.name}`).value.trim());
}

function variableValues() {
  const values = {};
  for (const variable of state.chosen.variables) {
    const raw = $(`var-${variable.name}`).value;
    if (variable.type === "list") {
      const items = raw.split("\n").map((line) => line.trim()).filter(Boolean);
      if (items.length) values[variable.name] = items;
    } else if (raw.trim()) {
      values[variable.name] = raw.trim();
    }
  }
  return values;
}

async function render() {
  if (!state.chosen) return;
  const missing = missingFields();
  missing.forEach((variable) => $(`var-${variable.name}`).setAttribute("aria-invalid", "true"));
  if (missing.length) {
    $("render-status").textContent = `Fill in first: ${missing.map((v) => `${v.label} (${v.description})`).join("; ")}`;
    $("render-status").className = "error-text";
    $(`var-${missing[0].name}`).focus();
    return;
  }
  $("render-status").textContent = "Rendering…";
  $("render-status").className = "";
  try {
    const result = await api("/api/render", { template: state.chosen.id, values: variableValues() });
    state.rendered = result;
    $("output").value = result.body;
    $("output-subject").value = result.subject || "";
    $("subject-box").hidden = !result.subject;
    $("copy-subject").hidden = !result.subject;
    const count = result.lint.findings.length;
    $("output-lint").textContent = count
      ? `Score ${result.lint.score}/100; still to look at: ${result.lint.findings.map((f) => `${f.rule} (${f.message})`).join("; ")}`
      : `Lints clean: score ${result.lint.score}/100.`;
    $("output-lint").className = count ? "error-text" : "clean-text";
    $("output-box").hidden = false;
    $("render-status").textContent = "";
  } catch (error) {
    $("render-status").textContent = error.message;
    $("render-status").className = "error-text";
  }
}

async function copyText(button, field) {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(field.value);
  } catch (error) {
    field.select();
    document.execCommand("copy");
  }
  button.textContent = "Copied";
  setTimeout(() => { button.textContent = label; }, 1500);
}

function downloadOutput() {
  const blob = new Blob([state.rendered.text], { type: "text/markdown;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `${state.rendered.template.replaceAll("/", "-")}.md` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("check").addEventListener("click", check);
  $("draft").addEventListener("input", checkSoon);
  for (const id of ["to-name", "to-role", "to-type", "to-work", "to-shared", "kind", "channel", "format"]) {
    $(id).addEventListener("change", checkSoon);
  }
  $("template").addEventListener("change", (event) => chooseTemplate(event.target.value, true));
  $("render").addEventListener("click", render);
  $("copy").addEventListener("click", () => copyText($("copy"), $("output")));
  $("copy-subject").addEventListener("click", () => copyText($("copy-subject"), $("output-subject")));
  $("download").addEventListener("click", downloadOutput);
  loadTemplates();
});
