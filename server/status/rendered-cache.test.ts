import { describe, expect, it } from 'vitest';
import { renderedCache } from './rendered-cache.js';
import type { StatusInput } from './status-input.js';

// the cache never looks inside the input; a tagged stand-in shows which fetch answered
const inputNo = (n: number) => ({ n }) as unknown as StatusInput;

describe('renderedCache', () => {
  it('fetches once per version however many ask at once, then answers synchronously', async () => {
    let fetches = 0;
    let version = 1;
    const cache = renderedCache(async () => inputNo(++fetches), () => version);
    const [a, b] = await Promise.all([cache.snapshot(), cache.snapshot()]);
    expect(fetches).toBe(1);
    expect(a.input).toBe(b.input);
    const hit = cache.snapshot();
    expect(hit).not.toBeInstanceOf(Promise);
    expect(hit).toBe(cache.snapshot());
    version = 2;
    expect((await cache.snapshot()).input).toEqual(inputNo(2));
  });

  it('renders a document once per version and language', async () => {
    const cache = renderedCache(() => inputNo(1), () => 1);
    let renders = 0;
    const build = () => `body ${++renders}`;
    const first = (await cache.snapshot()).render('/summary', 'en', build);
    expect((await cache.snapshot()).render('/summary', 'en', build)).toBe(first);
    expect((await cache.snapshot()).render('/summary', 'zh-CN', build).body).toBe('body 2');
    expect(first.etag).toMatch(/^"/);
  });

  it('does not keep a failed fetch: the next request tries again', async () => {
    let fail = true;
    const cache = renderedCache(async () => {
      if (fail) throw new Error('store down');
      return inputNo(7);
    }, () => 1);
    await expect(cache.snapshot()).rejects.toThrow('store down');
    fail = false;
    expect((await cache.snapshot()).input).toEqual(inputNo(7));
  });
});
