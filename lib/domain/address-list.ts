import { BlockList, isIP } from 'node:net';

/** Parses `10.0.0.0/8,127.0.0.1,::1/128`; a bad entry throws naming it (the config check calls this). */
export function parseAddressList(text: string): BlockList {
  const list = new BlockList();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '');
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32))
      throw new Error(`${JSON.stringify(entry)} is not an IP address or CIDR`);
    list.addSubnet(address!, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}
