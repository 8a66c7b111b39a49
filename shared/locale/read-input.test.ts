import { describe, expect, it } from 'vitest';
import { formats } from './formats';
import { readCount, readMoney, readPercentMilli } from './read-input';

const en = formats({ locale: 'en-US', currency: 'USD' });
const de = formats({ locale: 'de-DE', currency: 'EUR' });
const fr = formats({ locale: 'fr-FR', currency: 'EUR' });
const cents = (text: string, f = en) => {
  const r = readMoney(text, f);
  return r.ok ? r.value : null;
};

describe('money typed in the workstation’s locale', () => {
  it.each([
    // en-US: "." decimal, "," thousands.
    ['12.50', 1250],
    ['12,50', 1250],
    ['12,5', 1250],
    ['20,50', 2050],
    ['1,250', 125000],
    ['1,234.56', 123456],
    ['1,234,567.89', 123456789],
    ['$1,299.00', 129900],
    ['$ 12.5', 1250],
    ['USD 3', 300],
    ['.5', 50],
    ['12.', 1200],
    ['0.29', 29],
    ['007', 700],
    ['1.250', null],
    ['1,2,3', null],
    ['1.234,56', null],
    ['1.234.567', null],
    ['12,34,567', null],
    ['1 234', null],
    ['12.5x', null],
    ['abc', null],
    ['', null],
    ['-3', null],
  ])('en-US reads %j as %s', (text, expected) => expect(cents(text)).toBe(expected));

  it.each([
    // de-DE: "," decimal, "." thousands.
    ['12,50', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['12.5', 1250],
    ['1.250', 125000],
    ['1.234,56', 123456],
    ['1.234.567,89', 123456789],
    ['12,50 €', 1250],
    ['€12,50', 1250],
    ['1,250', null],
    ['1,2,3', null],
    ['1,234.56', null],
    ['1 234,56', null],
  ])('de-DE reads %j as %s', (text, expected) => expect(cents(text, de)).toBe(expected));

  it.each([
    // fr-FR: "," decimal, a narrow no-break space for thousands; a person types any space.
    ['12,50', 1250],
    ['12.50', 1250],
    ['1\u202f234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1 234,56', 123456],
    ['1 234 567,89 €', 123456789],
    ['1 234.56', 123456],
    ['1 23,5', null],
    ['1,2,3', null],
    ['1.234,56', null],
    ['1,250', null],
    ['1.250', null],
  ])('fr-FR reads %j as %s', (text, expected) => expect(cents(text, fr)).toBe(expected));

  it('says plainly why it refuses, with an example in the locale', () => {
    expect(readMoney('1,2,3', en, { what: 'price' })).toEqual({ ok: false, problem: '“1,2,3” is not an amount: its marks are not where thousands or cents go. Type the price like 12.50 or 1,234.50.' });
    expect(readMoney('1,2,3', de, { what: 'price' })).toMatchObject({ problem: expect.stringContaining('like 12,50 or 1.234,50') });
    expect(readMoney('1,250', de, { what: 'price' })).toEqual({ ok: false, problem: '“1,250” has more decimals than an amount has: type the price like 12,50.' });
    expect(readMoney('', fr, { what: 'price' })).toEqual({ ok: false, problem: 'Type the price, e.g. 12,50.' });
    expect(readMoney('-4', en, { what: 'price' })).toEqual({ ok: false, problem: 'The price cannot be negative.' });
    expect(readMoney('-4,5', de, { allowNegative: true })).toEqual({ ok: true, value: -450 });
    expect(readMoney('123456789012', en)).toMatchObject({ ok: false });
  });

  it('reads the locale’s own digits', () => {
    const ar = formats({ locale: 'ar-EG', currency: 'USD' });
    expect(readMoney('١٢٫٥٠', ar)).toEqual({ ok: true, value: 1250 });
  });

  it('reads every amount it writes back to the same cents, in each locale', () => {
    for (const f of [en, de, fr, formats({ locale: 'de-CH', currency: 'CHF' }), formats({ locale: 'en-IN', currency: 'INR' })]) {
      for (let c = 0; c <= 2_000_000; c += 9_973) {
        expect(readMoney(f.amount(c), f)).toEqual({ ok: true, value: c });
        expect(readMoney(f.money(c), f)).toEqual({ ok: true, value: c });
      }
    }
  });
});

describe('counts and rates', () => {
  it('reads whole numbers, with thousands marks only where the locale puts them', () => {
    const q = (text: string, f = en) => readCount(text, f, { min: 1, max: 9999 });
    expect(q('3')).toEqual({ ok: true, value: 3 });
    expect(q('1,000')).toEqual({ ok: true, value: 1000 });
    expect(q('1.000', de)).toEqual({ ok: true, value: 1000 });
    expect(q('1\u202f000', fr)).toEqual({ ok: true, value: 1000 });
    expect(q('1.000')).toEqual({ ok: false, problem: '“1.000” cannot be read: the quantity is a whole number from 1 to 9,999.' });
    expect(q('1,5', de)).toEqual({ ok: false, problem: '“1,5” cannot be read: the quantity is a whole number from 1 to 9.999.' });
    expect(q('0')).toEqual({ ok: false, problem: 'The quantity is a whole number from 1 to 9,999.' });
    expect(q('')).toEqual({ ok: false, problem: 'The quantity is a whole number from 1 to 9,999.' });
    expect(readCount('', en, { min: 1, max: 9, emptyMeans: 1 })).toEqual({ ok: true, value: 1 });
  });

  it('reads tax rates to thousandths of a percent, and refuses a reading that could go two ways', () => {
    expect(readPercentMilli('8.25', en)).toEqual({ ok: true, value: 8250 });
    expect(readPercentMilli('8,25', en)).toEqual({ ok: true, value: 8250 });
    expect(readPercentMilli('8,25 %', de)).toEqual({ ok: true, value: 8250 });
    expect(readPercentMilli('8.25', de)).toEqual({ ok: true, value: 8250 });
    expect(readPercentMilli('7,125', fr)).toEqual({ ok: true, value: 7125 });
    expect(readPercentMilli('8,250', en)).toMatchObject({ ok: false, problem: expect.stringContaining('could be 8250 or 8.250') });
    expect(readPercentMilli('8.250', de)).toMatchObject({ ok: false, problem: expect.stringContaining('could be 8250 or 8,250') });
    expect(readPercentMilli('1,2,3', de)).toMatchObject({ ok: false });
    expect(readPercentMilli('100', en)).toMatchObject({ ok: false });
  });
});

describe('formats', () => {
  it('writes money in the store’s currency and the locale, exactly', () => {
    expect(en.money(123456789)).toBe('$1,234,567.89');
    expect(en.money(-1999)).toBe('-$19.99');
    expect(de.money(129900)).toBe('1.299,00\u00a0€');
    expect(fr.money(129900)).toBe('1\u202f299,00\u00a0€');
    expect(formats({ locale: 'de-DE', currency: 'USD' }).money(1250)).toBe('12,50\u00a0$');
    // Far beyond a float's exact cents.
    expect(en.money(9_007_199_254_740_991)).toBe('$90,071,992,547,409.91');
    expect(de.amount(1250)).toBe('12,50');
    expect(en.percentMilli(8250)).toBe('8.25%');
    expect(de.percentMilli(8875)).toBe('8,875\u00a0%');
    expect(en.percentMilli(0)).toBe('0%');
  });

  it('says 1 item and 2 items', () => {
    expect(en.count(1, 'item', 'items')).toBe('1 item');
    expect(en.count(0, 'item', 'items')).toBe('0 items');
    expect(de.count(1234, 'item', 'items')).toBe('1.234 items');
  });

  it('writes dates in the locale', () => {
    const ms = Date.UTC(2026, 2, 14, 12);
    expect(de.date(ms)).toMatch(/14\.03\.2026/);
    expect(en.date(ms)).toMatch(/Mar 14, 2026/);
  });
});
