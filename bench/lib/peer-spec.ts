/**
 * What the bench hands the processes it starts: the tokens our server made, and the answers
 * a peer must give (our server's own, so a peer sends the same bytes).
 */

/** an answer of our server: its body and every header but those Node sets per response */
export interface Answer {
  body: string;
  headers: Record<string, string>;
}

export interface PeerSpec {
  /** the headers of our answer to a JSON batch (its body the peer counts for itself) */
  ingest: Answer;
  summary?: Answer;
  /** the traffic target's answer and the delay it came after */
  traffic?: Answer & { delayMs: number };
}

export interface BenchTokens {
  admin: string;
  ingest: string;
}


/** set by Node on every response: a peer's Node sets them too */
const PER_RESPONSE_HEADERS = new Set(['date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

/** What our server answers to a request, for a peer to send the same. */
export async function answerOf(url: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  return { body: await res.text(), headers: Object.fromEntries([...res.headers].filter(([name]) => !PER_RESPONSE_HEADERS.has(name))) };
}
