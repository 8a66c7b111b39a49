import { beforeAll, describe, expect, it } from 'vitest';
import { descriptionSanitizer, type SafeDescription } from './sanitize';

let sanitizeDescription: (html: string) => SafeDescription;
beforeAll(async () => {
  sanitizeDescription = await descriptionSanitizer();
});

describe('a vendor description made safe', () => {
  it('keeps formatting and drops script, style, handlers and dangerous links', () => {
    const { html } = sanitizeDescription('<p onclick="x()"><b>Good</b></p><script>alert(1)</script><style>p{}</style><iframe src="https://a.example"></iframe><a href="javascript:alert(1)">x</a><form><input></form>');
    expect(html).toBe('<p><b>Good</b></p><a target="_blank" rel="noopener noreferrer">x</a>');
  });

  it('makes every link open outside the app, whatever target and rel the vendor gave', () => {
    const { html } = sanitizeDescription('<a href="https://www.heavytruckparts.net/x" target="_self" rel="opener">one</a><a href="mailto:parts@vendor.example" target="frame1">two</a>');
    expect(html).toBe('<a href="https://www.heavytruckparts.net/x" target="_blank" rel="noopener noreferrer">one</a><a href="mailto:parts@vendor.example" target="_blank" rel="noopener noreferrer">two</a>');
  });

  it('hands pictures to the app to fetch (no address the window would load), each with a text alternative', () => {
    const { html, pictures } = sanitizeDescription('<img src="http://pics.vendor.example/a.jpg" width="240" height="180"><img src="https://pics.vendor.example/b.png" alt="Data plate"><img src="https://pics.vendor.example/a.jpg">');
    expect(pictures).toEqual(['http://pics.vendor.example/a.jpg', 'https://pics.vendor.example/b.png', 'https://pics.vendor.example/a.jpg']);
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).toContain('<img data-picture="http://pics.vendor.example/a.jpg" alt="Picture in the vendor’s description" width="240" height="180" />');
    expect(html).toContain('<img data-picture="https://pics.vendor.example/b.png" alt="Data plate" />');
  });

  it.each([
    '<img src="http://tracker.example/pixel.gif" width="1" height="1">',
    '<img src="https://tracker.example/p.gif" style="display:none">',
    '<img src="https://tracker.example/p.gif" style="visibility: hidden">',
    '<img src="http://tracker.example/open" width="0" height="0" border="0">',
    '<img src="javascript:alert(1)">',
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
    '<img src="//tracker.example/p.gif">',
    '<img src="https://user:pw@tracker.example/p.gif">',
    '<img>',
  ])('leaves out a tracking pixel or a picture it cannot fetch: %s', (img) => {
    expect(sanitizeDescription(`<p>x</p>${img}`)).toEqual({ html: '<p>x</p>', pictures: [] });
  });

  it('makes vendor headings sub-headings of the item', () => {
    expect(sanitizeDescription('<h1>A</h1><h2>B</h2><h4>C</h4><h6>D</h6>').html).toBe('<h3>A</h3><h3>B</h3><h3>C</h3><h3>D</h3>');
  });
});
