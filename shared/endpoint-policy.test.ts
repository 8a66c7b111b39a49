import { describe, expect, it } from 'vitest';
import { endpointProblem, isPublicWebAddress } from './endpoint-policy';

describe('endpoint policy', () => {
  it.each([
    'https://user.traxia.com/app/api',
    'https://api.etraxsales.com/v1/ifpos',
    'http://127.0.0.1:4545/simpleconsign',
    'http://localhost:8080/x',
    'http://[::1]:9000/',
    'http://127.10.0.2/',
  ])('accepts %s', (url) => expect(endpointProblem(url)).toBeNull());

  it.each([
    ['http://user.traxia.com/app/api', /unencrypted/],
    ['http://192.168.1.5/', /unencrypted/],
    ['http://127.0.0.1.evil.com/', /unencrypted/],
    ['http://localhost.evil.com/', /unencrypted/],
    ['ftp://127.0.0.1/', /Only https/],
    ['file:///etc/passwd', /Only https/],
    ['javascript:alert(1)', /Only https/],
    ['https://key:secret@api.example.com/', /own fields/],
    ['not a url', /not a web address/],
  ])('refuses %s', (url, why) => expect(endpointProblem(url)).toMatch(why));
});

describe('public web addresses', () => {
  it.each([
    ['https://images.example.com/a.jpg', true],
    ['http://vendor.example.org/p.png', true],
    ['https://127.0.0.1/a.jpg', false],
    ['https://localhost/a.jpg', false],
    ['https://[::1]/a.jpg', false],
    ['https://10.1.2.3/a.jpg', false],
    ['https://192.168.0.10/a.jpg', false],
    ['https://169.254.169.254/latest/meta-data/', false],
    ['https://nas.local/a.jpg', false],
    ['https://intranet/a.jpg', false],
    ['https://user:pw@images.example.com/a.jpg', false],
    ['ftp://images.example.com/a.jpg', false],
    ['file:///etc/passwd', false],
  ])('%s → %s', (url, expected) => expect(isPublicWebAddress(url)).toBe(expected));
});
