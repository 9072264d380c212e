/**
 * The portal adapter, loaded on first use like the analyzer (see ../analyzer.ts): it is
 * TypeScript that imports the analyzer, so only the platform process (under tsx) can load it, and
 * the build's analysis of the server code, in plain Node, must never import it.
 */
export type PortalAdapter = typeof import('@yuqing/portal-adapter');

let loading: Promise<PortalAdapter> | undefined;

export function portalAdapter(): Promise<PortalAdapter> {
  loading ??= import('@yuqing/portal-adapter');
  return loading;
}
