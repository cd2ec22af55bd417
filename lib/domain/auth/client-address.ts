/**
 * Which address a request comes from, given the direct peer (the socket's address) and the
 * X-Forwarded-For chain. The chain is client-writable: it is read only when the peer is a configured
 * trusted proxy, and then from the right (each proxy appends the address it saw), skipping addresses
 * that are themselves trusted proxies. A client can therefore never choose the address it is counted
 * under. Pure: no I/O.
 */

type TCidr = { family: 4 | 6; bits: bigint; prefix: number };

/** 4 or 16 bytes as one big integer, or null when `text` is not an IP address. */
function parseIp(text: string): { family: 4 | 6; value: bigint } | null {
  let s = text.trim().toLowerCase();
  if (s.startsWith("[") && s.includes("]")) s = s.slice(1, s.indexOf("]"));
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  const v4 = parseV4(s);
  if (v4 !== null) return { family: 4, value: v4 };
  if (!s.includes(":")) return null;
  // A dotted tail (::ffff:1.2.3.4) becomes two hex words before the usual eight-word parse.
  const lastColon = s.lastIndexOf(":");
  const last = s.slice(lastColon + 1);
  if (last.includes(".")) {
    const t = parseV4(last);
    if (t === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(t >> 16n).toString(16)}:${(t & 0xffffn).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const group = (part: string) => (part === "" ? [] : part.split(":"));
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const words = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  let value = 0n;
  for (const w of words) {
    if (!/^[0-9a-f]{1,4}$/.test(w)) return null;
    value = (value << 16n) | BigInt(parseInt(w, 16));
  }
  // An IPv4-mapped address (::ffff:a.b.c.d) is the IPv4 address: Node reports IPv4 peers that way.
  if (value >> 32n === 0xffffn) return { family: 4, value: value & 0xffffffffn };
  return { family: 6, value };
}

function parseV4(s: string): bigint | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    value = (value << 8n) | BigInt(Number(p));
  }
  return value;
}

/** The canonical text of an address (for keys and the ledger), or null when it is not one. */
export function normaliseIp(text: string): string | null {
  const ip = parseIp(text);
  if (!ip) return null;
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join(".");
  const words: string[] = [];
  for (let i = 7; i >= 0; i--) words.push(((ip.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  return words.join(":");
}

/**
 * Parses `TRUSTED_PROXIES` (comma- or space-separated IPs and CIDRs, e.g. `10.0.0.0/8, ::1`).
 * Throws on an entry it cannot read: a typo must not silently trust nobody (or everybody).
 */
export function parseTrustedProxies(text: string | undefined): TCidr[] {
  const entries = (text ?? "").split(/[\s,]+/).filter(Boolean);
  return entries.map((entry) => {
    const [addr, len] = entry.split("/");
    const ip = parseIp(addr ?? "");
    const max = ip?.family === 4 ? 32 : 128;
    const prefix = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
    if (!ip || !(prefix >= 0 && prefix <= max)) throw new Error(`TRUSTED_PROXIES: cannot read "${entry}"`);
    const shift = BigInt(max - prefix);
    return { family: ip.family, bits: (ip.value >> shift) << shift, prefix };
  });
}

export function ipInList(text: string, list: TCidr[]): boolean {
  const ip = parseIp(text);
  if (!ip) return false;
  return list.some((c) => {
    if (c.family !== ip.family) return false;
    const shift = BigInt((c.family === 4 ? 32 : 128) - c.prefix);
    return (ip.value >> shift) << shift === c.bits;
  });
}

/**
 * The client address to count a request under: the peer itself unless it is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not a trusted proxy (or the left-most when all are). An
 * unparseable entry where the client address should be stops the walk: that hop wrote garbage, so the
 * proxy next to it is what we can vouch for. Null peer (unknown) gives null: callers must then not
 * key on an address at all rather than on anything the client sent.
 */
export function selectClientAddress(input: {
  peer: string | null;
  forwardedFor: string | null;
  trusted: TCidr[];
}): string | null {
  const peer = input.peer ? normaliseIp(input.peer) : null;
  if (!peer) return null;
  if (!ipInList(peer, input.trusted)) return peer;
  const chain = (input.forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let current = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normaliseIp(chain[i]!);
    if (!hop) return current;
    current = hop;
    if (!ipInList(hop, input.trusted)) return hop;
  }
  return current;
}
