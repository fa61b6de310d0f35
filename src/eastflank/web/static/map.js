/* The map: Natural Earth borders as the basemap (no tiles), units as military symbols,
   facilities, range rings, air-defence cover, the Suwałki Gap; click -> the record's card. */
"use strict";

(function () {
  const {h, api} = EF;
  const HOSTILE = new Set(["BY", "RU", "RU-KGD"]);
  const NATO = new Set(["PL", "LT", "LV", "EE", "DE", "DK", "NO", "CZ", "SK", "HU", "RO",
    "FI", "SE"]);
  const M = EF.map = {};

  function territoryStyle(f) {
    const c = f.properties.code;
    const fill = HOSTILE.has(c) ? "#f3d9d5" : NATO.has(c) ? "#dbe7f5" : "#ececec";
    return {color: "#555", weight: 1, fillColor: fill, fillOpacity: 1};
  }

  M.init = async function () {
    const map = M.leaflet = L.map("map", {zoomSnap: 0.25, preferCanvas: false,
      attributionControl: true}).setView([54.0, 25.5], 5.5);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Borders: Natural Earth 1:10m (public domain)");
    const base = await api("/api/map/basemap");
    M.borders = L.geoJSON(base, {style: territoryStyle, interactive: false}).addTo(map);
    M.units = L.layerGroup().addTo(map);
    M.facilities = L.layerGroup().addTo(map);
    M.rings = L.layerGroup().addTo(map);
    M.cover = L.layerGroup();
    M.coverAssessed = L.layerGroup();
    M.gap = L.layerGroup().addTo(map);
    const gap = await api("/api/map/gap");
    L.geoJSON(gap, {style: {color: "#c62828", weight: 4}}).eachLayer(l => {
      const p = l.feature.properties;
      l.bindTooltip(`Suwałki Gap: ${p.distance_km.toFixed(1)} km (${p.a}–${p.b}, ${p.scale})`,
        {permanent: true, direction: "right", className: "gap-label"});
      M.gap.addLayer(l);
    });
    L.control.layers(null, {
      "Borders (Natural Earth)": M.borders, "Units": M.units, "Facilities": M.facilities,
      "Range rings (strike systems)": M.rings,
      "Air-defence cover (advertised)": M.cover, "Air-defence cover (assessed)": M.coverAssessed,
      "Suwałki Gap": M.gap,
    }, {collapsed: false}).addTo(map);
    L.control.scale({imperial: false}).addTo(map);
  };

  function symbolIcon(p, offset) {
    const sym = new ms.Symbol(p.sidc, {size: 22, uniqueDesignation: ""});
    const size = sym.getSize();
    const anchor = sym.getAnchor();
    const img = h("img", {src: sym.toDataURL(), alt: p.name, width: Math.round(size.width),
      height: Math.round(size.height), "data-unit": p.id, title: p.name});
    return L.divIcon({html: img, className: "unit-icon",
      iconSize: [size.width, size.height],
      iconAnchor: [anchor.x - offset[0], anchor.y - offset[1]]});
  }

  /* Fan units sharing a garrison out around it, so each symbol can be clicked. */
  function offsets(features) {
    const byPlace = {};
    for (const f of features) (byPlace[f.properties.garrison] ||= []).push(f);
    const out = new Map();
    for (const group of Object.values(byPlace)) {
      group.forEach((f, i) => {
        if (group.length === 1) { out.set(f.properties.id, [0, 0]); return; }
        const a = 2 * Math.PI * i / group.length;
        const r = Math.max(22, 7 * group.length);  // icons are about 30 px wide
        out.set(f.properties.id, [Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))]);
      });
    }
    return out;
  }

  M.load = async function (asOf) {
    const [units, facs, rings, cover, assessed] = await Promise.all([
      api(`/api/map/units?as_of=${asOf}`), api(`/api/map/facilities?as_of=${asOf}`),
      api(`/api/map/rings?as_of=${asOf}`),
      api(`/api/map/cover?as_of=${asOf}&basis=advertised`),
      api(`/api/map/cover?as_of=${asOf}&basis=assessed`)]);
    M.units.clearLayers();
    const off = offsets(units.features);
    for (const f of units.features) {
      const [lon, lat] = f.geometry.coordinates;
      const marker = L.marker([lat, lon], {icon: symbolIcon(f.properties, off.get(f.properties.id)),
        title: f.properties.name, keyboard: false, riseOnHover: true});
      marker.on("click", () => EF.showCard(f.properties.id));
      M.units.addLayer(marker);
    }
    M.facilities.clearLayers();
    for (const f of facs.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const m = L.circleMarker([lat, lon], {radius: 5, color: "#37474f", weight: 1,
        fillColor: HOSTILE.has(p.actor) ? "#e57373" : "#64b5f6", fillOpacity: 0.9,
        className: "facility-marker"});
      m.bindTooltip(`${p.name} (${p.facility_kind})`);
      m.on("click", () => EF.showCard(p.id));
      M.facilities.addLayer(m);
    }
    M.rings.clearLayers();
    L.geoJSON(rings, {style: f => ({color: f.properties.nuclear_capable ? "#6a1b9a" : "#c62828",
      weight: 1, dashArray: "4 4", fill: false}), onEachFeature: (f, l) => l.bindTooltip(
      `${f.properties.system_name} at ${f.properties.place}: ${f.properties.range_km} km`,
      {sticky: true})}).eachLayer(l => M.rings.addLayer(l));
    const coverStyle = colour => ({color: colour, weight: 1, fillColor: colour, fillOpacity: 0.08});
    M.cover.clearLayers();
    L.geoJSON(cover, {style: coverStyle("#ef6c00"), onEachFeature: (f, l) => l.bindTooltip(
      `${f.properties.system} at ${f.properties.place}: ${f.properties.range_km} km (advertised)`,
      {sticky: true})}).eachLayer(l => M.cover.addLayer(l));
    M.coverAssessed.clearLayers();
    L.geoJSON(assessed, {style: coverStyle("#2e7d32"), onEachFeature: (f, l) => l.bindTooltip(
      `${f.properties.system} at ${f.properties.place}: ${f.properties.range_km} km (assessed)`,
      {sticky: true})}).eachLayer(l => M.coverAssessed.addLayer(l));
    const beyond = rings.beyond_map.length ? `; beyond the map: ${rings.beyond_map.join(", ")}` : "";
    const status = document.getElementById("status-line");
    status.textContent = `${units.features.length} units, ${facs.features.length} facilities ` +
      `as of ${asOf}` + (units.unlocated.length ? ` (${units.unlocated.length} without a located garrison)` : "") + beyond;
    status.dataset.units = units.features.map(f => f.properties.id).join(" ");
  };

  EF.showCard = async function (id) {
    const card = document.getElementById("card");
    EF.fill(card, h("p", {class: "muted"}, "loading…"));
    let d;
    try { d = await api(`/api/records/${encodeURIComponent(id)}`); } catch (e) {
      EF.fill(card, h("p", {class: "error"}, e.message)); return;
    }
    const r = d.record;
    const skip = new Set(["id", "name", "status", "sources", "figures", "note", "aliases"]);
    const rows = Object.entries(r).filter(([k, v]) => !skip.has(k) && v !== null &&
      !(Array.isArray(v) && !v.length) && !(typeof v === "object" && !Array.isArray(v) && !Object.keys(v).length))
      .map(([k, v]) => h("tr", {}, h("th", {}, k.replace(/_/g, " ")),
        h("td", {}, typeof v === "object" ? (Array.isArray(v) ? v.join(", ") : JSON.stringify(v)) : String(v))));
    const place = d.garrison || d.place || d.seat;
    EF.fill(card, 
      h("h2", {}, r.name), h("p", {}, d.kind.replace(/_/g, " "), " · ", EF.badge(r.status),
        d.defined_at ? h("span", {class: "muted"}, ` · ${d.defined_at}`) : null),
      r.aliases && r.aliases.length ? h("p", {class: "muted"}, `also: ${r.aliases.join("; ")}`) : null,
      place ? h("p", {}, `at ${place.name} (${place.lat.toFixed(3)}, ${place.lon.toFixed(3)})`) : null,
      d.parent ? h("p", {}, "parent: ", h("a", {href: "#", onclick: e => {
        e.preventDefault(); EF.showCard(d.parent.id); }}, d.parent.name)) : null,
      h("table", {class: "record"}, rows),
      r.note ? h("p", {class: "note"}, r.note) : null,
      (r.figures || []).length ? EF.table(`${r.id}-figures`, ["quantity", "value", "as of", "status", "sources"],
        r.figures.map(f => [f.quantity, f.value === null ? "unknown" : String(f.value), f.as_of || "",
          f.status + (f.preferred ? " (preferred)" : ""), f.sources.join(", ")])) : null,
      h("h3", {}, "Sources"), h("div", {id: "card-sources"}, EF.sourceLinks(d.sources)),
      h("h3", {}, "History across the stages"),
      EF.table(`${r.id}-history`, ["stage", "date", "present", "where", "weapon systems"],
        d.history.map(x => [x.stage, x.date, x.present ? "yes" : "no",
          x.garrison ? x.garrison.name : x.place ? x.place.name : x.seat ? x.seat.name : "",
          (x.weapon_systems || []).join(", ")])));
  };
})();
