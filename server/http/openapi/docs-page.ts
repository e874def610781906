/**
 * A page for people from the OpenAPI document: every operation with its summary, its
 * parameters, what it accepts and what it answers. Plain HTML without scripts or inline
 * styles, so it lives under the server's Content-Security-Policy unchanged.
 */
type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head'];

const escape = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const keys = (o: unknown): string[] => (o && typeof o === 'object' ? Object.keys(o) : []);

function operation(method: string, path: string, op: Json): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const body = op.requestBody as Json | undefined;
  const responses = (op.responses as Record<string, Json> | undefined) ?? {};
  return [
    `<section id="${escape(`${method}-${path}`)}"><h3><code>${escape(method.toUpperCase())} ${escape(path)}</code></h3>`,
    op.summary ? `<p>${escape(op.summary)}</p>` : '',
    op.description ? `<p>${escape(op.description)}</p>` : '',
    params.length > 0
      ? `<p>Parameters:</p><ul>${params.map((p) => `<li><code>${escape(p.name)}</code> in ${escape(p.in)}${p.required ? ', required' : ''}${p.description ? `: ${escape(p.description)}` : ''}</li>`).join('')}</ul>`
      : '',
    body ? `<p>Accepts: ${keys(body.content).map((t) => `<code>${escape(t)}</code>`).join(', ')}</p>` : '',
    `<p>Answers:</p><ul>${Object.entries(responses).map(([status, r]) => `<li><strong>${escape(status)}</strong> ${escape(r.description ?? '')}${keys(r.content).length > 0 ? ` (${keys(r.content).map((t) => `<code>${escape(t)}</code>`).join(', ')})` : ''}</li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

export function docsPage(document: object): string {
  const doc = document as Json;
  const info = (doc.info as Json | undefined) ?? {};
  const paths = (doc.paths as Record<string, Json> | undefined) ?? {};
  const sections = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => operation(m, path, item[m] as Json)));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)} API</title></head>
<body><h1>${escape(info.title)} API ${escape(info.version)}</h1>
<p>${escape(info.description ?? '')}</p>
<p>The machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escape(doc.openapi)}).</p>
${sections.join('\n')}
</body></html>
`;
}
