/* Panels: command diagrams, warning and campaign runs, the claim checker, sweeps, anchors,
   exports. Every number comes from the API; nothing is computed here. */
"use strict";

(function () {
  const {h, api, post} = EF;
  const P = EF.panels = {};
  const AUTH_COLOUR = {administer: "#7f7f7f", move: "#1f77b4", designate_targets: "#ff7f0e",
    initiate_combat: "#d62728", nuclear_release: "#9467bd"};
  const ACTOR_COLOUR = {RU: "#f4a6a6", BY: "#a6d8a6", "UNION-STATE": "#d8c6f0", NATO: "#a6c8f4"};

  const fillSelect = (sel, items, value) => {
    EF.fill(sel, ...items.map(([v, label]) => h("option", {value: v}, label)));
    if (value !== undefined) sel.value = value;
  };

  /* ---- command --------------------------------------------------------------------- */
  P.command = async function () {
    const stage = document.getElementById("cmd-stage").value;
    const from = document.getElementById("cmd-from").value;
    const d = await api(`/api/command/${stage}` + (from ? `?diff_from=${from}` : ""));
    const container = document.getElementById("cmd-graph");
    if (P.cy) P.cy.destroy();
    P.cy = cytoscape({
      container, elements: d.elements,
      style: [
        {selector: "node", style: {label: "data(label)", "font-size": 9, "text-wrap": "wrap",
          "text-max-width": 110, "text-valign": "center", width: 120, height: 40, shape: "round-rectangle",
          "background-color": n => ACTOR_COLOUR[n.data("actor")] || "#ddd", "border-width": 1, "border-color": "#666"}},
        {selector: "node[kind = 'group']", style: {shape: "rectangle", "background-color": "#fff",
          "border-width": 2, label: n => `${n.data("label")} (${n.data("members")})`}},
        {selector: "edge", style: {width: 1.5, "curve-style": "bezier", "target-arrow-shape": "triangle",
          "arrow-scale": 0.8, "line-color": "#999", "target-arrow-color": "#999"}},
        {selector: "edge[kind = 'authority']", style: {width: 2.5,
          "line-color": e => AUTH_COLOUR[e.data("authority")] || "#999",
          "target-arrow-color": e => AUTH_COLOUR[e.data("authority")] || "#999"}},
        {selector: "edge[kind = 'consent']", style: {"line-style": "dashed", "line-color": "#333"}},
        {selector: "edge[kind = 'channel']", style: {"line-style": "dotted", "line-color": "#333"}},
        {selector: "edge[kind = 'parent']", style: {width: 1, "line-color": "#ccc",
          "target-arrow-shape": "none"}},
        {selector: "edge[?changed]", style: {width: 5, "underlay-color": "#ffeb3b",
          "underlay-opacity": 0.9, "underlay-padding": 4}},
        ...(d.diff ? [{selector: "edge[kind = 'authority'][!changed]", style: {opacity: 0.25}}] : []),
      ],
      layout: {name: "breadthfirst", directed: true, spacingFactor: 1.1, padding: 10,
        roots: "[body_kind = 'head-of-state']"},
    });
    P.cy.on("tap", "edge", e => {
      const x = e.target.data();
      EF.fill(document.getElementById("cmd-detail"), h("p", {},
        `${x.kind} ${x.authority ? `(${x.authority})` : ""}: ${x.source} → ${x.target} `,
        x.status ? EF.badge(x.status) : "", x.sources.length ? ` sources: ${x.sources.join(", ")}` : "",
        x.carries ? ` carries: ${x.carries.join("; ")}` : ""));
    });
    const detail = document.getElementById("cmd-detail");
    const legend = h("p", {class: "legend"}, "Authority edges: ",
      Object.entries(AUTH_COLOUR).map(([a, c]) => [h("span", {class: `auth-${a}`}, `■ ${a.replace(/_/g, " ")}`), " "]),
      "· consent dashed · request channel dotted · order path and command chain grey");
    const parts = [legend, h("p", {}, h("strong", {}, d.name), ` (${d.date}) `, EF.badge(d.status), " ", d.summary)];
    if (d.diff) {
      parts.push(h("h3", {}, `What moved from ${d.diff.a} to ${d.diff.b} (${d.diff.unchanged} unchanged; changed edges highlighted)`),
        EF.table(`diff-${d.diff.a}-${d.diff.b}`, ["group", "authority", "change", "before", "after", "consents before", "consents after"],
          d.diff.changes.map(c => [c.group, c.authority, c.change, c.before || "", c.after || "",
            c.vetoes_before.join(", "), c.vetoes_after.join(", ")])));
    }
    parts.push(h("h3", {}, "Assignments"), EF.table(`assignments-${d.stage}`,
      ["group", "authority", "holder", "via", "consents", "status", "sources"],
      d.assignments.map(a => [a.group, a.authority, a.holder, a.via.join(" → "),
        a.consents.join(", "), a.status, a.sources.join(", ")])));
    EF.fill(detail, ...parts);
  };

  /* ---- parameter panels (warning, campaign) ---------------------------------------- */
  function paramPanel(holder, params, onChange) {
    const overrides = {};
    EF.fill(holder, ...params.map(p => {
      const step = p.kind === "probability" ? 0.01 : Math.max((p.high - p.low) / 200, 1e-6);
      const out = h("output", {}, EF.fmt(p.value, 3));
      const slider = h("input", {type: "range", min: p.open_low ? p.low + step : p.low,
        max: p.open_high ? p.high - step : p.high, step, value: p.value,
        "data-path": p.path, "aria-label": p.label});
      const row = h("div", {class: "param"},
        h("label", {}, p.label, " ", EF.badge(p.status || "n/a"), " = ", out),
        slider, h("div", {class: "range"}, h("span", {}, EF.fmt(p.low, 3)),
          h("span", {}, p.kind === "dist" ? "mode within the stated min–max" : p.kind),
          h("span", {}, EF.fmt(p.high, 3))));
      EF.tooltip(row.querySelector("label"), () => h("div", {},
        h("div", {}, h("code", {}, p.path)), p.note ? h("p", {}, p.note) : null,
        p.sources.length ? h("p", {}, `sources: ${p.sources.join(", ")}`) : h("p", {}, "no source: a modelling assumption")));
      slider.addEventListener("input", () => { out.textContent = EF.fmt(+slider.value, 3); });
      slider.addEventListener("change", () => {
        if (+slider.value === p.value) delete overrides[p.path]; else overrides[p.path] = +slider.value;
        row.classList.toggle("changed", p.path in overrides);
        onChange();
      });
      return row;
    }));
    return overrides;
  }

  function lineChart(id, series, xLabel, yLabel, title) {
    const fig = document.getElementById(id);
    const W = 720, H = 340, m = {l: 60, r: 20, t: 30, b: 45};
    const all = series.flatMap(s => [...s.points, ...(s.band || []).map(b => [b[0], b[2]])])
      .filter(p => Number.isFinite(p[0]) && Number.isFinite(p[1]));
    const x = d3.scaleLinear().domain(d3.extent(all, p => p[0])).nice().range([m.l, W - m.r]);
    const y = d3.scaleLinear().domain(d3.extent(all, p => p[1])).nice().range([H - m.b, m.t]);
    const svg = d3.create("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("width", W).attr("height", H)
      .attr("font-family", "sans-serif").attr("font-size", 11);
    svg.append("rect").attr("width", W).attr("height", H).attr("fill", "#fff");
    svg.append("g").attr("transform", `translate(0,${H - m.b})`).call(d3.axisBottom(x));
    svg.append("g").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y));
    svg.append("text").attr("x", (W + m.l) / 2).attr("y", H - 8).attr("text-anchor", "middle").text(xLabel);
    svg.append("text").attr("transform", `translate(14,${(H - m.b + m.t) / 2}) rotate(-90)`)
      .attr("text-anchor", "middle").text(yLabel);
    svg.append("text").attr("x", m.l).attr("y", 18).attr("font-weight", 600).text(title);
    const line = d3.line().defined(p => Number.isFinite(p[1])).x(p => x(p[0])).y(p => y(p[1]));
    series.forEach((s, i) => {
      if (s.band) {
        svg.append("path").attr("fill", s.colour).attr("opacity", 0.15)
          .attr("d", d3.area().defined(p => Number.isFinite(p[1]) && Number.isFinite(p[2]))
            .x(p => x(p[0])).y0(p => y(p[1])).y1(p => y(p[2]))(s.band));
      }
      svg.append("path").attr("class", `series series-${i}`).attr("fill", "none")
        .attr("stroke", s.colour).attr("stroke-width", s.width || 2)
        .attr("stroke-dasharray", s.dash || null).attr("d", line(s.points));
      svg.append("text").attr("x", W - m.r - 4).attr("y", m.t + 14 * i).attr("text-anchor", "end")
        .attr("fill", s.colour).text(s.label);
    });
    EF.fill(fig, svg.node());
    EF.chartTools(id);
  }

  /* ---- warning --------------------------------------------------------------------- */
  const W = P.warning = {overrides: {}, baseline: null, seq: 0};
  W.load = async function () {
    const sc = document.getElementById("warn-scenario").value;
    const d = await api(`/api/warning/${sc}/parameters`);
    W.overrides = paramPanel(document.getElementById("warn-params"), d.parameters, () => W.run());
    W.baseline = null;
    await W.run();
  };
  W.run = async function () {
    const sc = document.getElementById("warn-scenario").value;
    const body = {stage: document.getElementById("warn-stage").value,
      samples: +document.getElementById("warn-samples").value,
      seed: +document.getElementById("warn-seed").value, overrides: W.overrides};
    const status = document.getElementById("warn-status");
    const seq = ++W.seq;
    status.textContent = "running…";
    const t0 = performance.now();
    let d;
    try { d = await post(`/api/warning/${sc}/run`, body); } catch (e) {
      EF.fill(status, h("span", {class: "error"}, e.message)); return;
    }
    if (seq !== W.seq) return;
    const r = d.result;
    const key = `${body.stage}|${body.samples}|${body.seed}`;
    if (!Object.keys(W.overrides).length) W.baseline = {key, r};
    status.textContent = `${r.samples} samples in ${((performance.now() - t0) / 1000).toFixed(2)} s`;
    status.dataset.runs = seq;
    const pts = cdf => cdf.map((v, i) => [v, i / (cdf.length - 1)]);
    const series = [{label: "warning", colour: "#1565c0", points: pts(r.cdf_h)}];
    if (r.margin_cdf_h) series.push({label: "decision margin", colour: "#2e7d32", points: pts(r.margin_cdf_h)});
    if (W.baseline && W.baseline.key === key && Object.keys(W.overrides).length) {
      series.push({label: "warning (parameters as stated)", colour: "#999", dash: "5 4", width: 1.5,
        points: pts(W.baseline.r.cdf_h)});
    }
    lineChart("warn-chart", series, "hours", "share of samples (CDF)",
      `${r.scenario} at ${r.stage}: warning for ${r.defender}`);
    const q = x => [EF.hours(x.p5_h), EF.hours(x.p50_h), EF.hours(x.p95_h), EF.hours(x.mean_h)];
    const quantities = [["warning (≥ 0)", r.warning], ["time to attack-ready", r.ready],
      ["decision margin (attack-ready − defender's decision)", r.decision_margin]].filter(([, x]) => x);
    const shares = [["P(no warning)", r.p_no_warning], ["P(defender decides before attack-ready)", r.p_decides_before_ready],
      ["P(no decision from indicators)", r.p_no_decision]].filter(([, x]) => x !== undefined);
    const opts = r.options ? Object.entries(r.options).filter(([k]) => k !== "statuses")
      .map(([k, v]) => `${k} ${v}` + (r.options.statuses && r.options.statuses[k] ? ` (${r.options.statuses[k]})` : "")) : [];
    EF.fill(document.getElementById("warn-summary"),
      EF.table("warning-summary", ["quantity", "p5", "p50", "p95", "mean"],
        quantities.map(([label, x]) => [label, ...q(x)])),
      h("p", {}, shares.map(([label, x]) => `${label} ${(100 * x).toFixed(1)}%`).join("; ")),
      h("p", {}, "first indicator: ", r.first_indicator.slice(0, 4).map(x => `${x.id} ${(100 * x.share).toFixed(0)}%`).join(", ")),
      opts.length ? h("p", {}, `options: ${opts.join("; ")}`) : null,
      r.status_counts ? h("p", {}, "parameters by status: ", Object.entries(r.status_counts)
        .map(([k, v]) => [EF.badge(k), ` ${v} `])) : null,
      Object.keys(d.overrides).length ? h("p", {class: "muted"}, `changed: ${Object.entries(d.overrides).map(([k, v]) => `${k} = ${v}`).join("; ")}`) : null);
  };

  /* ---- campaign -------------------------------------------------------------------- */
  const C = P.campaign = {overrides: {}, seq: 0};
  C.load = async function () {
    const sc = document.getElementById("camp-scenario").value;
    const d = await api(`/api/campaign/${sc}/parameters`);
    C.overrides = paramPanel(document.getElementById("camp-params"), d.parameters, () => C.run());
    await C.run();
  };
  C.run = async function () {
    const sc = document.getElementById("camp-scenario").value;
    const body = {stage: document.getElementById("camp-stage").value,
      samples: +document.getElementById("camp-samples").value,
      seed: +document.getElementById("camp-seed").value,
      warning: document.getElementById("camp-warning").value, overrides: C.overrides};
    const status = document.getElementById("camp-status");
    const seq = ++C.seq;
    status.textContent = "running…";
    const t0 = performance.now();
    let d;
    try { d = await post(`/api/campaign/${sc}/run`, body); } catch (e) {
      EF.fill(status, h("span", {class: "error"}, e.message)); return;
    }
    if (seq !== C.seq) return;
    const r = d.result;
    status.textContent = `${r.samples} samples in ${((performance.now() - t0) / 1000).toFixed(2)} s`;
    status.dataset.runs = seq;
    const days = r.force_ratio_days;
    lineChart("camp-chart", [{label: "force ratio Red/Blue (median, p10–p90)", colour: "#c62828",
      points: days.map((t, i) => [t, r.force_ratio_median[i]]),
      band: days.map((t, i) => [t, r.force_ratio_p10[i], r.force_ratio_p90[i]])}],
    "day after the attack starts", "force ratio", `${r.scenario} at ${r.stage}`);
    EF.fill(document.getElementById("camp-summary"), 
      EF.table("campaign-summary", ["quantity", "value"], [
        ["P(gap closed before reinforcement arrives)", `${r.p_closed_before_reinforcement.toFixed(3)} ± ${r.p_closed_before_reinforcement_stderr.toFixed(3)}`],
        ["P(gap closed within the horizon)", r.p_closed_within_horizon.toFixed(3)],
        ["gap width", `${r.gap_km.toFixed(1)} km`],
        ...(r.advance_km !== undefined ? [["advance to close the gap", `${r.advance_km.toFixed(1)} km`]] : []),
        ...(r.red_brigades !== undefined ? [["brigade equivalents counted (Red / Blue)", `${r.red_brigades.toFixed(1)} / ${r.blue_brigades.toFixed(1)}`]] : []),
        ["warning from", r.warning_from]]),
      r.red_units ? EF.table("campaign-forces", ["side", "unit", "garrison", "brigade eq.", "basis"],
        [...r.red_units.map(u => ["Red", u]), ...r.blue_units.map(u => ["Blue", u])].map(([side, u]) =>
          [side, u.name, u.garrison_name || u.garrison || "", EF.fmt(u.brigades, 2), u.basis || ""])) : null,
      h("p", {class: "muted"}, `sources: ${r.sources.join(", ")}`));
  };

  /* ---- claim checker --------------------------------------------------------------- */
  function showCheck(d) {
    const res = d.result;
    EF.fill(document.getElementById("check-counts"), h("p", {id: "verdict-counts"},
      Object.entries(res.counts).map(([v, n]) => h("span", {class: `claim verdict-${v}`, "data-verdict": v}, `${v}: ${n}`)).flatMap(x => [x, " "]),
      ` — ${res.claims.length} claims in ${res.n_sentences} sentences; checked at ${res.article_date || "no date"} (${res.article_date_origin})`),
      res.reliability ? h("p", {id: "check-reliability", class: "muted"}, res.reliability.note) : null);
    const text = d.text;
    const article = document.getElementById("check-article");
    const claims = [...res.claims].sort((a, b) => a.span.start - b.span.start);
    const nodes = [];
    let at = 0;
    for (const c of claims) {
      if (c.span.start < at) continue;
      nodes.push(text.slice(at, c.span.start));
      const mark = h("mark", {class: `claim verdict-${c.verdict}`, "data-claim": c.id, "data-verdict": c.verdict},
        text.slice(c.span.start, c.span.end));
      EF.tooltip(mark, () => h("div", {}, h("strong", {}, `${c.verdict} (${c.kind})`), h("p", {}, c.explanation),
        c.evidence.length ? h("ul", {}, c.evidence.map(e => h("li", {}, e.detail,
          e.sources.length ? ` [${e.sources.join(", ")}]` : ""))) : null));
      nodes.push(mark);
      at = c.span.end;
    }
    nodes.push(text.slice(at));
    EF.fill(article, ...nodes);
    EF.fill(document.getElementById("check-claims"), EF.table("claims",
      ["id", "verdict", "kind", "claim", "explanation", "sources"],
      res.claims.map(c => [c.id, c.verdict, c.kind, c.text, c.explanation,
        [...new Set(c.evidence.flatMap(e => e.sources))].join(", ")])));
  }

  P.checkFile = async function (file) {
    const status = document.getElementById("check-status");
    if (file.size > 5 * 1024 * 1024) {
      EF.fill(status, h("span", {class: "error"}, `${file.name} is larger than 5 MB`)); return;
    }
    status.textContent = `checking ${file.name}…`;
    const date = document.getElementById("check-date").value;
    try {
      const d = await api(`/api/check/file?filename=${encodeURIComponent(file.name)}` + (date ? `&date=${date}` : ""),
        {method: "POST", headers: {"content-type": "application/octet-stream"}, body: await file.arrayBuffer()});
      status.textContent = `${file.name}: checked`;
      showCheck(d);
    } catch (e) { EF.fill(status, h("span", {class: "error"}, e.message)); }
  };

  P.checkText = async function () {
    const status = document.getElementById("check-status");
    const text = document.getElementById("check-text").value;
    const date = document.getElementById("check-date").value || null;
    status.textContent = "checking…";
    try {
      const d = await post("/api/check/text", {text, date});
      status.textContent = "checked";
      showCheck(d);
    } catch (e) { EF.fill(status, h("span", {class: "error"}, e.message)); }
  };

  /* ---- sweeps and anchors ---------------------------------------------------------- */
  P.sweeps = async function () {
    const d = await api("/api/sweeps");
    const holder = document.getElementById("sweeps");
    if (!d.files.length) {
      EF.fill(holder, h("p", {id: "sweeps-none"}, "No sweep results: ",
        d.folder ? `no Parquet file in ${d.folder}.` : "no sweeps folder given.",
        " Run a sweep and serve with --sweeps FOLDER."));
      return;
    }
    const view = h("div", {});
    EF.fill(holder, h("p", {}, `Sweep results in ${d.folder}:`), h("ul", {}, d.files.map(f =>
      h("li", {}, h("a", {href: "#", onclick: async e => {
        e.preventDefault();
        const t = await api(`/api/sweeps/${encodeURIComponent(f.name)}`);
        EF.fill(view, h("p", {}, `${t.name}: ${t.total_rows} rows (first ${t.rows.length})`),
          EF.table(t.name.replace(/\.parquet$/, ""), t.columns, t.rows.map(r => r.map(v => v === null ? "" : String(v)))));
      }}, f.name), ` (${(f.bytes / 1024).toFixed(0)} KiB)`))), view);
  };

  P.anchors = async function () {
    const d = await api("/api/anchors");
    const holder = document.getElementById("anchors");
    if (!d.available) { EF.fill(holder, h("p", {id: "anchors-none"}, `Anchors are not available: ${d.detail}.`)); return; }
    if (d.error) { EF.fill(holder, h("p", {class: "error"}, d.error.join(" "))); return; }
    const rows = Array.isArray(d.result) ? d.result : (d.result.anchors || d.result.rows || null);
    if (Array.isArray(rows) && rows.length && typeof rows[0] === "object") {
      const cols = Object.keys(rows[0]);
      EF.fill(holder, EF.table("anchors", cols, rows.map(r => cols.map(c =>
        typeof r[c] === "object" && r[c] !== null ? JSON.stringify(r[c]) : String(r[c] ?? ""))))); return;
    }
    EF.fill(holder, h("pre", {}, JSON.stringify(d.result, null, 1)));
  };

  /* ---- exports --------------------------------------------------------------------- */
  P.exports = function (meta) {
    const stage = document.getElementById("export-stage").value;
    const link = (href, label) => h("li", {}, h("a", {href, download: ""}, label));
    EF.fill(document.getElementById("export-links"), 
      link(`/api/export/orbat.geojson?stage=${stage}`, `Order of battle of ${stage} (GeoJSON)`),
      link(`/api/export/orbat.kml?stage=${stage}`, `Order of battle of ${stage} (KML)`),
      link(`/api/export/sources.bib?stage=${stage}`, `Sources behind ${stage} (BibTeX)`),
      link(`/api/export/sources.json?stage=${stage}`, `Sources behind ${stage} (CSL-JSON)`),
      link("/api/export/sources.bib", "Every source (BibTeX)"),
      ...meta.tables.map(t => link(`/api/export/table/${t}.csv`, `Table ${t} (CSV)`)),
      h("li", {}, "Charts: the SVG and PNG buttons under each chart; tables: their CSV buttons."),
      h("li", {}, h("a", {href: "/openapi.json"}, "The JSON API (OpenAPI)")));
  };

  P.fillSelect = fillSelect;
})();
