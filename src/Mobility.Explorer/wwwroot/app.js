'use strict';
// The policy explorer's page: vanilla JavaScript, no library, nothing fetched but this server's API.
(function () {
  const $ = (id) => document.getElementById(id);
  const client = sessionStorage.getItem('explorer-client') || (() => {
    const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem('explorer-client', id);
    return id;
  })();
  const palette = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad', '#d35400'];
  let catalogue = null;
  let levers = {};          // lever key -> descriptor
  let instances = [];       // [{lever, name, values}]
  let job = null;           // current job id
  let events = null;
  let result = null;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method, headers: { 'Content-Type': 'application/json', 'X-Explorer-Client': client },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json') && !(response.headers.get('Content-Disposition') || '').includes('attachment')) data = await response.json();
    return { response, data };
  }

  // ---- setup ----
  async function start() {
    const { data } = await api('GET', '/api/catalogue');
    catalogue = data;
    for (const l of catalogue.levers) levers[l.key] = l;
    const reference = $('reference');
    for (const s of catalogue.scenarios) reference.append(el('option', { value: s.file, text: `${s.name} (${s.file})` }));
    reference.value = (catalogue.scenarios.find((s) => s.file === 'baseline.json') || catalogue.scenarios.find((s) => !s.base) || catalogue.scenarios[0]).file;
    const source = $('candidate-source');
    source.append(el('option', { value: '', text: 'a new candidate (no lever of its own)' }));
    for (const s of catalogue.scenarios.filter((x) => x.base)) source.append(el('option', { value: s.file, text: `shipped: ${s.name}` }));
    for (const l of catalogue.levers) $('add-lever').append(el('option', { value: l.key, text: l.key }));
    $('add-lever').addEventListener('change', showAddSummary);
    showAddSummary();
    reference.addEventListener('change', showReferenceLevers);
    source.addEventListener('change', () => loadCandidate(source.value));
    $('add').addEventListener('click', addInstance);
    $('validate').addEventListener('click', validate);
    $('run').addEventListener('click', () => run([currentCandidate()]));
    $('cancel').addEventListener('click', cancel);
    $('download').addEventListener('click', download);
    $('keep').addEventListener('click', keep);
    $('compare-kept').addEventListener('click', compareKept);
    $('open-folder').addEventListener('click', openFolder);
    $('fit-run').addEventListener('click', fitLine);
    for (const id of ['effects-country']) $(id).addEventListener('change', renderEffects);
    for (const id of ['series-country', 'series-metric']) $(id).addEventListener('change', renderSeries);
    $('heat-candidate').addEventListener('change', renderHeat);
    for (const id of ['replications', 'scale']) $(id).addEventListener('input', (e) => checkRange(e.target, { min: +e.target.min, max: +e.target.max, type: 'Number' }, $('err-' + id)));
    showReferenceLevers();
    renderKept();
  }

  function showAddSummary() { $('add-summary').textContent = levers[$('add-lever').value]?.summary || ''; }

  function scenarioOf(file) { return catalogue.scenarios.find((s) => s.file === file); }

  function showReferenceLevers() {
    const names = [];
    for (let s = scenarioOf($('reference').value); s; s = s.base ? scenarioOf(s.base) : null) {
      for (const [lever, inst] of Object.entries(s.policies || {})) for (const name of Object.keys(inst)) names.push(`${lever}: ${name}`);
    }
    $('reference-levers').textContent = names.length ? `In force in the reference (kept in the candidate): ${names.join('; ')}.` : 'The reference has no levers.';
  }

  function loadCandidate(file) {
    instances = [];
    const s = file ? scenarioOf(file) : null;
    if (s) {
      for (const [lever, inst] of Object.entries(s.policies || {})) for (const [name, values] of Object.entries(inst)) if (levers[lever]) instances.push({ lever, name, values: structuredClone(values) });
      $('candidate-name').value = s.name + '-edited';
      $('candidate-description').value = s.description || '';
    }
    renderInstances();
  }

  function addInstance() {
    const lever = $('add-lever').value;
    const name = $('add-name').value.trim() || 'new';
    if (instances.some((i) => i.lever === lever && i.name === name)) { showGeneral([{ message: `the candidate already has ${lever} '${name}'` }]); return; }
    instances.push({ lever, name, values: {} });
    renderInstances();
    const first = document.querySelector(`fieldset[data-instance="${CSS.escape(lever + ':' + name)}"] input, fieldset[data-instance="${CSS.escape(lever + ':' + name)}"] select`);
    if (first) first.focus();
  }

  // ---- lever editor: one control per setting, fitted to its type, ranges from the validator's descriptors ----
  let uid = 0;
  function renderInstances() {
    const list = $('lever-list');
    list.replaceChildren();
    if (!instances.length) list.append(el('p', { class: 'note', text: 'The candidate has no levers of its own yet: add one below, or start from a shipped candidate.' }));
    instances.forEach((inst, index) => {
      const d = levers[inst.lever];
      const path = `policies:${inst.lever}:${inst.name}`;
      const box = el('fieldset', { class: 'lever', 'data-instance': inst.lever + ':' + inst.name },
        el('legend', { text: `${inst.lever}: ${inst.name}` }),
        el('p', { class: 'lever-summary', text: d.summary }));
      const grid = el('div', { class: 'settings' });
      for (const s of d.settings) grid.append(control(s, inst.values, `${path}:${s.key}`));
      box.append(grid, el('button', { type: 'button', text: `Remove ${inst.lever}: ${inst.name}`, onclick: () => { instances.splice(index, 1); renderInstances(); } }));
      list.append(box);
    });
  }

  function control(s, values, path) {
    const id = 'c' + (++uid);
    const errId = id + '-err';
    const wrap = el('div', { class: 'field', 'data-path': path });
    const value = values[s.key] !== undefined ? values[s.key] : s.default;
    const hint = [s.description, s.unit, s.range ? `range ${s.range}` : ''].filter(Boolean).join(' · ');
    const err = el('span', { class: 'error', id: errId, role: 'alert' });
    const set = (v) => { if (v === undefined || v === '' || v === null) delete values[s.key]; else values[s.key] = v; };
    switch (s.type) {
      case 'Number': case 'WholeNumber': case 'Year': {
        const input = el('input', { id, type: 'number', step: s.type === 'Number' ? 'any' : '1', min: s.min ?? undefined, max: s.max ?? undefined, value: value === null || value === undefined || (s.type === 'Year' && s.optional && value === 0) ? '' : value, 'aria-describedby': errId + ' ' + id + '-hint' });
        input.addEventListener('input', () => { set(input.value === '' ? undefined : Number(input.value)); checkRange(input, s, err); });
        wrap.append(el('label', { for: id, text: s.key }), input);
        break;
      }
      case 'Boolean': {
        const input = el('input', { id, type: 'checkbox', checked: !!value, 'aria-describedby': errId + ' ' + id + '-hint' });
        input.addEventListener('change', () => set(input.checked));
        wrap.classList.add('inline');
        wrap.append(input, el('label', { for: id, text: s.key }));
        break;
      }
      case 'Choice': case 'Country': case 'University': {
        const options = s.type === 'Choice' ? s.allowed.map((v) => [v, v])
          : s.type === 'Country' ? catalogue.countries.map((c) => [c.code, `${c.code} ${c.name}`])
          : catalogue.universities.map((u) => [u.id, `${u.id} ${u.name}`]);
        const select = el('select', { id, 'aria-describedby': errId + ' ' + id + '-hint' }, el('option', { value: '', text: s.optional ? '(none)' : '(choose)' }));
        for (const [v, t] of options) select.append(el('option', { value: v, text: t }));
        select.value = value ?? '';
        select.addEventListener('change', () => set(select.value || undefined));
        wrap.append(el('label', { for: id, text: s.key }), select);
        break;
      }
      case 'Choices': case 'Countries': case 'Members': {
        const items = s.type === 'Choices' ? s.allowed.map((v) => [v, v])
          : catalogue.countries.filter((c) => s.type === 'Countries' || c.member).map((c) => [c.code, c.code]);
        const chosen = new Set(Array.isArray(value) ? value : []);
        const group = el('fieldset', { class: 'checks', id, 'aria-describedby': errId + ' ' + id + '-hint' }, el('legend', { text: s.key }));
        for (const [v, t] of items) {
          const cid = id + '-' + v;
          const box = el('input', { type: 'checkbox', id: cid, value: v, checked: chosen.has(v) });
          box.addEventListener('change', () => { if (box.checked) chosen.add(v); else chosen.delete(v); set(chosen.size ? items.map((x) => x[0]).filter((x) => chosen.has(x)) : undefined); });
          group.append(el('span', {}, box, el('label', { for: cid, text: ' ' + t })));
        }
        wrap.append(group);
        break;
      }
      default: { // Universities, CountryPairs, Entries: JSON text
        const text = el('textarea', { id, 'aria-describedby': errId + ' ' + id + '-hint' });
        text.value = value === undefined || value === null ? '' : JSON.stringify(value, null, 1);
        text.addEventListener('input', () => {
          err.textContent = '';
          text.classList.remove('invalid');
          if (!text.value.trim()) { set(undefined); return; }
          try { set(JSON.parse(text.value)); } catch (e) { err.textContent = `${s.key}: not valid JSON (${e.message})`; text.classList.add('invalid'); }
        });
        wrap.append(el('label', { for: id, text: `${s.key} (JSON${s.type === 'Universities' ? ' list of ids' : ''})` }), text);
      }
    }
    wrap.append(el('span', { class: 'hint', id: id + '-hint', text: hint }), err);
    return wrap;
  }

  function checkRange(input, s, err) {
    input.classList.remove('invalid');
    err.textContent = '';
    if (input.value === '') return;
    const v = Number(input.value);
    let problem = '';
    if (!Number.isFinite(v)) problem = 'must be a number';
    else if (s.type !== 'Number' && !Number.isInteger(v)) problem = 'must be a whole number';
    else if (s.min !== null && s.min !== undefined && (s.minExclusive ? v <= s.min : v < s.min)) problem = `must be ${s.minExclusive ? '>' : '>='} ${s.min}`;
    else if (s.max !== null && s.max !== undefined && v > s.max) problem = `must be <= ${s.max}`;
    if (problem) { err.textContent = `${input.labels[0]?.textContent || ''} ${problem} (was ${input.value})`; input.classList.add('invalid'); }
  }

  function currentCandidate() {
    const policies = {};
    for (const inst of instances) {
      policies[inst.lever] = policies[inst.lever] || {};
      policies[inst.lever][inst.name] = inst.values;
    }
    return { name: $('candidate-name').value.trim(), description: $('candidate-description').value.trim() || null, policies };
  }

  // ---- problems beside the controls they concern ----
  function clearProblems() {
    for (const e of document.querySelectorAll('.error')) e.textContent = '';
    for (const e of document.querySelectorAll('.invalid')) e.classList.remove('invalid');
    $('general-errors').replaceChildren();
  }

  function showGeneral(problems) {
    $('general-errors').replaceChildren(...problems.map((p) => el('p', { text: p.message })));
  }

  function showProblems(problems) {
    clearProblems();
    const general = [];
    for (const p of problems || []) {
      const field = (p.field || '').replace(/^candidates\[\d+\]:?/, 'candidate:').replace(/^candidate:name$/, 'candidate-name');
      let target = null;
      if (p.field && p.field.startsWith('policies:')) {
        const parts = p.field.split(':');
        for (let n = parts.length; n >= 3 && !target; n--) {
          const path = parts.slice(0, n).join(':');
          target = document.querySelector(`[data-path="${CSS.escape(path)}"] .error`) || (n === 3 ? document.querySelector(`fieldset[data-instance="${CSS.escape(parts[1] + ':' + parts[2])}"]`) : null);
        }
      } else if ($('err-' + field)) target = $('err-' + field);
      else if ($('err-' + p.field)) target = $('err-' + p.field);
      if (target && target.classList.contains('error')) {
        target.textContent = target.textContent ? target.textContent + ' ' + p.message : p.message;
        const input = target.parentElement.querySelector('input, select, textarea, fieldset');
        if (input) input.classList.add('invalid');
      } else if (target) {
        target.append(el('p', { class: 'error', role: 'alert', text: p.message }));
      } else general.push(p);
    }
    showGeneral(general);
    const first = document.querySelector('.invalid, .error:not(:empty)');
    if (first && first.focus) first.focus();
  }

  async function validate() {
    clearProblems();
    const { response, data } = await api('POST', '/api/validate', { reference: $('reference').value, candidate: currentCandidate() });
    if (response.ok) $('status').textContent = `Valid: ${data.name} (${data.years}).`;
    else { $('status').textContent = 'The candidate has problems, shown beside the controls.'; showProblems(data.problems); }
    return response.ok;
  }

  async function download() {
    clearProblems();
    const candidate = currentCandidate();
    const { response, data } = await api('POST', '/api/scenario-json', { reference: $('reference').value, candidate });
    if (!response.ok) { showProblems((data || {}).problems || [{ message: 'download failed' }]); return; }
    const blob = await response.blob();
    const a = el('a', { href: URL.createObjectURL(blob), download: candidate.name + '.json' });
    document.body.append(a);
    a.click();
    a.remove();
    $('status').textContent = `Downloaded ${candidate.name}.json: save it in scenarios/ beside ${$('reference').value}, then: mobility validate scenarios/${candidate.name}.json`;
  }

  // ---- kept candidates (this tab's session) ----
  function keptList() { return JSON.parse(sessionStorage.getItem('explorer-kept') || '[]'); }

  async function keep() {
    if (!(await validate())) return;
    const list = keptList().filter((c) => c.name !== $('candidate-name').value.trim());
    list.push(currentCandidate());
    sessionStorage.setItem('explorer-kept', JSON.stringify(list));
    renderKept();
  }

  function renderKept() {
    const box = $('kept');
    for (const e of box.querySelectorAll('div')) e.remove();
    const list = keptList();
    $('kept-empty').hidden = list.length > 0;
    list.forEach((c, i) => {
      const id = 'kept-' + i;
      box.append(el('div', { class: 'field inline' }, el('input', { type: 'checkbox', id, value: String(i) }), el('label', { for: id, text: c.name }),
        el('button', { type: 'button', text: `Edit ${c.name}`, onclick: () => editKept(c) })));
    });
  }

  function editKept(c) {
    instances = [];
    for (const [lever, inst] of Object.entries(c.policies || {})) for (const [name, values] of Object.entries(inst)) instances.push({ lever, name, values });
    $('candidate-name').value = c.name;
    $('candidate-description').value = c.description || '';
    renderInstances();
  }

  function compareKept() {
    const list = keptList();
    const chosen = Array.from($('kept').querySelectorAll('input:checked')).map((b) => list[+b.value]);
    if (chosen.length < 1 || chosen.length > catalogue.limits.maxCandidates) { showGeneral([{ message: `check 1 to ${catalogue.limits.maxCandidates} kept candidates` }]); return; }
    run(chosen);
  }

  // ---- run, progress (server-sent events), cancel ----
  async function run(candidates) {
    clearProblems();
    const request = { reference: $('reference').value, candidates, replications: Number($('replications').value), scale: Number($('scale').value) };
    const { response, data } = await api('POST', '/api/jobs', request);
    if (!response.ok) { $('status').textContent = 'Not run: see the problems.'; showProblems(data.problems); return; }
    job = data.id;
    $('run').disabled = true; $('compare-kept').disabled = true; $('cancel').disabled = false;
    $('status').textContent = 'Queued.';
    $('progress').value = 0;
    events = new EventSource(`/api/jobs/${job}/events`);
    const onState = (e) => {
      const state = JSON.parse(e.data);
      if (state.total > 0) { $('progress').max = state.total; $('progress').value = state.done; }
      if (state.state === 'queued') $('status').textContent = state.ahead > 0 ? `Queued behind ${state.ahead} what-if(s).` : 'Queued.';
      else if (state.state === 'running') $('status').textContent = state.total ? `Running: ${state.done} of ${state.total} runs done.` : 'Running.';
      else finish(state);
    };
    events.addEventListener('progress', onState);
    events.addEventListener('finished', onState);
    events.onerror = () => { if (events && events.readyState === EventSource.CLOSED) finish({ state: 'failed', problems: [{ message: 'the connection to the server was lost' }] }); };
  }

  function finish(state) {
    if (events) { events.close(); events = null; }
    job = null;
    $('run').disabled = false; $('compare-kept').disabled = false; $('cancel').disabled = true;
    if (state.state === 'done') {
      $('status').textContent = `Done in ${state.seconds.toFixed(1)} s.`;
      $('progress').value = $('progress').max;
      showResult(state.result);
    } else if (state.state === 'cancelled') $('status').textContent = 'Cancelled.';
    else { $('status').textContent = 'The what-if failed.'; showProblems(state.problems); }
  }

  async function cancel() {
    if (!job) return;
    await api('DELETE', `/api/jobs/${job}`);
  }

  // ---- results ----
  function fill(select, items, keepValue) {
    const old = select.value;
    select.replaceChildren(...items.map(([v, t]) => el('option', { value: v, text: t })));
    if (keepValue && items.some(([v]) => v === old)) select.value = old;
  }

  function showResult(r) {
    result = r;
    $('results').hidden = false;
    $('result-context').textContent = `Reference ${r.reference}; ${r.replications} paired replications at scale ${r.scale} (seed ${r.seed}), ${r.years[0]}-${r.years[r.years.length - 1]}; computed in ${r.seconds.toFixed(1)} s.`;
    fill($('effects-country'), [['', 'All member countries'], ...r.members.map((m) => [m.code, `${m.code} ${m.name}`])], true);
    fill($('series-country'), r.members.map((m) => [m.code, `${m.code} ${m.name}`]), true);
    fill($('series-metric'), r.metrics.map((m) => [m.name, m.label]), true);
    fill($('heat-candidate'), r.scenarios.slice(1).map((s) => [s, s]), true);
    renderEffects(); renderSeries(); renderHeat();
  }

  function renderEffects() {
    const r = result;
    if (!r) return;
    const candidates = r.scenarios.slice(1);
    const table = $('effects');
    table.tHead.replaceChildren(el('tr', {}, el('th', { class: 'label', scope: 'col', text: 'Country' }), el('th', { class: 'label', scope: 'col', text: 'Indicator' }),
      el('th', { scope: 'col', text: `${r.reference} (mean)` }), ...candidates.map((c) => el('th', { scope: 'col', text: `${c}: change (95% interval)` }))));
    const body = table.tBodies[0];
    body.replaceChildren();
    const country = $('effects-country').value;
    const byKey = new Map(r.effects.map((e) => [`${e.scenario}|${e.country}|${e.metric}`, e]));
    for (const m of r.members.filter((x) => !country || x.code === country)) {
      for (const metric of r.metrics) {
        const first = candidates.map((c) => byKey.get(`${c}|${m.code}|${metric.name}`)).find(Boolean);
        if (!first) continue;
        const row = el('tr', {}, el('td', { class: 'label', text: m.code }), el('td', { class: 'label', text: metric.label }), el('td', { text: first.referenceText || '' }));
        for (const c of candidates) {
          const e = byKey.get(`${c}|${m.code}|${metric.name}`);
          row.append(el('td', { class: e && e.significant ? 'significant' : '', text: e ? `${e.diffText} (${e.lowText} to ${e.highText})` : '' }));
        }
        body.append(row);
      }
    }
  }

  function metricKind(name) { return (result.metrics.find((m) => m.name === name) || {}).kind || ''; }

  // Axis labels as the report's ticks: shares in %, scores with three decimals, counts whole with thousands separators.
  function formatNumber(v, metric) {
    if (v === null || v === undefined || !Number.isFinite(v)) return '';
    const kind = metricKind(metric);
    if (kind === 'Share') return (v * 100).toFixed(1) + '%';
    if (kind === 'Score') return v.toFixed(3);
    return Math.round(v).toLocaleString('en-US');
  }

  function renderSeries() {
    const r = result;
    if (!r) return;
    const country = $('series-country').value, metric = $('series-metric').value;
    const svg = $('series');
    svg.replaceChildren();
    const ns = 'http://www.w3.org/2000/svg';
    const node = (tag, attrs, text) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text !== undefined) e.textContent = text; svg.append(e); return e; };
    const lines = r.scenarios.map((s) => r.series.find((x) => x.scenario === s && x.country === country && x.metric === metric)).filter(Boolean);
    const label = (r.metrics.find((m) => m.name === metric) || {}).label || metric;
    $('series-caption').textContent = `${label}, ${country}: yearly mean of the replications with its 95% band, per scenario.`;
    if (!lines.length) return;
    const values = lines.flatMap((l) => [...l.low, ...l.high, ...l.mean]).filter((v) => v !== null);
    let lo = Math.min(...values), hi = Math.max(...values);
    if (lo === hi) { lo -= 1; hi += 1; }
    const pad = (hi - lo) * 0.05; lo -= pad; hi += pad;
    const X0 = 90, X1 = 700, Y0 = 20, Y1 = 280;
    const x = (i) => X0 + (X1 - X0) * i / Math.max(1, r.years.length - 1);
    const y = (v) => Y1 - (Y1 - Y0) * (v - lo) / (hi - lo);
    node('line', { x1: X0, y1: Y1, x2: X1, y2: Y1, stroke: '#555' });
    node('line', { x1: X0, y1: Y0, x2: X0, y2: Y1, stroke: '#555' });
    for (let k = 0; k <= 4; k++) {
      const v = lo + (hi - lo) * k / 4;
      node('line', { x1: X0 - 4, y1: y(v), x2: X1, y2: y(v), stroke: '#e3e7eb' });
      node('text', { x: X0 - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatNumber(v, metric));
    }
    r.years.forEach((yr, i) => { if (i % 3 === 0 || i === r.years.length - 1) node('text', { x: x(i), y: Y1 + 16, 'text-anchor': 'middle' }, String(yr)); });
    lines.forEach((l, k) => {
      const color = palette[r.scenarios.indexOf(l.scenario) % palette.length];
      const upper = l.high.map((v, i) => `${x(i)},${y(v)}`), lower = l.low.map((v, i) => `${x(i)},${y(v)}`).reverse();
      node('polygon', { points: [...upper, ...lower].join(' '), fill: color, 'fill-opacity': 0.15, stroke: 'none' });
      node('polyline', { points: l.mean.map((v, i) => `${x(i)},${y(v)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 });
      node('rect', { x: 715, y: 30 + k * 20 - 9, width: 12, height: 12, fill: color });
      node('text', { x: 732, y: 30 + k * 20 + 2 }, l.scenario);
    });
  }

  function renderHeat() {
    const r = result;
    if (!r) return;
    const candidate = $('heat-candidate').value;
    const h = r.heat, rows = h.differences[candidate] || [];
    $('heat-caption').textContent = `Degree students from each member (rows) to each destination (columns) in ${h.year}: ${candidate} minus ${r.reference}, mean over replications (persons). Blue: more, red: fewer.`;
    const table = $('heat');
    table.tHead.replaceChildren(el('tr', {}, el('th', { class: 'label', scope: 'col', text: 'From \\ to' }), ...h.destinations.map((d) => el('th', { scope: 'col', text: d }))));
    const body = table.tBodies[0];
    body.replaceChildren();
    const largest = Math.max(1, ...rows.flat().map((v) => Math.abs(v || 0)));
    rows.forEach((row, o) => {
      const tr = el('tr', {}, el('th', { class: 'label', scope: 'row', text: h.origins[o] }));
      for (const v of row) {
        const td = el('td', { text: v === null ? '' : (v > 0.5 ? '+' : '') + Math.round(v).toLocaleString('en-US') });
        const a = Math.min(1, Math.abs(v || 0) / largest);
        td.style.backgroundColor = v > 0 ? `rgba(31, 95, 168, ${0.6 * a})` : `rgba(192, 57, 43, ${0.6 * a})`;
        tr.append(td);
      }
      body.append(tr);
    });
  }

  async function openFolder() {
    clearProblems();
    const { response, data } = await api('POST', '/api/open', { folder: $('folder').value });
    if (!response.ok) { showProblems(data.problems); return; }
    const members = [...new Set(data.effects.map((e) => e.country))].map((c) => ({ code: c, name: (catalogue.countries.find((x) => x.code === c) || {}).name || c }));
    const metrics = [...new Map(data.effects.map((e) => [e.metric, { name: e.metric, label: e.label, unit: '', kind: '' }])).values()];
    showResult({ reference: data.reference, scenarios: data.scenarios, members, metrics, effects: data.effects, series: [], heat: { year: '', origins: [], destinations: [], differences: {} }, years: [], replications: '?', scale: '?', seed: '?', seconds: 0 });
    $('result-context').textContent = `Opened ${data.folder}: effects from its summary.csv (time series and heat map are shown for what-ifs run here).`;
  }

  async function fitLine() {
    $('fit').textContent = 'Computing the fit of the reference to the observations...';
    const { response, data } = await api('POST', '/api/fit', { reference: $('reference').value });
    $('fit').textContent = response.ok ? data.line : data.problems.map((p) => p.message).join(' ');
  }

  start().catch((e) => showGeneral([{ message: 'the page could not start: ' + e.message }]));
})();
