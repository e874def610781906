import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { policyForInlineHtml } from './security-headers.js';

const sha = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('policyForInlineHtml', () => {
  it('allows each inline script and style by its hash, and nothing inline besides', () => {
    const html = '<style>body{margin:0}</style><script>draw()</script><script type="application/json" id="d">{"a":1}</script><script src="/x.js"></script>';
    const csp = policyForInlineHtml(html) ?? '';
    expect(csp).toContain(`script-src 'self' ${sha('draw()')}`);
    expect(csp).toContain(`style-src 'self' ${sha('body{margin:0}')}`);
    expect(csp).not.toContain(sha('{"a":1}'));
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('leaves a page without inline code to the common policy', () => {
    expect(policyForInlineHtml('<script type="module" src="/assets/a.js"></script><link rel="stylesheet" href="/a.css">')).toBeNull();
  });
});
