const n = 48000 * 120 * 2; const d = new Float32Array(n); for (let i = 0; i < n; i++) d[i] = Math.sin(i * 0.01) * 0.3;
function sum(a, start, end) { let s = 0; for (let i = start; i < end; i++) s += a[i]; return s; }
function absmax(a, start, end) { let p = 0; for (let i = start; i < end; i++) { const x = Math.abs(a[i]); if (x > p) p = x; } return p; }
const runs = new Int32Array(2);
function clip(a, start, end) { let p = 0; let c = 0; for (let i = start; i < end; i++) { const x = Math.abs(a[i]); if (x > p) p = x; if (x < 0.999) runs[c] = 0; else runs[c]++; if (++c === 2) c = 0; } return p; }
for (const [name, f] of [['sum', sum], ['absmax', absmax], ['clip', clip]]) {
  for (let rep = 0; rep < 3; rep++) { const t = performance.now(); let s = 0; for (let i = 0; i < n; i += 16384) s += f(d, i, Math.min(n, i + 16384)); const ms = performance.now() - t; if (rep === 2) console.log(name, (ms * 1e6 / n).toFixed(2), 'ns/sample'); }
}
