import { expect, test } from './fixtures/test';
import { PresentationCheck, presentations } from './pages/axe-check';
import { backOfficeStates, counterStates, partsStates, prepareStore, type OpenedState } from './pages/opened-states';

const shown = presentations.map((p) => p.name).join(', ');

/**
 * Each state is opened once and looked at in every presentation (1024×768, 1366×768, 1920×1080, 200% zoom and
 * 200% text): no critical, serious or moderate axe finding, and at 200% nothing cut off or scrolling sideways.
 */
const groups: { name: string; states: OpenedState[]; prepare?: typeof prepareStore; minor?: boolean }[] = [
  { name: 'the counter and returns', states: counterStates, prepare: prepareStore },
  { name: 'the other screens', states: backOfficeStates, prepare: prepareStore },
  // The parts call's views have no axe finding at all, minor ones included.
  { name: 'the parts call', states: partsStates, minor: true },
];

for (const group of groups) {
  test(`${group.name}: every opened state is usable at ${shown}, with no axe finding`, async ({ page, shell }, testInfo) => {
    test.setTimeout(600_000);
    await group.prepare?.(shell);
    const check = await PresentationCheck.start(page, testInfo);
    const findings: string[] = [];
    for (const state of group.states) {
      await state.open(page, shell);
      findings.push(...(await check.findings(state.name, { minor: group.minor })));
    }
    expect(findings).toEqual([]);
  });
}
