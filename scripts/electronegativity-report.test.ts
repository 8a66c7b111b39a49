import { describe, expect, it } from 'vitest';
import { readReport } from './electronegativity-report';

const result = (ruleId: string | undefined, uri: string | undefined) => ({
  ruleId,
  message: { text: 'why' },
  locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 40, startColumn: 15 } } }],
});
const report = (results: unknown[]) => JSON.stringify({ version: '2.1.0', runs: [{ results }] });

describe('reading the Electronegativity report', () => {
  it('names each finding by rule and file, a global check as "N/A"', () => {
    expect(readReport(report([result('SANDBOX_JS_CHECK', 'electron\\main.ts'), result('CSP_GLOBAL_CHECK', 'file:///')]))).toEqual([
      { issue: 'SANDBOX_JS_CHECK', filename: 'electron/main.ts', location: '40:14', description: 'why' },
      { issue: 'CSP_GLOBAL_CHECK', filename: 'N/A', location: '40:14', description: 'why' },
    ]);
  });

  it('fails, never passes, on a report cut short or a finding without its file', () => {
    expect(() => readReport(report([result('SANDBOX_JS_CHECK', 'electron/main.ts')]).slice(0, 60))).toThrow(/could not be read/);
    expect(() => readReport('{}')).toThrow(/no list of findings/);
    expect(() => readReport(report([result('SANDBOX_JS_CHECK', undefined)]))).toThrow(/without its rule or file/);
  });
});
