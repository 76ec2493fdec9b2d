// RadDiag web page: upload a case, browse the slices the model saw with their attention, see the ranked findings,
// list the active plugins and (with the admin token) swap the default backend/model or stop/start plugin bundles.
'use strict';
const api = '/api/v1';
const $ = (id) => document.getElementById(id);

async function getJson(path) {
  const r = await fetch(api + path);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || r.status);
  return body;
}

async function admin(path, body) {
  const r = await fetch(api + path, {
    method: 'POST',
    headers: {'Authorization': 'Bearer ' + $('token').value, 'Content-Type': 'application/json'},
    body: body ? JSON.stringify(body) : undefined
  });
  const b = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(b.error || r.status);
  return b;
}

function option(select, value, label, selected) {
  const o = document.createElement('option');
  o.value = value; o.textContent = label; o.selected = !!selected;
  select.appendChild(o);
}

async function refreshReady() {
  const r = await fetch(api + '/ready');
  const b = await r.json().catch(() => ({}));
  $('ready').textContent = b.ready ? 'ready' : 'not ready: ' + (b.reasons || []).join('; ');
  $('ready').className = 'badge ' + (b.ready ? 'ok' : 'bad');
}

async function refreshModels() {
  const m = await getJson('/models');
  for (const sel of [$('model'), $('admin-model')]) {
    sel.innerHTML = '';
    if (sel === $('model')) option(sel, '', 'default' + (m.defaultModel ? ' (' + m.defaultModel + ')' : ''));
    for (const x of m.models) option(sel, x.name + ':' + x.version, x.name + ':' + x.version + ' (' + x.classes + ' classes)',
      sel === $('admin-model') && m.defaultModel === x.name + ':' + x.version);
  }
}

async function refreshPlugins() {
  const p = await getJson('/plugins');
  const div = $('plugins');
  div.innerHTML = '';
  const backends = (p.services.backend || []).map(s => s['raddiag.backend']).filter(Boolean);
  const sel = $('admin-backend');
  sel.innerHTML = '';
  $('backend').innerHTML = '';
  option($('backend'), '', 'default (' + p.defaultBackend + ')');
  for (const b of backends) { option(sel, b, b, b === p.defaultBackend); option($('backend'), b, b); }
  const table = document.createElement('table');
  table.id = 'plugin-table';
  table.innerHTML = '<thead><tr><th>Kind</th><th>Name</th><th>Bundle</th><th>State</th><th></th></tr></thead>';
  const tbody = document.createElement('tbody');
  const states = Object.fromEntries(p.bundles.map(b => [b.id, b.state]));
  for (const [kind, list] of Object.entries(p.services)) {
    if (kind === 'command') continue;
    for (const s of list) {
      const name = Object.entries(s).filter(([k]) => k.startsWith('raddiag.')).map(([, v]) => v).join(', ');
      const tr = document.createElement('tr');
      tr.innerHTML = `<td>${kind}</td><td></td><td></td><td>${states[s.bundleId] || ''}</td><td></td>`;
      tr.children[1].textContent = name;
      tr.children[2].textContent = s.bundle + ' #' + s.bundleId;
      if (kind === 'backbone' || kind === 'head' || kind === 'reader') {
        const btn = document.createElement('button');
        btn.type = 'button'; btn.textContent = 'stop bundle';
        btn.onclick = () => bundleOp(s.bundleId, 'stop');
        tr.children[4].appendChild(btn);
      }
      tbody.appendChild(tr);
    }
  }
  for (const b of p.bundles.filter(b => b.state === 'RESOLVED' || b.state === 'INSTALLED')) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>stopped</td><td></td><td></td><td>${b.state}</td><td><button type="button">start bundle</button></td>`;
    tr.children[2].textContent = b.name + ' #' + b.id;
    tr.querySelector('button').onclick = () => bundleOp(b.id, 'start');
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  div.appendChild(table);
}

async function bundleOp(id, op) {
  try {
    await admin('/admin/bundles/' + id + '/' + op);
    adminStatus(op + ' bundle ' + id + ': done');
  } catch (e) { adminStatus(e.message, true); }
  await refreshPlugins();
}

function adminStatus(text, error) {
  $('admin-status').textContent = text;
  $('admin-status').className = error ? 'error' : '';
}

function showResult(d) {
  $('result').hidden = false;
  $('result-meta').textContent = `${d.model}:${d.version} on ${d.backend}, ${Math.round(d.serverTimingsMs.total)} ms`;
  const tbody = $('findings').querySelector('tbody');
  tbody.innerHTML = '';
  d.findings.forEach((f, i) => {
    const tr = document.createElement('tr');
    if (f.positive) tr.className = 'positive';
    tr.innerHTML = `<td>${i + 1}</td><td></td><td>${f.probability.toFixed(4)}</td><td>${f.threshold.toFixed(3)}</td>`;
    tr.children[1].textContent = f.label;
    tbody.appendChild(tr);
  });
  const scans = $('scans');
  scans.innerHTML = '';
  for (const s of d.sliceAttention) scans.appendChild(scanViewer(s));
}

function scanViewer(s) {
  const box = document.createElement('div');
  box.className = 'scan';
  const title = document.createElement('h3');
  title.textContent = `Scan ${s.scan}: ${s.source} (${s.slices} slices, key slice ${s.mostAttendedSlice})`;
  const img = document.createElement('img');
  img.alt = 'slice';
  const slider = document.createElement('input');
  slider.type = 'range'; slider.min = 0; slider.max = Math.max(0, s.slices - 1); slider.value = s.mostAttendedSlice;
  const label = document.createElement('span');
  const bars = document.createElement('div');
  bars.className = 'attention';
  const max = Math.max(...s.weights, 1e-9);
  s.weights.forEach((w, k) => {
    const b = document.createElement('div');
    b.style.height = Math.max(2, 60 * w / max) + 'px';
    b.title = `slice ${k}: attention ${w.toFixed(4)}`;
    if (k === s.mostAttendedSlice) b.classList.add('key');
    b.onclick = () => { slider.value = k; show(); };
    bars.appendChild(b);
  });
  function show() {
    const k = Number(slider.value);
    img.src = s.sliceUrl.replace('{k}', k);
    label.textContent = ` slice ${k}, attention ${s.weights[k].toFixed(4)}`;
    [...bars.children].forEach((b, i) => b.classList.toggle('current', i === k));
  }
  slider.oninput = show;
  box.append(title, img, slider, label, bars);
  show();
  return box;
}

$('upload').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = new FormData();
  for (const f of $('files').files) form.append('files', f, f.webkitRelativePath || f.name);
  for (const k of ['model', 'backend', 'top']) if ($(k).value !== '') form.append(k, $(k).value);
  $('status').textContent = 'diagnosing…';
  $('status').className = '';
  try {
    const r = await fetch(api + '/diagnoses', {method: 'POST', body: form});
    const d = await r.json();
    if (!r.ok) throw new Error(d.error + (d.unreadableFiles ? ': ' + d.unreadableFiles.map(u => u.message).join('; ') : ''));
    showResult(d);
    $('status').textContent = 'done';
  } catch (e) {
    $('status').textContent = 'failed: ' + e.message;
    $('status').className = 'error';
  }
});

$('set-backend').onclick = async () => {
  try { await admin('/admin/backend', {backend: $('admin-backend').value}); adminStatus('default backend: ' + $('admin-backend').value); }
  catch (e) { adminStatus(e.message, true); }
  await refreshPlugins();
};
$('set-model').onclick = async () => {
  try { await admin('/admin/model', {model: $('admin-model').value}); adminStatus('default model: ' + $('admin-model').value); }
  catch (e) { adminStatus(e.message, true); }
  await refreshModels();
};

refreshReady(); refreshModels(); refreshPlugins();
