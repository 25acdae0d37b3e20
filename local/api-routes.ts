import type { LocalRoute } from './backend-template';

export interface RouteMatch {
  readonly route: LocalRoute;
  /** null when the resource has no path parameters (as API Gateway sends it). */
  readonly pathParameters: Record<string, string> | null;
}

interface Resource {
  readonly segments: readonly string[];
  readonly methods: Map<string, LocalRoute>;
}

/**
 * API Gateway's resource tree lookup: a literal path part wins over a `{param}` sibling; a path with no resource, or a
 * resource without the method, is "Missing Authentication Token" in API Gateway (our gateway response: 404).
 */
export class ApiRoutes {
  private readonly resources: Resource[] = [];

  constructor(routes: readonly LocalRoute[]) {
    for (const route of routes) {
      if (/\{[^}]+\+\}/.test(route.resourcePath)) {
        throw new Error(`Greedy path parameters are not emulated: ${route.resourcePath}`);
      }
      const segments = route.resourcePath.split('/').filter(Boolean);
      let resource = this.resources.find((r) => r.segments.join('/') === segments.join('/'));
      if (!resource) {
        resource = { segments, methods: new Map() };
        this.resources.push(resource);
      }
      resource.methods.set(route.httpMethod, route);
    }
  }

  /** `path` is the request path below the stage, e.g. `/inventory/abc`, still percent-encoded. */
  match(httpMethod: string, path: string): RouteMatch | undefined {
    const parts = path.split('/').filter(Boolean);
    let best: { resource: Resource; params: Record<string, string>; literals: number[] } | undefined;
    for (const resource of this.resources) {
      if (resource.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const literals: number[] = [];
      let ok = true;
      resource.segments.forEach((segment, i) => {
        const param = segment.match(/^\{(.+)\}$/);
        if (param) params[param[1]] = safeDecode(parts[i]);
        else if (segment === parts[i]) literals.push(i);
        else ok = false;
      });
      if (ok && (!best || morePrecise(literals, best.literals))) best = { resource, params, literals };
    }
    const route = best?.resource.methods.get(httpMethod);
    if (!best || !route) return undefined;
    return { route, pathParameters: Object.keys(best.params).length > 0 ? best.params : null };
  }
}

/** Literal parts earlier in the path take precedence (API Gateway walks the tree from the root). */
function morePrecise(a: number[], b: number[]): boolean {
  for (let i = 0; ; i++) {
    const inA = a.includes(i);
    const inB = b.includes(i);
    if (inA !== inB) return inA;
    if (i > Math.max(...a, ...b, 0)) return false;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
