import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { isAppUrl } = await import('./security');

describe('isAppUrl', () => {
  it.each([
    ['app://renderer/index.html', true],
    ['app://renderer/', true],
    ['app://renderer.evil.com/', false],
    ['app://other/index.html', false],
    ['https://renderer/', false],
    ['file:///etc/passwd', false],
    ['http://127.0.0.1:3000/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});
