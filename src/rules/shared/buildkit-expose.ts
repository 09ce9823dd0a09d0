/**
 * EXPOSE port specifications read the way BuildKit's `parsePort` reads them
 * (`[ip:][hostPort:]containerPort[/protocol]`), for `expose-proto-casing`, `expose-invalid-format` and
 * `expose-port-range`. Each function is linear in the length of the port word.
 */

export interface PortSpec {
  readonly hostIp: string;
  readonly hostPort: string;
  /** The port or range, without the protocol. */
  readonly containerPort: string;
  /** As written after the first `/`; empty when none (Docker then uses tcp). */
  readonly protocol: string;
  /** BuildKit reads the protocol before anything else: when it fails, no EXPOSE check runs on the port. */
  readonly protocolProblem: string | null;
  /** Why Docker refuses the whole specification, or null when it accepts it. */
  readonly problem: string | null;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const MAX_PORT = 65535;

export function parsePortSpec(spec: string): PortSpec {
  const parts = spec.split(':');
  const containerPart = parts[parts.length - 1];
  const hostPort = parts.length >= 2 ? parts[parts.length - 2] : '';
  const hostIp = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  const slash = containerPart.indexOf('/');
  const containerPort = slash === -1 ? containerPart : containerPart.slice(0, slash);
  const protocol = slash === -1 ? '' : containerPart.slice(slash + 1);

  const protocolProblem =
    containerPort === ''
      ? 'it gives no container port'
      : protocol !== '' && !PROTOCOLS.has(protocol.toLowerCase())
        ? `\`${protocol}\` is not a protocol Docker knows (tcp, udp or sctp)`
        : null;
  const base = { hostIp, hostPort, containerPort, protocol, protocolProblem };
  if (protocolProblem) return { ...base, problem: protocolProblem };

  if (hostIp !== '' && !isIpAddress(hostIp))
    return { ...base, problem: `\`${hostIp}\` is not an IP address` };
  const container = parsePortRange(containerPort);
  if (typeof container === 'string') return { ...base, problem: container };
  if (hostPort !== '') {
    const host = parsePortRange(hostPort);
    if (typeof host === 'string') return { ...base, problem: `the host port is invalid: ${host}` };
    // A host range is only allowed with a single container port (Docker picks one port from it).
    if (host.end - host.start !== container.end - container.start && container.end !== container.start)
      return {
        ...base,
        problem: `the host range \`${hostPort}\` and the container range \`${containerPort}\` have different lengths`,
      };
  }
  return { ...base, problem: null };
}

/** `8080` or `8000-8010`, each bound 0 to 65535; a string says why not. */
function parsePortRange(ports: string): { start: number; end: number } | string {
  if (ports === '') return 'no port is given';
  const dash = ports.indexOf('-');
  const startText = dash === -1 ? ports : ports.slice(0, dash);
  const endText = dash === -1 ? startText : ports.slice(dash + 1);
  const start = parsePortNumber(startText);
  if (typeof start === 'string') return start;
  if (dash === -1 || startText === endText) return { start, end: start };
  const end = parsePortNumber(endText);
  if (typeof end === 'string') return end;
  if (end < start) return `the range \`${ports}\` ends before it starts`;
  return { start, end };
}

function parsePortNumber(text: string): number | string {
  if (text === '') return 'a port number is missing';
  // strconv.ParseInt in base 10: an optional sign and decimal digits.
  if (!/^[+-]?[0-9]+$/.test(text)) return `\`${text}\` is not a port number`;
  const value = Number(text);
  if (value < 0 || value > MAX_PORT) return `port \`${text}\` is outside 0-${MAX_PORT}`;
  return value;
}

/** Go's `net.ParseIP`, after `[...]` around an IPv6 address is removed as `net.SplitHostPort` does. */
function isIpAddress(text: string): boolean {
  let ip = text;
  if (ip.startsWith('[')) {
    const match = /^\[([^[\]]*)\]$/.exec(ip);
    if (!match) return false;
    ip = match[1];
  }
  if (/^[0-9.]+$/.test(ip)) return isIpv4(ip);
  if (!ip.includes(':') || /[^0-9A-Fa-f:.]/.test(ip)) return false;
  try {
    // The URL parser implements the IPv6 address grammar (embedded IPv4 included, zones excluded).
    new URL(`http://[${ip}]/`);
    return true;
  } catch {
    return false;
  }
}

function isIpv4(ip: string): boolean {
  const parts = ip.split('.');
  // Go rejects leading zeros, which other parsers read as octal.
  return (
    parts.length === 4 && parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255)
  );
}
