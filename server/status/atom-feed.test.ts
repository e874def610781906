import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { statusFixture } from '../../test/schemas/status-fixture.js';
import { buildAtomFeed, entryId, feedId, MAX_FEED_ENTRIES } from './atom-feed.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the Atom feed of notices', () => {
  it('is well-formed XML in the Atom namespace', () => {
    const xml = buildAtomFeed(statusFixture(), 'en');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  });

  it('parses with a real feed parser, with every RFC 4287 feed field', () => {
    const input = statusFixture();
    const feed = parseAtomFeed(buildAtomFeed(input, 'en'));
    expect(feed.id).toBe(feedId(input.page));
    expect(feed.id).toMatch(UUID_URN);
    expect(feed.title).toEqual({ value: 'Flashcrowd drill status history', type: 'text' });
    expect(feed.updated).toBe('2020-02-03T01:05:00.000Z');
    expect(feed.authors).toEqual([{ name: 'Flashcrowd drill', uri: 'https://status.example.com/status' }]);
    expect(feed.links).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: 'https://status.example.com/history.atom' },
      { rel: 'alternate', type: 'text/html', href: 'https://status.example.com/status' },
    ]);
  });

  it('has one entry per notice, newest first, each complete', () => {
    const input = statusFixture();
    const notices = input.incidents.flatMap((i) => i.notices).sort((a, b) => Date.parse(b.t) - Date.parse(a.t));
    const feed = parseAtomFeed(buildAtomFeed(input, 'en'));
    expect(feed.entries?.map((e) => e.id)).toEqual(notices.map((n) => entryId(input.page, n)));
    for (const [i, entry] of (feed.entries ?? []).entries()) {
      const n = notices[i]!;
      expect(entry.id).toMatch(UUID_URN);
      expect(entry.title?.value).toContain(n.text.en.title);
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.updated).toBe(n.t);
      expect(entry.published).toBe(n.t);
      expect(entry.links).toEqual([{ rel: 'alternate', type: 'text/html', href: `https://status.example.com/incidents/${n.incidentId}` }]);
      expect(entry.categories).toEqual([{ term: n.stage, label: expect.any(String) }]);
      expect(entry.content?.type).toBe('html');
      // once unescaped by the parser, the content is HTML whose text is escaped once more
      expect(entry.content?.value).toContain('&lt;b&gt;not bold&lt;/b&gt; &amp; 🚀');
      expect(entry.content?.value).toContain('the 09:00 meeting surge &lt;10x&gt; &amp; &quot;retries&quot;');
    }
  });

  it('serves the language asked for', () => {
    const feed = parseAtomFeed(buildAtomFeed(statusFixture(), 'zh-CN'));
    expect(feed.title?.value).toBe('Flashcrowd drill 状态历史');
    expect(feed.entries?.[0]?.title?.value).toBe('已确认: messaging 响应变慢');
  });

  it('ids never change between builds and differ between notices', () => {
    const a = parseAtomFeed(buildAtomFeed(statusFixture(), 'en'));
    const b = parseAtomFeed(buildAtomFeed(statusFixture(), 'zh-CN'));
    const ids = a.entries?.map((e) => e.id) ?? [];
    expect(b.entries?.map((e) => e.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it(`keeps the newest ${MAX_FEED_ENTRIES} notices`, () => {
    const input = statusFixture();
    const template = input.incidents[0]!;
    const notices = Array.from({ length: 130 }, (_, i) => ({ ...template.notices[0]!, id: `n-${i}`, t: new Date(Date.UTC(2020, 1, 1) + i * 60_000).toISOString() }));
    const feed = parseAtomFeed(buildAtomFeed({ ...input, incidents: [{ ...template, notices }] }, 'en'));
    expect(feed.entries).toHaveLength(MAX_FEED_ENTRIES);
    expect(feed.entries?.[0]?.updated).toBe(notices.at(-1)?.t);
  });

  test.prop([fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })])('stays well-formed whatever the template text', (title, body) => {
    const input = statusFixture();
    const [incident] = input.incidents;
    const notice = { ...incident!.notices[0]!, text: { en: { title, body }, 'zh-CN': { title, body } } };
    const xml = buildAtomFeed({ ...input, incidents: [{ ...incident!, notices: [notice] }] }, 'en');
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
