/**
 * The notice history as an RFC 4287 Atom feed: one entry per notice, newest first. Entry
 * ids are urn:uuid name-based on the page and notice ids, so they never change and a
 * reader sees each notice once.
 */
import type { Notice } from '../core/engine/types.js';
import type { Language } from '../core/plan/types.js';
import type { StatusInput, StatusNotice, StatusPage } from './status-input.js';
import { statusPageUrl } from './components.js';
import { chronological } from './incidents.js';
import { FEED_WORDS, STAGE_LABEL } from './texts.js';
import { uuidV5 } from './uuid.js';
import { escapeXml } from './xml.js';

/** The feed holds the newest notices only, as Statuspage's history feeds do. */
export const MAX_FEED_ENTRIES = 100;

export const feedId = (page: StatusPage): string => `urn:uuid:${uuidV5(`${page.url}#${page.id}`)}`;
export const entryId = (page: StatusPage, notice: Notice): string => `urn:uuid:${uuidV5(`${page.url}#${page.id}/notices/${notice.id}`)}`;

const newestFirst = (a: Notice, b: Notice): number => chronological(b, a);

function contentHtml(n: Notice, language: Language): string {
  const words = FEED_WORDS[language];
  const line = (label: string, value: string) => `<p><strong>${escapeXml(label)}:</strong> ${escapeXml(value)}</p>`;
  return [
    `<p><strong>${escapeXml(STAGE_LABEL[language][n.stage])}</strong> - ${escapeXml(n.text[language].body)}</p>`,
    n.cause[language] ? line(words.cause, n.cause[language]) : '',
    line(words.delay, `${Math.round(n.expectedDelayMs / 1000)} ${words.seconds}`),
    n.expectedRecoveryAt ? line(words.recovery, n.expectedRecoveryAt) : '',
    n.nextUpdateAt ? line(words.nextUpdate, n.nextUpdateAt) : '',
  ].join('');
}

/** A corrected notice counts as updated when it was corrected, so readers fetch it again. */
const updatedOf = (n: StatusNotice): string => n.editedAt ?? n.t;

function entry(page: StatusPage, n: StatusNotice, language: Language): string {
  const link = `${page.url}/incidents/${encodeURIComponent(n.incidentId)}`;
  const title = `${STAGE_LABEL[language][n.stage]}: ${n.text[language].title}`;
  return [
    '  <entry>',
    `    <id>${entryId(page, n)}</id>`,
    `    <title type="text">${escapeXml(title)}</title>`,
    `    <updated>${escapeXml(updatedOf(n))}</updated>`,
    `    <published>${escapeXml(n.t)}</published>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
    `    <category term="${n.stage}" label="${escapeXml(STAGE_LABEL[language][n.stage])}"/>`,
    `    <content type="html">${escapeXml(contentHtml(n, language))}</content>`,
    '  </entry>',
  ].join('\n');
}

export function buildAtomFeed(input: StatusInput, language: Language): string {
  const { page } = input;
  const notices = input.incidents.flatMap((i) => i.notices).sort(newestFirst).slice(0, MAX_FEED_ENTRIES);
  const updated = notices.map(updatedOf).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), notices[0]?.t ?? page.updatedAt);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
    `  <id>${feedId(page)}</id>`,
    `  <title type="text">${escapeXml(`${page.name} ${FEED_WORDS[language].history}`)}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <author><name>${escapeXml(page.name)}</name><uri>${escapeXml(statusPageUrl(page))}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${page.url}/history.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(statusPageUrl(page))}"/>`,
    ...notices.map((n) => entry(page, n, language)),
    '</feed>',
    '',
  ].join('\n');
}
