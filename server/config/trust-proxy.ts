/** The trustProxy setting as Fastify takes it: off, the proxies' addresses, or a number of hops in front. */
export function fastifyTrustProxy(setting: string | null): false | string | ((address: string, hop: number) => boolean) {
  if (setting === null) return false;
  const trimmed = setting.trim();
  if (!/^\d+$/.test(trimmed)) return trimmed;
  const hops = Number(trimmed);
  return (_address, hop) => hop < hops;
}
