/* Small helpers shared by the panels: DOM building, the JSON API, downloads, tooltips. */
"use strict";

const EF = window.EF = {};

/* Build an element: h("a", {href: u, class: "x"}, "text", child...). Text is never parsed. */
EF.h = function (tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
};

/* Call the JSON API; an error response becomes an Error carrying the server's detail. */
EF.api = async function (path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map(d => `${d.loc.join(".")}: ${d.msg}`).join("; ");
    const err = new Error(detail || `${res.status} ${res.statusText}`);
    err.status = res.status;
    throw err;
  }
  return body;
};

/* Replace an element's children, leaving out null and undefined ones. */
EF.fill = function (el, ...children) {
  el.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined));
  return el;
};

EF.post = (path, body) => EF.api(path, {
  method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify(body),
});

EF.download = function (name, blob) {
  const url = URL.createObjectURL(blob);
  const a = EF.h("a", {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

EF.badge = status => EF.h("span", {class: `badge status-${status}`}, status || "n/a");

EF.fmt = function (x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return "n/a";
  return Number(x).toFixed(digits === undefined ? 1 : digits);
};

EF.hours = function (h) {
  if (h === null || h === undefined || Number.isNaN(h)) return "n/a";
  return Math.abs(h) >= 48 ? `${(h / 24).toFixed(1)} d` : `${h.toFixed(1)} h`;
};

/* A table from rows of cells, with a CSV button. */
EF.table = function (name, header, rows) {
  const table = EF.h("table", {"data-name": name},
    EF.h("thead", {}, EF.h("tr", {}, header.map(c => EF.h("th", {}, c)))),
    EF.h("tbody", {}, rows.map(r => EF.h("tr", {}, r.map(c => EF.h("td", {}, c))))));
  const button = EF.h("button", {class: "csv-button", onclick: () => EF.tableCSV(table, name)},
    "CSV");
  return EF.h("div", {class: "table-wrap"}, table, button);
};

EF.tableCSV = function (table, name) {
  const quote = s => /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  const lines = [...table.querySelectorAll("tr")].map(
    tr => [...tr.children].map(td => quote(td.textContent.trim())).join(","));
  EF.download(`${name}.csv`, new Blob([lines.join("\n") + "\n"], {type: "text/csv"}));
};

/* SVG and PNG buttons for the chart in figure#id. */
EF.chartTools = function (id) {
  const holder = document.querySelector(`.chart-tools[data-chart="${id}"]`);
  if (!holder || holder.childElementCount) return;
  const svgOf = () => {
    const svg = document.querySelector(`#${id} svg`);
    const clone = svg.cloneNode(true);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    return [svg, new XMLSerializer().serializeToString(clone)];
  };
  holder.append(
    EF.h("button", {onclick: () => {
      const [, text] = svgOf();
      EF.download(`${id}.svg`, new Blob([text], {type: "image/svg+xml"}));
    }}, "SVG"),
    EF.h("button", {onclick: () => {
      const [svg, text] = svgOf();
      const w = svg.viewBox.baseVal.width || svg.clientWidth;
      const hgt = svg.viewBox.baseVal.height || svg.clientHeight;
      const img = new Image();
      const url = URL.createObjectURL(new Blob([text], {type: "image/svg+xml"}));
      img.onload = () => {
        const canvas = EF.h("canvas", {width: w * 2, height: hgt * 2});
        const ctx = canvas.getContext("2d");
        ctx.fillStyle = "#fff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(b => EF.download(`${id}.png`, b), "image/png");
      };
      img.src = url;
    }}, "PNG"));
};

/* Hover tooltip holding DOM content. */
EF.tooltip = function (el, content) {
  const tip = document.getElementById("tooltip");
  el.addEventListener("mouseenter", e => {
    EF.fill(tip, typeof content === "function" ? content() : content);
    tip.style.display = "block";
    EF.placeTip(e);
  });
  el.addEventListener("mousemove", EF.placeTip);
  el.addEventListener("mouseleave", () => { tip.style.display = "none"; });
};

EF.placeTip = function (e) {
  const tip = document.getElementById("tooltip");
  const x = Math.min(e.clientX + 12, window.innerWidth - tip.offsetWidth - 8);
  const y = Math.min(e.clientY + 12, window.innerHeight - tip.offsetHeight - 8);
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
};

EF.sourceLinks = function (sources) {
  return EF.h("ul", {class: "sources"}, sources.map(s => EF.h("li", {},
    s.url ? EF.h("a", {href: s.url, target: "_blank", rel: "noopener noreferrer"}, s.title)
          : s.title,
    ` — ${s.author || s.publisher || ""} (${s.year})`, s.page ? `, ${s.page}` : "",
    " ", EF.badge(s.status))));
};

/* Date helpers: the slider counts days from a start date. */
EF.addDays = (iso, n) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
EF.daysBetween = (a, b) => Math.round((new Date(`${b}T00:00:00Z`) - new Date(`${a}T00:00:00Z`)) / 864e5);
