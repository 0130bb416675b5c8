/** How the taxonomy build writes its tables: compact, one element per line, deterministic. */

/** `{ from: "to.order to.order" }`: the edge list in a third of the space. */
export function compactMobility(
  edges: readonly (readonly [string, string, number])[],
): Record<string, string> {
  const grouped: Record<string, string[]> = {};
  for (const [from, to, order] of edges) {
    const targets = grouped[from] ?? [];
    targets.push(`${to}.${order}`);
    grouped[from] = targets;
  }
  return Object.fromEntries(Object.entries(grouped).map(([from, targets]) => [from, targets.join(' ')]));
}

/** One array element per line: diff-friendly and compact. */
export function serialise(value: unknown): string {
  if (Array.isArray(value)) return `[\n${value.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? `${JSON.stringify(key)}: {\n${Object.entries(item)
            .map(([inner, innerValue]) => `${JSON.stringify(inner)}: ${JSON.stringify(innerValue)}`)
            .join(',\n')}\n}`
        : `${JSON.stringify(key)}: ${JSON.stringify(item)}`,
    );
    return `{\n${entries.join(',\n')}\n}\n`;
  }
  return `${JSON.stringify(value)}\n`;
}
