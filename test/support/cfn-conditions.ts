/**
 * Evaluates a template's Conditions section for given parameter values and pseudo parameters, following
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
 * (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition references, Ref). Fn::Or/Fn::And must have 2–10 operands.
 */
export type ConditionValues = Record<string, boolean>;

export function evaluateConditions(
  template: { Conditions?: Record<string, unknown>; Parameters?: Record<string, { Default?: unknown }> },
  refs: Record<string, string>,
): ConditionValues {
  const conditions = template.Conditions ?? {};
  const cache: ConditionValues = {};
  const ref = (name: string): string => {
    if (name in refs) return refs[name];
    const def = template.Parameters?.[name]?.Default;
    if (def === undefined) throw new Error(`no value for Ref ${name}`);
    return String(def);
  };
  const value = (expr: unknown): unknown => {
    if (typeof expr === 'string') return expr;
    const o = expr as Record<string, unknown>;
    if (typeof o.Ref === 'string') return ref(o.Ref);
    return bool(expr);
  };
  const operands = (name: string, args: unknown): unknown[] => {
    if (!Array.isArray(args) || args.length < 2 || args.length > 10) throw new Error(`${name} takes 2–10 conditions`);
    return args;
  };
  const bool = (expr: unknown): boolean => {
    const o = expr as Record<string, unknown>;
    if (typeof o.Condition === 'string') return evaluate(o.Condition);
    if ('Fn::Equals' in o) {
      const [a, b] = o['Fn::Equals'] as unknown[];
      return value(a) === value(b);
    }
    if ('Fn::And' in o) return operands('Fn::And', o['Fn::And']).every(bool);
    if ('Fn::Or' in o) return operands('Fn::Or', o['Fn::Or']).some(bool);
    if ('Fn::Not' in o) return !bool((o['Fn::Not'] as unknown[])[0]);
    throw new Error(`unsupported condition expression ${JSON.stringify(expr)}`);
  };
  const evaluate = (name: string): boolean => {
    if (!(name in cache)) {
      if (!(name in conditions)) throw new Error(`unknown condition ${name}`);
      cache[name] = bool(conditions[name]);
    }
    return cache[name];
  };
  Object.keys(conditions).forEach(evaluate);
  return cache;
}

/** Logical ids of the resources that exist for the given condition values. */
export function existingResources(
  template: { Resources: Record<string, { Condition?: string }> },
  conditions: ConditionValues,
): string[] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Condition === undefined || conditions[r.Condition])
    .map(([id]) => id)
    .sort();
}

/** Resolves Fn::If by the condition values (deeply); leaves other intrinsics in place. */
export function resolveIfs(node: unknown, conditions: ConditionValues): unknown {
  if (Array.isArray(node)) return node.map((n) => resolveIfs(n, conditions));
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('Fn::If' in o) {
      const [cond, yes, no] = o['Fn::If'] as [string, unknown, unknown];
      if (!(cond in conditions)) throw new Error(`unknown condition ${cond}`);
      return resolveIfs(conditions[cond] ? yes : no, conditions);
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolveIfs(v, conditions)]));
  }
  return node;
}
