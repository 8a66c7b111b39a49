import { describe, expect, it } from 'vitest';
import { endpointProblem } from './endpoint-policy';

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
