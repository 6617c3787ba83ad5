// bench/http.mjs URL TOKEN N - requests per second for two endpoints over
// 4 concurrent keep-alive clients, and their ratio. Loopback only.
const [url, token, nStr] = process.argv.slice(2);
const n = Number(nStr || 1000);
async function run(path, headers) {
  const t0 = process.hrtime.bigint();
  let left = n;
  const worker = async () => {
    while (left-- > 0) {
      const r = await fetch(url.replace(/\/$/, '') + path, { headers });
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      await r.arrayBuffer();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return n / s;
}
const health = await run('/healthz', {});
const org = await run('/api/v1/org', { authorization: `Bearer ${token}` });
console.log(`healthz_rps ${health.toFixed(0)}`);
console.log(`api_org_rps ${org.toFixed(0)}`);
console.log(`api_org_vs_healthz ${(org / health).toFixed(3)}`);
