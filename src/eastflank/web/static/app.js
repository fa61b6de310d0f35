/* Start-up: stages and the date slider, tabs, and each panel loaded when first shown. */
"use strict";

(function () {
  const {api} = EF;
  const P = EF.panels;
  const loaded = new Set();
  let meta;
  let start;

  function currentDate() {
    return EF.addDays(start, +document.getElementById("date-slider").value);
  }

  async function showTab(name) {
    document.querySelectorAll("nav button").forEach(b => b.classList.toggle("active", b.dataset.tab === name));
    document.querySelectorAll(".tab").forEach(t => t.classList.toggle("active", t.id === `tab-${name}`));
    if (name === "map") EF.map.leaflet.invalidateSize();
    if (loaded.has(name)) { if (name === "command" && P.cy) P.cy.resize(); return; }
    loaded.add(name);
    const load = {command: P.command, warning: P.warning.load, campaign: P.campaign.load,
      sweeps: P.sweeps, anchors: P.anchors, export: () => P.exports(meta)}[name];
    if (load) await load();
  }

  let timer = null;
  function onSlide(immediate) {
    const day = currentDate();
    document.getElementById("date-label").textContent = day;
    clearTimeout(timer);
    timer = setTimeout(() => EF.map.load(day), immediate ? 0 : 150);
  }

  async function init() {
    meta = await api("/api/meta");
    const stages = meta.stages;
    start = `${stages[0].date.slice(0, 4)}-01-01`;
    const end = `${stages[stages.length - 1].date.slice(0, 4)}-12-31`;
    const slider = document.getElementById("date-slider");
    slider.max = EF.daysBetween(start, end);
    const last = stages[stages.length - 1];
    slider.value = EF.daysBetween(start, last.date);
    const items = stages.map(s => [s.id, `${s.id} (${s.date}, ${s.status})`]);
    P.fillSelect(document.getElementById("stage-select"), items, last.id);
    for (const id of ["cmd-stage", "warn-stage", "camp-stage", "export-stage"]) {
      P.fillSelect(document.getElementById(id), items, last.id);
    }
    P.fillSelect(document.getElementById("cmd-from"), [["", "(none)"], ...items], stages[0].id);
    const preferred = list => (list.includes("suwalki-gap-closure") ? "suwalki-gap-closure" : list[0]);
    P.fillSelect(document.getElementById("warn-scenario"), meta.warning_scenarios.map(s => [s, s]),
      preferred(meta.warning_scenarios));
    P.fillSelect(document.getElementById("camp-scenario"), meta.campaign_scenarios.map(s => [s, s]),
      preferred(meta.campaign_scenarios));

    await EF.map.init();
    slider.addEventListener("input", () => onSlide(false));
    slider.addEventListener("change", () => onSlide(true));
    document.getElementById("stage-select").addEventListener("change", e => {
      const s = stages.find(x => x.id === e.target.value);
      slider.value = EF.daysBetween(start, s.date);
      onSlide(true);
    });
    document.querySelectorAll("nav button").forEach(b => b.addEventListener("click", () => showTab(b.dataset.tab)));
    document.getElementById("cmd-stage").addEventListener("change", P.command);
    document.getElementById("cmd-from").addEventListener("change", P.command);
    document.getElementById("cmd-png").addEventListener("click", () => {
      if (P.cy) EF.download(`command-${document.getElementById("cmd-stage").value}.png`,
        P.cy.png({full: true, bg: "#fff", output: "blob"}));
    });
    for (const id of ["warn-stage", "warn-samples", "warn-seed"]) {
      document.getElementById(id).addEventListener("change", () => P.warning.run());
    }
    document.getElementById("warn-scenario").addEventListener("change", () => P.warning.load());
    document.getElementById("warn-reset").addEventListener("click", () => P.warning.load());
    for (const id of ["camp-stage", "camp-samples", "camp-seed", "camp-warning"]) {
      document.getElementById(id).addEventListener("change", () => P.campaign.run());
    }
    document.getElementById("camp-scenario").addEventListener("change", () => P.campaign.load());
    document.getElementById("camp-reset").addEventListener("click", () => P.campaign.load());
    document.getElementById("check-file").addEventListener("change", e => {
      if (e.target.files.length) P.checkFile(e.target.files[0]);
    });
    document.getElementById("check-run").addEventListener("click", P.checkText);
    document.getElementById("export-stage").addEventListener("change", () => P.exports(meta));
    onSlide(true);
    document.body.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", () => {
    init().catch(e => {
      document.getElementById("status-line").textContent = `error: ${e.message}`;
      throw e;
    });
  });
})();
