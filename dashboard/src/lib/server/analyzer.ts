/**
 * The analyzer package, loaded on first use. It stays outside the server bundle (it reads its
 * dictionaries relative to its own files) and is TypeScript, which only the platform process can
 * load (it runs under tsx and already holds the module); the build's own analysis of the server
 * code runs in plain Node and never calls this.
 */
type Analyzer = typeof import('@yuqing/analyzer');

let loading: Promise<Analyzer> | undefined;

export function analyzer(): Promise<Analyzer> {
  loading ??= import('@yuqing/analyzer');
  return loading;
}
