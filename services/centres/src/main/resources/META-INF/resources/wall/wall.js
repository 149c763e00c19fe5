// The war-room wall: one EventSource on /api/wall/stream, every snapshot redraws the tiles, curves and tables in
// place (no reload). Parameters: ?scope=<centre id>|* (default *), ?key=<wall key>, ?lang=en|fr.
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const scope = params.get("scope") || "*";
  const key = params.get("key") || "";
  const langParam = (params.get("lang") || navigator.language || "en").slice(0, 2).toLowerCase();
  const lang = window.VIGIE_I18N[langParam] ? langParam : "en";
  const t = window.VIGIE_I18N[lang];
  const num = new Intl.NumberFormat(lang);
  const pct = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  const time = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit" });

  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t[el.dataset.i18n] || el.textContent; });
  document.title = "Vigie — " + t.title;
  document.getElementById("scope").textContent = scope === "*" ? t.global : scope;

  const volumeChart = echarts.init(document.getElementById("chart-volume"), "dark", { renderer: "canvas" });
  const temperatureChart = echarts.init(document.getElementById("chart-temperature"), "dark", { renderer: "canvas" });
  window.addEventListener("resize", () => { volumeChart.resize(); temperatureChart.resize(); });

  function tick() { document.getElementById("clock").textContent = new Date().toLocaleTimeString(lang); }
  setInterval(tick, 1000); tick();

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "–";
    const s = Math.round(seconds);
    if (s < 60) return s + " s";
    if (s < 3600) return Math.round(s / 60) + " min";
    return (s / 3600).toFixed(1).replace(".", lang === "fr" ? "," : ".") + " h";
  }

  function setKpi(id, text, cls) {
    const v = document.querySelector("#" + id + " .value");
    v.textContent = text;
    v.className = "value" + (cls ? " " + cls : "");
  }

  function cell(row, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  function fill(tableId, rows, render) {
    const body = document.querySelector("#" + tableId + " tbody");
    body.replaceChildren();
    rows.forEach(r => { const tr = document.createElement("tr"); render(tr, r); body.appendChild(tr); });
  }

  function render(s) {
    const f = s.lastHour;
    setKpi("kpi-volume", num.format(f.mentions));
    setKpi("kpi-temperature", f.temperature === null ? "–" : signed.format(f.temperature),
      f.temperature === null ? "" : (f.temperature >= 0 ? "good" : "bad"));
    document.querySelector("#kpi-temperature .sub").textContent =
      f.meanScore === null ? "" : t.mean + " " + signed.format(f.meanScore);
    setKpi("kpi-frt", duration(f.firstResponseP50) + " / " + duration(f.firstResponseP90));
    setKpi("kpi-sla", f.slaAttainment === null ? "–" : pct.format(f.slaAttainment),
      f.slaAttainment === null ? "" : (f.slaAttainment >= 0.9 ? "good" : "bad"));
    setKpi("kpi-backlog", num.format(f.backlog));
    setKpi("kpi-agents", num.format(s.centres.reduce((a, c) => a + c.agentsOnline, 0)));
    setKpi("kpi-incidents", num.format(f.activeIncidents), f.activeIncidents > 0 ? "hot" : "");

    try {
      drawCurves(s.curves);
    } catch (e) {
      console.error("curves not drawn", e); // the tables below still update
    }
    renderTables(s, f);
    document.body.dataset.updated = s.at;
    document.body.dataset.updates = String(Number(document.body.dataset.updates || "0") + 1);
  }

  function drawCurves(c) {
    const labels = c.buckets.map(b => time.format(new Date(b)));
    const series = Object.keys(c.volumeBy).filter(k => !k.startsWith("centre:") || scope === "*").map(k => ({
      name: k.startsWith("centre:") ? k.slice(7) : k, type: "line", smooth: true, showSymbol: false,
      stack: k.startsWith("centre:") ? "centres" : "networks", areaStyle: k.startsWith("centre:") ? undefined : {},
      lineStyle: k.startsWith("centre:") ? { type: "dashed", width: 3 } : { width: 1 },
      data: c.volumeBy[k]
    }));
    volumeChart.setOption({
      backgroundColor: "transparent", animation: false, textStyle: { fontSize: 16 },
      legend: { top: 0, textStyle: { fontSize: 16 } }, grid: { left: 50, right: 20, top: 40, bottom: 30 },
      tooltip: { trigger: "axis" }, xAxis: { type: "category", data: labels, axisLabel: { fontSize: 14 } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 14 } }, series: series
    }, { replaceMerge: ["series"] });
    temperatureChart.setOption({
      backgroundColor: "transparent", animation: false, grid: { left: 50, right: 20, top: 20, bottom: 30 },
      tooltip: { trigger: "axis" }, xAxis: { type: "category", data: labels, axisLabel: { fontSize: 14 } },
      yAxis: { type: "value", min: -1, max: 1, axisLabel: { fontSize: 14 } },
      series: [{ name: t.temperatureSeries, type: "line", connectNulls: true, showSymbol: true, symbolSize: 7, data: c.temperature,
        lineStyle: { width: 3, color: "#ffb84d" }, itemStyle: { color: "#ffb84d" },
        areaStyle: { origin: 0, opacity: 0.25, color: "#ffb84d" } }]
    });

  }

  function renderTables(s, f) {
    const sla = Object.fromEntries(s.sla.map(r => [r.centre, r]));
    const waiting = {};
    s.queues.forEach(q => { waiting[q.centre] = (waiting[q.centre] || 0) + q.waiting; });
    fill("table-centres", s.centres, (tr, st) => {
      cell(tr, st.centre);
      cell(tr, st.open ? t.open : t.closed, st.open ? "open" : "closed");
      cell(tr, num.format(st.agentsOnline));
      cell(tr, num.format(st.backlog));
      cell(tr, duration(st.expectedWaitSeconds));
      const r = sla[st.centre];
      cell(tr, r && r.attainment !== null ? pct.format(r.attainment) : "–");
    });
    fill("table-topics", f.byTopic.slice(0, 8), (tr, x) => {
      cell(tr, x.key || "–"); cell(tr, num.format(x.mentions));
      cell(tr, x.temperature === null ? "–" : signed.format(x.temperature), x.temperature < 0 ? "closed" : "open");
    });
    fill("table-rising", f.risingTerms.slice(0, 8), (tr, x) => {
      cell(tr, x.term); cell(tr, num.format(x.mentions)); cell(tr, "×" + num.format(x.ratio));
    });
    const list = document.getElementById("list-incidents");
    list.replaceChildren();
    if (s.incidents.length === 0) {
      const li = document.createElement("li"); li.textContent = t.noIncident; li.className = "none"; list.appendChild(li);
    }
    s.incidents.forEach(i => {
      const li = document.createElement("li");
      li.className = i.severity || "";
      const head = document.createElement("div");
      head.textContent = (i.severity || "").toUpperCase() + " · " + i.subject + (i.centre ? " · " + i.centre : "") +
        " · " + t.observed + " " + num.format(i.observed) + " / " + t.expected + " " + num.format(i.expected) +
        " · " + num.format(i.mentions) + " " + t.incidentMentions + (i.workflow === "acknowledged" ? " · ✓ " + t.acknowledged : "");
      const terms = document.createElement("div"); terms.className = "terms"; terms.textContent = i.topTerms.join(", ");
      li.append(head, terms);
      i.samplePosts.slice(0, 2).forEach(p => {
        const d = document.createElement("div"); d.className = "sample"; d.textContent = "“" + p + "”"; li.appendChild(d);
      });
      list.appendChild(li);
    });
  }

  function live(state) {
    const el = document.getElementById("live");
    el.dataset.state = state;
    document.getElementById("live-text").textContent = t[state === "live" ? "live" : state === "offline" ? "offline" : "connecting"];
  }

  live("connecting");
  const url = "/api/wall/stream?scope=" + encodeURIComponent(scope) + (key ? "&key=" + encodeURIComponent(key) : "");
  const source = new EventSource(url);
  source.onopen = () => live("live");
  source.onmessage = e => { live("live"); render(JSON.parse(e.data)); };
  source.onerror = () => live("offline"); // EventSource reconnects by itself.
})();
